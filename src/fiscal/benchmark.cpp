#include "fiscal/benchmark.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace connex::fiscal {

int StateDirection(BenchmarkMetric metric) {
  return metric == BenchmarkMetric::kInvestorIrr || metric == BenchmarkMetric::kInvestorNpv ? -1
                                                                                            : 1;
}

Metric MetricOf(const Analysis& a, BenchmarkMetric metric) {
  const Metrics& m = a.metrics;
  switch (metric) {
    case BenchmarkMetric::kPvGovernment:
      return Metric::Of(m.pv_government);
    case BenchmarkMetric::kGovernmentReceipts:
      return Metric::Of(m.government_total);
    case BenchmarkMetric::kAetr:
      return m.aetr;
    case BenchmarkMetric::kGovernmentTake:
      return m.government_take;
    case BenchmarkMetric::kInvestorIrr:
      return m.investor_irr.defined ? Metric::Of(m.investor_irr.value)
                                    : Metric::Undefined(m.investor_irr.reason);
    case BenchmarkMetric::kInvestorNpv:
      return Metric::Of(m.investor_npv);
    case BenchmarkMetric::kBreakevenPrice:
      return a.post_tax_breakeven.factor;
    case BenchmarkMetric::kMetr:
      return a.metr;
    case BenchmarkMetric::kFrontLoading:
      return m.front_loading;
  }
  return Metric::Undefined("unknown metric");
}

int BenchmarkResult::evaluated() const {
  return static_cast<int>(
      std::count_if(analyses.begin(), analyses.end(), [](const auto& a) { return a.has_value(); }));
}

double InterpolatedQuantile(const std::vector<double>& sorted, double q) {
  const double h = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

namespace {

std::vector<std::optional<Analysis>> AnalyzeAll(const Model& model, const ProjectSeries& s,
                                                const std::vector<Comparator>& comparators) {
  std::vector<std::optional<Analysis>> out(comparators.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < comparators.size(); i = next++) {
      if (comparators[i].regime) {
        out[i] = Analyze(s, *comparators[i].regime, model.discounting, model.sweep);
      }
    }
  };
  const size_t threads =
      std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), comparators.size() / 8);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

Standing StandingOf(const Analysis& draft, const std::vector<std::optional<Analysis>>& analyses,
                    BenchmarkMetric metric) {
  Standing st;
  const Metric mine = MetricOf(draft, metric);
  const int direction = StateDirection(metric);
  int worse = 0, equal = 0, better = 0, defined = 0;
  for (const auto& a : analyses) {
    if (!a) continue;
    const Metric theirs = MetricOf(*a, metric);
    if (!theirs.defined) continue;
    ++defined;
    if (!mine.defined) continue;
    const double more_for_state = direction * (theirs.value - mine.value);
    worse += more_for_state < 0;
    equal += theirs.value == mine.value;
    better += more_for_state > 0;
  }
  if (!mine.defined) {
    st.percentile = Metric::Undefined(mine.reason);
    st.of = defined;
    return st;
  }
  st.rank = 1 + better;
  st.of = 1 + defined;
  st.percentile = defined == 0 ? Metric::Undefined("no comparator has this metric")
                               : Metric::Of(100.0 * (worse + 0.5 * equal) / defined);
  return st;
}

std::vector<BandPoint> Band(const Analysis& draft,
                            const std::vector<std::optional<Analysis>>& analyses) {
  std::vector<BandPoint> band;
  const std::vector<SweepPoint>& points = draft.progressivity.points;
  std::vector<double> aetr;
  for (size_t i = 0; i < points.size(); ++i) {
    BandPoint b;
    b.price_factor = points[i].price_factor;
    b.pretax_irr = points[i].pretax_irr;
    b.draft_aetr = points[i].core.aetr;
    aetr.clear();
    for (const auto& a : analyses) {
      // Every analysis swept the same price factors (the model's sweep).
      if (a && a->progressivity.points[i].core.aetr.defined)
        aetr.push_back(a->progressivity.points[i].core.aetr.value);
    }
    b.comparators = static_cast<int>(aetr.size());
    if (aetr.empty()) {
      b.p25 = b.median = b.p75 = Metric::Undefined("no comparator has an AETR at this price");
    } else {
      std::sort(aetr.begin(), aetr.end());
      b.p25 = Metric::Of(InterpolatedQuantile(aetr, 0.25));
      b.median = Metric::Of(InterpolatedQuantile(aetr, 0.5));
      b.p75 = Metric::Of(InterpolatedQuantile(aetr, 0.75));
    }
    band.push_back(b);
  }
  return band;
}

// The nearest-rank comparator at quantile q by PV of government receipts.
Addition AdditionAt(const Analysis& draft, const std::vector<std::optional<Analysis>>& analyses,
                    double q) {
  std::vector<int> order;
  for (size_t i = 0; i < analyses.size(); ++i) {
    if (analyses[i]) order.push_back(static_cast<int>(i));
  }
  Addition add;
  if (order.empty()) return add;
  // Stable: of equal PVs, the comparator listed first.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return analyses[a]->metrics.pv_government < analyses[b]->metrics.pv_government;
  });
  const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(order.size())));
  add.comparator = order[std::max<size_t>(rank, 1) - 1];
  const Metrics& m = analyses[add.comparator]->metrics;
  add.government_receipts = m.government_total - draft.metrics.government_total;
  add.pv_government_receipts = m.pv_government - draft.metrics.pv_government;
  return add;
}

}  // namespace

BenchmarkResult Benchmark(const Model& model, const Regime& draft,
                          std::vector<Comparator> comparators) {
  BenchmarkResult r;
  const ProjectSeries s = Resolve(model.project);
  r.draft = Analyze(s, draft, model.discounting, model.sweep);
  r.analyses = AnalyzeAll(model, s, comparators);
  r.comparators = std::move(comparators);
  for (int m = 0; m < kBenchmarkMetricCount; ++m) {
    r.standing[m] = StandingOf(r.draft, r.analyses, static_cast<BenchmarkMetric>(m));
  }
  r.band = Band(r.draft, r.analyses);
  r.median = AdditionAt(r.draft, r.analyses, 0.5);
  r.upper_quartile = AdditionAt(r.draft, r.analyses, 0.75);
  return r;
}

}  // namespace connex::fiscal
