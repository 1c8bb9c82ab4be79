#include <algorithm>
#include <string>
#include <vector>

#include "fiscal/io/benchmark_report.hpp"
#include "fiscal/io/workbook_words.hpp"
#include "fiscal/io/xlsx_workbook.hpp"

namespace connex::fiscal::io {

namespace {

// The metrics in the order of BenchmarkMetric, as the model workbook labels them.
constexpr const char* kMetricWords[kBenchmarkMetricCount] = {"metric/pv_government",
                                                             "metric/government_total",
                                                             "metric/aetr",
                                                             "metric/government_take",
                                                             "metric/investor_irr",
                                                             "metric/investor_npv",
                                                             "metric/breakeven_post_tax",
                                                             "metric/metr",
                                                             "metric/front_loading"};

struct Formats {
  lxw_format* bold;
  lxw_format* money;
  lxw_format* pct;
  lxw_format* factor;
  lxw_format* percentile;

  lxw_format* For(BenchmarkMetric m) const {
    switch (m) {
      case BenchmarkMetric::kPvGovernment:
      case BenchmarkMetric::kGovernmentReceipts:
      case BenchmarkMetric::kInvestorNpv:
        return money;
      case BenchmarkMetric::kBreakevenPrice:
        return factor;
      default:
        return pct;
    }
  }
};

void WriteStanding(lxw_workbook* wb, const Model& model, const BenchmarkResult& r,
                   const WorkbookWords& words, const std::string& language, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, words("sheet/benchmark").c_str());
  worksheet_set_column(ws, 0, 0, 38, nullptr);
  worksheet_set_column(ws, 1, 7, 18, nullptr);
  worksheet_write_string(ws, 0, 0,
                         words("benchmark/title", {{"draft", r.draft.regime},
                                                   {"count", std::to_string(r.comparators.size())},
                                                   {"evaluated", std::to_string(r.evaluated())}})
                             .c_str(),
                         f.bold);
  worksheet_write_string(ws, 1, 0, ConventionsLine(model, words, language).c_str(), nullptr);
  worksheet_write_string(ws, 2, 0, words("benchmark/ranking").c_str(), nullptr);
  const char* head[] = {"metric_heading",   "benchmark/draft",      "benchmark/rank",
                        "benchmark/of",     "benchmark/percentile", "benchmark/p25",
                        "benchmark/median", "benchmark/p75"};
  for (int i = 0; i < 8; ++i)
    worksheet_write_string(ws, 4, static_cast<lxw_col_t>(i), words(head[i]).c_str(), f.bold);
  for (int i = 0; i < kBenchmarkMetricCount; ++i) {
    const auto m = static_cast<BenchmarkMetric>(i);
    const Standing& st = r.standing[static_cast<size_t>(i)];
    const int row = 5 + i;
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), 0, words(kMetricWords[i]).c_str(),
                           nullptr);
    WriteMetric(ws, row, 1, MetricOf(r.draft, m), f.For(m), words);
    if (st.rank > 0) worksheet_write_number(ws, static_cast<lxw_row_t>(row), 2, st.rank, nullptr);
    worksheet_write_number(ws, static_cast<lxw_row_t>(row), 3, st.of, nullptr);
    WriteMetric(ws, row, 4, st.percentile, f.percentile, words);
    std::vector<double> values;
    for (const auto& a : r.analyses) {
      if (a && MetricOf(*a, m).defined) values.push_back(MetricOf(*a, m).value);
    }
    std::sort(values.begin(), values.end());
    for (int q = 0; q < 3; ++q) {
      const Metric v = values.empty() ? Metric::Undefined("no comparator has this metric")
                                      : Metric::Of(InterpolatedQuantile(values, 0.25 * (q + 1)));
      WriteMetric(ws, row, 5 + q, v, f.For(m), words);
    }
  }
  int row = 6 + kBenchmarkMetricCount;
  worksheet_write_string(ws, static_cast<lxw_row_t>(row++), 0, words("benchmark/adds").c_str(),
                         f.bold);
  const char* add_head[] = {"benchmark/comparator", "benchmark/term_sheet", "benchmark/source",
                            "benchmark/nominal", "benchmark/pv"};
  for (int i = 0; i < 5; ++i)
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(i),
                           words(add_head[i]).c_str(), f.bold);
  ++row;
  for (const auto& [key, add] :
       {std::pair{"benchmark/median_comparator", &r.median},
        std::pair{"benchmark/upper_quartile_comparator", &r.upper_quartile}}) {
    if (add->comparator < 0) continue;
    const Comparator& c = r.comparators[static_cast<size_t>(add->comparator)];
    const auto at = static_cast<lxw_row_t>(row++);
    worksheet_write_string(ws, at, 0, words(key).c_str(), nullptr);
    worksheet_write_string(ws, at, 1, c.name.c_str(), nullptr);
    worksheet_write_string(ws, at, 2, c.source.c_str(), nullptr);
    worksheet_write_number(ws, at, 3, add->government_receipts, f.money);
    worksheet_write_number(ws, at, 4, add->pv_government_receipts, f.money);
  }
}

void WriteComparators(lxw_workbook* wb, const BenchmarkResult& r, const WorkbookWords& words,
                      const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, words("sheet/comparators").c_str());
  worksheet_set_column(ws, 0, 1, 28, nullptr);
  worksheet_set_column(ws, 2, kBenchmarkMetricCount + 2, 18, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
  worksheet_write_string(ws, 0, 0, words("benchmark/term_sheet").c_str(), f.bold);
  worksheet_write_string(ws, 0, 1, words("benchmark/source").c_str(), f.bold);
  for (int i = 0; i < kBenchmarkMetricCount; ++i)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i + 2), words(kMetricWords[i]).c_str(),
                           f.bold);
  worksheet_write_string(ws, 0, kBenchmarkMetricCount + 2, words("benchmark/reason").c_str(),
                         f.bold);
  auto row = [&](int at, const std::string& name, const std::string& source, const Analysis* a,
                 const std::string& reason) {
    const auto r_at = static_cast<lxw_row_t>(at);
    worksheet_write_string(ws, r_at, 0, name.c_str(), nullptr);
    worksheet_write_string(ws, r_at, 1, source.c_str(), nullptr);
    if (!a) {
      worksheet_write_string(ws, r_at, kBenchmarkMetricCount + 2, reason.c_str(), nullptr);
      return;
    }
    for (int i = 0; i < kBenchmarkMetricCount; ++i) {
      const auto m = static_cast<BenchmarkMetric>(i);
      WriteMetric(ws, at, i + 2, MetricOf(*a, m), f.For(m), words);
    }
  };
  row(1, r.draft.regime, words("benchmark/draft"), &r.draft, "");
  for (size_t k = 0; k < r.comparators.size(); ++k) {
    const Comparator& c = r.comparators[k];
    row(static_cast<int>(k + 2), c.name, c.source, r.analyses[k] ? &*r.analyses[k] : nullptr,
        c.reason);
  }
}

void WriteBand(lxw_workbook* wb, const BenchmarkResult& r, const WorkbookWords& words,
               const Formats& f) {
  const std::string sheet = words("sheet/band");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  worksheet_set_column(ws, 0, 6, 16, nullptr);
  const char* head[] = {"benchmark/price_factor", "benchmark/pretax_irr", "benchmark/draft_aetr",
                        "benchmark/p25",          "benchmark/median",     "benchmark/p75",
                        "benchmark/count"};
  for (int i = 0; i < 7; ++i)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), words(head[i]).c_str(), f.bold);
  for (size_t k = 0; k < r.band.size(); ++k) {
    const BandPoint& p = r.band[k];
    const int at = static_cast<int>(k + 1);
    worksheet_write_number(ws, static_cast<lxw_row_t>(at), 0, p.price_factor, f.factor);
    WriteIrr(ws, at, 1, p.pretax_irr, f.pct, words);
    WriteMetric(ws, at, 2, p.draft_aetr, f.pct, words);
    WriteMetric(ws, at, 3, p.p25, f.pct, words);
    WriteMetric(ws, at, 4, p.median, f.pct, words);
    WriteMetric(ws, at, 5, p.p75, f.pct, words);
    worksheet_write_number(ws, static_cast<lxw_row_t>(at), 6, p.comparators, nullptr);
  }
  if (r.band.empty()) return;
  // AETR (y) against the project's pre-tax IRR (x): the draft's line over the
  // comparators' quartiles.
  const auto last = static_cast<lxw_row_t>(r.band.size());
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_SCATTER_STRAIGHT);
  for (lxw_col_t col : {3, 4, 5, 2}) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), 1, 1, last, 1);
    chart_series_set_values(s, sheet.c_str(), 1, col, last, col);
    chart_series_set_name_range(s, sheet.c_str(), 0, col);
  }
  chart_title_set_name(chart, words("benchmark/chart", {{"draft", r.draft.regime}}).c_str());
  chart_axis_set_name(chart->x_axis, words("benchmark/pretax_irr").c_str());
  chart_axis_set_name(chart->y_axis, words("metric/aetr").c_str());
  chart_axis_set_num_format(chart->x_axis, "0%");
  chart_axis_set_num_format(chart->y_axis, "0%");
  lxw_chart_options at = {};
  at.x_scale = 2;
  at.y_scale = 1.5;
  worksheet_insert_chart_opt(ws, 1, 8, chart, &at);
}

}  // namespace

Result<bool> WriteBenchmarkXlsx(const std::string& path, const Model& model,
                                const BenchmarkResult& r, const std::string& language) {
  Result<WorkbookPtr> opened = OpenWorkbook(path);
  if (!opened.ok()) return opened.errors();
  WorkbookPtr wb = std::move(opened).value();
  const WorkbookWords words(language);
  const Formats f{BoldFormat(wb.get()), NumberFormat(wb.get(), "#,##0"),
                  NumberFormat(wb.get(), "0.00%"), NumberFormat(wb.get(), "0.0000"),
                  NumberFormat(wb.get(), "0.0")};
  WriteStanding(wb.get(), model, r, words, language, f);
  WriteComparators(wb.get(), r, words, f);
  WriteBand(wb.get(), r, words, f);
  return CloseWorkbook(std::move(wb), path);
}

}  // namespace connex::fiscal::io
