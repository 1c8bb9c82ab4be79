// Monte Carlo over the uncertainty of a model (docs/fiscal-methodology.md, "Uncertainty and
// sensitivity").
//
// Scenarios are evaluated kLanes at a time by the same engine as the
// deterministic run, in blocks of kBlockScenarios spread over a pool of
// threads. Each block's statistics are folded into the totals in block order,
// so results are bit-identical for any thread count; memory holds a few
// blocks in flight, never one ledger per scenario.
//
// Stopping (the `stop` flag, e.g. Ctrl-C) lets running blocks finish and keeps
// the statistics of the scenarios folded so far: the result says it is partial.
//
// Thread-safety: RunMonteCarlo is reentrant; `progress` is called with the
// fold lock held, from whichever worker folded the block.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/enum_names.hpp"
#include "fiscal/cash_flow.hpp"
#include "fiscal/statistics.hpp"
#include "fiscal/uncertainty.hpp"

namespace connex::fiscal {

inline constexpr std::int64_t kBlockScenarios = 4096;

struct MonteCarloOptions {
  std::int64_t scenarios = 10000;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: every hardware thread
  std::optional<double> government_pv_floor;
  const std::atomic<bool>* stop = nullptr;
  std::function<void(std::int64_t done, std::int64_t total)> progress;
  // Also the percentiles of each year's government receipts (a fan chart);
  // off by default: it costs a quantile sketch update per scenario and year.
  bool year_percentiles = false;
};

// The four distributions a Monte Carlo run reports, in this order.
enum class Outcome { kGovernmentPv, kInvestorNpv, kAetr, kInvestorIrr };
inline constexpr int kOutcomeCount = 4;
inline constexpr EnumNames<Outcome, 4> kOutcomeNames{
    {"government_pv", "investor_npv", "aetr", "investor_irr"}};
inline const char* ToString(Outcome v) { return kOutcomeNames[v]; }

struct MonteCarloResult {
  std::int64_t requested = 0;
  std::int64_t completed = 0;  // scenarios in the statistics
  bool partial = false;        // stopped before `requested`
  int threads = 0;
  std::uint64_t seed = 0;
  Summary outcomes[kOutcomeCount];  // by Outcome
  Probability investor_loss;        // P(investor NPV < 0)
  std::optional<double> government_pv_floor;
  Probability government_below_floor;  // P(PV(G) < floor), when a floor is set
  // Mean across scenarios, per year: government receipts, investor and pre-tax cash flow.
  std::vector<double> mean_government, mean_investor, mean_pretax;
  // With year_percentiles: government receipts of each year at kPercentiles
  // (government_by_year[t][i] is year t at kPercentiles[i]); else empty.
  std::vector<std::vector<double>> government_by_year;
};

// REQUIRES: the sampler's model matches `series` (same years and products).
MonteCarloResult RunMonteCarlo(const ProjectSeries& series, const Regime& regime,
                               const Discounting& discounting, const Sampler& sampler,
                               const MonteCarloOptions& options);

}  // namespace connex::fiscal
