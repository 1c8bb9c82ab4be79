#include "fiscal/cash_flow.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>

namespace connex::fiscal {
namespace {

TEST(PresentValue, EndOfYearAndMidYear) {
  const double cf[] = {100, 110, 121};
  Discounting d{0.10, 2025, Timing::kEndOfYear};
  EXPECT_NEAR(PresentValue(cf, 3, 2025, d), 300, 1e-9);
  d.valuation_year = 2024;
  EXPECT_NEAR(PresentValue(cf, 3, 2025, d), 300 / 1.1, 1e-9);
  d.valuation_year = 2025;
  d.timing = Timing::kMidYear;
  EXPECT_NEAR(PresentValue(cf, 3, 2025, d), 300 * std::sqrt(1.1), 1e-9);
}

TEST(InternalRateOfReturn, SimpleInvestment) {
  const double cf[] = {-100, 110};
  const Irr irr = InternalRateOfReturn(cf, 2);
  ASSERT_TRUE(irr.defined);
  EXPECT_NEAR(irr.value, 0.10, 1e-12);
  EXPECT_FALSE(irr.multiple_roots);
}

TEST(InternalRateOfReturn, NoSignChangeIsUndefinedWithAReason) {
  const double neg[] = {-100, -10};
  const Irr a = InternalRateOfReturn(neg, 2);
  EXPECT_FALSE(a.defined);
  EXPECT_STREQ(a.reason, "cash flow is never positive");
  const double pos[] = {5, 10};
  EXPECT_STREQ(InternalRateOfReturn(pos, 2).reason, "cash flow is never negative");
}

TEST(InternalRateOfReturn, ClosureCostGivesTwoRootsAndPrefersTheInvestmentRoot) {
  // -100, +230, -132: NPV = 0 at 10% and 20%; NPV falls through zero at 20%.
  const double cf[] = {-100, 230, -132};
  const Irr irr = InternalRateOfReturn(cf, 3);
  ASSERT_TRUE(irr.defined);
  EXPECT_TRUE(irr.multiple_roots);
  EXPECT_NEAR(irr.value, 0.20, 1e-10);
}

TEST(InternalRateOfReturn, RootsAtTheEndsOfTheGridAreRefinedToTheTolerance) {
  const double huge[] = {-1, 51};  // 5000%, in the widest bracket [2500%, 10000%]
  EXPECT_NEAR(InternalRateOfReturn(huge, 2).value, 50, 1e-12 * 50);
  const double ruin[] = {-100, 2};  // -98%
  EXPECT_NEAR(InternalRateOfReturn(ruin, 2).value, -0.98, 1e-12);
  const double on_grid[] = {-100, 125};  // exactly a grid rate: taken as is
  EXPECT_EQ(InternalRateOfReturn(on_grid, 2).value, 0.25);
}

TEST(InternalRateOfReturn, EachLaneOfABatchEqualsItsOwnRunBitForBit) {
  // Lanes that converge after different numbers of steps, one undefined, one
  // exactly on the grid: a lane's answer must not depend on its neighbours.
  constexpr int kW = 8, kN = 30;
  double rows[kN * kW];
  for (int lane = 0; lane < kW; ++lane) {
    for (int t = 0; t < kN; ++t) {
      double cf = t < 3 ? -100.0 * (lane + 1) : 7.0 + 3.0 * lane + 0.1 * t;
      if (lane == 5) cf = 10;                                  // never negative
      if (lane == 6) cf = t == 0 ? -100 : (t == 1 ? 110 : 0);  // 10% exactly on the grid
      if (lane == 7) cf = t == 0 ? -100 : (t == 1 ? 230 : (t == 2 ? -132 : 0));  // two roots
      rows[t * kW + lane] = cf;
    }
  }
  Irr batch[kW];
  InternalRatesOfReturn<kW>(rows, kN, batch);
  for (int lane = 0; lane < kW; ++lane) {
    double cf[kN];
    for (int t = 0; t < kN; ++t) cf[t] = rows[t * kW + lane];
    const Irr one = InternalRateOfReturn(cf, kN);
    EXPECT_EQ(batch[lane].defined, one.defined) << lane;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(batch[lane].value),
              std::bit_cast<std::uint64_t>(one.value))
        << lane;
    EXPECT_EQ(batch[lane].multiple_roots, one.multiple_roots) << lane;
    EXPECT_STREQ(batch[lane].reason, one.reason) << lane;
    if (one.defined) {
      EXPECT_NEAR(NpvAtFirstYear(cf, kN, one.value), 0, 1e-6) << lane;
    }
  }
  EXPECT_FALSE(batch[5].defined);
  EXPECT_EQ(batch[6].value, 0.1);
  EXPECT_TRUE(batch[7].multiple_roots);
}

TEST(PaybackIndex, FirstYearFromWhichCumulativeStaysNonNegative) {
  const double cf[] = {0, -100, 60, 60, -30};
  EXPECT_EQ(PaybackIndex(cf, 4), 3);
  EXPECT_EQ(PaybackIndex(cf, 5), -1);  // a closure cost in the last year undoes the payback
  const double always[] = {10, 10};
  EXPECT_EQ(PaybackIndex(always, 2), 0);
}

}  // namespace
}  // namespace connex::fiscal
