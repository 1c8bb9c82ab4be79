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

// The values every driver can take in one year, filled by the engine.
// REQUIRES: vectors indexed by product, sized to the project's product count.
struct DriverValues {
  int year_index = 0;
  const double* price = nullptr;  // per product
  const double* daily_production = nullptr;
  const double* cumulative_production = nullptr;
  double r_factor = 0;
  double investor_irr = 0;
  double profitability = 0;
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

  double At(const DriverValues& d) const;

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
double EvaluateTiers(const std::vector<Tier>& tiers, TierMode mode, double x);

constexpr double kInfinity() { return std::numeric_limits<double>::infinity(); }

// A message naming the first offending tier (1-based, as a reader counts),
// or nothing when the tiers are non-empty, sorted, contiguous and open-ended.
std::optional<std::string> ValidateTiers(const std::vector<Tier>& tiers);

const char* ToString(RateDriver driver);

}  // namespace connex::fiscal
