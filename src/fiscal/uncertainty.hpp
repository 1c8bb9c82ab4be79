// Uncertainty: what a Monte Carlo run draws for each scenario
// (docs/fiscal-methodology.md, "Uncertainty and sensitivity").
//
// - A price path per uncertain product: a factor F_t on the deck, so the deck
//   stays the expected path. GBM: ln F_t = ln F_{t-1} + drift - s^2/2 + s e_t.
//   Mean-reverting (Ornstein-Uhlenbeck on the log factor, annual steps,
//   phi = exp(-reversion)): ln F_t = phi ln F_{t-1} + s e_t - (v_t - phi v_{t-1}) / 2
//   with v_t = phi^2 v_{t-1} + s^2, so that E[F_t] = 1 every year. F_{-1} = 1.
// - One multiplier per scenario on capex, opex or production: normal (mean, sd;
//   truncated at zero), lognormal (mean and sd of the multiplier itself) or
//   triangular (low, mode, high).
// - Correlation between the standard normals behind these inputs, through the
//   Cholesky factor of a correlation matrix. Price shocks are correlated year
//   by year; a multiplier is correlated with the first year's shocks (and so,
//   for persistent processes, with the whole price level).
//
// Thread-safety: Sampler is immutable after construction; Sample() is reentrant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "fiscal/engine.hpp"

namespace connex::fiscal {

enum class PriceProcess { kGbm, kMeanReverting };
inline constexpr EnumNames<PriceProcess, 2> kPriceProcessNames{{"gbm", "mean_reverting"}};
inline const char* ToString(PriceProcess v) { return kPriceProcessNames[v]; }

struct PriceUncertainty {
  int product = 0;
  PriceProcess process = PriceProcess::kGbm;
  double volatility = 0;  // annual, of the log price
  double drift = 0;       // GBM: annual drift of the log factor on top of the deck
  double reversion = 0;   // mean-reverting: speed per year (phi = exp(-reversion))
};

enum class Spread { kNormal, kLognormal, kTriangular };
inline constexpr EnumNames<Spread, 3> kSpreadNames{{"normal", "lognormal", "triangular"}};
inline const char* ToString(Spread v) { return kSpreadNames[v]; }

struct MultiplierUncertainty {
  Spread spread = Spread::kNormal;
  double mean = 1;                     // normal, lognormal
  double sd = 0;                       // normal, lognormal
  double low = 1, mode = 1, high = 1;  // triangular
};

enum class MultiplierOf { kCapex, kOpex, kProduction };
inline constexpr int kMultiplierKinds = 3;
inline constexpr EnumNames<MultiplierOf, 3> kMultiplierOfNames{{"capex", "opex", "production"}};
inline const char* ToString(MultiplierOf v) { return kMultiplierOfNames[v]; }

struct Uncertainty {
  std::vector<PriceUncertainty> prices;                                // at most one per product
  std::optional<MultiplierUncertainty> multipliers[kMultiplierKinds];  // by MultiplierOf
  // Correlation between inputs in Sampler order (prices as listed, then
  // capex, opex, production when present); empty = independent.
  std::vector<std::vector<double>> correlation;
  std::optional<double> government_pv_floor;  // report P(PV(G) < floor)
  std::uint64_t seed = 1;
  std::int64_t scenarios = 10000;
};

// Cholesky factor L (lower triangular, L L^T = C) of a correlation matrix.
// Positive semi-definite matrices with zero pivots (perfect correlation) are
// accepted; otherwise an error message says which row fails.
struct Cholesky {
  std::vector<std::vector<double>> lower;
  std::optional<std::string> error;
};
Cholesky Factor(const std::vector<std::vector<double>>& correlation);

// Draws scenario inputs: a pure function of (seed, scenario index).
class Sampler {
 public:
  // REQUIRES: `u` is valid for a project of `years` years and `products`
  // products, and its correlation factorises (the model reader checks both).
  Sampler(const Uncertainty& u, int years, int products);

  int inputs() const { return static_cast<int>(kinds_.size()); }
  // Draws scenarios first .. first + W - 1 under `seed` into the W lanes of
  // price_path[p * years + t] (size products x years) and of `in`'s multipliers.
  template <int W>
  void Sample(std::uint64_t seed, std::uint64_t first, Lanes<W>* price_path,
              ScenarioInputs<W>& in) const;

 private:
  struct Input {
    int price = -1;  // index into prices_, or -1 for a multiplier
    MultiplierOf of = MultiplierOf::kCapex;
  };
  int years_;
  int products_;
  std::vector<PriceUncertainty> prices_;
  std::vector<double> persistence_;  // phi = exp(-reversion) per price, 1 for GBM
  std::optional<MultiplierUncertainty> multipliers_[kMultiplierKinds];
  std::vector<Input> kinds_;
  std::vector<double> lower_;  // inputs x inputs, row-major
  bool correlated_ = false;
};

// The multiplier drawn from a standard normal z (by inversion for triangular).
double Multiplier(const MultiplierUncertainty& m, double z);

}  // namespace connex::fiscal
