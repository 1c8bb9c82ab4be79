#include "fiscal/cash_flow.hpp"

#include <cmath>
#include <iterator>

#include "fiscal/lanes.hpp"
#include "fiscal/project.hpp"

namespace connex::fiscal {

const char* ToString(Timing timing) {
  return timing == Timing::kMidYear ? "mid_year" : "end_of_year";
}

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

double NpvAtFirstYear(const double* cf, int n, double rate) {
  // Horner's scheme on four interleaved chains (years t = 4k + j in chain j,
  // in powers of v^4), recombined by Horner in v: a quarter of the dependent
  // multiply-add latency of one chain, which bounds IRR search time.
  const double v = 1.0 / (1.0 + rate);
  const double v4 = (v * v) * (v * v);
  double acc[4] = {0, 0, 0, 0};
  for (int k = (n - 1) / 4; k >= 0; --k) {
    for (int j = 0; j < 4; ++j) {
      const int t = 4 * k + j;
      acc[j] = acc[j] * v4 + (t < n ? cf[t] : 0.0);
    }
  }
  return ((acc[3] * v + acc[2]) * v + acc[1]) * v + acc[0];
}

namespace {

// Bracketing grid: fine near usual returns, coarse towards the extremes.
constexpr double kGrid[] = {-0.99, -0.9,  -0.75, -0.5,  -0.3, -0.2, -0.1, -0.05, 0.0,  0.025,
                            0.05,  0.075, 0.1,   0.125, 0.15, 0.2,  0.25, 0.3,   0.4,  0.5,
                            0.75,  1.0,   1.5,   2.0,   3.0,  5.0,  10.0, 25.0,  100.0};

constexpr int kGridSize = static_cast<int>(std::size(kGrid));

// One lane: picks the bracket from the grid values f[g] and refines it.
Irr RootFromGrid(const double* cf, int n, const double* f) {
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
  auto npv = [&](double r) { return NpvAtFirstYear(cf, n, r); };
  // Among several roots prefer one where NPV falls as the rate rises (the
  // investment-type root of "spend, earn, then pay closure"), and among those
  // the lowest; otherwise the lowest root.
  int brackets = 0;
  bool have_falling = false;
  for (int g = 1; g < kGridSize; ++g) {
    const double lo = kGrid[g - 1], hi = kGrid[g], flo = f[g - 1], fhi = f[g];
    if (flo == 0 || (flo < 0) != (fhi < 0)) {
      const bool falling = flo > 0 || (flo == 0 && fhi < 0);
      if (brackets == 0 || (falling && !have_falling)) {
        irr.value = flo == 0 ? lo : Brent(npv, lo, hi, flo, fhi);
        irr.defined = std::isfinite(irr.value);
        have_falling = falling;
      }
      ++brackets;
    }
  }
  if (brackets == 0) irr.reason = "no rate between -99% and 10000% sets the NPV to zero";
  irr.multiple_roots = brackets > 1;
  return irr;
}

}  // namespace

template <int W>
void InternalRatesOfReturn(const double* rows, int n, Irr* out) {
  using V = Lanes<W>;
  // NPV of every lane at every grid rate, by exactly the operations of NpvAtFirstYear.
  V f[kGridSize];
  for (int g = 0; g < kGridSize; ++g) {
    const double v = 1.0 / (1.0 + kGrid[g]);
    const double v4 = (v * v) * (v * v);
    V acc[4] = {V::Fill(0), V::Fill(0), V::Fill(0), V::Fill(0)};
    for (int k = (n - 1) / 4; k >= 0; --k) {
      for (int j = 0; j < 4; ++j) {
        const int t = 4 * k + j;
        acc[j] = acc[j] * v4 + (t < n ? V::Load(rows + t * W) : V::Fill(0));
      }
    }
    f[g] = ((acc[3] * v + acc[2]) * v + acc[1]) * v + acc[0];
  }
  double cf[kMaxYears];
  double lane_f[kGridSize];
  for (int lane = 0; lane < W; ++lane) {
    for (int t = 0; t < n; ++t) cf[t] = rows[t * W + lane];
    for (int g = 0; g < kGridSize; ++g) lane_f[g] = f[g][lane];
    out[lane] = RootFromGrid(cf, n, lane_f);
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
