// Analysis of one regime on one project: the ledger and its metrics, plus the
// metrics that need many evaluations (breakeven price, METR, progressivity
// over a price sweep), and the comparison of two regimes.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fiscal/engine.hpp"
#include "fiscal/metrics.hpp"
#include "fiscal/tax_expenditure.hpp"

namespace connex::fiscal {

struct SweepOptions {
  double from = 0.5;  // price factor
  double to = 2.0;
  double step = 0.1;
};

// Price factors from `from` to `to` inclusive (to within half a step).
std::vector<double> SweepFactors(const SweepOptions& options);

struct SweepPoint {
  double price_factor = 1;
  CoreMetrics core;
  Metric government_take;
  Irr pretax_irr;
  Irr investor_irr;
};

struct Breakeven {
  Metric factor;                    // k: every price multiplied by k
  std::vector<double> first_price;  // k x each product's price in the first production year
};

struct Progressivity {
  Metric slope;                          // least-squares slope of AETR on pre-tax IRR
  const char* verdict = "undetermined";  // progressive | regressive | neutral | undetermined
  std::vector<SweepPoint> points;
};

struct Analysis {
  std::string regime;
  Ledger ledger;
  std::vector<Ledger> projects;  // each project's, when the model holds several
  Metrics metrics;
  Metrics real;                          // in money of the real base year
  std::optional<Metrics> point_forward;  // from the point-forward year, when set
  Breakeven post_tax_breakeven;          // investor NPV = 0
  Breakeven pre_tax_breakeven;           // pre-tax NPV = 0
  Metric metr;                           // (p - r) / p, p = pre-tax IRR at the post-tax breakeven
  Progressivity progressivity;
  TaxExpenditure tax_expenditure;  // what each incentive costs the state
};

SweepPoint EvaluateAt(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                      double price_factor, Ledger& scratch);

// Sweeps the price factor; every point has the core metrics and both IRRs.
std::vector<SweepPoint> PriceSweep(const ProjectSeries& s, const Regime& regime,
                                   const Discounting& d, const SweepOptions& options);

enum class BreakevenOf { kInvestorNpv, kPretaxNpv };
Breakeven FindBreakeven(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                        BreakevenOf what, Ledger& scratch);

Progressivity AssessProgressivity(std::vector<SweepPoint> points);

Analysis Analyze(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                 const SweepOptions& sweep = {});

// B minus A, year by year and in total: "what the better terms add".
struct Comparison {
  std::string from, to;
  std::vector<double> government_delta;     // nominal, per year
  std::vector<double> government_pv_delta;  // discounted, per year
  std::vector<double> investor_delta;       // nominal, per year
  double government_total_delta = 0;
  double government_pv_delta_total = 0;
  double investor_npv_delta = 0;
  Metric government_take_delta;
  Metric aetr_delta;
  Metric breakeven_delta;  // price factor
  Metric metr_delta;
};

// REQUIRES: a and b were analysed on the same project and discounting.
Comparison Compare(const ProjectSeries& s, const Analysis& a, const Analysis& b);

}  // namespace connex::fiscal
