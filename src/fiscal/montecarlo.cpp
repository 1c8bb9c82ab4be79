#include "fiscal/montecarlo.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace connex::fiscal {

namespace {

using V = Lanes<kLanes>;

// Per-year means, updated like Moments::Add and merged like Moments::Merge.
struct YearMeans {
  std::vector<double> government, investor, pretax;
  std::int64_t count = 0;

  void Reset(int years) {
    government.assign(static_cast<size_t>(years), 0.0);
    investor.assign(static_cast<size_t>(years), 0.0);
    pretax.assign(static_cast<size_t>(years), 0.0);
    count = 0;
  }
  void Merge(const YearMeans& o) {
    if (o.count == 0) return;
    const double weight = static_cast<double>(o.count) / static_cast<double>(count + o.count);
    for (size_t t = 0; t < government.size(); ++t) {
      government[t] += (o.government[t] - government[t]) * weight;
      investor[t] += (o.investor[t] - investor[t]) * weight;
      pretax[t] += (o.pretax[t] - pretax[t]) * weight;
    }
    count += o.count;
  }
};

// What one block of scenarios contributes to the totals.
struct BlockStats {
  Moments moments[kOutcomeCount];
  std::int64_t undefined[kOutcomeCount] = {};
  std::vector<std::uint32_t> buckets[kOutcomeCount];
  std::int64_t scenarios = 0;
  std::int64_t losses = 0;
  std::int64_t below_floor = 0;
  YearMeans means;
  // Per year, when asked: each scenario's government receipts.
  std::vector<Moments> year_moments;
  std::vector<std::vector<std::uint32_t>> year_buckets;

  void Reset(int years, bool by_year) {
    for (int o = 0; o < kOutcomeCount; ++o) {
      moments[o] = {};
      undefined[o] = 0;
      buckets[o].clear();
    }
    scenarios = losses = below_floor = 0;
    means.Reset(years);
    year_moments.assign(by_year ? static_cast<size_t>(years) : 0, Moments{});
    year_buckets.resize(year_moments.size());
    for (auto& b : year_buckets) b.clear();
  }
  void Record(Outcome o, bool defined, double x) {
    const int i = static_cast<int>(o);
    if (!defined || !std::isfinite(x)) {
      ++undefined[i];
      return;
    }
    moments[i].Add(x);
    buckets[i].push_back(QuantileSketch::Bucket(x));
  }
};

struct Totals {
  Moments moments[kOutcomeCount];
  std::int64_t undefined[kOutcomeCount] = {};
  QuantileSketch sketches[kOutcomeCount];
  std::int64_t scenarios = 0;
  std::int64_t losses = 0;
  std::int64_t below_floor = 0;
  YearMeans means;
  std::vector<Moments> year_moments;
  std::vector<QuantileSketch> year_sketches;

  void Fold(const BlockStats& b) {
    for (int o = 0; o < kOutcomeCount; ++o) {
      moments[o].Merge(b.moments[o]);
      undefined[o] += b.undefined[o];
      for (std::uint32_t k : b.buckets[o]) sketches[o].AddBucket(k);
    }
    for (size_t t = 0; t < b.year_moments.size(); ++t) {
      year_moments[t].Merge(b.year_moments[t]);
      for (std::uint32_t k : b.year_buckets[t]) year_sketches[t].AddBucket(k);
    }
    scenarios += b.scenarios;
    losses += b.losses;
    below_floor += b.below_floor;
    means.Merge(b.means);
  }
};

// Everything one worker thread reuses from block to block.
class BlockEvaluator {
 public:
  BlockEvaluator(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                 const Sampler& sampler, const MonteCarloOptions& options)
      : s_(s),
        regime_(regime),
        sampler_(sampler),
        options_(options),
        ledger_(s.years, kLanes),
        path_(static_cast<size_t>(s.products() * s.years)),
        discount_(DiscountFactors(s.years, s.first_year, d)),
        schedules_(ScheduleCapex(s, regime)) {}

  void Run(std::int64_t block, BlockStats& out) {
    out.Reset(s_.years, options_.year_percentiles);
    const std::int64_t first = block * kBlockScenarios;
    const std::int64_t count = std::min(kBlockScenarios, options_.scenarios - first);
    for (std::int64_t b = 0; b < count; b += kLanes) {
      ScenarioInputs<kLanes> in;
      in.price_path = path_.data();
      in.schedules = &schedules_;
      // Lanes past the last scenario are evaluated but not recorded.
      sampler_.Sample(options_.seed, static_cast<std::uint64_t>(first + b), path_.data(), in);
      EvaluateBatch(s_, regime_, in, ledger_);
      const int used = static_cast<int>(std::min<std::int64_t>(kLanes, count - b));
      Record(used, out);
    }
  }

 private:
  void Record(int used, BlockStats& out) {
    const int n = s_.years;
    // Same operations, in the same order, as PresentValue() on one scenario.
    V pv_g = V::Fill(0), pv_i = V::Fill(0), pv_n = V::Fill(0);
    for (int t = 0; t < n; ++t) {
      pv_g += V::Load(ledger_.row(kGovernmentReceipts, t)) * discount_[t];
      pv_i += V::Load(ledger_.row(kInvestorCashFlow, t)) * discount_[t];
      pv_n += V::Load(ledger_.row(kPretaxCashFlow, t)) * discount_[t];
    }
    Irr irr[kLanes];
    InternalRatesOfReturn<kLanes>(ledger_.row(kInvestorCashFlow, 0), n, irr);
    for (int lane = 0; lane < used; ++lane) {
      ++out.scenarios;
      out.Record(Outcome::kGovernmentPv, true, pv_g[lane]);
      out.Record(Outcome::kInvestorNpv, true, pv_i[lane]);
      out.Record(Outcome::kAetr, pv_n[lane] > 0, pv_g[lane] / pv_n[lane]);
      out.Record(Outcome::kInvestorIrr, irr[lane].defined, irr[lane].value);
      if (pv_i[lane] < 0) ++out.losses;
      if (options_.government_pv_floor && pv_g[lane] < *options_.government_pv_floor) {
        ++out.below_floor;
      }
      YearMeans& m = out.means;
      ++m.count;
      const double weight = 1.0 / static_cast<double>(m.count);
      for (int t = 0; t < n; ++t) {
        m.government[t] += (ledger_.Lane(kGovernmentReceipts, t, lane) - m.government[t]) * weight;
        m.investor[t] += (ledger_.Lane(kInvestorCashFlow, t, lane) - m.investor[t]) * weight;
        m.pretax[t] += (ledger_.Lane(kPretaxCashFlow, t, lane) - m.pretax[t]) * weight;
      }
      for (size_t t = 0; t < out.year_moments.size(); ++t) {
        const double g = ledger_.Lane(kGovernmentReceipts, static_cast<int>(t), lane);
        out.year_moments[t].Add(g);
        out.year_buckets[t].push_back(QuantileSketch::Bucket(g));
      }
    }
  }

  const ProjectSeries& s_;
  const Regime& regime_;
  const Sampler& sampler_;
  const MonteCarloOptions& options_;
  Ledger ledger_;
  std::vector<V> path_;
  std::vector<double> discount_;
  CapexSchedules schedules_;
};

}  // namespace

MonteCarloResult RunMonteCarlo(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                               const Sampler& sampler, const MonteCarloOptions& options) {
  MonteCarloResult result;
  result.requested = std::max<std::int64_t>(0, options.scenarios);
  result.seed = options.seed;
  result.government_pv_floor = options.government_pv_floor;
  const std::int64_t blocks = (result.requested + kBlockScenarios - 1) / kBlockScenarios;
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = static_cast<int>(std::clamp<std::int64_t>(blocks, 1, std::max(1, threads)));
  result.threads = threads;

  // Blocks finish out of order; a ring of slots holds them until every
  // earlier block is folded. Workers wait rather than run too far ahead.
  const std::int64_t ring = 2 * threads + 2;
  std::vector<BlockStats> slots(static_cast<size_t>(ring));
  std::vector<bool> ready(static_cast<size_t>(ring), false);
  Totals totals;
  totals.means.Reset(s.years);
  if (options.year_percentiles) {
    totals.year_moments.assign(static_cast<size_t>(s.years), Moments{});
    totals.year_sketches.resize(static_cast<size_t>(s.years));
  }
  std::mutex mu;
  std::condition_variable cv;
  std::int64_t next = 0, folded = 0;
  auto stopping = [&] { return options.stop != nullptr && options.stop->load(); };

  auto work = [&] {
    BlockEvaluator evaluator(s, regime, d, sampler, options);
    for (;;) {
      std::int64_t block;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stopping() || next >= blocks || next < folded + ring; });
        if (stopping() || next >= blocks) return;
        block = next++;
      }
      BlockStats& slot = slots[static_cast<size_t>(block % ring)];
      evaluator.Run(block, slot);
      std::lock_guard lock(mu);
      ready[static_cast<size_t>(block % ring)] = true;
      while (folded < blocks && ready[static_cast<size_t>(folded % ring)]) {
        const size_t at = static_cast<size_t>(folded % ring);
        totals.Fold(slots[at]);
        ready[at] = false;
        ++folded;
        if (options.progress) options.progress(totals.scenarios, result.requested);
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  result.completed = totals.scenarios;
  result.partial = result.completed < result.requested;
  for (int o = 0; o < kOutcomeCount; ++o) {
    result.outcomes[o] = Summarize(totals.moments[o], totals.sketches[o], totals.undefined[o]);
  }
  result.investor_loss = ProbabilityOf(totals.losses, totals.scenarios);
  if (options.government_pv_floor) {
    result.government_below_floor = ProbabilityOf(totals.below_floor, totals.scenarios);
  }
  for (size_t t = 0; t < totals.year_moments.size(); ++t) {
    const Moments& m = totals.year_moments[t];
    std::vector<double> at(kPercentileCount, 0.0);
    for (int i = 0; m.count > 0 && i < kPercentileCount; ++i) {
      at[static_cast<size_t>(i)] =
          totals.year_sketches[t].Quantile(kPercentiles[i] / 100, m.min, m.max);
    }
    result.government_by_year.push_back(std::move(at));
  }
  result.mean_government = std::move(totals.means.government);
  result.mean_investor = std::move(totals.means.investor);
  result.mean_pretax = std::move(totals.means.pretax);
  return result;
}

}  // namespace connex::fiscal
