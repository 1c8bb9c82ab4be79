#include "fiscal/uncertainty.hpp"

#include <cmath>
#include <numbers>
#include <sstream>

#include "fiscal/lane_math.hpp"
#include "fiscal/random.hpp"

namespace connex::fiscal {

namespace {

constexpr int kMaxInputs = kMaxProducts + kMultiplierKinds;

// Pivots below this are zero: the matrix is singular but may still be PSD.
constexpr double kPivotTolerance = 1e-12;
// Off-diagonal residue tolerated under a zero pivot (rounding of entered values).
constexpr double kResidueTolerance = 1e-9;

}  // namespace

Cholesky Factor(const std::vector<std::vector<double>>& c) {
  const size_t n = c.size();
  Cholesky out;
  out.lower.assign(n, std::vector<double>(n, 0.0));
  auto& l = out.lower;
  for (size_t j = 0; j < n; ++j) {
    double d = c[j][j];
    for (size_t k = 0; k < j; ++k) d -= l[j][k] * l[j][k];
    if (d < -kPivotTolerance) {
      std::ostringstream msg;
      msg << "the correlation matrix is not positive semi-definite (it fails at row " << j + 1
          << "); check that the correlations are mutually consistent";
      out.error = msg.str();
      return out;
    }
    const bool zero_pivot = d <= kPivotTolerance;
    l[j][j] = zero_pivot ? 0.0 : std::sqrt(d);
    for (size_t i = j + 1; i < n; ++i) {
      double v = c[i][j];
      for (size_t k = 0; k < j; ++k) v -= l[i][k] * l[j][k];
      if (zero_pivot) {
        if (std::fabs(v) > kResidueTolerance) {
          std::ostringstream msg;
          msg << "the correlation matrix is not positive semi-definite (rows " << j + 1 << " and "
              << i + 1 << " are inconsistent with the others)";
          out.error = msg.str();
          return out;
        }
        l[i][j] = 0;
      } else {
        l[i][j] = v / l[j][j];
      }
    }
  }
  return out;
}

double Multiplier(const MultiplierUncertainty& m, double z) {
  switch (m.spread) {
    case Spread::kNormal: {
      const double x = m.mean + m.sd * z;
      return x > 0 ? x : 0.0;
    }
    case Spread::kLognormal: {
      // Parameters of ln X for a multiplier with this mean and sd.
      const double s2 = std::log1p((m.sd * m.sd) / (m.mean * m.mean));
      return std::exp(std::log(m.mean) - 0.5 * s2 + std::sqrt(s2) * z);
    }
    case Spread::kTriangular: {
      const double range = m.high - m.low;
      if (!(range > 0)) return m.mode;
      const double u = 0.5 * std::erfc(-z * std::numbers::sqrt2 / 2);  // standard normal CDF
      const double at_mode = (m.mode - m.low) / range;
      return u < at_mode ? m.low + std::sqrt(u * range * (m.mode - m.low))
                         : m.high - std::sqrt((1 - u) * range * (m.high - m.mode));
    }
  }
  return 1.0;
}

Sampler::Sampler(const Uncertainty& u, int years, int products)
    : years_(years), products_(products), prices_(u.prices) {
  for (size_t i = 0; i < prices_.size(); ++i) {
    kinds_.push_back({static_cast<int>(i)});
    persistence_.push_back(
        prices_[i].process == PriceProcess::kMeanReverting ? std::exp(-prices_[i].reversion) : 1.0);
  }
  for (int m = 0; m < kMultiplierKinds; ++m) {
    multipliers_[m] = u.multipliers[m];
    if (u.multipliers[m]) kinds_.push_back({-1, static_cast<MultiplierOf>(m)});
  }
  const int k = inputs();
  if (!u.correlation.empty()) {
    const Cholesky chol = Factor(u.correlation);
    lower_.assign(static_cast<size_t>(k * k), 0.0);
    for (int i = 0; i < k; ++i) {
      for (int j = 0; j <= i; ++j) lower_[i * k + j] = chol.lower[i][j];
    }
    correlated_ = true;
  }
}

template <int W>
void Sampler::Sample(std::uint64_t seed, std::uint64_t first, Lanes<W>* path,
                     ScenarioInputs<W>& in) const {
  using V = Lanes<W>;
  NormalStream<W> rng(seed, first);
  const int k = inputs();
  const int uncertain_prices = static_cast<int>(prices_.size());
  V e[kMaxInputs], z[kMaxInputs];
  V log_factor[kMaxProducts];
  double variance[kMaxProducts] = {};  // of the log factor: the same in every lane

  for (int i = 0; i < uncertain_prices; ++i) log_factor[i] = V::Fill(0);
  for (int p = 0; p < products_ * years_; ++p) path[p] = V::Fill(1);
  for (int t = 0; t < years_; ++t) {
    // Multipliers are drawn once, in the first year; prices come first in the
    // input order, so their rows of L never need a multiplier's shock.
    const int count = t == 0 ? k : uncertain_prices;
    for (int i = 0; i < count; ++i) e[i] = rng.Next();
    for (int i = 0; i < count; ++i) {
      if (!correlated_) {
        z[i] = e[i];
        continue;
      }
      V sum = V::Fill(0);
      for (int j = 0; j <= i; ++j) sum += lower_[i * k + j] * e[j];
      z[i] = sum;
    }
    for (int i = 0; i < uncertain_prices; ++i) {
      const PriceUncertainty& pu = prices_[i];
      const double s = pu.volatility;
      V& x = log_factor[i];
      if (pu.process == PriceProcess::kGbm) {
        x = x + ((pu.drift - 0.5 * s * s) + s * z[i]);
      } else {
        const double phi = persistence_[i];
        const double before = variance[i];
        variance[i] = phi * phi * before + s * s;
        x = phi * x + s * z[i] - 0.5 * (variance[i] - phi * before);
      }
      path[pu.product * years_ + t] = Exp(x);
    }
    if (t > 0) continue;
    for (int i = uncertain_prices; i < k; ++i) {
      const MultiplierOf of = kinds_[i].of;
      V& target = of == MultiplierOf::kCapex  ? in.capex
                  : of == MultiplierOf::kOpex ? in.opex
                                              : in.production;
      for (int lane = 0; lane < W; ++lane) {
        target.Set(lane, Multiplier(*multipliers_[static_cast<int>(of)], z[i][lane]));
      }
    }
  }
}

template void Sampler::Sample<1>(std::uint64_t, std::uint64_t, Lanes<1>*, ScenarioInputs<1>&) const;
template void Sampler::Sample<kLanes>(std::uint64_t, std::uint64_t, Lanes<kLanes>*,
                                      ScenarioInputs<kLanes>&) const;

}  // namespace connex::fiscal
