#include <algorithm>
#include <memory>
#include <string>

#include "fiscal/io/uncertainty_report.hpp"
#include "fiscal/io/xlsx_workbook.hpp"

namespace connex::fiscal::io {

namespace {

const char* OutcomeLabel(int o) {
  constexpr const char* kLabels[] = {"PV of government receipts", "Investor NPV", "AETR",
                                     "Investor IRR"};
  return kLabels[o];
}

void Number(lxw_worksheet* ws, int row, int col, double v, lxw_format* f) {
  worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), v, f);
}
void Text(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* f) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), s.c_str(),
                         f);
}

// One series of `sheet`: categories in column cat_col, values in val_col, rows [first, last].
lxw_chart_series* Series(lxw_chart* chart, const char* sheet, int first, int last, int cat_col,
                         int val_col) {
  lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(s, sheet, static_cast<lxw_row_t>(first),
                              static_cast<lxw_col_t>(cat_col), static_cast<lxw_row_t>(last),
                              static_cast<lxw_col_t>(cat_col));
  chart_series_set_values(s, sheet, static_cast<lxw_row_t>(first), static_cast<lxw_col_t>(val_col),
                          static_cast<lxw_row_t>(last), static_cast<lxw_col_t>(val_col));
  return s;
}

struct Formats {
  lxw_format* bold;
  lxw_format* money;
  lxw_format* pct;
};

void MonteCarloSheets(lxw_workbook* wb, const UncertaintyWorkbook& book, const Formats& f) {
  const MonteCarloResult& r = *book.montecarlo;
  const char* name = "Monte Carlo";
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  worksheet_set_column(ws, 0, 0, 30, nullptr);
  worksheet_set_column(ws, 1, 12, 16, nullptr);
  Text(ws, 0, 0, "Regime", f.bold);
  Text(ws, 0, 1, book.regime, nullptr);
  Text(ws, 1, 0, "Scenarios", f.bold);
  Number(ws, 1, 1, static_cast<double>(r.completed), nullptr);
  if (r.partial) Text(ws, 1, 2, "partial: stopped before the requested count", f.bold);
  Text(ws, 2, 0, "Seed", f.bold);
  Number(ws, 2, 1, static_cast<double>(r.seed), nullptr);
  Text(ws, 3, 0, "P(investor NPV < 0)", f.bold);
  Number(ws, 3, 1, r.investor_loss.value, f.pct);
  if (r.government_pv_floor) {
    Text(ws, 4, 0, "P(PV government < floor)", f.bold);
    Number(ws, 4, 1, r.government_below_floor.value, f.pct);
    Number(ws, 4, 2, *r.government_pv_floor, f.money);
  }
  const char* headers[] = {"Outcome", "Mean", "SD",  "Std error", "P5",  "P10",
                           "P50",     "P90",  "P95", "Min",       "Max", "Undefined"};
  for (int c = 0; c < 12; ++c) Text(ws, 6, c, headers[c], f.bold);
  for (int o = 0; o < kOutcomeCount; ++o) {
    const Summary& s = r.outcomes[o];
    lxw_format* fmt = o >= 2 ? f.pct : f.money;
    const int row = 7 + o;
    Text(ws, row, 0, OutcomeLabel(o), nullptr);
    const double values[] = {s.mean,
                             s.sd,
                             s.standard_error,
                             s.percentiles[0],
                             s.percentiles[1],
                             s.percentiles[2],
                             s.percentiles[3],
                             s.percentiles[4],
                             s.min,
                             s.max};
    if (s.count > 0) {
      for (int c = 0; c < 10; ++c) Number(ws, row, 1 + c, values[c], fmt);
    }
    Number(ws, row, 11, static_cast<double>(s.undefined), nullptr);
  }

  // One histogram block and column chart per outcome, side by side below.
  const int top = 13;
  for (int o = 0; o < kOutcomeCount; ++o) {
    const Histogram& h = r.outcomes[o].histogram;
    const int col = o * 3;
    lxw_format* fmt = o >= 2 ? f.pct : f.money;
    Text(ws, top, col, std::string(OutcomeLabel(o)) + ": bin from", f.bold);
    Text(ws, top, col + 1, "Scenarios", f.bold);
    const int bins = static_cast<int>(h.counts.size());
    const double width = bins > 0 ? (h.to - h.from) / bins : 0;
    for (int b = 0; b < bins; ++b) {
      Number(ws, top + 1 + b, col, h.from + b * width, fmt);
      Number(ws, top + 1 + b, col + 1, static_cast<double>(h.counts[b]), nullptr);
    }
    if (bins == 0) continue;
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    lxw_chart_series* s = Series(chart, name, top + 1, top + bins, col, col + 1);
    chart_series_set_name(s, "Scenarios");
    chart_set_series_gap(chart, 5);
    chart_title_set_name(chart, OutcomeLabel(o));
    chart_axis_set_name(chart->x_axis, "Value (bin start; P0.5 to P99.5)");
    chart_axis_set_name(chart->y_axis, "Scenarios");
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(ws, static_cast<lxw_row_t>(top + kHistogramBins + 3 + 16 * (o / 2)),
                           static_cast<lxw_col_t>(8 * (o % 2)), chart);
  }

  // Mean cash flow per year across scenarios.
  const char* cf_name = "Mean cash flow";
  lxw_worksheet* cf = workbook_add_worksheet(wb, cf_name);
  worksheet_set_column(cf, 0, 3, 24, nullptr);
  const char* cf_headers[] = {"Year", "Government receipts", "Investor cash flow",
                              "Pre-tax cash flow"};
  for (int c = 0; c < 4; ++c) Text(cf, 0, c, cf_headers[c], f.bold);
  const int years = static_cast<int>(r.mean_government.size());
  for (int t = 0; t < years; ++t) {
    Number(cf, t + 1, 0, book.model->project.first_year + t, nullptr);
    Number(cf, t + 1, 1, r.mean_government[t], f.money);
    Number(cf, t + 1, 2, r.mean_investor[t], f.money);
    Number(cf, t + 1, 3, r.mean_pretax[t], f.money);
  }
  if (years == 0) return;
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
  chart_series_set_name(Series(chart, cf_name, 1, years, 0, 1), "Government receipts (mean)");
  chart_series_set_name(Series(chart, cf_name, 1, years, 0, 2), "Investor cash flow (mean)");
  chart_title_set_name(chart, "Mean cash flow across scenarios");
  chart_axis_set_name(chart->x_axis, "Year");
  worksheet_insert_chart(cf, 1, 5, chart);
}

void TornadoSheet(lxw_workbook* wb, const UncertaintyWorkbook& book, const Formats& f) {
  const Tornado& t = *book.tornado;
  const char* name = "Tornado";
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  worksheet_set_column(ws, 1, 7, 16, nullptr);
  const bool share = t.target == Target::kAetr || t.target == Target::kInvestorIrr ||
                     t.target == Target::kGovernmentTake;
  lxw_format* fmt = share ? f.pct : f.money;
  Text(ws, 0, 0, std::string("Metric: ") + ToString(t.target), f.bold);
  Text(ws, 1, 0, "Base", f.bold);
  if (t.base.defined) Number(ws, 1, 1, t.base.value, fmt);
  const char* headers[] = {"Input",   "Low",   "High",       "At low",
                           "At high", "Swing", "Low - base", "High - base"};
  for (int c = 0; c < 8; ++c) Text(ws, 3, c, headers[c], f.bold);
  const int n = static_cast<int>(t.bars.size());
  for (int i = 0; i < n; ++i) {
    // Smallest swing first: a bar chart draws its first category at the bottom.
    const TornadoBar& b = t.bars[static_cast<size_t>(n - 1 - i)];
    const int row = 4 + i;
    Text(ws, row, 0, b.input, nullptr);
    Number(ws, row, 1, b.low, nullptr);
    Number(ws, row, 2, b.high, nullptr);
    if (b.at_low.defined) Number(ws, row, 3, b.at_low.value, fmt);
    if (b.at_high.defined) Number(ws, row, 4, b.at_high.value, fmt);
    Number(ws, row, 5, b.swing, fmt);
    if (b.at_low.defined && t.base.defined) Number(ws, row, 6, b.at_low.value - t.base.value, fmt);
    if (b.at_high.defined && t.base.defined) {
      Number(ws, row, 7, b.at_high.value - t.base.value, fmt);
    }
  }
  if (n == 0) return;
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
  chart_series_set_name(Series(chart, name, 4, 3 + n, 0, 6), "Input at low");
  chart_series_set_name(Series(chart, name, 4, 3 + n, 0, 7), "Input at high");
  chart_set_series_overlap(chart, 100);
  chart_title_set_name(chart, (std::string("Tornado: change in ") + ToString(t.target)).c_str());
  worksheet_insert_chart(ws, static_cast<lxw_row_t>(n + 6), 0, chart);
}

void SpiderSheet(lxw_workbook* wb, const UncertaintyWorkbook& book, const Formats& f) {
  const char* name = "Spider";
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
  int col = 0;
  int longest = 0;
  for (const SpiderLine& l : *book.spider) {
    Text(ws, 0, col, l.input, f.bold);
    Text(ws, 0, col + 1, ToString(book.spider_target), f.bold);
    const int n = static_cast<int>(l.values.size());
    for (int i = 0; i < n; ++i) {
      Number(ws, i + 1, col, l.values[i], nullptr);
      if (l.metrics[i].defined) Number(ws, i + 1, col + 1, l.metrics[i].value, nullptr);
    }
    if (n > 0) chart_series_set_name(Series(chart, name, 1, n, col, col + 1), l.input.c_str());
    longest = std::max(longest, n);
    col += 3;
  }
  chart_title_set_name(chart, (std::string("Spider: ") + ToString(book.spider_target)).c_str());
  chart_axis_set_name(chart->x_axis, "Input value");
  worksheet_insert_chart(ws, static_cast<lxw_row_t>(longest + 3), 0, chart);
}

}  // namespace

Result<bool> WriteUncertaintyXlsx(const std::string& path, const UncertaintyWorkbook& book) {
  Result<WorkbookPtr> opened = OpenWorkbook(path);
  if (!opened.ok()) return opened.errors();
  WorkbookPtr wb = std::move(opened).value();
  Formats f;
  f.bold = BoldFormat(wb.get());
  f.money = NumberFormat(wb.get(), "#,##0");
  f.pct = NumberFormat(wb.get(), "0.00%");
  if (book.montecarlo) MonteCarloSheets(wb.get(), book, f);
  if (book.tornado) TornadoSheet(wb.get(), book, f);
  if (book.spider) SpiderSheet(wb.get(), book, f);
  return CloseWorkbook(std::move(wb), path);
}

}  // namespace connex::fiscal::io
