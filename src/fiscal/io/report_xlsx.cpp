
#include <cmath>
#include <memory>
#include <string>

#include "core/locale_numbers.hpp"
#include "fiscal/io/report.hpp"
#include "fiscal/io/workbook_words.hpp"
#include "fiscal/io/xlsx_workbook.hpp"

namespace connex::fiscal::io {

namespace {

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string SheetName(const std::string& prefix, const std::string& name, size_t index) {
  std::string clean;
  for (char c : name) clean += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  const std::string s = prefix + std::to_string(index + 1) + " " + clean;
  // 31 characters, not bytes: "Variação do preço 2 …" must not lose half an "ç".
  size_t end = 0;
  for (int characters = 0; end < s.size(); ++end) {
    const bool starts = (static_cast<unsigned char>(s[end]) & 0xC0) != 0x80;
    if (starts && ++characters > 31) break;
  }
  return s.substr(0, end);
}

// On a ledger sheet (years down, line l in column l + 1), below the table:
// the state's receipts stacked by instrument, then the state's receipts
// beside the investor's cash flow.
void InsertCashFlowCharts(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet,
                          const Analysis& a, int years, const WorkbookWords& words) {
  const auto last = static_cast<lxw_row_t>(years);
  auto add = [&](lxw_chart* chart, Line line) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const auto col = static_cast<lxw_col_t>(static_cast<int>(line) + 1);
    chart_series_set_categories(series, sheet.c_str(), 1, 0, last, 0);
    chart_series_set_values(series, sheet.c_str(), 1, col, last, col);
    chart_series_set_name_range(series, sheet.c_str(), 0, col);
  };
  lxw_chart_options at = {};
  at.x_scale = 2;
  at.y_scale = 1.5;
  lxw_chart* receipts = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
  // Every instrument that pays in some year: VAT refunded in full nets to
  // nothing over the life, yet moves money year by year.
  for (Line line : kGovernmentLines) {
    bool pays = false;
    for (int t = 0; t < years; ++t) pays |= a.ledger.at(line, t) != 0;
    if (pays) add(receipts, line);
  }
  chart_title_set_name(receipts, words("chart_receipts", {{"regime", a.regime}}).c_str());
  worksheet_insert_chart_opt(ws, last + 3, 1, receipts, &at);
  lxw_chart* split = workbook_add_chart(wb, LXW_CHART_COLUMN);
  add(split, kGovernmentReceipts);
  add(split, kInvestorCashFlow);
  chart_title_set_name(split, words("chart_split", {{"regime", a.regime}}).c_str());
  worksheet_insert_chart_opt(ws, last + 27, 1, split, &at);
}

}  // namespace

Result<bool> WriteXlsx(const std::string& path, const Workbook& book) {
  Result<WorkbookPtr> opened = OpenWorkbook(path);
  if (!opened.ok()) return opened.errors();
  WorkbookPtr wb = std::move(opened).value();
  const Model& model = *book.model;
  const WorkbookWords words(book.language);
  lxw_format* bold = workbook_add_format(wb.get());
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb.get());
  format_set_num_format(money, "#,##0.00");
  lxw_format* pct = workbook_add_format(wb.get());
  format_set_num_format(pct, "0.00%");
  lxw_format* factor = workbook_add_format(wb.get());
  format_set_num_format(factor, "0.0000");

  // --- Summary ---
  lxw_worksheet* sum = workbook_add_worksheet(wb.get(), words("sheet/summary").c_str());
  worksheet_set_column(sum, 0, 0, 38, nullptr);
  worksheet_set_column(sum, 1, static_cast<lxw_col_t>(book.analyses.size()), 20, nullptr);
  worksheet_write_string(sum, 0, 0, model.name.c_str(), bold);
  worksheet_write_string(sum, 1, 0, ConventionsLine(model, words, book.language).c_str(), nullptr);
  worksheet_write_string(sum, 2, 0, words("government_receipts").c_str(), nullptr);
  const int top = 4;
  worksheet_write_string(sum, top, 0, words("metric_heading").c_str(), bold);
  const char* labels[] = {"revenue",
                          "pretax_total",
                          "government_total",
                          "investor_total",
                          "pv_pretax",
                          "pv_government",
                          "investor_npv",
                          "government_take",
                          "aetr",
                          "investor_irr",
                          "pretax_irr",
                          "payback_year",
                          "discounted_payback_year",
                          "profitability_index",
                          "pv_government_real",
                          "investor_npv_real",
                          "aetr_real",
                          "pv_government_point_forward",
                          "investor_npv_point_forward",
                          "aetr_point_forward",
                          "breakeven_post_tax",
                          "breakeven_pre_tax",
                          "metr",
                          "min_state_share",
                          "front_loading",
                          "economic_limit_year",
                          "fund_contributions",
                          "closure_shortfall",
                          "progressivity"};
  for (size_t i = 0; i < std::size(labels); ++i) {
    worksheet_write_string(sum, static_cast<lxw_row_t>(top + 1 + i), 0,
                           words(std::string("metric/") + labels[i]).c_str(), nullptr);
  }
  for (size_t k = 0; k < book.analyses.size(); ++k) {
    const Analysis& a = *book.analyses[k];
    const Metrics& m = a.metrics;
    const auto col = static_cast<lxw_col_t>(k + 1);
    int r = top;
    worksheet_write_string(sum, r++, col, a.regime.c_str(), bold);
    for (double v : {m.revenue, m.pretax_total, m.government_total, m.investor_total, m.pv_pretax,
                     m.pv_government, m.investor_npv}) {
      worksheet_write_number(sum, r++, col, v, money);
    }
    WriteMetric(sum, r++, col, m.government_take, pct, words);
    WriteMetric(sum, r++, col, m.aetr, pct, words);
    WriteIrr(sum, r++, col, m.investor_irr, pct, words);
    WriteIrr(sum, r++, col, m.pretax_irr, pct, words);
    WriteMetric(sum, r++, col, m.payback_year, nullptr, words);
    WriteMetric(sum, r++, col, m.discounted_payback_year, nullptr, words);
    WriteMetric(sum, r++, col, m.profitability_index, factor, words);
    worksheet_write_number(sum, r++, col, a.real.pv_government, money);
    worksheet_write_number(sum, r++, col, a.real.investor_npv, money);
    WriteMetric(sum, r++, col, a.real.aetr, pct, words);
    if (a.point_forward) {
      worksheet_write_number(sum, r++, col, a.point_forward->pv_government, money);
      worksheet_write_number(sum, r++, col, a.point_forward->investor_npv, money);
      WriteMetric(sum, r++, col, a.point_forward->aetr, pct, words);
    } else {
      const Metric unset = Metric::Undefined("no point-forward year is set");
      for (int i = 0; i < 3; ++i) WriteMetric(sum, r++, col, unset, nullptr, words);
    }
    WriteMetric(sum, r++, col, a.post_tax_breakeven.factor, factor, words);
    WriteMetric(sum, r++, col, a.pre_tax_breakeven.factor, factor, words);
    WriteMetric(sum, r++, col, a.metr, pct, words);
    WriteMetric(sum, r++, col, m.min_state_share_of_revenue, pct, words);
    WriteMetric(sum, r++, col, m.front_loading, pct, words);
    WriteMetric(sum, r++, col, m.economic_limit_year, nullptr, words);
    worksheet_write_number(sum, r++, col, m.fund_contributions, money);
    worksheet_write_number(sum, r++, col, m.closure_shortfall, money);
    WriteMetric(sum, r++, col, a.progressivity.slope, factor, words);
  }
  int r = top + 2 + static_cast<int>(std::size(labels));
  worksheet_write_string(sum, r++, 0, words("by_instrument").c_str(), bold);
  for (int i = 0; i < kInstrumentCount; ++i, ++r) {
    worksheet_write_string(
        sum, r, 0, words(std::string("line/") + LineName(kGovernmentLines[i])).c_str(), nullptr);
    for (size_t k = 0; k < book.analyses.size(); ++k) {
      worksheet_write_number(sum, r, static_cast<lxw_col_t>(k + 1),
                             book.analyses[k]->metrics.by_instrument[i].total, money);
    }
  }

  // --- One ledger sheet per regime: years down, lines across (as analysts lay them out) ---
  // Several projects: each project's ledger follows on a sheet of the same
  // layout ("Ledger 1.2 Field B": the second project under the first regime).
  const int n = model.project.years;
  auto ledger_sheet = [&](const std::string& sheet, const Ledger& ledger) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), sheet.c_str());
    worksheet_write_string(ws, 0, 0, words("year").c_str(), bold);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(ledger.rows()), 16, nullptr);
    worksheet_freeze_panes(ws, 1, 1);
    for (int l = 0; l < kLineCount; ++l) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(l + 1),
                             words(std::string("line/") + LineName(static_cast<Line>(l))).c_str(),
                             bold);
    }
    // Then each product's gross revenue, after the lines.
    for (int p = 0; p < ledger.products(); ++p) {
      const std::string head = words("line/gross_revenue") + ": " + model.project.products[p].name;
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(kLineCount + p + 1), head.c_str(), bold);
    }
    for (int t = 0; t < n; ++t) {
      worksheet_write_number(ws, static_cast<lxw_row_t>(t + 1), 0, model.project.first_year + t,
                             nullptr);
      for (int l = 0; l < ledger.rows(); ++l) {
        worksheet_write_number(ws, static_cast<lxw_row_t>(t + 1), static_cast<lxw_col_t>(l + 1),
                               ledger.at(static_cast<Line>(l), t), money);
      }
    }
    return ws;
  };
  for (size_t k = 0; k < book.analyses.size(); ++k) {
    const Analysis& a = *book.analyses[k];
    const std::string sheet = SheetName(words("sheet/ledger") + " ", a.regime, k);
    InsertCashFlowCharts(wb.get(), ledger_sheet(sheet, a.ledger), sheet, a, n, words);
    for (size_t i = 0; i < a.projects.size(); ++i) {
      const std::string prefix = words("sheet/ledger") + " " + std::to_string(k + 1) + ".";
      ledger_sheet(SheetName(prefix, model.project.parts[i].name, i), a.projects[i]);
    }
  }

  // --- Comparison with a chart of the per-year difference ---
  if (book.comparison) {
    const Comparison& c = *book.comparison;
    const std::string sheet = words("sheet/comparison");
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), sheet.c_str());
    worksheet_set_column(ws, 0, 5, 18, nullptr);
    const std::string head[] = {words("year"),
                                words("comparison/g_from"),
                                words("comparison/g_to"),
                                words("comparison/delta_g"),
                                words("comparison/delta_g_pv"),
                                words("comparison/delta_i")};
    for (int i = 0; i < 6; ++i)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), head[i].c_str(), bold);
    worksheet_write_string(ws, 1, 1, c.from.c_str(), nullptr);
    worksheet_write_string(ws, 1, 2, c.to.c_str(), nullptr);
    const Analysis* from = book.analyses.size() > 0 ? book.analyses[0] : nullptr;
    const Analysis* to = book.analyses.size() > 1 ? book.analyses[1] : nullptr;
    for (int t = 0; t < n; ++t) {
      const auto row = static_cast<lxw_row_t>(t + 2);
      worksheet_write_number(ws, row, 0, model.project.first_year + t, nullptr);
      if (from) worksheet_write_number(ws, row, 1, from->ledger.at(kGovernmentReceipts, t), money);
      if (to) worksheet_write_number(ws, row, 2, to->ledger.at(kGovernmentReceipts, t), money);
      worksheet_write_number(ws, row, 3, c.government_delta[t], money);
      worksheet_write_number(ws, row, 4, c.government_pv_delta[t], money);
      worksheet_write_number(ws, row, 5, c.investor_delta[t], money);
    }
    const auto total_row = static_cast<lxw_row_t>(n + 3);
    worksheet_write_string(ws, total_row, 0, words("comparison/total").c_str(), bold);
    worksheet_write_number(ws, total_row, 3, c.government_total_delta, money);
    worksheet_write_number(ws, total_row, 4, c.government_pv_delta_total, money);
    worksheet_write_string(ws, total_row + 1, 0, words("comparison/investor_npv_delta").c_str(),
                           bold);
    worksheet_write_number(ws, total_row + 1, 4, c.investor_npv_delta, money);

    lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, sheet.c_str(), 2, 0, static_cast<lxw_row_t>(n + 1), 0);
    chart_series_set_values(series, sheet.c_str(), 2, 3, static_cast<lxw_row_t>(n + 1), 3);
    chart_series_set_name(series, words("comparison/series").c_str());
    chart_title_set_name(chart,
                         words("comparison/title", {{"to", c.to}, {"from", c.from}}).c_str());
    worksheet_insert_chart(ws, 1, 7, chart);
  }

  // --- What each incentive costs the state, when some regime grants any ---
  bool incentives = false;
  for (const Analysis* a : book.analyses) incentives |= !a->tax_expenditure.items.empty();
  if (incentives) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), words("sheet/tax_expenditure").c_str());
    worksheet_write_string(ws, 0, 0, words("tax_expenditure/title").c_str(), nullptr);
    const char* head[] = {"regime", "incentive", "terms", "nominal", "pv"};
    for (int i = 0; i < 5; ++i) {
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(i),
                             words(std::string("tax_expenditure/") + head[i]).c_str(), bold);
    }
    lxw_row_t row = 3;
    auto line = [&](const std::string& regime, const std::string& what, const std::string& terms,
                    double nominal, double pv, lxw_format* format) {
      worksheet_write_string(ws, row, 0, regime.c_str(), nullptr);
      worksheet_write_string(ws, row, 1, what.c_str(), format);
      worksheet_write_string(ws, row, 2, terms.c_str(), nullptr);
      worksheet_write_number(ws, row, 3, nominal, money);
      worksheet_write_number(ws, row, 4, pv, money);
      ++row;
    };
    for (const Analysis* a : book.analyses) {
      const TaxExpenditure& te = a->tax_expenditure;
      if (te.items.empty()) continue;
      for (const TaxExpenditureItem& i : te.items) {
        std::string what = words(std::string("incentive/") + kIncentiveKindNames[i.incentive.kind]);
        if (i.incentive.kind == IncentiveKind::kReducedRoyaltyRate) {
          what += " (" + i.detail + ")";
        } else if (!i.detail.empty()) {
          what += " (" + words("cost/" + i.detail) + ")";
        }
        line(a->regime, what, i.terms, i.nominal, i.pv, nullptr);
      }
      line(a->regime, words("tax_expenditure/interaction"), "", te.interaction_nominal,
           te.interaction_pv, nullptr);
      line(a->regime, words("tax_expenditure/total"), "", te.total_nominal, te.total_pv, bold);
    }
    worksheet_set_column(ws, 0, 2, 28, nullptr);
    worksheet_set_column(ws, 3, 4, 16, nullptr);
  }

  // --- Price sweeps ---
  if (!book.sweeps.empty()) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), words("sheet/sweep").c_str());
    const char* head[] = {"regime", "price_factor", "pv_g",        "investor_npv",
                          "aetr",   "pretax_irr",   "investor_irr"};
    for (int i = 0; i < 7; ++i) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i),
                             words(std::string("sweep/") + head[i]).c_str(), bold);
    }
    lxw_row_t row = 1;
    for (const SweepSeries& s : book.sweeps) {
      for (const SweepPoint& p : s.points) {
        worksheet_write_string(ws, row, 0, s.regime.c_str(), nullptr);
        worksheet_write_number(ws, row, 1, p.price_factor, factor);
        worksheet_write_number(ws, row, 2, p.core.pv_government, money);
        worksheet_write_number(ws, row, 3, p.core.investor_npv, money);
        WriteMetric(ws, row, 4, p.core.aetr, pct, words);
        WriteIrr(ws, row, 5, p.pretax_irr, pct, words);
        WriteIrr(ws, row, 6, p.investor_irr, pct, words);
        ++row;
      }
    }
  }

  return CloseWorkbook(std::move(wb), path);
}

}  // namespace connex::fiscal::io
