#include "fiscal/engine.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "fiscal/analysis.hpp"
#include "fiscal/test_projects.hpp"

namespace connex::fiscal {
namespace {

Regime ConcessionWithEverything() {
  Regime r;
  r.name = "all";
  r.royalties.push_back({"royalty", -1, RoyaltyBase::kGrossValue, Rate::Constant(0.05), true});
  IncomeTax tax;
  tax.rate = Rate::Constant(0.3);
  r.income_tax = tax;
  ResourceRentTax rrt;
  rrt.tiers = {{0.15, 0.25}};
  r.rrt = rrt;
  r.participation = StateParticipation{0.1, ParticipationMode::kPaid, 0};
  return r;
}

TEST(Evaluate, NoProductionIsAnsweredNotCrashed) {
  const ProjectSeries s = testing::OneProduct({0, 0, 0}, {50, 50, 50}, {100, 0, 0}, {0, 5, 5});
  const Analysis a = Analyze(s, ConcessionWithEverything(), Discounting{0.1, 2025});
  EXPECT_EQ(a.ledger.Total(kGrossRevenue), 0);
  EXPECT_FALSE(a.metrics.government_take.defined);
  EXPECT_STREQ(a.metrics.government_take.reason, "undiscounted pre-tax cash flow is not positive");
  EXPECT_FALSE(a.metrics.investor_irr.defined);
  EXPECT_FALSE(a.post_tax_breakeven.factor.defined);
  EXPECT_FALSE(a.metr.defined);
  EXPECT_FALSE(a.metrics.front_loading.defined);
  EXPECT_FALSE(a.metrics.min_state_share_of_revenue.defined);
  // The state's paid equity shares the losses.
  EXPECT_DOUBLE_EQ(a.ledger.at(kStateEquity, 0), -10);
}

// A fund recoverable when paid in: the contribution is cost oil in the year
// it is paid, and the surplus released after closure is cost oil handed
// back, shared as profit oil. Not recoverable, the closure itself falls in a
// year with no revenue and is never recovered.
TEST(Evaluate, AFundRecoverableWhenPaidInRecoversClosureWhileThereIsRevenue) {
  ProjectSeries s = testing::OneProduct({100, 0}, {10, 10}, {0, 0}, {0, 0});
  s.closure = {0, 300};
  Regime psc;
  psc.cost_recovery = CostRecovery{Rate::Constant(1.0)};
  psc.profit_split = ProfitSplit{Rate::Constant(0.5)};
  psc.decommissioning_fund = DecommissioningFund{FundContribution::kPerUnit, 0, 4, 0, true, true};
  Ledger l;
  Evaluate(s, psc, l);
  // 2025: 400 paid in and recovered; profit oil 600, half to the state.
  EXPECT_DOUBLE_EQ(l.at(kFundContribution, 0), 400);
  EXPECT_DOUBLE_EQ(l.at(kCostRecovered, 0), 400);
  EXPECT_DOUBLE_EQ(l.at(kProfitState, 0), 300);
  // 2026: the fund pays the 300 of closure and returns 100, handed back as profit oil.
  EXPECT_DOUBLE_EQ(l.at(kFundDraw, 1), 300);
  EXPECT_DOUBLE_EQ(l.at(kFundRelease, 1), 100);
  EXPECT_DOUBLE_EQ(l.at(kCostRecovered, 1), -100);
  EXPECT_DOUBLE_EQ(l.at(kProfitState, 1), 50);
  EXPECT_DOUBLE_EQ(l.at(kPretaxCashFlow, 0), 600);
  EXPECT_DOUBLE_EQ(l.at(kPretaxCashFlow, 1), 100);
  EXPECT_DOUBLE_EQ(l.Total(kGovernmentReceipts), 350);

  psc.decommissioning_fund->recoverable = false;
  Evaluate(s, psc, l);
  EXPECT_DOUBLE_EQ(l.at(kCostRecovered, 0), 0);
  EXPECT_DOUBLE_EQ(l.at(kCostCarriedForward, 1), 300);  // closure, with no revenue left
  EXPECT_DOUBLE_EQ(l.Total(kGovernmentReceipts), 500);
  EXPECT_DOUBLE_EQ(l.Total(kPretaxCashFlow), 700);  // the same project cash flow
}

// Losses kept year by year under a limited rule carry across a change to an
// unlimited rule; a fund the later terms do not have returns to the company
// at the change, and is taxed as its contributions were deducted.
TEST(Evaluate, AChangeOfTermsCarriesLossesAcrossRulesAndReleasesAFundItEnds) {
  ProjectSeries s = testing::OneProduct({0, 100, 100}, {10, 10, 10}, {1500, 0, 0}, {0, 0, 0});
  IncomeTax limited;
  limited.rate = Rate::Constant(0.3);
  for (Depreciation& d : limited.depreciation) d.method = DepreciationMethod::kImmediate;
  limited.losses = LossCarryForward::kLimitedYears;
  limited.loss_years = 5;
  Regime early;
  early.income_tax = limited;
  early.decommissioning_fund = DecommissioningFund{FundContribution::kPerUnit, 0, 1, 0, true, true};
  Regime late;
  late.income_tax = limited;
  late.income_tax->losses = LossCarryForward::kUnlimited;
  early.later = LaterTerms{2026, "later", std::make_shared<const Regime>(late)};
  Ledger l;
  Evaluate(s, early, l);
  // 2025: a loss of 1,500. 2026: 1,000 of income (the 1,000 revenue; the
  // fund had nothing to pay in yet and releases nothing): the loss carried
  // into the unlimited rule takes it all, and the last 500 in 2027.
  EXPECT_DOUBLE_EQ(l.at(kLossUsed, 1), 1000);
  EXPECT_DOUBLE_EQ(l.at(kLossUsed, 2), 500);
  EXPECT_DOUBLE_EQ(l.at(kIncomeTax, 2), 150);

  // Paid in during 2026 under the earlier terms, returned in 2027 when they end.
  early.later->year = 2027;
  Evaluate(s, early, l);
  EXPECT_DOUBLE_EQ(l.at(kFundContribution, 1), 100);
  EXPECT_DOUBLE_EQ(l.at(kFundRelease, 2), 100);
  EXPECT_DOUBLE_EQ(l.at(kFundBalance, 2), 0);
  // Deducted when paid in (900 of income in 2026), taxed when returned (1,100 in 2027).
  EXPECT_DOUBLE_EQ(l.at(kTaxableBeforeLosses, 1), 900);
  EXPECT_DOUBLE_EQ(l.at(kTaxableBeforeLosses, 2), 1100);
}

// Closure entered after the stop starts the year after it, keeping its
// spacing, in the money of the years it moves to.
TEST(StopAfter, ClosureFollowsTheStopInItsNewYearsMoney) {
  Project p;
  p.first_year = 2025;
  p.years = 8;
  p.inflation = 0.10;
  Product ore{"ore", "t", {0, 10, 10, 10, 10, 10, 0, 0}, {{}, 50, 0}, 1, 0, 0};
  p.products.push_back(ore);
  p.fixed_opex = {0, 100, 100, 100, 100, 100, 0, 0};
  p.capex[2] = {0, 0, 0, 20, 20, 20, 0, 0};
  p.closure = {0, 0, 0, 0, 0, 0, 500, 300};
  const ProjectSeries s = Resolve(p);
  EXPECT_EQ(s.last_production_index, 5);
  ProjectSeries cut;
  StopAfter(s, 3, cut);  // two production years fewer
  EXPECT_EQ(cut.last_production_index, 3);
  EXPECT_EQ(cut.first_production_index, 1);
  EXPECT_FALSE(cut.economic_limit);
  for (int t = 4; t < 8; ++t) {
    EXPECT_EQ(cut.production[0][t], 0) << t;
    EXPECT_EQ(cut.fixed_opex[t], 0) << t;
    EXPECT_EQ(cut.capex[2][t], 0) << t;
  }
  EXPECT_DOUBLE_EQ(cut.capex[2][3], s.capex[2][3]);
  // 500 and 300 of 2025 money, due in 2031 and 2032, now in 2029 and 2030.
  EXPECT_DOUBLE_EQ(cut.closure[4], 500 * std::pow(1.1, 4));
  EXPECT_DOUBLE_EQ(cut.closure[5], 300 * std::pow(1.1, 5));
  EXPECT_EQ(cut.closure[6], 0);
  EXPECT_EQ(cut.closure[7], 0);
}

// Closure that fell in the years cut (rehabilitation as mining goes, the
// last production year's) comes the year after the stop with the rest.
TEST(StopAfter, ClosureOfTheYearsCutComesTheYearAfterTheStop) {
  Project p;
  p.first_year = 2030;
  p.years = 8;
  Product ore{"ore", "t", {0, 10, 10, 10, 10, 10, 10, 0}, {{}, 50, 0}, 1, 0, 0};
  p.products.push_back(ore);
  p.closure = {0, 0, 0, 0, 0, 100, 100, 3000};
  const ProjectSeries s = Resolve(p);
  ProjectSeries cut;
  StopAfter(s, 4, cut);
  EXPECT_EQ(cut.closure, (std::vector<double>{0, 0, 0, 0, 0, 3200, 0, 0}));
}

// A project that never produces has nothing for the limit to cut.
TEST(Evaluate, TheEconomicLimitOfAProjectThatNeverProducesCutsNothing) {
  ProjectSeries s = testing::OneProduct({0, 0, 0}, {50, 50, 50}, {100, 0, 0}, {0, 5, 5});
  s.economic_limit = true;
  Ledger limited, full;
  Evaluate(s, ConcessionWithEverything(), limited);
  s.economic_limit = false;
  Evaluate(s, ConcessionWithEverything(), full);
  for (int t = 0; t < 3; ++t) EXPECT_EQ(limited.at(kOpex, t), full.at(kOpex, t)) << t;
  const Metrics m = ComputeMetrics(s, limited, Discounting{0.1, 2025});
  EXPECT_EQ(m.production_years_cut, 0);
}

// Years cut are years that produced: a pause in production is not counted.
TEST(Metrics, ProductionYearsCutCountOnlyYearsThatProduced) {
  ProjectSeries s =
      testing::OneProduct({10, 0, 0, 10}, {10, 10, 10, 10}, {0, 0, 0, 0}, {50, 0, 0, 500});
  s.economic_limit = true;
  Ledger l;
  Evaluate(s, Regime{}, l);
  const Metrics m = ComputeMetrics(s, l, Discounting{0.1, 2025});
  // 2025: 100 - 50 > 0; 2028: 100 - 500 < 0, so it stops after 2025.
  ASSERT_TRUE(m.economic_limit_year.defined);
  EXPECT_EQ(m.economic_limit_year.value, 2025);
  EXPECT_EQ(m.production_years_cut, 1);
}

TEST(Evaluate, AllNegativeCashFlowHasNullIrrWithAReason) {
  const ProjectSeries s = testing::OneProduct({1, 1}, {10, 10}, {100, 0}, {20, 20});
  const Analysis a = Analyze(s, ConcessionWithEverything(), Discounting{0.1, 2025});
  EXPECT_FALSE(a.metrics.pretax_irr.defined);
  EXPECT_STREQ(a.metrics.pretax_irr.reason, "cash flow is never positive");
  EXPECT_FALSE(a.metrics.aetr.defined);
  EXPECT_FALSE(a.metrics.payback_year.defined);
}

TEST(Evaluate, SingleYear) {
  const ProjectSeries s = testing::OneProduct({10}, {10}, {0}, {40});
  Ledger l;
  Evaluate(s, ConcessionWithEverything(), l);
  // Royalty 5; income 100 - 5 - 40 = 55 -> tax 16.5; RRT on 100 - 5 - 40 = 55 -> 13.75;
  // company 55 - 16.5 - 13.75 = 24.75 -> equity 2.475.
  EXPECT_DOUBLE_EQ(l.at(kRoyalty, 0), 5);
  EXPECT_DOUBLE_EQ(l.at(kIncomeTax, 0), 16.5);
  EXPECT_DOUBLE_EQ(l.at(kRentTax, 0), 13.75);
  EXPECT_DOUBLE_EQ(l.at(kStateEquity, 0), 2.475);
  EXPECT_DOUBLE_EQ(l.at(kGovernmentReceipts, 0), 5 + 16.5 + 13.75 + 2.475);
}

TEST(Evaluate, PriceFactorScalesRevenue) {
  const ProjectSeries s = testing::OneProduct({10, 10}, {10, 20}, {0, 0}, {0, 0});
  Ledger l;
  Evaluate(s, Regime{}, l, 1.5);
  EXPECT_DOUBLE_EQ(l.at(kGrossRevenue, 0), 150);
  EXPECT_DOUBLE_EQ(l.at(kGrossRevenue, 1), 300);
}

TEST(Evaluate, ProductionBonusIsPaidOnceWhenTheThresholdIsCrossed) {
  const ProjectSeries s = testing::OneProduct({4, 4, 4, 4}, {1, 1, 1, 1}, {}, {});
  Regime r;
  Bonuses b;
  b.production.push_back({0, 10, 7});
  r.bonuses = b;
  Ledger l;
  Evaluate(s, r, l);
  EXPECT_EQ(l.at(kBonus, 0), 0);
  EXPECT_EQ(l.at(kBonus, 1), 0);
  EXPECT_EQ(l.at(kBonus, 2), 7);  // cumulative 8 -> 12
  EXPECT_EQ(l.at(kBonus, 3), 0);
}

TEST(Evaluate, InvestorIrrDriverUsesCashFlowToThePreviousYear) {
  const ProjectSeries s =
      testing::OneProduct({0, 10, 10, 10, 10}, {0, 20, 20, 20, 20}, {150, 0, 0, 0, 0}, {});
  Regime r;
  r.royalties.push_back({"irr royalty", -1, RoyaltyBase::kGrossValue,
                         Rate::Tiered(RateDriver::kInvestorIrr, TierMode::kStepped,
                                      {{-1, 0, 0.0}, {0, kInfinity(), 0.10}}),
                         true});
  Ledger l;
  Evaluate(s, r, l);
  // 2026 sees only 2025's -150 (no IRR: the lowest tier); 2027 sees -150, +200
  // (IRR 33%: the 10% tier).
  EXPECT_EQ(l.at(kRoyalty, 1), 0);
  EXPECT_DOUBLE_EQ(l.at(kRoyalty, 2), 20);
  EXPECT_DOUBLE_EQ(l.at(kRoyalty, 3), 20);
}

TEST(Evaluate, AReusedLedgerHoldsNothingOfTheRegimeBefore) {
  // The engine does not zero the ledger: it writes every line of every year.
  // A PSC first, then a plain royalty, into one ledger: equal to a fresh one.
  const ProjectSeries s =
      testing::OneProduct({0, 10, 10, 10}, {0, 60, 60, 60}, {150, 0, 0, 0}, {0, 5, 5, 5});
  Regime psc = ConcessionWithEverything();
  psc.cost_recovery = CostRecovery{};
  psc.cost_recovery->ceiling = Rate::Constant(0.6);
  psc.profit_split = ProfitSplit{};
  psc.profit_split->state_share = Rate::Constant(0.5);
  psc.participation = StateParticipation{0.1, ParticipationMode::kCarried, 0.05};
  Regime royalty_only;
  royalty_only.royalties.push_back(
      {"royalty", -1, RoyaltyBase::kGrossValue, Rate::Constant(0.1), true});
  Ledger reused, fresh;
  Evaluate(s, psc, reused);
  ASSERT_NE(reused.Total(kCostRecovered), 0);
  ASSERT_NE(reused.Total(kIncomeTax), 0);
  Evaluate(s, royalty_only, reused);
  Evaluate(s, royalty_only, fresh);
  for (int l = 0; l < kLineCount; ++l) {
    for (int t = 0; t < s.years; ++t) {
      EXPECT_EQ(reused.at(static_cast<Line>(l), t), fresh.at(static_cast<Line>(l), t))
          << LineName(static_cast<Line>(l)) << " year " << t;
    }
  }
}

}  // namespace
}  // namespace connex::fiscal
