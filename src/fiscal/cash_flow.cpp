#include "fiscal/cash_flow.hpp"

#include <cmath>

namespace connex::fiscal {

const char* ToString(Timing timing) {
  return timing == Timing::kMidYear ? "mid_year" : "end_of_year";
}

double PresentValue(const double* cf, int n, int first_year, const Discounting& d) {
  const double shift = d.timing == Timing::kMidYear ? 0.5 : 0.0;
  const double v = 1.0 / (1.0 + d.rate);
  // One pow for the first year, then a running product: exact to rounding and
  // cheap enough for the hot path.
  double df = std::pow(1.0 + d.rate, -(first_year - d.valuation_year - shift));
  double pv = 0;
  for (int t = 0; t < n; ++t) {
    pv += cf[t] * df;
    df *= v;
  }
  return pv;
}

double NpvAtFirstYear(const double* cf, int n, double rate) {
  const double v = 1.0 / (1.0 + rate);
  double acc = 0;
  for (int t = n - 1; t >= 0; --t) acc = acc * v + cf[t];  // Horner
  return acc;
}

namespace {

// Bracketing grid: fine near usual returns, coarse towards the extremes.
constexpr double kGrid[] = {-0.99, -0.9,  -0.75, -0.5,  -0.3, -0.2, -0.1, -0.05, 0.0,  0.025,
                            0.05,  0.075, 0.1,   0.125, 0.15, 0.2,  0.25, 0.3,   0.4,  0.5,
                            0.75,  1.0,   1.5,   2.0,   3.0,  5.0,  10.0, 25.0,  100.0};

}  // namespace

Irr InternalRateOfReturn(const double* cf, int n) {
  Irr irr;
  bool pos = false, neg = false;
  for (int t = 0; t < n; ++t) {
    pos |= cf[t] > 0;
    neg |= cf[t] < 0;
  }
  if (!pos || !neg) {
    irr.reason = pos ? "cash flow is never negative" : "cash flow is never positive";
    return irr;
  }
  auto f = [&](double r) { return NpvAtFirstYear(cf, n, r); };
  // Among several roots prefer one where NPV falls as the rate rises (the
  // investment-type root of "spend, earn, then pay closure"), and among those
  // the lowest; otherwise the lowest root.
  double lo = kGrid[0], flo = f(lo);
  int brackets = 0;
  bool have_falling = false;
  for (double hi : kGrid) {
    if (hi == kGrid[0]) continue;
    const double fhi = f(hi);
    if (flo == 0 || (flo < 0) != (fhi < 0)) {
      const bool falling = flo > 0 || (flo == 0 && fhi < 0);
      if (brackets == 0 || (falling && !have_falling)) {
        irr.value = flo == 0 ? lo : Brent(f, lo, hi, flo, fhi);
        irr.defined = std::isfinite(irr.value);
        have_falling = falling;
      }
      ++brackets;
    }
    lo = hi;
    flo = fhi;
  }
  if (brackets == 0) irr.reason = "no rate between -99% and 10000% sets the NPV to zero";
  irr.multiple_roots = brackets > 1;
  return irr;
}

int PaybackIndex(const double* cf, int n) {
  double cum = 0;
  int last_negative = -1;
  for (int t = 0; t < n; ++t) {
    cum += cf[t];
    if (cum < 0) last_negative = t;
  }
  if (last_negative == n - 1) return -1;
  return last_negative + 1;
}

}  // namespace connex::fiscal
