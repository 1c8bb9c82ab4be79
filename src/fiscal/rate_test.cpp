#include "fiscal/rate.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace connex::fiscal {
namespace {

const std::vector<Tier> kTiers = {{0, 60, 0.02}, {60, 100, 0.06}, {100, kInfinity(), 0.10}};

TEST(EvaluateTiers, IncrementalAveragesTheSlices) {
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kIncremental, 50), 0.02);
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kIncremental, 100), (1.2 + 2.4) / 100);
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kIncremental, 150), (1.2 + 2.4 + 5.0) / 150);
}

TEST(EvaluateTiers, SteppedTakesTheTierReached) {
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kStepped, 59.99), 0.02);
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kStepped, 60), 0.06);
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kStepped, 1e9), 0.10);
}

TEST(EvaluateTiers, BelowTheFirstTierAndNanGiveTheFirstRate) {
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kIncremental, -5), 0.02);
  EXPECT_DOUBLE_EQ(EvaluateTiers(kTiers, TierMode::kStepped, std::nan("")), 0.02);
}

TEST(ValidateTiers, NamesTheOffendingTier) {
  EXPECT_FALSE(ValidateTiers(kTiers).has_value());
  auto gap = ValidateTiers({{0, 90, 0.1}, {80, kInfinity(), 0.2}});
  ASSERT_TRUE(gap.has_value());
  EXPECT_EQ(*gap,
            "tier 2 starts at 80 but tier 1 ends at 90 (tiers must be sorted and contiguous)");
  auto closed = ValidateTiers({{0, 10, 0.1}});
  ASSERT_TRUE(closed.has_value());
  EXPECT_NE(closed->find("must be open-ended"), std::string::npos);
  auto backwards = ValidateTiers({{10, 5, 0.1}, {5, kInfinity(), 0.1}});
  ASSERT_TRUE(backwards.has_value());
  EXPECT_NE(backwards->find("tier 1 ends at 5, not after its start 10"), std::string::npos);
  EXPECT_TRUE(ValidateTiers({}).has_value());
}

TEST(Rate, ScheduleAndDriversLaneByLane) {
  // Two scenarios side by side: each lane takes its own tier.
  Drivers<2> d;
  const Lanes<2> price[] = {{{70, 40}}};
  const Lanes<2> daily[] = {{{25000, 10000}}};
  const Lanes<2> cum[] = {{{0, 0}}};
  d.price = price;
  d.daily_production = daily;
  d.cumulative_production = cum;
  d.year_index = 2;
  d.r_factor = Lanes<2>{{1.7, 0.5}};
  EXPECT_DOUBLE_EQ(Rate::Constant(0.3).At(d)[1], 0.3);
  EXPECT_DOUBLE_EQ(Rate::Schedule({0.1, 0.2, 0.3}).At(d)[0], 0.3);
  const Rate split = Rate::Tiered(RateDriver::kRFactor, TierMode::kStepped,
                                  {{0, 1, 0.4}, {1, 1.5, 0.5}, {1.5, kInfinity(), 0.6}});
  EXPECT_DOUBLE_EQ(split.At(d)[0], 0.6);
  EXPECT_DOUBLE_EQ(split.At(d)[1], 0.4);
  // Daily-production tranches: 50% on the first 20,000 b/d, 60% above.
  const Rate tranches = Rate::Tiered(RateDriver::kDailyProduction, TierMode::kIncremental,
                                     {{0, 20000, 0.5}, {20000, kInfinity(), 0.6}});
  EXPECT_DOUBLE_EQ(tranches.At(d)[0], (0.5 * 20000 + 0.6 * 5000) / 25000);
  EXPECT_DOUBLE_EQ(tranches.At(d)[1], 0.5);
  EXPECT_DOUBLE_EQ(split.Shifted(0.05).At(d)[0], 0.65);
}

}  // namespace
}  // namespace connex::fiscal
