// A production profile: the yearly production of a field or mine from a few
// numbers (docs/fiscal-methodology.md, "Production profiles") — a linear
// ramp-up to a peak rate, a plateau, then exponential or hyperbolic decline,
// never producing more than the reserves.
#pragma once

#include <vector>

namespace connex::fiscal {

struct ProductionProfile {
  int start = 0;           // project year (0-based) of the first production
  int ramp_up_years = 0;   // years before the plateau, rising in equal steps
  double peak = 0;         // units per year on the plateau, > 0
  double reserves = 0;     // units the whole profile may produce, > 0
  int plateau_years = -1;  // -1: as many as the reserves allow (below)
  double decline = 0;  // d: the first decline year produces peak·(1 − d), or peak·(1 + b·d)^(−1/b)
  double hyperbolic = 0;  // b in [0, 1]; 0 = exponential
};

// The yearly production over `years` project years. Ramp-up year k (1 … r)
// produces peak·k/(r + 1); plateau years produce the peak; decline year j
// (1, 2, …) produces peak·(1 − d)^j, or peak·(1 + b·d·j)^(−1/b) when b > 0.
// Without `plateau_years`, the plateau is the longest for which the whole
// profile within the project stays within the reserves. Every year produces
// at most what is left of the reserves.
std::vector<double> ProfileProduction(const ProductionProfile& profile, int years);

}  // namespace connex::fiscal
