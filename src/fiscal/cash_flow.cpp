#include "fiscal/cash_flow.hpp"

#include <cmath>
#include <iterator>

#include "fiscal/lanes.hpp"
#include "fiscal/project.hpp"

namespace connex::fiscal {

namespace {

// Walks the discount factors of consecutive years: one pow for the first
// year, then a running product (exact to rounding and cheap on the hot path).
class DiscountWalk {
 public:
  DiscountWalk(int first_year, const Discounting& d)
      : v_(1.0 / (1.0 + d.rate)),
        df_(std::pow(1.0 + d.rate, -(first_year - d.valuation_year -
                                     (d.timing == Timing::kMidYear ? 0.5 : 0.0)))) {}
  double Next() {
    const double df = df_;
    df_ *= v_;
    return df;
  }

 private:
  double v_;
  double df_;
};

}  // namespace

double PresentValue(const double* cf, int n, int first_year, const Discounting& d) {
  DiscountWalk walk(first_year, d);
  double pv = 0;
  for (int t = 0; t < n; ++t) pv += cf[t] * walk.Next();
  return pv;
}

std::vector<double> DiscountFactors(int n, int first_year, const Discounting& d) {
  DiscountWalk walk(first_year, d);
  std::vector<double> out(static_cast<size_t>(n));
  for (double& df : out) df = walk.Next();
  return out;
}

namespace {

// NPV at the first year of W cash flows side by side (year t of lane i is
// rows[t * W + i]), each at its own rate. Horner's scheme on four interleaved
// chains (years t = 4k + j in chain j, in powers of v^4), recombined by Horner
// in v: a quarter of the dependent multiply-add latency of one chain, which
// bounds IRR search time.
template <int W>
Lanes<W> NpvAtFirstYear(const double* rows, int n, const Lanes<W>& rate) {
  using V = Lanes<W>;
  const V v = 1.0 / (1.0 + rate);
  const V v4 = (v * v) * (v * v);
  V acc[4] = {V::Fill(0), V::Fill(0), V::Fill(0), V::Fill(0)};
  for (int k = (n - 1) / 4; k >= 0; --k) {
    for (int j = 0; j < 4; ++j) {
      const int t = 4 * k + j;
      acc[j] = acc[j] * v4 + (t < n ? V::Load(rows + t * W) : V::Fill(0));
    }
  }
  return ((acc[3] * v + acc[2]) * v + acc[1]) * v + acc[0];
}

}  // namespace

double NpvAtFirstYear(const double* cf, int n, double rate) {
  return NpvAtFirstYear<1>(cf, n, Lanes<1>::Fill(rate))[0];
}

namespace {

// Bracketing grid: fine near usual returns, coarse towards the extremes.
constexpr double kGrid[] = {-0.99, -0.9,  -0.75, -0.5,  -0.3, -0.2, -0.1, -0.05, 0.0,  0.025,
                            0.05,  0.075, 0.1,   0.125, 0.15, 0.2,  0.25, 0.3,   0.4,  0.5,
                            0.75,  1.0,   1.5,   2.0,   3.0,  5.0,  10.0, 25.0,  100.0};

constexpr int kGridSize = static_cast<int>(std::size(kGrid));

// Width of the bracket at which a root is final.
constexpr double kIrrTolerance = 1e-12;
// Illinois steps before a lane falls back to bisection: typical roots take
// under 15; bisection bounds the rest (53 halvings shrink any grid bracket
// below the tolerance).
constexpr int kIllinoisSteps = 40;
constexpr int kMaxSteps = kIllinoisSteps + 64;

// One lane's bracket from the grid values f[g]: [lo, hi] with f(lo) and f(hi)
// of opposite signs, or a final value. Among several roots it prefers one where
// NPV falls as the rate rises (the investment-type root of "spend, earn, then
// pay closure"), and among those the lowest; otherwise the lowest root.
struct Bracket {
  double lo = 0, hi = 0, flo = 0, fhi = 0;
  bool refine = false;  // false: `irr` is final
};

Bracket BracketFromGrid(const double* cf, int n, const double* f, Irr& irr) {
  Bracket b;
  bool pos = false, neg = false;
  for (int t = 0; t < n; ++t) {
    pos |= cf[t] > 0;
    neg |= cf[t] < 0;
  }
  if (!pos || !neg) {
    irr.reason = pos ? "cash flow is never negative" : "cash flow is never positive";
    return b;
  }
  int brackets = 0;
  bool have_falling = false;
  for (int g = 1; g < kGridSize; ++g) {
    const double lo = kGrid[g - 1], hi = kGrid[g], flo = f[g - 1], fhi = f[g];
    if (flo == 0 || (flo < 0) != (fhi < 0)) {
      const bool falling = flo > 0 || (flo == 0 && fhi < 0);
      if (brackets == 0 || (falling && !have_falling)) {
        b = {lo, hi, flo, fhi, flo != 0};
        irr.value = lo;
        irr.defined = true;
        have_falling = falling;
      }
      ++brackets;
    }
  }
  if (brackets == 0) irr.reason = "no rate between -99% and 10000% sets the NPV to zero";
  irr.multiple_roots = brackets > 1;
  return b;
}

}  // namespace

template <int W>
void InternalRatesOfReturn(const double* rows, int n, Irr* out) {
  using V = Lanes<W>;
  V f[kGridSize];
  for (int g = 0; g < kGridSize; ++g) f[g] = NpvAtFirstYear(rows, n, V::Fill(kGrid[g]));

  // Brackets lane by lane, then every lane refined at once by the Illinois
  // variant of regula falsi: the NPV of all lanes costs one evaluation, so the
  // lanes step together. A lane whose bracket is final is frozen, so its
  // result does not depend on the other lanes.
  double cf[kMaxYears];
  double lane_f[kGridSize];
  double lo0[W], hi0[W], flo0[W], fhi0[W], open0[W];
  bool any = false;
  for (int lane = 0; lane < W; ++lane) {
    for (int t = 0; t < n; ++t) cf[t] = rows[t * W + lane];
    for (int g = 0; g < kGridSize; ++g) lane_f[g] = f[g][lane];
    out[lane] = Irr{};
    const Bracket b = BracketFromGrid(cf, n, lane_f, out[lane]);
    lo0[lane] = b.lo;
    hi0[lane] = b.hi;
    flo0[lane] = b.flo;
    fhi0[lane] = b.fhi;
    open0[lane] = b.refine ? 1.0 : 0.0;
    any |= b.refine;
  }
  if (!any) return;
  V lo = V::Load(lo0), hi = V::Load(hi0), flo = V::Load(flo0), fhi = V::Load(fhi0);
  Mask<W> open = V::Load(open0) > 0.0;
  V x = lo;
  V last_side = V::Fill(0);  // -1: lo moved last, +1: hi moved last
  for (int step = 0; step < kMaxSteps; ++step) {
    open = open && (hi - lo > kIrrTolerance);
    if (!open.Any()) break;
    const V secant = hi - fhi * (hi - lo) / (fhi - flo);
    const V mid = 0.5 * (lo + hi);
    // Regula falsi unless it fails to land strictly inside, or the lane has
    // used its Illinois steps.
    const Mask<W> inside = (secant > lo) && (secant < hi);
    const V trial = step < kIllinoisSteps ? Select(inside, secant, mid) : mid;
    const V ft = NpvAtFirstYear(rows, n, trial);
    x = Select(open, trial, x);
    const Mask<W> exact = ft == 0.0;
    const Mask<W> same_as_lo = (ft < 0.0) == (flo < 0.0);
    // Illinois: when the same end moves twice in a row, halve the other end's
    // value so the next secant lands beyond the root.
    const Mask<W> move_lo = open && same_as_lo;
    const Mask<W> move_hi = open && !same_as_lo;
    fhi = Select(move_lo && (last_side < 0.0), 0.5 * fhi, fhi);
    flo = Select(move_hi && (last_side > 0.0), 0.5 * flo, flo);
    lo = Select(move_lo, trial, lo);
    flo = Select(move_lo, ft, flo);
    hi = Select(move_hi, trial, hi);
    fhi = Select(move_hi, ft, fhi);
    last_side = Select(move_lo, V::Fill(-1), Select(move_hi, V::Fill(1), last_side));
    open = open && !exact;
  }
  for (int lane = 0; lane < W; ++lane) {
    if (open0[lane] == 0) continue;
    out[lane].value = x[lane];
    out[lane].defined = std::isfinite(x[lane]);
  }
}

template void InternalRatesOfReturn<1>(const double*, int, Irr*);
template void InternalRatesOfReturn<kLanes>(const double*, int, Irr*);

Irr InternalRateOfReturn(const double* cf, int n) {
  Irr irr;
  InternalRatesOfReturn<1>(cf, n, &irr);
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
