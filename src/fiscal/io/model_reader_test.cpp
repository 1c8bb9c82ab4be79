#include "fiscal/io/model_reader.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

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
  EXPECT_NE(e.find("project.products[0].colour: unknown field"), std::string::npos) << e;
  EXPECT_NE(e.find("regimes[0].instruments[0].rat: unknown field"), std::string::npos) << e;
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
  EXPECT_NE(ErrorsOf(m).find("project.products[0].production[1] (year 2026): must be >= 0, got -5"),
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
  EXPECT_NE(e.find("regimes[0].instruments[0].rate: must be >= 0 and <= 1, got 1.5"),
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
