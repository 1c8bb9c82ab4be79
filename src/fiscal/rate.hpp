// Rate: a fiscal rate that may be a constant, a per-year schedule, or a tiered
// function of a driver (price, daily production, cumulative production,
// R-factor, investor IRR to date, profitability).
//
// Tiers apply incrementally (each slice of the driver at its tier's rate, like
// income-tax brackets; the result is the effective average rate) or stepped
// (the whole base at the rate of the tier the driver reached). Tiers are sorted
// and contiguous: tier i+1 starts where tier i ends; the last tier is open.
//
// Thread-safety: immutable after construction; At() is const and reentrant.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "fiscal/lanes.hpp"

namespace connex::fiscal {

enum class RateDriver {
  kPrice,                 // price of the rate's product in the year (after price factor)
  kDailyProduction,       // annual production of the product / days per year
  kCumulativeProduction,  // production of the product up to the end of the previous year
  kRFactor,               // cumulative contractor receipts / cumulative costs, to previous year
  kInvestorIrr,           // IRR of investor cash flow up to the end of the previous year
  kProfitability,         // this year's gross revenue / (opex + capex + closure)
};

enum class TierMode { kIncremental, kStepped };

struct Tier {
  double from = 0;
  double to = std::numeric_limits<double>::infinity();
  double rate = 0;
};

// The values every driver can take in one year, for W scenarios, filled by the engine.
// REQUIRES: arrays indexed by product, sized to the project's product count.
template <int W>
struct Drivers {
  int year_index = 0;
  const Lanes<W>* price = nullptr;  // per product
  const Lanes<W>* daily_production = nullptr;
  const Lanes<W>* cumulative_production = nullptr;
  Lanes<W> r_factor = Lanes<W>::Fill(0);
  Lanes<W> investor_irr = Lanes<W>::Fill(0);
  Lanes<W> profitability = Lanes<W>::Fill(0);
};

class Rate {
 public:
  enum class Kind { kConstant, kSchedule, kTiered };

  Rate() = default;
  static Rate Constant(double rate);
  // REQUIRES: one value per project year.
  static Rate Schedule(std::vector<double> per_year);
  // REQUIRES: ValidateTiers(tiers) returns no error; product indexes a project product.
  static Rate Tiered(RateDriver driver, TierMode mode, std::vector<Tier> tiers, int product = 0);

  template <int W>
  Lanes<W> At(const Drivers<W>& d) const;

  Kind kind() const { return kind_; }
  RateDriver driver() const { return driver_; }
  TierMode mode() const { return mode_; }
  int product() const { return product_; }
  const std::vector<Tier>& tiers() const { return tiers_; }
  const std::vector<double>& schedule() const { return values_; }
  double constant() const { return constant_; }
  bool Uses(RateDriver driver) const { return kind_ == Kind::kTiered && driver_ == driver; }

  // Replaces every rate with rate + delta (constant, each year, each tier):
  // used by sensitivity analysis and property tests.
  Rate Shifted(double delta) const;

 private:
  Kind kind_ = Kind::kConstant;
  double constant_ = 0;
  std::vector<double> values_;  // schedule
  RateDriver driver_ = RateDriver::kPrice;
  TierMode mode_ = TierMode::kStepped;
  int product_ = 0;
  std::vector<Tier> tiers_;
};

// Incremental evaluation: the average rate over the slices [from_0, x).
// Stepped evaluation: the rate of the tier with from <= x < to.
// Below the first tier both give the first tier's rate.
// REQUIRES: ValidateTiers(tiers) returns no error. Lane by lane, the same
// result for every W.
template <int W>
Lanes<W> EvaluateTiers(const std::vector<Tier>& tiers, TierMode mode, const Lanes<W>& x);
double EvaluateTiers(const std::vector<Tier>& tiers, TierMode mode, double x);

constexpr double kInfinity() { return std::numeric_limits<double>::infinity(); }

// A message naming the first offending tier (1-based, as a reader counts),
// or nothing when the tiers are non-empty, sorted, contiguous and open-ended.
std::optional<std::string> ValidateTiers(const std::vector<Tier>& tiers);

inline constexpr EnumNames<RateDriver, 6> kRateDriverNames{{"price", "daily_production",
                                                            "cumulative_production", "r_factor",
                                                            "investor_irr", "profitability"}};
inline const char* ToString(RateDriver v) { return kRateDriverNames[v]; }

template <int W>
Lanes<W> Rate::At(const Drivers<W>& d) const {
  switch (kind_) {
    case Kind::kConstant:
      return Lanes<W>::Fill(constant_);
    case Kind::kSchedule:
      return Lanes<W>::Fill(values_[static_cast<size_t>(d.year_index)]);
    case Kind::kTiered:
      break;
  }
  Lanes<W> x = Lanes<W>::Fill(0);
  switch (driver_) {
    case RateDriver::kPrice:
      x = d.price[product_];
      break;
    case RateDriver::kDailyProduction:
      x = d.daily_production[product_];
      break;
    case RateDriver::kCumulativeProduction:
      x = d.cumulative_production[product_];
      break;
    case RateDriver::kRFactor:
      x = d.r_factor;
      break;
    case RateDriver::kInvestorIrr:
      x = d.investor_irr;
      break;
    case RateDriver::kProfitability:
      x = d.profitability;
      break;
  }
  return EvaluateTiers(tiers_, mode_, x);
}

template <int W>
Lanes<W> EvaluateTiers(const std::vector<Tier>& tiers, TierMode mode, const Lanes<W>& x) {
  using V = Lanes<W>;
  const Tier& first = tiers.front();
  // x <= first.from, and NaN, take the first rate in both modes.
  const Mask<W> above_first = x > first.from;
  if (mode == TierMode::kStepped) {
    V rate = V::Fill(first.rate);
    for (size_t i = 1; i < tiers.size(); ++i) {
      rate = Select(x >= tiers[i].from, V::Fill(tiers[i].rate), rate);
    }
    return rate;
  }
  V weighted = V::Fill(0);
  for (const Tier& t : tiers) {
    const V top = Min(V::Fill(t.to), x);
    weighted += Select(x > t.from, t.rate * (top - t.from), V::Fill(0));
  }
  const V average = weighted / (x - first.from);
  const V rate = Select(above_first, average, V::Fill(first.rate));
  return Select(x > std::numeric_limits<double>::max(), V::Fill(tiers.back().rate), rate);
}

}  // namespace connex::fiscal
