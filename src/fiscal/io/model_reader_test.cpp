#include "fiscal/io/model_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fiscal/io/term.hpp"

namespace connex::fiscal::io {
namespace {

using nlohmann::json;

json Minimal() {
  return json::parse(R"({
    "schema": "connex.fiscal/1", "name": "m", "currency": "USD",
    "project": {"first_year": 2025, "years": 2,
      "products": [{"name": "oil", "unit": "bbl", "production": [0, 10],
                    "price": {"unit": "USD/bbl", "deck": [50, 60]}}]},
    "regimes": [{"name": "r", "instruments": [{"type": "royalty", "rate": 0.1}]}]
  })");
}

// The errors of a model, as "field: message" lines.
std::string ErrorsOf(const json& model) {
  const auto r = ReadModel(model.dump());
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  std::string out;
  for (const auto& e : r.errors()) out += e.ToString() + "\n";
  return out;
}

TEST(ReadModel, ReadsTheExamples) {
  for (const char* f :
       {"examples/oil_psc.json", "examples/oil_psc_negotiated.json", "examples/copper_mine.json"}) {
    const auto m = ReadModelFile(f);
    ASSERT_TRUE(m.ok()) << f << ": " << m.error().ToString();
    EXPECT_FALSE(m->regimes.empty());
  }
  const auto psc = ReadModelFile("examples/oil_psc.json");
  EXPECT_EQ(psc->project.years, 30);
  EXPECT_EQ(psc->project.products.size(), 2u);
  ASSERT_TRUE(psc->regimes[0].profit_split.has_value());
  EXPECT_TRUE(psc->regimes[0].profit_split->state_share.Uses(RateDriver::kRFactor));
}

TEST(ReadModel, Minimal) {
  const auto m = ReadModel(Minimal().dump());
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  EXPECT_DOUBLE_EQ(m->discounting.rate, 0.10);  // documented default
  EXPECT_EQ(m->discounting.valuation_year, 2025);
  ASSERT_EQ(m->regimes[0].royalties.size(), 1u);
  EXPECT_EQ(m->regimes[0].royalties[0].product, -1);
}

TEST(ReadModel, UnknownFieldsAreErrorsWithTheirPath) {
  json m = Minimal();
  m["project"]["products"][0]["colour"] = "black";
  m["regimes"][0]["instruments"][0]["rat"] = 0.1;
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("project.products[0].colour: is not a known field"), std::string::npos) << e;
  EXPECT_NE(e.find("regimes[0].instruments[0].rat: is not a known field"), std::string::npos) << e;
}

TEST(ReadModel, WrongUnits) {
  json m = Minimal();
  m["project"]["products"][0]["price"]["unit"] = "USD/t";
  EXPECT_NE(ErrorsOf(m).find("project.products[0].price.unit: must be \"USD/bbl\""),
            std::string::npos);
}

TEST(ReadModel, NegativeProductionAndMissingYears) {
  json m = Minimal();
  m["project"]["products"][0]["production"] = {0, -5};
  EXPECT_NE(
      ErrorsOf(m).find("project.products[0].production[1] (year 2026): must be at least 0, got -5"),
      std::string::npos);
  m["project"]["products"][0]["production"] = {10};
  EXPECT_NE(ErrorsOf(m).find("project.products[0].production: has 1 values but the project has 2 "
                             "years (2025-2026)"),
            std::string::npos);
}

TEST(ReadModel, UnsortedAndOverlappingTiers) {
  json m = Minimal();
  m["regimes"][0]["instruments"][0]["rate"] = json::parse(
      R"({"driver": "price", "tiers": [{"from": 0, "to": 90, "rate": 0.05}, {"from": 80, "rate": 0.1}]})");
  EXPECT_NE(ErrorsOf(m).find("regimes[0].instruments[0].rate.tiers: tier 2 starts at 80 but tier 1 "
                             "ends at 90"),
            std::string::npos);
  m["regimes"][0]["instruments"][0]["rate"] = json::parse(
      R"({"driver": "price", "tiers": [{"from": 0, "to": 60, "rate": 0.05}, {"from": 60, "to": 100, "rate": 0.1}]})");
  EXPECT_NE(ErrorsOf(m).find("the last tier (2) must be open-ended"), std::string::npos);
}

TEST(ReadModel, EveryErrorIsReportedAtOnce) {
  json m = Minimal();
  m["project"]["products"][0]["production"] = {0, -5};
  m["regimes"][0]["instruments"][0]["rate"] = 1.5;
  m["discounting"] = {{"timing", "sometimes"}};
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("production[1]"), std::string::npos) << e;
  EXPECT_NE(e.find("regimes[0].instruments[0].rate: must be from 0 to 1, got 1.5"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("discounting.timing: must be one of end_of_year, mid_year"), std::string::npos)
      << e;
}

TEST(ReadModel, InconsistentOptions) {
  json m = Minimal();
  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "first_tranche_petroleum", "rate": 0.1, "shared": true},
    {"type": "resource_rent_tax", "base": "post_income_tax", "deductible_for_income_tax": true,
     "tiers": [{"threshold": 0.2, "rate": 0.1}, {"threshold": 0.1, "rate": 0.1}]},
    {"type": "royalty", "base": "volume", "rate": 2},
    {"type": "income_tax", "rate": 0.3}, {"type": "income_tax", "rate": 0.3},
    {"type": "magic"}])");
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("regimes[0].instruments: a shared first_tranche_petroleum needs a profit_split"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("deductible_for_income_tax: cannot be true with a post_income_tax base"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("tiers[1].threshold: tier 2 threshold 0.1 must be above tier 1's 0.2"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("instruments[2].product: is required for a specific (volume) royalty"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("instruments[4].type: a regime may hold only one income_tax"), std::string::npos)
      << e;
  EXPECT_NE(e.find("instruments[5].type: unknown instrument \"magic\""), std::string::npos) << e;
}

TEST(ReadModel, TheInstrumentTypesAreOneListAndAnUnknownOneIsToldThem) {
  const std::vector<std::string> types = InstrumentTypes();
  ASSERT_EQ(types.size(), 12u);
  EXPECT_EQ(types.front(), "bonus");
  EXPECT_EQ(types.back(), "dividend_withholding");
  json m = Minimal();
  m["regimes"][0]["instruments"][0] = {{"type", "carbon_tax"}};
  std::string known;
  for (const std::string& t : types) known += (known.empty() ? "" : ", ") + t;
  EXPECT_NE(ErrorsOf(m).find("unknown instrument \"carbon_tax\" (known: " + known + ")"),
            std::string::npos);
  // Every type is documented in the format.
  std::ifstream doc("docs/fiscal-model-format.md");
  std::stringstream text;
  text << doc.rdbuf();
  for (const std::string& t : types) {
    EXPECT_NE(text.str().find("`" + t + "`"), std::string::npos) << t;
  }
}

TEST(ReadModel, NotJsonOrWrongSchema) {
  const auto bad = ReadModel("{\"schema\": ");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("not valid JSON"), std::string::npos);
  json m = Minimal();
  m["schema"] = "connex.fiscal/2";
  EXPECT_NE(ErrorsOf(m).find("schema: must be \"connex.fiscal/1\""), std::string::npos);
  const auto huge = ReadModel("{\"schema\": 1e99999}");
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("number overflow"), std::string::npos);
  const auto missing = ReadModelFile("no/such/file.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace connex::fiscal::io

namespace connex::fiscal::io {
namespace {

json WithUncertainty(json u) {
  json m = Minimal();
  m["uncertainty"] = std::move(u);
  return m;
}

TEST(ReadModel, UncertaintySectionReadsIntoSamplerOrder) {
  const auto r = ReadModel(WithUncertainty(json::parse(R"({
    "scenarios": 500, "seed": 9, "government_pv_floor": 100,
    "prices": [{"product": "oil", "process": "mean_reverting", "volatility": 0.3, "reversion": 0.4}],
    "multipliers": {"opex": {"distribution": "triangular", "low": 0.9, "mode": 1, "high": 1.2},
                    "capex": {"distribution": "lognormal", "sd": 0.2}},
    "correlation": {"inputs": ["opex", "price:oil"], "matrix": [[1, -0.5], [-0.5, 1]]}
  })"))
                               .dump());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  const Uncertainty& u = *r.value().uncertainty;
  EXPECT_EQ(u.scenarios, 500);
  EXPECT_EQ(u.seed, 9u);
  ASSERT_EQ(u.prices.size(), 1u);
  EXPECT_EQ(u.prices[0].process, PriceProcess::kMeanReverting);
  // Sampler order: price:oil, capex, opex.
  ASSERT_EQ(u.correlation.size(), 3u);
  EXPECT_EQ(u.correlation[0][2], -0.5);
  EXPECT_EQ(u.correlation[2][0], -0.5);
  EXPECT_EQ(u.correlation[0][1], 0.0);
}

TEST(ReadModel, UncertaintyErrorsNameTheField) {
  const std::string errors = ErrorsOf(WithUncertainty(json::parse(R"({
    "prices": [{"product": "gas", "process": "gbm", "volatility": -1, "reversion": 2}],
    "multipliers": {"capex": {"distribution": "triangular", "low": 1.2, "mode": 1, "high": 1.5},
                    "labour": {"distribution": "normal", "sd": 0.1}}
  })")));
  EXPECT_NE(errors.find("uncertainty.prices[0].product"), std::string::npos) << errors;
  EXPECT_NE(errors.find("uncertainty.prices[0].volatility: must be from 0 to 5, got -1"),
            std::string::npos);
  EXPECT_NE(errors.find("uncertainty.prices[0].reversion: applies to mean_reverting only"),
            std::string::npos);
  EXPECT_NE(errors.find("uncertainty.multipliers.capex.mode: must not be below low"),
            std::string::npos);
  EXPECT_NE(errors.find("uncertainty.multipliers.labour: is not a known field"), std::string::npos);
}

TEST(ReadModel, AnEmptyTextAndANullFloorAreNotTakenForDefaults) {
  json m = Minimal();
  m["currency"] = "";
  m["regimes"][0]["name"] = "";
  const std::string errors = ErrorsOf(m);
  EXPECT_NE(errors.find("currency: must not be empty"), std::string::npos) << errors;
  EXPECT_NE(errors.find("regimes[0].name: must not be empty"), std::string::npos) << errors;
  const auto floorless = ReadModel(WithUncertainty(json::parse(R"({
    "prices": [{"product": "oil", "process": "gbm", "volatility": 0.3}],
    "government_pv_floor": null
  })"))
                                       .dump());
  ASSERT_TRUE(floorless.ok()) << floorless.error().ToString();
  EXPECT_FALSE(floorless->uncertainty->government_pv_floor.has_value());
}

TEST(ReadModel, ACorrelationMatrixThatIsNotPositiveSemiDefiniteIsNamed) {
  const std::string errors = ErrorsOf(WithUncertainty(json::parse(R"({
    "prices": [{"product": "oil", "process": "gbm", "volatility": 0.3}],
    "multipliers": {"capex": {"distribution": "normal", "sd": 0.1},
                    "opex": {"distribution": "normal", "sd": 0.1}},
    "correlation": {"inputs": ["price:oil", "capex", "opex"],
                    "matrix": [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]}
  })")));
  EXPECT_NE(errors.find("uncertainty.correlation.matrix: the correlation matrix is not positive "
                        "semi-definite"),
            std::string::npos)
      << errors;
  const std::string asymmetric = ErrorsOf(WithUncertainty(json::parse(R"({
    "prices": [{"product": "oil", "process": "gbm", "volatility": 0.3}],
    "multipliers": {"capex": {"distribution": "normal", "sd": 0.1}},
    "correlation": {"inputs": ["price:oil", "production"], "matrix": [[1, 0.2], [0.3, 1]]}
  })")));
  EXPECT_NE(asymmetric.find("uncertainty.correlation.inputs[1]: must name an uncertain input"),
            std::string::npos)
      << asymmetric;
}

TEST(BindTerm, SetsATermByThePathErrorsUseAndValidatesEveryValue) {
  const std::string text = Minimal().dump();
  Result<Term> term = BindTerm(text, "regimes[0].instruments[0].rate", "", Target::kGovernmentPv);
  ASSERT_TRUE(term.ok()) << term.error().ToString();
  EXPECT_EQ(term.value().base, 0.1);
  // Year 2026: 10 bbl x 60 x royalty, discounted one year at 10%.
  Result<Metric> at = term.value().evaluate(0.2);
  ASSERT_TRUE(at.ok());
  EXPECT_NEAR(at.value().value, 0.2 * 600 / 1.1, 1e-9);
  Result<Metric> invalid = term.value().evaluate(1.5);
  ASSERT_FALSE(invalid.ok());
  EXPECT_NE(invalid.error().ToString().find("rate"), std::string::npos);
  EXPECT_FALSE(BindTerm(text, "regimes[0].name", "", Target::kAetr).ok());
  EXPECT_FALSE(BindTerm(text, "regimes[3].instruments[0].rate", "", Target::kAetr).ok());
  EXPECT_FALSE(BindTerm(text, "regimes[0]..rate", "", Target::kAetr).ok());
}

}  // namespace
}  // namespace connex::fiscal::io
