
#include <memory>
#include <string>

#include "fiscal/io/report.hpp"
#include "fiscal/io/xlsx_workbook.hpp"

namespace connex::fiscal::io {

namespace {

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string SheetName(const std::string& prefix, const std::string& name, size_t index) {
  std::string clean;
  for (char c : name) clean += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '_';
  std::string s = prefix + std::to_string(index + 1) + " " + clean;
  return s.substr(0, 31);
}

void WriteMetric(lxw_worksheet* ws, int row, int col, const Metric& m, lxw_format* fmt) {
  if (m.defined) {
    worksheet_write_number(ws, row, col, m.value, fmt);
  } else {
    worksheet_write_string(ws, row, col, (std::string("n/a: ") + m.reason).c_str(), nullptr);
  }
}

void WriteIrr(lxw_worksheet* ws, int row, int col, const Irr& irr, lxw_format* fmt) {
  if (irr.defined) {
    worksheet_write_number(ws, row, col, irr.value, fmt);
  } else {
    worksheet_write_string(ws, row, col, (std::string("n/a: ") + irr.reason).c_str(), nullptr);
  }
}

// On a ledger sheet (years down, line l in column l + 1), below the table:
// the state's receipts stacked by instrument, then the state's receipts
// beside the investor's cash flow.
void InsertCashFlowCharts(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet,
                          const Analysis& a, int years) {
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
  for (int i = 0; i < kInstrumentCount; ++i) {
    if (a.metrics.by_instrument[static_cast<size_t>(i)].total != 0) {
      add(receipts, kGovernmentLines[i]);
    }
  }
  chart_title_set_name(receipts, ("State receipts by instrument: " + a.regime).c_str());
  worksheet_insert_chart_opt(ws, last + 3, 1, receipts, &at);
  lxw_chart* split = workbook_add_chart(wb, LXW_CHART_COLUMN);
  add(split, kGovernmentReceipts);
  add(split, kInvestorCashFlow);
  chart_title_set_name(split, ("State receipts and investor cash flow: " + a.regime).c_str());
  worksheet_insert_chart_opt(ws, last + 27, 1, split, &at);
}

}  // namespace

Result<bool> WriteXlsx(const std::string& path, const Workbook& book) {
  Result<WorkbookPtr> opened = OpenWorkbook(path);
  if (!opened.ok()) return opened.errors();
  WorkbookPtr wb = std::move(opened).value();
  const Model& model = *book.model;
  lxw_format* bold = workbook_add_format(wb.get());
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb.get());
  format_set_num_format(money, "#,##0.00");
  lxw_format* pct = workbook_add_format(wb.get());
  format_set_num_format(pct, "0.00%");
  lxw_format* factor = workbook_add_format(wb.get());
  format_set_num_format(factor, "0.0000");

  // --- Summary ---
  lxw_worksheet* sum = workbook_add_worksheet(wb.get(), "Summary");
  worksheet_set_column(sum, 0, 0, 38, nullptr);
  worksheet_set_column(sum, 1, static_cast<lxw_col_t>(book.analyses.size()), 20, nullptr);
  worksheet_write_string(sum, 0, 0, model.name.c_str(), bold);
  const std::string conv = "Amounts in " + model.currency + ", nominal; discount rate " +
                           std::to_string(model.discounting.rate) + ", valuation year " +
                           std::to_string(model.discounting.valuation_year) + ", " +
                           ToString(model.discounting.timing) + " timing";
  worksheet_write_string(sum, 1, 0, conv.c_str(), nullptr);
  worksheet_write_string(sum, 2, 0, (std::string("G = ") + kGovernmentReceiptsConvention).c_str(),
                         nullptr);
  const int top = 4;
  worksheet_write_string(sum, top, 0, "Metric", bold);
  const char* labels[] = {"Gross revenue",
                          "Pre-tax cash flow (N)",
                          "Government receipts (G)",
                          "Investor cash flow (I)",
                          "PV pre-tax cash flow",
                          "PV government receipts",
                          "Investor NPV",
                          "Government take",
                          "AETR",
                          "Investor IRR",
                          "Pre-tax IRR",
                          "Payback year",
                          "Breakeven price factor (post-tax)",
                          "Breakeven price factor (pre-tax)",
                          "METR",
                          "Min state share of revenue",
                          "Front-loading (5 production years)",
                          "Progressivity slope"};
  for (size_t i = 0; i < std::size(labels); ++i) {
    worksheet_write_string(sum, static_cast<lxw_row_t>(top + 1 + i), 0, labels[i], nullptr);
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
    WriteMetric(sum, r++, col, m.government_take, pct);
    WriteMetric(sum, r++, col, m.aetr, pct);
    WriteIrr(sum, r++, col, m.investor_irr, pct);
    WriteIrr(sum, r++, col, m.pretax_irr, pct);
    WriteMetric(sum, r++, col, m.payback_year, nullptr);
    WriteMetric(sum, r++, col, a.post_tax_breakeven.factor, factor);
    WriteMetric(sum, r++, col, a.pre_tax_breakeven.factor, factor);
    WriteMetric(sum, r++, col, a.metr, pct);
    WriteMetric(sum, r++, col, m.min_state_share_of_revenue, pct);
    WriteMetric(sum, r++, col, m.front_loading, pct);
    WriteMetric(sum, r++, col, a.progressivity.slope, factor);
  }
  int r = top + 2 + static_cast<int>(std::size(labels));
  worksheet_write_string(sum, r++, 0, "By instrument (total nominal)", bold);
  for (int i = 0; i < kInstrumentCount; ++i, ++r) {
    worksheet_write_string(sum, r, 0, LineName(kGovernmentLines[i]), nullptr);
    for (size_t k = 0; k < book.analyses.size(); ++k) {
      worksheet_write_number(sum, r, static_cast<lxw_col_t>(k + 1),
                             book.analyses[k]->metrics.by_instrument[i].total, money);
    }
  }

  // --- One ledger sheet per regime: years down, lines across (as analysts lay them out) ---
  const int n = model.project.years;
  for (size_t k = 0; k < book.analyses.size(); ++k) {
    const Analysis& a = *book.analyses[k];
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), SheetName("Ledger ", a.regime, k).c_str());
    worksheet_write_string(ws, 0, 0, "year", bold);
    worksheet_set_column(ws, 1, kLineCount, 16, nullptr);
    worksheet_freeze_panes(ws, 1, 1);
    for (int l = 0; l < kLineCount; ++l) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(l + 1), LineName(static_cast<Line>(l)),
                             bold);
    }
    for (int t = 0; t < n; ++t) {
      worksheet_write_number(ws, static_cast<lxw_row_t>(t + 1), 0, model.project.first_year + t,
                             nullptr);
      for (int l = 0; l < kLineCount; ++l) {
        worksheet_write_number(ws, static_cast<lxw_row_t>(t + 1), static_cast<lxw_col_t>(l + 1),
                               a.ledger.at(static_cast<Line>(l), t), money);
      }
    }
    InsertCashFlowCharts(wb.get(), ws, SheetName("Ledger ", a.regime, k), a, n);
  }

  // --- Comparison with a chart of the per-year difference ---
  if (book.comparison) {
    const Comparison& c = *book.comparison;
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "Comparison");
    worksheet_set_column(ws, 0, 5, 18, nullptr);
    const char* head[] = {"year", "G from", "G to", "delta G", "delta G (PV)", "delta I"};
    for (int i = 0; i < 6; ++i)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), head[i], bold);
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
    worksheet_write_string(ws, total_row, 0, "total", bold);
    worksheet_write_number(ws, total_row, 3, c.government_total_delta, money);
    worksheet_write_number(ws, total_row, 4, c.government_pv_delta_total, money);
    worksheet_write_string(ws, total_row + 1, 0, "investor NPV delta", bold);
    worksheet_write_number(ws, total_row + 1, 4, c.investor_npv_delta, money);

    lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_COLUMN);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, "Comparison", 2, 0, static_cast<lxw_row_t>(n + 1), 0);
    chart_series_set_values(series, "Comparison", 2, 3, static_cast<lxw_row_t>(n + 1), 3);
    chart_series_set_name(series, "Additional government receipts");
    chart_title_set_name(chart, ("Government receipts: " + c.to + " minus " + c.from).c_str());
    worksheet_insert_chart(ws, 1, 7, chart);
  }

  // --- Price sweeps ---
  if (!book.sweeps.empty()) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "Sweep");
    const char* head[] = {"regime", "price factor", "PV G",        "investor NPV",
                          "AETR",   "pre-tax IRR",  "investor IRR"};
    for (int i = 0; i < 7; ++i)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), head[i], bold);
    lxw_row_t row = 1;
    for (const SweepSeries& s : book.sweeps) {
      for (const SweepPoint& p : s.points) {
        worksheet_write_string(ws, row, 0, s.regime.c_str(), nullptr);
        worksheet_write_number(ws, row, 1, p.price_factor, factor);
        worksheet_write_number(ws, row, 2, p.core.pv_government, money);
        worksheet_write_number(ws, row, 3, p.core.investor_npv, money);
        WriteMetric(ws, row, 4, p.core.aetr, pct);
        WriteIrr(ws, row, 5, p.pretax_irr, pct);
        WriteIrr(ws, row, 6, p.investor_irr, pct);
        ++row;
      }
    }
  }

  return CloseWorkbook(std::move(wb), path);
}

}  // namespace connex::fiscal::io
