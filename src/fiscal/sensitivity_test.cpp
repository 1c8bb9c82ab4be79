#include "fiscal/sensitivity.hpp"

#include <gtest/gtest.h>

#include "fiscal/engine.hpp"
#include "fiscal/test_projects.hpp"

namespace connex::fiscal {
namespace {

Regime RoyaltyOnly(double rate) {
  Regime r;
  r.name = "royalty";
  Royalty royalty;
  royalty.rate = Rate::Constant(rate);
  r.royalties.push_back(royalty);
  return r;
}

// One year, 100 bbl at 50, royalty 10%: government receipts = 0.1 x price x volume = 500,
// valued at the year itself (no discounting). By hand:
//   price 0.8..1.2      -> 400..600, swing 200
//   production 0.9..1.1 -> 450..550, swing 100
//   opex 0..2           -> 500..500, swing 0 (a royalty ignores costs)
TEST(Tornado, OrdersInputsByTheSwingWorkedOutByHand) {
  const ProjectSeries s = testing::OneProduct({100}, {50}, {0}, {1000});
  const Regime r = RoyaltyOnly(0.1);
  Discounting d;
  d.rate = 0;  // PV = the nominal amount
  std::vector<SensitivityInput> inputs;
  for (auto [name, lo, hi] : {std::tuple{"opex", 0.0, 2.0}, std::tuple{"production", 0.9, 1.1},
                              std::tuple{"price", 0.8, 1.2}}) {
    inputs.push_back({name, 1, lo, hi, MultiplierInput(s, r, d, Target::kGovernmentPv, name)});
  }
  Result<Tornado> t = RunTornado(Target::kGovernmentPv, Metric::Of(500), inputs);
  ASSERT_TRUE(t.ok());
  const auto& bars = t.value().bars;
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].input, "price");
  EXPECT_NEAR(bars[0].at_low.value, 400, 1e-9);
  EXPECT_NEAR(bars[0].at_high.value, 600, 1e-9);
  EXPECT_NEAR(bars[0].swing, 200, 1e-9);
  EXPECT_EQ(bars[1].input, "production");
  EXPECT_NEAR(bars[1].swing, 100, 1e-9);
  EXPECT_EQ(bars[2].input, "opex");
  EXPECT_EQ(bars[2].swing, 0);
}

// A royalty and an income tax: solve the royalty rate for the AETR the regime
// gives at 7%, and recover 7%.
TEST(SolveFor, RecoversTheRoyaltyRateOfAKnownAetr) {
  const ProjectSeries s = testing::OneProduct({0, 100, 100, 100, 100}, {60, 60, 60, 60, 60},
                                              {5000, 0, 0, 0, 0}, {0, 1000, 1000, 1000, 1000});
  auto regime_at = [](double royalty) {
    Regime r = RoyaltyOnly(royalty);
    IncomeTax tax;
    tax.rate = Rate::Constant(0.3);
    r.income_tax = tax;
    return r;
  };
  Discounting d;
  d.valuation_year = 2025;
  auto aetr = [&](double royalty) -> Result<Metric> {
    Ledger l;
    Evaluate(s, regime_at(royalty), l);
    return Measure(s, l, d, Target::kAetr);
  };
  const Metric known = aetr(0.07).value();
  ASSERT_TRUE(known.defined);
  Result<Solution> sol = SolveFor(aetr, known.value, 0.0, 0.3);
  ASSERT_TRUE(sol.ok());
  ASSERT_TRUE(sol.value().found) << sol.value().message;
  EXPECT_NEAR(sol.value().value, 0.07, 1e-9);
  EXPECT_NEAR(sol.value().achieved.value, known.value, 1e-12);

  // Out of reach: a clear answer naming the range the metric spans.
  Result<Solution> none = SolveFor(aetr, 0.99, 0.0, 0.3);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none.value().found);
  EXPECT_NE(none.value().message.find("no value in [0, 0.3] reaches 0.99"), std::string::npos);
}

}  // namespace
}  // namespace connex::fiscal
