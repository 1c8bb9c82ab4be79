// Cash-flow analysis shared by every result: discounting, NPV, IRR, payback.
// Free functions over plain arrays, so the ledger, sweeps and Monte Carlo all
// use the same definitions (docs/fiscal-methodology.md, "Discounting").
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <vector>

#include "core/enum_names.hpp"

namespace connex::fiscal {

enum class Timing { kEndOfYear, kMidYear };

// DF_t = (1 + rate)^-(year_t - valuation_year), less half a year for mid-year timing
// (cash flows then arrive half a year earlier than at the year's end).
struct Discounting {
  double rate = 0.10;
  int valuation_year = 0;
  Timing timing = Timing::kEndOfYear;
  // Real terms: money of real_base_year, deflated at `deflation` a year and
  // discounted at `rate` like nominal flows (the model reader defaults them
  // to the valuation year and the project's inflation).
  int real_base_year = 0;
  double deflation = 0;
  // Point-forward valuation from this calendar year, earlier flows sunk; 0: none.
  int point_forward_year = 0;
};

inline constexpr EnumNames<Timing, 2> kTimingNames{{"end_of_year", "mid_year"}};
inline const char* ToString(Timing v) { return kTimingNames[v]; }

// PV at `d` of cash flows cf[0..n) for calendar years first_year..first_year+n-1:
// the sum, in year order, of cf[t] * DiscountFactors(...)[t].
double PresentValue(const double* cf, int n, int first_year, const Discounting& d);
std::vector<double> DiscountFactors(int n, int first_year, const Discounting& d);

// NPV of cf at `rate`, valued at the first year (the IRR's reference point).
double NpvAtFirstYear(const double* cf, int n, double rate);

// IRR: a rate in (-99%, 10000%] where NpvAtFirstYear = 0, found by bracketing
// on a fixed grid and refined to a bracket of 1e-12 by the Illinois variant of
// regula falsi (bisection after 40 steps).
struct Irr {
  bool defined = false;
  double value = 0;
  bool multiple_roots = false;  // more than one root: `value` is the lowest root where NPV
                                // falls as the rate rises, else the lowest root
  const char* reason = "";      // why it is undefined
};
Irr InternalRateOfReturn(const double* cf, int n);
// The same for W cash flows side by side: year t of lane i is rows[t * W + i].
// The bracketing grid is evaluated for all lanes at once; each lane's result is
// bit-identical to InternalRateOfReturn on that lane alone. REQUIRES: n <= kMaxYears. Instantiated
// for W = 1 and W = kLanes.
template <int W>
void InternalRatesOfReturn(const double* rows, int n, Irr* out);

// Index of the first year from which the cumulative cash flow stays >= 0;
// -1 when it is still negative at the end. A cash flow whose cumulative sum is
// never negative pays back in its first year (index 0).
int PaybackIndex(const double* cf, int n);

// Brent's method on [lo, hi]. REQUIRES: f(lo) and f(hi) of opposite signs (or zero).
template <typename F>
double Brent(F&& f, double lo, double hi, double flo, double fhi, double tol = 1e-12,
             int max_iter = 200);

}  // namespace connex::fiscal

#include "fiscal/brent.inl"
