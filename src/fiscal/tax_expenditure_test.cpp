#include "fiscal/tax_expenditure.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "fiscal/test_projects.hpp"

namespace connex::fiscal {
namespace {

// Terms that change in 2026 to a law granting a VAT holiday before first
// production and an uplift; the earlier terms exempt exploration from VAT.
Regime Changing() {
  Regime later;
  later.name = "new law";
  later.vat = ValueAddedTax{};
  later.vat->rate = 0.1;
  later.vat->holiday.before_first_production = true;
  later.cost_recovery = CostRecovery{Rate::Constant(0.6)};
  later.cost_recovery->uplift = 0.2;
  later.profit_split = ProfitSplit{Rate::Constant(0.5)};
  Regime r;
  r.name = "contract";
  r.vat = ValueAddedTax{};
  r.vat->rate = 0.1;
  r.vat->exempt[static_cast<int>(TaxedCost::kExploration)] = true;
  r.later = LaterTerms{2026, "new law", std::make_shared<const Regime>(later)};
  return r;
}

TEST(TaxExpenditure, TheLaterTermsIncentivesAreListedAndRemovedWithoutTouchingTheTerms) {
  const Regime r = Changing();
  const std::vector<Incentive> all = IncentivesOf(r);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].kind, IncentiveKind::kVatExemption);
  EXPECT_FALSE(all[0].later);
  EXPECT_EQ(all[0].index, static_cast<int>(TaxedCost::kExploration));
  EXPECT_EQ(all[1].kind, IncentiveKind::kVatHoliday);
  EXPECT_TRUE(all[1].later);
  EXPECT_EQ(all[2].kind, IncentiveKind::kUplift);

  const Regime no_holiday = Without(r, all[1]);
  EXPECT_FALSE(no_holiday.later->terms->vat->holiday.before_first_production);
  EXPECT_TRUE(r.later->terms->vat->holiday.before_first_production) << "the terms are shared";
  EXPECT_TRUE(no_holiday.vat->exempt[static_cast<int>(TaxedCost::kExploration)]);

  const Regime plain = Plain(r);
  EXPECT_TRUE(IncentivesOf(plain).empty());
  EXPECT_EQ(plain.later->terms->cost_recovery->uplift, 0);
}

// Items and interaction add up to what the plain terms would give the state,
// and a regime without incentives reports none.
TEST(TaxExpenditure, ItemsAndInteractionAddUpToThePlainTerms) {
  const ProjectSeries s =
      testing::OneProduct({0, 0, 100, 100}, {50, 50, 50, 50}, {0, 2000, 0, 0}, {0, 0, 500, 500});
  const Regime r = Changing();
  Discounting d;
  d.rate = 0.1;
  d.valuation_year = 2025;
  const TaxExpenditure te = ComputeTaxExpenditure(s, r, d);
  ASSERT_EQ(te.items.size(), 3u);
  EXPECT_EQ(te.items[1].terms, "new law");
  EXPECT_EQ(te.items[0].detail, "exploration");
  double sum = te.interaction_nominal;
  for (const TaxExpenditureItem& i : te.items) sum += i.nominal;
  EXPECT_NEAR(sum, te.total_nominal, 1e-9);
  // No exploration capex to exempt; the VAT of 2026 would be refunded
  // the same year: neither costs the state anything.
  EXPECT_EQ(te.items[0].nominal, 0);
  EXPECT_EQ(te.items[1].nominal, 0);
  // The capex of 2026 falls under the new law: removing its uplift takes
  // 20% of 2,000 from cost oil (all recovered by 2028) into profit oil,
  // half of it to the state.
  EXPECT_NEAR(te.items[2].nominal, 200, 1e-9);
  EXPECT_TRUE(ComputeTaxExpenditure(s, Plain(r), d).items.empty());
}

}  // namespace
}  // namespace connex::fiscal
