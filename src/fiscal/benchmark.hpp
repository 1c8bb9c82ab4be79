// Benchmark: one project under its draft terms and under every comparable
// term sheet (docs/fiscal-methodology.md, "Benchmark against comparable
// contracts"). For the draft and each comparator, the analysis fiscal run
// gives; for the draft, its rank and percentile on each metric; the
// comparators' band of AETR against the project's profitability over the
// price sweep; and what the median and upper-quartile comparators would add
// to the state.
//
// Conventions that must hold (a fiscal analyst checks them in a spreadsheet):
// - rank: 1 is the most for the state, of the draft and every comparator
//   whose metric is defined; ties share the better rank;
// - percentile: the share of comparators that give the state less, ties
//   counted half, 0-100: (COUNTIF(r,"<"&x) + COUNTIF(r,x)/2) / COUNT(r) for
//   the metrics where more is more for the state, "<" turned to ">" for the
//   investor's IRR and NPV; so rank and percentile always agree;
// - band quartiles interpolate as Excel's PERCENTILE.INC;
// - the median and upper-quartile comparators are the nearest-rank ones by
//   PV of government receipts (ceil(q n)-th lowest), so each names a contract.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "fiscal/analysis.hpp"
#include "fiscal/model.hpp"

namespace connex::fiscal {

enum class BenchmarkMetric {
  kPvGovernment,
  kGovernmentReceipts,
  kAetr,
  kGovernmentTake,
  kInvestorIrr,
  kInvestorNpv,
  kBreakevenPrice,
  kMetr,
  kFrontLoading,
};
inline constexpr int kBenchmarkMetricCount = 9;
// As `fiscal run --json` names them in its "metrics".
inline constexpr EnumNames<BenchmarkMetric, kBenchmarkMetricCount> kBenchmarkMetricNames{
    {"pv_government_receipts", "government_receipts", "aetr", "government_take", "investor_irr",
     "investor_npv", "breakeven_post_tax", "metr", "front_loading"}};

// +1 when a higher value means more for the state, -1 when a lower one does
// (the investor's IRR and NPV).
int StateDirection(BenchmarkMetric metric);
// The metric of an analysis; the breakeven is its post-tax price factor.
Metric MetricOf(const Analysis& a, BenchmarkMetric metric);

// A comparable term sheet, read onto the benchmarked project.
struct Comparator {
  std::string name;
  std::string source;            // where its terms come from: a file, a contract
  std::optional<Regime> regime;  // absent: it cannot be evaluated on this project
  std::string reason;            // why not, when absent
};

// Where the draft stands among the comparators on one metric.
struct Standing {
  Metric percentile;  // 0-100; undefined when the draft's metric is, or no comparator has it
  int rank = 0;       // 1 = the most for the state; 0 when the draft's metric is undefined
  int of = 0;         // the draft and the comparators whose metric is defined
};

// One price factor of the sweep: the project's pre-tax IRR there (the same
// under every term sheet), the draft's AETR and the comparators' quartiles.
struct BandPoint {
  double price_factor = 1;
  Irr pretax_irr;
  Metric draft_aetr;
  Metric p25, median, p75;  // of the comparators' AETR
  int comparators = 0;      // whose AETR is defined at this price
};

// What the terms of one comparator would give the state beyond the draft's.
struct Addition {
  int comparator = -1;                // index into the comparators; -1 when none was evaluated
  double government_receipts = 0;     // nominal
  double pv_government_receipts = 0;  // at the model's discounting
};

struct BenchmarkResult {
  Analysis draft;
  std::vector<Comparator> comparators;
  std::vector<std::optional<Analysis>> analyses;  // one per comparator, absent when not evaluated
  std::array<Standing, kBenchmarkMetricCount> standing;
  std::vector<BandPoint> band;
  Addition median, upper_quartile;

  int evaluated() const;
};

// The draft and every comparator analysed on `model`'s project, with the
// model's discounting and sweep. Comparators are analysed on every hardware
// thread; the result does not depend on their number.
BenchmarkResult Benchmark(const Model& model, const Regime& draft,
                          std::vector<Comparator> comparators);

// Quantile q (0-1) of sorted values, interpolated as PERCENTILE.INC.
// REQUIRES: !sorted.empty(), sorted ascending.
double InterpolatedQuantile(const std::vector<double>& sorted, double q);

}  // namespace connex::fiscal
