// Metrics derived from a ledger (docs/fiscal-methodology.md, "Metrics"): government take, AETR,
// NPV and IRR pre- and post-tax, payback, minimum state share of revenue,
// by-instrument totals and PVs, front-loading.
//
// A metric that cannot be computed (zero denominator, no sign change) is not
// an error: it is undefined and says why.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <array>
#include <iterator>

#include "fiscal/cash_flow.hpp"
#include "fiscal/ledger.hpp"
#include "fiscal/project.hpp"

namespace connex::fiscal {

struct Metric {
  bool defined = false;
  double value = 0;
  const char* reason = "";  // why it is undefined; static text

  static Metric Of(double v) { return {true, v, ""}; }
  static Metric Undefined(const char* why) { return {false, 0, why}; }
};

// A / B, undefined with `why` unless B > 0.
Metric RatioIfPositive(double a, double b, const char* why);

inline constexpr int kInstrumentCount = static_cast<int>(std::size(kGovernmentLines));

struct InstrumentTotal {
  Line line = kBonus;
  double total = 0;  // nominal, undiscounted
  double pv = 0;     // at the model's discounting
  Metric share;      // of total government receipts (nominal)
};

struct Metrics {
  Discounting discounting;
  double revenue = 0;           // ΣR
  double pretax_total = 0;      // ΣN
  double government_total = 0;  // ΣG
  double investor_total = 0;    // ΣI
  double pv_revenue = 0;
  double pv_pretax = 0;
  double pv_government = 0;
  double investor_npv = 0;  // PV(I)
  Metric government_take;   // ΣG / ΣN
  Metric aetr;              // PV(G) / PV(N)
  Irr investor_irr;
  Irr pretax_irr;
  Metric payback_year;             // calendar year
  Metric discounted_payback_year;  // the same on discounted investor cash flow
  Metric profitability_index;      // 1 + investor NPV / PV(capex)
  Metric min_state_share_of_revenue;
  Metric front_loading;  // PV(G) share in the first 5 production years
  // Calendar year of the last production under the economic limit, and the
  // production years it cut from the project as entered (0 when it is off).
  bool economic_limit = false;
  Metric economic_limit_year;
  int production_years_cut = 0;
  // Paid into a decommissioning fund, and the closure the fund did not
  // cover: what the state is left with if the company is gone at closure
  // (nominal; all of the closure when there is no fund).
  double fund_contributions = 0;
  double closure_shortfall = 0;
  std::array<InstrumentTotal, kInstrumentCount> by_instrument;
};

Metrics ComputeMetrics(const ProjectSeries& series, const Ledger& ledger, const Discounting& d);

// The ledger in money of `base_year`: every amount divided by
// (1 + deflation)^(year - base_year); the rate lines are kept as they are.
Ledger Deflated(const ProjectSeries& series, const Ledger& ledger, int base_year, double deflation);

// Metrics of the years from `from_year` on, valued in that year. The ledger
// is the full run's, so earlier years' tax pools and unrecovered costs still
// count; their cash flows are sunk. REQUIRES: from_year within the project.
Metrics PointForwardMetrics(const ProjectSeries& series, const Ledger& ledger, const Discounting& d,
                            int from_year);

// The few metrics a sweep or search needs, without IRRs of the investor: cheap.
struct CoreMetrics {
  double pv_pretax = 0;
  double pv_government = 0;
  double investor_npv = 0;
  Metric aetr;
};
CoreMetrics ComputeCoreMetrics(const ProjectSeries& series, const Ledger& ledger,
                               const Discounting& d);

}  // namespace connex::fiscal
