#include "fiscal/analysis.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "fiscal/test_projects.hpp"

namespace connex::fiscal {
namespace {

// Invest 100, then earn 100 x k of revenue for two years with 20 of opex.
ProjectSeries TwoYearProject() {
  return testing::OneProduct({0, 10, 10}, {0, 10, 10}, {100, 0, 0}, {0, 20, 20});
}

Regime RoyaltyOnly(double rate) {
  Regime r;
  r.name = "royalty " + std::to_string(rate);
  r.royalties.push_back({"royalty", -1, RoyaltyBase::kGrossValue, Rate::Constant(rate), true});
  return r;
}

TEST(FindBreakeven, InvestorNpvIsZeroAtTheBreakevenFactor) {
  const ProjectSeries s = TwoYearProject();
  const Discounting d{0.0, 2025};
  Ledger scratch;
  const Breakeven b = FindBreakeven(s, RoyaltyOnly(0.1), d, BreakevenOf::kInvestorNpv, scratch);
  ASSERT_TRUE(b.factor.defined);
  // At r = 0: -100 + 2 x (100k x 0.9 - 20) = 0 -> k = 140 / 180.
  EXPECT_NEAR(b.factor.value, 140.0 / 180.0, 1e-9);
  ASSERT_EQ(b.first_price.size(), 1u);
  EXPECT_NEAR(b.first_price[0], 10 * 140.0 / 180.0, 1e-8);
  const Breakeven pre = FindBreakeven(s, RoyaltyOnly(0.1), d, BreakevenOf::kPretaxNpv, scratch);
  EXPECT_NEAR(pre.factor.value, 140.0 / 200.0, 1e-9);
}

// Invest 60; 10 units a year for three years at 10 x k, opex 20, 40, 60,
// royalty 10%. Operating cash flow is 90k - opex: at k = 0.4, 16, -4, -24
// (stop after the first year); at 0.6, 34, 14, -6 (after the second); from
// 0.8 on every year pays.
TEST(PriceSweep, EachPriceStopsTheProjectAtItsOwnEconomicLimit) {
  ProjectSeries s =
      testing::OneProduct({0, 10, 10, 10}, {0, 10, 10, 10}, {60, 0, 0, 0}, {0, 20, 40, 60});
  s.economic_limit = true;
  const Discounting d{0.0, 2025};
  const std::vector<SweepPoint> points = PriceSweep(s, RoyaltyOnly(0.1), d, {0.4, 1.0, 0.2});
  ASSERT_EQ(points.size(), 4u);
  // N = -60 + (10k - opex) over the years that run.
  EXPECT_NEAR(points[0].core.pv_pretax, -60 + 20, 1e-9);            // 2026 only
  EXPECT_NEAR(points[1].core.pv_pretax, -60 + 40 + 20, 1e-9);       // 2026 and 2027
  EXPECT_NEAR(points[2].core.pv_pretax, -60 + 60 + 40 + 20, 1e-9);  // every year
  EXPECT_NEAR(points[3].core.pv_pretax, -60 + 80 + 60 + 40, 1e-9);
  EXPECT_NEAR(points[0].core.pv_government, 4, 1e-9);  // one year of royalty at k = 0.4
  // The same sweep without the limit runs 2027 and 2028 at a loss.
  s.economic_limit = false;
  const std::vector<SweepPoint> full = PriceSweep(s, RoyaltyOnly(0.1), d, {0.4, 1.0, 0.2});
  EXPECT_NEAR(full[0].core.pv_pretax, -60 + 20 + 0 - 20, 1e-9);
  EXPECT_NEAR(full[3].core.pv_pretax, points[3].core.pv_pretax, 1e-9);
}

TEST(Analyze, MetrIsTheWedgeOfPretaxIrrAtThePostTaxBreakeven) {
  const ProjectSeries s = TwoYearProject();
  const Discounting d{0.10, 2025};
  const Analysis a = Analyze(s, RoyaltyOnly(0.1), d);
  ASSERT_TRUE(a.metr.defined);
  Ledger l;
  Evaluate(s, RoyaltyOnly(0.1), l, a.post_tax_breakeven.factor.value);
  const Irr p = InternalRateOfReturn(l.line(kPretaxCashFlow), 3);
  EXPECT_NEAR(a.metr.value, (p.value - 0.10) / p.value, 1e-12);
  EXPECT_GT(a.metr.value, 0);  // a royalty taxes marginal projects
}

TEST(Analyze, RoyaltyIsRegressiveAndRentTaxIsProgressive) {
  const ProjectSeries s = TwoYearProject();
  const Discounting d{0.10, 2025};
  SweepOptions sweep{1.0, 3.0, 0.25};
  EXPECT_STREQ(Analyze(s, RoyaltyOnly(0.1), d, sweep).progressivity.verdict, "regressive");
  Regime rrt;
  ResourceRentTax t;
  t.tiers = {{0.10, 0.3}, {0.3, 0.3}};
  rrt.rrt = t;
  EXPECT_STREQ(Analyze(s, rrt, d, sweep).progressivity.verdict, "progressive");
}

TEST(Compare, DeltasAreBMinusA) {
  const ProjectSeries s = TwoYearProject();
  const Discounting d{0.0, 2025};
  const Analysis a = Analyze(s, RoyaltyOnly(0.05), d);
  const Analysis b = Analyze(s, RoyaltyOnly(0.10), d);
  const Comparison c = Compare(s, a, b);
  EXPECT_DOUBLE_EQ(c.government_delta[0], 0);
  EXPECT_DOUBLE_EQ(c.government_delta[1], 5);
  EXPECT_DOUBLE_EQ(c.government_total_delta, 10);
  EXPECT_DOUBLE_EQ(c.investor_npv_delta, -10);
  ASSERT_TRUE(c.aetr_delta.defined);
  EXPECT_NEAR(c.aetr_delta.value, 10.0 / 60.0, 1e-12);
  EXPECT_GT(c.breakeven_delta.value, 0);
}

TEST(SweepFactors, InclusiveWithoutDrift) {
  const auto f = SweepFactors({0.5, 2.0, 0.05});
  ASSERT_EQ(f.size(), 31u);
  EXPECT_DOUBLE_EQ(f.back(), 2.0);
  EXPECT_TRUE(SweepFactors({1, 0.5, 0.1}).empty());
}

}  // namespace
}  // namespace connex::fiscal
