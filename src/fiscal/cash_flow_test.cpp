#include "fiscal/cash_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>

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

TEST(PaybackIndex, FirstYearFromWhichCumulativeStaysNonNegative) {
  const double cf[] = {0, -100, 60, 60, -30};
  EXPECT_EQ(PaybackIndex(cf, 4), 3);
  EXPECT_EQ(PaybackIndex(cf, 5), -1);  // a closure cost in the last year undoes the payback
  const double always[] = {10, 10};
  EXPECT_EQ(PaybackIndex(always, 2), 0);
}

}  // namespace
}  // namespace connex::fiscal
