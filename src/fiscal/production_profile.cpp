#include "fiscal/production_profile.hpp"

#include <algorithm>
#include <cmath>

namespace connex::fiscal {

namespace {

// Decline year j's production as a share of the peak.
double DeclineShare(const ProductionProfile& p, int j) {
  if (p.hyperbolic > 0) return std::pow(1 + p.hyperbolic * p.decline * j, -1 / p.hyperbolic);
  return std::pow(1 - p.decline, j);
}

// The profile with a plateau of `plateau` years, uncapped.
std::vector<double> Shape(const ProductionProfile& p, int plateau, int years) {
  std::vector<double> out(static_cast<size_t>(std::max(years, 0)), 0.0);
  for (int t = std::max(p.start, 0); t < years; ++t) {
    const int k = t - p.start + 1;  // production year 1, 2, …
    if (k <= p.ramp_up_years) {
      out[t] = p.peak * k / (p.ramp_up_years + 1);
    } else if (k <= p.ramp_up_years + plateau) {
      out[t] = p.peak;
    } else {
      out[t] = p.peak * DeclineShare(p, k - p.ramp_up_years - plateau);
    }
  }
  return out;
}

double Sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

}  // namespace

std::vector<double> ProfileProduction(const ProductionProfile& profile, int years) {
  int plateau = profile.plateau_years;
  if (plateau < 0) {
    // A year more of plateau adds the peak and takes away the last decline
    // year, which is less: the whole grows with the plateau, so the longest
    // within the reserves is found by counting up.
    const int most = std::max(years - profile.start - profile.ramp_up_years, 0);
    plateau = 0;
    while (plateau < most && Sum(Shape(profile, plateau + 1, years)) <= profile.reserves) ++plateau;
  }
  std::vector<double> out = Shape(profile, plateau, years);
  double left = profile.reserves;
  for (double& v : out) {
    v = std::min(v, left);
    left -= v;
  }
  return out;
}

}  // namespace connex::fiscal
