#include "fiscal/production_profile.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace connex::fiscal {
namespace {

// A field producing from project year 1 of 10: two ramp-up years to a peak
// of 90 a year, reserves of 600, halving each year once in decline.
ProductionProfile Field() {
  ProductionProfile p;
  p.start = 1;
  p.ramp_up_years = 2;
  p.peak = 90;
  p.reserves = 600;
  p.decline = 0.5;
  return p;
}

double Sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

TEST(ProductionProfile, ThePlateauIsTheLongestTheReservesAllowWithinTheProject) {
  // Ramp-up 30 + 60; a plateau of k years leaves 7 − k years of decline:
  // 90 + 90k + 90·(1 − 0.5^(7−k)). k = 4 gives 528.75 ≤ 600; k = 5 gives 607.5.
  const std::vector<double> want = {0, 30, 60, 90, 90, 90, 90, 45, 22.5, 11.25};
  EXPECT_EQ(ProfileProduction(Field(), 10), want);
  EXPECT_DOUBLE_EQ(Sum(want), 528.75);
}

TEST(ProductionProfile, AGivenPlateauStopsWhenTheReservesRunOut) {
  ProductionProfile p = Field();
  p.plateau_years = 6;
  // 30 + 60 + 5 × 90 = 540: the sixth plateau year gets the 60 left, then nothing.
  const std::vector<double> want = {0, 30, 60, 90, 90, 90, 90, 90, 60, 0};
  EXPECT_EQ(ProfileProduction(p, 10), want);
}

TEST(ProductionProfile, HyperbolicDeclineFollowsArpsFromTheEndOfThePlateau) {
  ProductionProfile p = Field();
  p.plateau_years = 1;
  p.hyperbolic = 0.5;
  p.reserves = 1e9;
  // Decline year j: 90·(1 + 0.5·0.5·j)^(−2): 57.6, 40, 29.387755…
  const std::vector<double> got = ProfileProduction(p, 7);
  ASSERT_EQ(got.size(), 7u);
  EXPECT_DOUBLE_EQ(got[3], 90);
  EXPECT_DOUBLE_EQ(got[4], 57.6);
  EXPECT_DOUBLE_EQ(got[5], 40);
  EXPECT_DOUBLE_EQ(got[6], 90 / (1.75 * 1.75));
}

TEST(ProductionProfile, ReservesLargerThanTheProjectCanProduceKeepThePlateauToTheEnd) {
  ProductionProfile p = Field();
  p.reserves = 1e6;
  p.start = 0;
  p.ramp_up_years = 0;
  const std::vector<double> want(5, 90.0);
  EXPECT_EQ(ProfileProduction(p, 5), want);
}

TEST(ProductionProfile, SmallReservesCutTheRampUp) {
  ProductionProfile p = Field();
  p.reserves = 50;
  // Not even the ramp-up fits: no plateau, and the second year gets the 20 left.
  const std::vector<double> want = {0, 30, 20, 0, 0};
  EXPECT_EQ(ProfileProduction(p, 5), want);
}

}  // namespace
}  // namespace connex::fiscal
