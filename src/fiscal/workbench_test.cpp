#include "fiscal/workbench.hpp"

#include <gtest/gtest.h>

namespace connex::fiscal {
namespace {

// Invest 100, then sell 10 units at 10 for two years with 20 of opex, under
// two term sheets: a 5% and a 10% royalty.
Model TwoTermSheets() {
  Model m;
  m.name = "two term sheets";
  m.project.first_year = 2025;
  m.project.years = 3;
  Product oil;
  oil.name = "oil";
  oil.unit = "bbl";
  oil.production = {0, 10, 10};
  oil.price.deck = {0, 10, 10};
  m.project.products.push_back(oil);
  m.project.capex[1] = {100, 0, 0};
  m.project.fixed_opex = {0, 20, 20};
  m.discounting = {0.0, 2025};
  for (double rate : {0.05, 0.10}) {
    Regime r;
    r.name = rate < 0.07 ? "proposed" : "negotiated";
    r.royalties.push_back({"royalty", -1, RoyaltyBase::kGrossValue, Rate::Constant(rate), true});
    m.regimes.push_back(r);
  }
  return m;
}

TEST(FindRegime, AnEmptyNameIsTheFirstTermSheet) {
  const Model m = TwoTermSheets();
  EXPECT_EQ(*FindRegime(m, ""), 0);
  EXPECT_EQ(*FindRegime(m, "negotiated"), 1);
}

TEST(FindRegime, AnUnknownNameIsAnErrorOnTheFieldListingTheNames) {
  const Result<int> r = FindRegime(TwoTermSheets(), "final", "--to");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "--to");
  EXPECT_NE(r.error().message.find("\"final\""), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("\"proposed\", \"negotiated\""), std::string::npos)
      << r.error().message;
}

TEST(AnalyzeRegimes, EveryTermSheetInFileOrderOrThoseNamedInTheOrderAsked) {
  const Model m = TwoTermSheets();
  const auto all = AnalyzeRegimes(m);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].regime, "proposed");
  // Royalty 5% of 100 revenue in each producing year.
  EXPECT_NEAR((*all)[0].metrics.government_total, 10, 1e-9);
  EXPECT_NEAR((*all)[1].metrics.government_total, 20, 1e-9);

  const auto named = AnalyzeRegimes(m, {"negotiated"});
  ASSERT_TRUE(named.ok());
  ASSERT_EQ(named->size(), 1u);
  EXPECT_EQ((*named)[0].regime, "negotiated");

  const auto wrong = AnalyzeRegimes(m, {"negotiated", "final", "draft"});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.errors().size(), 2u);
}

TEST(CompareNamed, SaysWhatTheSecondAddsAndNamesAWrongSideByItsField) {
  const Model m = TwoTermSheets();
  const auto c = CompareNamed(m, "proposed", "negotiated");
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->c.government_total_delta, 10, 1e-9);
  EXPECT_NEAR(c->c.investor_npv_delta, -10, 1e-9);

  const auto wrong = CompareNamed(m, "draft", "final");
  ASSERT_FALSE(wrong.ok());
  ASSERT_EQ(wrong.errors().size(), 2u);
  EXPECT_EQ(wrong.errors()[0].field, "from");
  EXPECT_EQ(wrong.errors()[1].field, "to");
}

TEST(SweepRegimes, OneSeriesPerTermSheetOverTheRange) {
  const auto sweeps = SweepRegimes(TwoTermSheets(), {0.5, 1.5, 0.5}, {"proposed"});
  ASSERT_TRUE(sweeps.ok());
  ASSERT_EQ(sweeps->size(), 1u);
  EXPECT_EQ((*sweeps)[0].regime, "proposed");
  ASSERT_EQ((*sweeps)[0].points.size(), 3u);
  // The royalty scales with the price: 5% of 100 x k in each of two years.
  EXPECT_NEAR((*sweeps)[0].points[2].core.pv_government, 15, 1e-9);
}

}  // namespace
}  // namespace connex::fiscal
