// The fiscal engine: project + regime -> ledger.
//
// EvaluateBatch() fills one ledger line per item, year by year, in the fixed
// order documented in regime.hpp and docs/fiscal-methodology.md, for W
// scenarios side by side (lanes.hpp). The deterministic run is a batch of one;
// Monte Carlo, sweeps and sensitivity cases use the same code with W = kLanes.
// It is pure (no I/O).
//
// Thread-safety: reentrant; concurrent calls need distinct ledgers.
#pragma once

#include <vector>

#include "fiscal/lanes.hpp"
#include "fiscal/ledger.hpp"
#include "fiscal/project.hpp"
#include "fiscal/regime.hpp"

namespace connex::fiscal {

// Projects may have at most this many products (drivers live on the stack).
inline constexpr int kMaxProducts = 16;
// A taxpayer may hold at most this many projects (their shares live on the stack).
inline constexpr int kMaxProjects = 16;

// Tax depreciation and recoverable capex of the project as entered. Both are
// linear in capex, so a scenario scales them by its capex multiplier; runs of
// many batches compute them once.
// With later terms, capex keeps the schedules of the terms it was spent
// under; the recoverable amounts of earlier capex still scheduled when the
// later terms take over are `deferred`, unless they stay recoverable.
struct CapexSchedules {
  std::vector<double> depreciation;  // empty without income tax
  std::vector<double> recoverable;   // empty without cost recovery
  std::vector<double> credit;        // investment credit becoming recoverable; empty without
  double deferred = 0;
};
CapexSchedules ScheduleCapex(const ProjectSeries& series, const Regime& regime);

// What differs between the scenarios of one batch, lane by lane. Multipliers
// scale the project's series; 1 everywhere is the project as entered.
template <int W>
struct ScenarioInputs {
  Lanes<W> price = Lanes<W>::Fill(1);  // every price (sweeps, breakeven, sensitivity)
  // Per product and year, [p * years + t]: the price path of a Monte Carlo
  // scenario, applied on top of `price`. Null means 1.
  const Lanes<W>* price_path = nullptr;
  Lanes<W> capex = Lanes<W>::Fill(1);       // every capex class (and its depreciation)
  Lanes<W> opex = Lanes<W>::Fill(1);        // fixed, variable, transport and refining
  Lanes<W> production = Lanes<W>::Fill(1);  // every product, every year
  // ScheduleCapex(series, regime) of this evaluation; null: computed by the call.
  const CapexSchedules* schedules = nullptr;
};

// REQUIRES: series.products() <= kMaxProducts; every product index and schedule
// length in `regime` is valid for `series` (the model reader checks both);
// multipliers >= 0. `out` is reset to series.years years and W lanes.
// Instantiated for W = 1 and W = kLanes.
template <int W>
void EvaluateBatch(const ProjectSeries& series, const Regime& regime, const ScenarioInputs<W>& in,
                   Ledger& out);

// One scenario: every price multiplied by price_factor (1 = as entered).
void Evaluate(const ProjectSeries& series, const Regime& regime, Ledger& out,
              double price_factor = 1.0);

// Each project's ledger when `s` holds several projects of one taxpayer
// (s.parts), as entered; `parts` gets one per project.
void EvaluateProjects(const ProjectSeries& s, const Regime& regime, std::vector<Ledger>& parts);

}  // namespace connex::fiscal
