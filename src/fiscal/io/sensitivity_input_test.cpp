#include "fiscal/io/sensitivity_input.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fiscal/io/model_reader.hpp"

namespace connex::fiscal::io {
namespace {

// One year, 10 bbl at 60: royalty 10% and income tax 30%; no costs.
const char* const kModel = R"({
  "schema": "connex.fiscal/1", "name": "m", "currency": "USD",
  "project": {"first_year": 2025, "years": 1,
    "products": [{"name": "oil", "unit": "bbl", "production": [10],
                  "price": {"unit": "USD/bbl", "deck": [60]}}]},
  "discounting": {"rate": 0, "valuation_year": 2025, "timing": "end_of_year"},
  "regimes": [{"name": "r", "instruments": [{"type": "royalty", "rate": 0.1},
                                            {"type": "income_tax", "rate": 0.3}]}]
})";

std::string Messages(const Errors& errors) {
  std::string out;
  for (const Error& e : errors) out += e.ToString() + "\n";
  return out;
}

TEST(SensitivityInput, ParsesTheCommandLineFormAndNamesItsField) {
  auto in = ParseInputSpec("regimes[0].instruments[0].rate=0.05:0.2", "--input");
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->name, "regimes[0].instruments[0].rate");
  EXPECT_EQ(in->low, 0.05);
  EXPECT_EQ(in->high, 0.2);
  auto bad = ParseInputSpec("price=low:2", "--input");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "--input");
  EXPECT_NE(bad.error().message.find("LOW must be a number"), std::string::npos);
  EXPECT_FALSE(ParseInputSpec("price", "--input").ok());
  EXPECT_EQ(ParseTarget("aetr", "metric").value(), Target::kAetr);
  auto unknown = ParseTarget("take", "metric");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("government_pv"), std::string::npos);
}

TEST(SensitivityInput, TornadoOfTermsAndMultipliersFromTheBase) {
  auto model = ReadModel(kModel);
  ASSERT_TRUE(model.ok());
  // Government PV (rate 0): royalty 600 r + tax 0.3 (600 - 600 r) = 180 + 420 r.
  auto t = TornadoOf(kModel, *model, 0, Target::kGovernmentPv,
                     {{"regimes[0].instruments[0].rate", 0.0, 0.2, "inputs[0]"},
                      {"price", 0.5, 1.5, "inputs[1]"}});
  ASSERT_TRUE(t.ok()) << Messages(t.errors());
  EXPECT_NEAR(t->base.value, 180 + 420 * 0.1, 1e-9);
  ASSERT_EQ(t->bars.size(), 2u);
  // The price moves receipts by 0.5 x 222 each way; the royalty by 420 x 0.2.
  EXPECT_EQ(t->bars[0].input, "price");
  EXPECT_NEAR(t->bars[0].swing, 222, 1e-9);
  EXPECT_EQ(t->bars[1].input, "regimes[0].instruments[0].rate");
  EXPECT_NEAR(t->bars[1].at_low.value, 180, 1e-9);
  EXPECT_NEAR(t->bars[1].at_high.value, 264, 1e-9);
}

TEST(SensitivityInput, EveryWrongRangeIsNamedByItsField) {
  auto model = ReadModel(kModel);
  ASSERT_TRUE(model.ok());
  auto bound = BindInputs(kModel, *model, 0, Target::kAetr,
                          {{"price", 1.2, 0.8, "inputs[0]"},
                           {"capex", -1, 1, "inputs[1]"},
                           {"regimes[0].instruments[9].rate", 0, 1, "inputs[2]"},
                           {"opex", 0.8, 1.2, "inputs[3]"}});
  ASSERT_FALSE(bound.ok());
  const std::string m = Messages(bound.errors());
  EXPECT_NE(m.find("inputs[0]: HIGH must be above LOW"), std::string::npos) << m;
  EXPECT_NE(m.find("inputs[1]: a multiplier must be >= 0"), std::string::npos) << m;
  EXPECT_NE(m.find("inputs[2]: regimes[0].instruments[9].rate"), std::string::npos) << m;
  EXPECT_EQ(m.find("inputs[3]"), std::string::npos) << m;
}

TEST(SensitivityInput, SolvesATermForATargetAndSaysWhenNoneReachesIt) {
  auto model = ReadModel(kModel);
  ASSERT_TRUE(model.ok());
  SolveRequest q;
  q.term = "regimes[0].instruments[0].rate";
  q.target = Target::kGovernmentPv;
  q.target_value = 190;  // 180 + 420 r = 190 at r = 10 / 420
  q.lo = 0;
  q.hi = 0.5;
  auto s = SolveTerm(kModel, *model, 0, q);
  ASSERT_TRUE(s.ok()) << Messages(s.errors());
  EXPECT_EQ(q.current, 0.1);
  ASSERT_TRUE(s->found);
  EXPECT_NEAR(s->value, 10.0 / 420, 1e-8);
  q.target_value = 1000;  // above 180 + 420 x 0.5
  auto none = SolveTerm(kModel, *model, 0, q);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->found);
  EXPECT_FALSE(none->message.empty());
  q.term = "regimes[0].name";
  auto wrong = SolveTerm(kModel, *model, 0, q);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "term");
}

}  // namespace
}  // namespace connex::fiscal::io
