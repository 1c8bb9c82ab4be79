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

// Real terms default to the valuation year and the cost inflation; the limit
// and the point-forward year are off unless asked for.
TEST(ReadModel, EconomicLimitRealTermsAndPointForwardHaveTheirDefaultsAndLimits) {
  json m = Minimal();
  m["project"]["inflation"] = 0.03;
  m["discounting"] = {{"valuation_year", 2026}};
  auto read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_FALSE(read->project.economic_limit);
  EXPECT_EQ(read->discounting.real_base_year, 2026);
  EXPECT_DOUBLE_EQ(read->discounting.deflation, 0.03);
  EXPECT_EQ(read->discounting.point_forward_year, 0);

  m["project"]["economic_limit"] = true;
  m["discounting"] = {{"real_base_year", 2020}, {"deflation", 0.05}, {"point_forward_year", 2026}};
  read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_TRUE(read->project.economic_limit);
  EXPECT_EQ(read->discounting.real_base_year, 2020);
  EXPECT_DOUBLE_EQ(read->discounting.deflation, 0.05);
  EXPECT_EQ(read->discounting.point_forward_year, 2026);

  m["project"]["economic_limit"] = "yes";
  m["discounting"]["point_forward_year"] = 2030;  // after the project's last year
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("project.economic_limit: must be true or false"), std::string::npos) << e;
  EXPECT_NE(e.find("discounting.point_forward_year: must be a whole number from 2025 to 2026"),
            std::string::npos)
      << e;
}

TEST(ReadModel, ADecommissioningFundIsPerUnitOfAProductOrASinkingFund) {
  json m = Minimal();
  m["regimes"][0]["instruments"][1] = {{"type", "decommissioning_fund"},
                                       {"contribution", "per_unit"},
                                       {"product", "oil"},
                                       {"per_unit", 0.5},
                                       {"unit", "USD/bbl"}};
  auto read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  const DecommissioningFund& f = *read->regimes[0].decommissioning_fund;
  EXPECT_EQ(f.contribution, FundContribution::kPerUnit);
  EXPECT_DOUBLE_EQ(f.per_unit, 0.5);
  EXPECT_DOUBLE_EQ(f.interest, 0);
  EXPECT_TRUE(f.deductible);
  EXPECT_TRUE(f.recoverable);

  m["regimes"][0]["instruments"][1] = {
      {"type", "decommissioning_fund"}, {"contribution", "sinking_fund"}, {"interest", 0.04}};
  read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->regimes[0].decommissioning_fund->contribution, FundContribution::kSinkingFund);
  EXPECT_DOUBLE_EQ(read->regimes[0].decommissioning_fund->interest, 0.04);

  m["regimes"][0]["instruments"][1] = {{"type", "decommissioning_fund"},
                                       {"contribution", "sinking_fund"},
                                       {"per_unit", 1},
                                       {"interest", 2}};
  m["regimes"][0]["instruments"][2] = {{"type", "decommissioning_fund"}};
  m["regimes"][1] = json::parse(R"({"name": "second", "instruments": [
      {"type": "decommissioning_fund", "contribution": "per_unit", "product": "oil",
       "unit": "USD/t"}]})");
  m["regimes"][2] =
      json::parse(R"({"name": "third", "instruments": [{"type": "decommissioning_fund"}]})");
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("instruments[1].per_unit: applies to per-unit contributions only"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("instruments[1].interest: must be"), std::string::npos) << e;
  EXPECT_NE(e.find("instruments[2].type: a regime may hold only one decommissioning_fund"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("regimes[1].instruments[0].unit: must be \"USD/bbl\""), std::string::npos) << e;
  EXPECT_NE(e.find("regimes[1].instruments[0].per_unit: is required"), std::string::npos) << e;
  EXPECT_NE(e.find("regimes[2].instruments[0].contribution: is required"), std::string::npos) << e;
}

TEST(ReadModel, TermsChangeToAnotherSheetOfTheModelOnceAndCarryWhatTheyCan) {
  json m = Minimal();
  m["project"]["years"] = 3;
  m["project"]["products"][0]["production"] = {0, 10, 10};
  m["project"]["products"][0]["price"]["deck"] = {50, 60, 70};
  m["regimes"] = json::parse(R"([
    {"name": "psc", "change": {"year": 2026, "to": "tax"},
     "instruments": [{"type": "cost_recovery", "ceiling": 0.5}]},
    {"name": "tax", "instruments": [{"type": "income_tax", "rate": 0.3}]},
    {"name": "psc 2", "change": {"year": 2027, "to": "psc 3", "losses": "lost"},
     "instruments": [{"type": "cost_recovery", "ceiling": 0.5}]},
    {"name": "psc 3", "instruments": [{"type": "cost_recovery", "ceiling": 0.7}]}])");
  auto read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  const LaterTerms& to_tax = *read->regimes[0].later;
  EXPECT_EQ(to_tax.year, 2026);
  ASSERT_NE(to_tax.terms, nullptr);
  EXPECT_TRUE(to_tax.terms->income_tax.has_value());
  // Without cost recovery later, unrecovered cost is deducted; with it, it stays recoverable.
  EXPECT_EQ(to_tax.unrecovered, UnrecoveredCost::kDeductible);
  EXPECT_TRUE(to_tax.losses_kept);
  EXPECT_EQ(read->regimes[2].later->unrecovered, UnrecoveredCost::kRecoverable);
  EXPECT_FALSE(read->regimes[2].later->losses_kept);

  // Earlier terms with an income tax deducted the costs already: lost by
  // default, and never deducted again.
  json taxed = m;
  taxed["regimes"][0]["instruments"].push_back({{"type", "income_tax"}, {"rate", 0.25}});
  read = ReadModel(taxed.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->regimes[0].later->unrecovered, UnrecoveredCost::kLost);
  taxed["regimes"][0]["change"]["unrecovered_cost"] = "deductible";
  EXPECT_NE(ErrorsOf(taxed).find("regimes[0].change.unrecovered_cost: \"deductible\" would deduct "
                                 "again what the earlier terms' income tax deducted"),
            std::string::npos);

  m["regimes"][0]["change"] = {{"year", 2025}, {"to", "nothing"}};
  m["regimes"][2]["change"] = {{"year", 2026}, {"to", "psc"}};
  m["regimes"][3]["change"] = {{"year", 2026}, {"to", "tax"}, {"unrecovered_cost", "recoverable"}};
  m["regimes"][4] = {{"name", "self"}, {"change", {{"year", 2026}, {"to", "self"}}}};
  m["regimes"][4]["instruments"] = m["regimes"][1]["instruments"];
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("regimes[0].change.year: must be a whole number from 2026 to 2027"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("regimes[0].change.to: names no term sheet of the model (\"psc\", \"tax\", "
                   "\"psc 2\", \"psc 3\", \"self\")"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("regimes[4].change.to: must name another term sheet"), std::string::npos) << e;
  EXPECT_NE(e.find("regimes[2].change.to: names a term sheet whose own terms change"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("regimes[3].change.unrecovered_cost: \"recoverable\" needs cost recovery in "
                   "the later terms"),
            std::string::npos)
      << e;
}

// Two fields of one taxpayer: products are matched by name, and each project
// is read over the products of both.
json TwoFields() {
  return json::parse(R"({
    "schema": "connex.fiscal/1", "name": "m",
    "projects": [
      {"name": "Oil field", "first_year": 2025, "years": 2,
       "products": [{"name": "oil", "unit": "bbl", "production": [0, 10],
                     "price": {"unit": "USD/bbl", "deck": [50, 60]}}]},
      {"name": "Gas field", "first_year": 2025, "years": 2,
       "products": [{"name": "gas", "unit": "mcf", "production": [5, 5],
                     "price": {"unit": "USD/mcf", "base": 3}},
                    {"name": "oil", "unit": "bbl", "production": [1, 1],
                     "price": {"unit": "USD/bbl", "deck": [50, 60]}}]}],
    "regimes": [{"name": "r", "instruments": [
      {"type": "royalty", "rate": 0.1, "product": "gas"},
      {"type": "income_tax", "rate": 0.3, "consolidated": true}]}]
  })");
}

TEST(ReadModel, SeveralProjectsShareTheirYearsAndTheirProductsByName) {
  const auto m = ReadModel(TwoFields().dump());
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  ASSERT_EQ(m->project.parts.size(), 2u);
  ASSERT_EQ(m->project.products.size(), 2u);
  EXPECT_EQ(m->project.products[0].name, "oil");
  EXPECT_EQ(m->project.products[1].name, "gas");
  EXPECT_EQ(m->project.products[0].production, (std::vector<double>{1, 11}));
  const Project& oil_field = m->project.parts[0];
  EXPECT_EQ(oil_field.name, "Oil field");
  ASSERT_EQ(oil_field.products.size(), 2u);
  EXPECT_EQ(oil_field.products[1].name, "gas");
  EXPECT_EQ(oil_field.products[1].production, (std::vector<double>{0, 0}));
  EXPECT_EQ(m->project.parts[1].products[0].production, (std::vector<double>{1, 1}));
  EXPECT_EQ(m->regimes[0].royalties[0].product, 1);
  EXPECT_TRUE(m->regimes[0].income_tax->consolidated);

  json bad = TwoFields();
  auto& gas = bad["projects"][1];
  gas["name"] = "Oil field";
  gas["years"] = 3;
  gas["first_year"] = 2026;
  gas["economic_limit"] = true;
  gas["products"][1]["unit"] = "t";
  gas["products"][1]["price"]["unit"] = "USD/t";
  bad["regimes"][0]["instruments"][1]["rate"] =
      json::parse(R"({"driver": "price", "product": "oil", "tiers": [{"from": 0, "rate": 0.3}]})");
  const std::string e = ErrorsOf(bad);
  EXPECT_NE(e.find("projects[1].name: repeats project name \"Oil field\""), std::string::npos) << e;
  EXPECT_NE(e.find("projects[1].first_year: must be 2025, as in the first project"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("projects[1].years: must be 2, as in the first project"), std::string::npos)
      << e;
  EXPECT_NE(e.find("projects[1].economic_limit: applies only to a model of one project"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("projects[1].products[1].unit: must be \"bbl\", the unit of oil"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("regimes[0].instruments[1].rate: must be the same for all projects"),
            std::string::npos)
      << e;

  // A project lacking a product produces none of it, whatever the order.
  json reversed = TwoFields();
  std::swap(reversed["projects"][0], reversed["projects"][1]);
  const auto r = ReadModel(reversed.dump());
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->project.products[0].name, "gas");
  EXPECT_EQ(r->project.products[0].production, (std::vector<double>{5, 5}));
  EXPECT_EQ(r->project.parts[1].products[0].production, (std::vector<double>{0, 0}));
  EXPECT_EQ(r->project.products[1].production, (std::vector<double>{1, 11}));

  // At most 16 products in all, as in one project.
  json many = TwoFields();
  for (int k = 0; k < 16; ++k) {
    json product = many["projects"][0]["products"][0];
    product["name"] = "ore" + std::to_string(k);
    product["unit"] = "t";
    product["price"]["unit"] = "USD/t";
    many["projects"][k % 2]["products"].push_back(product);
  }
  many["projects"][0]["products"].erase(0);
  EXPECT_NE(ErrorsOf(many).find("projects: name 18 products together; a model may hold 16"),
            std::string::npos)
      << ErrorsOf(many);

  json one = TwoFields();
  one["projects"].erase(1);
  EXPECT_NE(ErrorsOf(one).find("projects: must be an array of 2 to 16 projects"),
            std::string::npos);
  json both = TwoFields();
  both["project"] = Minimal()["project"];
  EXPECT_NE(ErrorsOf(both).find("projects: cannot be given with \"project\""), std::string::npos);
  json unnamed = TwoFields();
  unnamed["projects"][0].erase("name");
  EXPECT_NE(ErrorsOf(unnamed).find("projects[0].name: is required"), std::string::npos);
}

TEST(ReadModel, TermsThatChangeKeepProjectsTaxedTogetherOrAlone) {
  json m = TwoFields();
  m["regimes"].push_back(json::parse(R"({"name": "alone", "instruments": [
      {"type": "income_tax", "rate": 0.25}]})"));
  m["regimes"][0]["change"] = {{"year", 2026}, {"to", "alone"}};
  EXPECT_NE(ErrorsOf(m).find("regimes[0].change.to: names terms that consolidate income tax"),
            std::string::npos);
  m["regimes"][1]["instruments"][0]["consolidated"] = true;
  const auto ok = ReadModel(m.dump());
  EXPECT_TRUE(ok.ok()) << ok.error().ToString();
}

TEST(ReadModel, AProductionProfileFillsTheYearsFromAFewNumbers) {
  json m = Minimal();
  m["project"]["years"] = 4;
  m["project"]["days_per_year"] = 360;
  m["project"]["products"][0]["price"]["deck"] = {50, 50, 50, 50};
  // 0.25 a day for 360 days is 90 a year: one ramp-up year at 45, then one
  // plateau year, as two would make 225 in all, more than the 200 reserves.
  m["project"]["products"][0]["production"] = json::parse(
      R"({"start_year": 2026, "ramp_up_years": 1, "peak_rate": 0.25, "rate_per": "day",
          "reserves": 200, "decline": 0.5})");
  const auto read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->project.products[0].production, (std::vector<double>{0, 45, 90, 45}));

  m["project"]["products"][0]["production"] = json::parse(
      R"({"start_year": 2030, "peak_rate": 0, "reserves": -1, "decline": 1,
          "hyperbolic_exponent": 2, "rate_per": "week", "plateau": 3})");
  const std::string errors = ErrorsOf(m);
  const std::string at = "project.products[0].production.";
  EXPECT_NE(errors.find(at + "plateau: is not a known field"), std::string::npos) << errors;
  EXPECT_NE(errors.find(at + "start_year: must be a whole number from 2025 to 2028, got 2030"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find(at + "peak_rate: must be more than 0"), std::string::npos) << errors;
  EXPECT_NE(errors.find(at + "reserves: must be at least 0, got -1"), std::string::npos) << errors;
  EXPECT_NE(errors.find(at + "decline: must be from 0 to 0.99, got 1"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find(at + "hyperbolic_exponent: must be from 0 to 1, got 2"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find(at + "rate_per: must be one of"), std::string::npos) << errors;
}

TEST(ReadModel, AnIncomeTaxOnCostsAsRecoveredNeedsCostRecoveryAndNoDepreciation) {
  json m = Minimal();
  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "cost_recovery", "ceiling": 0.6}, {"type": "profit_split", "state_share": 0.5},
    {"type": "income_tax", "rate": 0.3, "base": "costs_as_recovered"}])");
  const auto read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->regimes[0].income_tax->base, IncomeTaxBase::kCostsAsRecovered);

  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "income_tax", "rate": 0.3, "base": "costs_as_recovered", "deduct_closure": false,
     "depreciation": {"method": "immediate"}}])");
  const std::string errors = ErrorsOf(m);
  EXPECT_NE(errors.find("regimes[0].instruments: an income_tax on costs as recovered needs the "
                        "cost_recovery that recovers them"),
            std::string::npos)
      << errors;
  for (const char* field : {"depreciation", "deduct_closure"}) {
    EXPECT_NE(errors.find(std::string("regimes[0].instruments[0].") + field +
                          ": is not used when costs are deducted as they are recovered"),
              std::string::npos)
        << errors;
  }
  m["regimes"][0]["instruments"][0] = {{"type", "income_tax"}, {"rate", 0.3}, {"base", "profit"}};
  EXPECT_NE(ErrorsOf(m).find("base: must be one of"), std::string::npos);

  // Terms that change from one base to the other would deduct a cost twice
  // (spent under one, recovered under the other) or never: refused.
  m["regimes"] = json::parse(R"([
    {"name": "as incurred", "change": {"year": 2026, "to": "as recovered"}, "instruments": [
      {"type": "cost_recovery", "ceiling": 0.5}, {"type": "income_tax", "rate": 0.3}]},
    {"name": "as recovered", "instruments": [
      {"type": "cost_recovery", "ceiling": 0.5},
      {"type": "income_tax", "rate": 0.3, "base": "costs_as_recovered"}]}])");
  EXPECT_NE(ErrorsOf(m).find("regimes[0].change.to: names terms whose income tax deducts costs "
                             "differently"),
            std::string::npos);
}

TEST(ReadModel, ADomesticMarketObligationByVolumeNamesItsProductAndOnePrice) {
  json m = Minimal();
  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "domestic_market_obligation", "share": 0.25, "product": "oil",
     "price": {"value": 10, "unit": "USD/bbl"}}])");
  const auto read = ReadModel(m.dump());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->regimes[0].dmo->product, 0);
  EXPECT_EQ(read->regimes[0].dmo->unit_price, 10);

  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "domestic_market_obligation", "share": 0.25, "price_fraction": 0.2,
     "price": {"value": 10, "unit": "USD/t"}}])");
  const std::string errors = ErrorsOf(m);
  const std::string at = "regimes[0].instruments[0].price";
  EXPECT_NE(errors.find(at + ": needs the product whose units it is paid for"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find(at + ": cannot be given with price_fraction: choose one"),
            std::string::npos)
      << errors;
  m["regimes"][0]["instruments"][0].erase("price_fraction");
  m["regimes"][0]["instruments"][0]["product"] = "oil";
  EXPECT_NE(ErrorsOf(m).find(at + ".unit: must be \"USD/bbl\""), std::string::npos);
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

TEST(ReadModel, AGrossSplitReadsItsComponentsAndRefusesCostRecovery) {
  json m = Minimal();
  m["project"]["products"].push_back(json::parse(
      R"({"name": "gas", "unit": "mcf", "production": [0, 5], "price": {"unit": "USD/mcf", "base": 4}})"));
  m["regimes"][0]["instruments"] = json::parse(R"([{"type": "gross_split",
    "base": {"oil": 0.43, "gas": 0.48},
    "variable": [{"component": "field status", "choice": "POD I", "split": 0.05}],
    "progressive": [{"component": "oil price", "split": {"driver": "price", "product": "oil",
      "tiers": [{"from": 0, "to": 85, "rate": 0.02}, {"from": 85, "rate": -0.02}]}}]}])");
  const auto ok = ReadModel(m.dump());
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  const GrossSplit& g = *ok->regimes[0].gross_split;
  ASSERT_EQ(g.base.size(), 2u);
  EXPECT_EQ(g.base[1].constant(), 0.48);
  ASSERT_EQ(g.variable.size(), 1u);
  EXPECT_EQ(g.variable[0].choice, "POD I");
  EXPECT_EQ(g.variable[0].split, 0.05);
  ASSERT_EQ(g.progressive.size(), 1u);
  EXPECT_TRUE(g.progressive[0].split.Uses(RateDriver::kPrice));

  // One base for both; every refusal named at its field.
  m["regimes"][0]["instruments"] = json::parse(R"([{"type": "gross_split",
    "base": {"oil": 0.43, "coal": 0.5},
    "variable": [{"component": "location", "split": 1.5}],
    "progressive": {"component": "price"}},
    {"type": "cost_recovery", "ceiling": 0.8}])");
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("instruments[0].base.coal: is not a known field"), std::string::npos) << e;
  EXPECT_NE(e.find("instruments[0].base.gas: is required"), std::string::npos) << e;
  EXPECT_NE(e.find("variable[0].choice: is required"), std::string::npos) << e;
  EXPECT_NE(e.find("variable[0].split: must be from -1 to 1"), std::string::npos) << e;
  EXPECT_NE(e.find("instruments[0].progressive: must be an array of {\"component\", \"split\"}"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("a gross_split replaces cost recovery"), std::string::npos) << e;
  m["regimes"][0]["instruments"] = json::parse(R"([{"type": "gross_split", "base": 0.5,
    "variable": [{"component": "location", "choice": "onshore", "split": 0},
                 {"component": "location", "choice": "offshore", "split": 0.08}]},
    {"type": "royalty", "rate": 0.1, "standard_rate": 0.05},
    {"type": "income_tax", "rate": 0.3, "standard_rate": 0.25}])");
  const std::string twice = ErrorsOf(m);
  EXPECT_NE(twice.find("variable[1].component: names a characteristic given already: \"location\""),
            std::string::npos)
      << twice;
  EXPECT_NE(twice.find("instruments[1].standard_rate: must be at least the rate these terms grant "
                       "(0.1)"),
            std::string::npos)
      << twice;
  EXPECT_NE(twice.find("instruments[2].standard_rate: must be at least the rate these terms grant "
                       "(0.3)"),
            std::string::npos)
      << twice;
  m["regimes"][0]["instruments"] = json::parse(R"([{"type": "gross_split", "base": 0.5}])");
  const auto one = ReadModel(m.dump());
  ASSERT_TRUE(one.ok()) << one.error().ToString();
  EXPECT_EQ(one->regimes[0].gross_split->base.size(), 2u);
}

TEST(ReadModel, IndirectTaxesReadTheirExemptionsAndHolidays) {
  json m = Minimal();
  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "vat", "rate": 0.15, "opex_share": 0.5, "exempt": ["exploration", "opex"],
     "refund_delay_years": 2, "holiday": {"years": [2026], "before_first_production": true}},
    {"type": "import_duty", "rate": 0.1, "imported_share": 0.7, "exempt": ["sustaining"]},
    {"type": "cost_recovery", "ceiling": 0.6, "investment_credit": 0.17},
    {"type": "profit_split", "state_share": 0.5}])");
  const auto ok = ReadModel(m.dump());
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  const Regime& r = ok->regimes[0];
  EXPECT_EQ(r.vat->rate, 0.15);
  EXPECT_EQ(r.vat->capex_share, 1.0);
  EXPECT_TRUE(r.vat->recoverable);
  EXPECT_EQ(r.vat->refund_delay_years, 2);
  EXPECT_TRUE(r.vat->exempt[static_cast<int>(TaxedCost::kOpex)]);
  EXPECT_TRUE(r.vat->exempt[static_cast<int>(TaxedCost::kExploration)]);
  EXPECT_FALSE(r.vat->exempt[static_cast<int>(TaxedCost::kDevelopment)]);
  EXPECT_EQ(r.vat->holiday.years, std::vector<int>{2026});
  EXPECT_TRUE(r.vat->holiday.before_first_production);
  EXPECT_EQ(r.import_duty->imported_share, 0.7);
  EXPECT_TRUE(r.import_duty->exempt[static_cast<int>(TaxedCost::kSustaining)]);
  EXPECT_EQ(r.cost_recovery->investment_credit, 0.17);

  m["regimes"][0]["instruments"] = json::parse(R"([
    {"type": "vat", "rate": 1.5, "recoverable": false, "refund_delay_years": 1,
     "exempt": ["fuel"], "holiday": {"years": [2020]}},
    {"type": "import_duty", "rate": 0.1, "exempt": ["opex"]}, {"type": "vat", "rate": 0.1}])");
  const std::string e = ErrorsOf(m);
  EXPECT_NE(e.find("instruments[0].rate: must be from 0 to 1"), std::string::npos) << e;
  EXPECT_NE(e.find("refund_delay_years: applies to recoverable VAT only"), std::string::npos) << e;
  EXPECT_NE(e.find("instruments[0].exempt[0]: must be one of opex, exploration, development, "
                   "sustaining, got \"fuel\""),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("holiday.years[0]: must be a project year (2025-2026), got 2020"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("instruments[1].exempt[0]: must be one of exploration, development, "
                   "sustaining, got \"opex\""),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("instruments[2].type: a regime may hold only one vat"), std::string::npos) << e;
}

TEST(ReadModel, TheInstrumentTypesAreOneListAndAnUnknownOneIsToldThem) {
  const std::vector<std::string> types = InstrumentTypes();
  ASSERT_EQ(types.size(), 16u);
  EXPECT_EQ(types.front(), "bonus");
  EXPECT_EQ(types.back(), "decommissioning_fund");
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

// Comparators come from other documents: their term sheets are read onto the
// benchmarked project, whose products, years and currency they must fit.
TEST(ReadTermSheetsOnto, EachTermSheetFitsTheProjectOrKeepsWhyNot) {
  const Model onto = *ReadModel(Minimal().dump());
  const json other = json::parse(R"({
    "schema": "connex.fiscal/1", "currency": "USD",
    "project": {"first_year": 2010, "years": 1,
      "products": [{"name": "gas", "unit": "mcf", "production": [5],
                    "price": {"unit": "USD/mcf", "base": 3}}]},
    "regimes": [
      {"name": "oil royalty", "instruments": [
        {"type": "royalty", "product": "oil", "rate": 0.08},
        {"type": "income_tax", "rate": {"schedule": [0.25, 0.3]}}]},
      {"name": "gas royalty", "instruments": [{"type": "royalty", "product": "gas", "rate": 0.05}]},
      {"name": "old schedule", "instruments": [{"type": "income_tax", "rate": {"schedule": [0.3]}}]}
    ]})");
  const auto sheets = ReadTermSheetsOnto(other.dump(), onto);
  ASSERT_TRUE(sheets.ok()) << sheets.error().ToString();
  ASSERT_EQ(sheets->size(), 3u);

  const TermSheetOnto& oil = (*sheets)[0];
  EXPECT_EQ(oil.name, "oil royalty");
  ASSERT_TRUE(oil.regime.has_value());
  ASSERT_EQ(oil.regime->royalties.size(), 1u);
  EXPECT_EQ(oil.regime->royalties[0].product, 0);
  EXPECT_TRUE(oil.regime->income_tax.has_value());

  // The other document's own project (gas) counts for nothing.
  const TermSheetOnto& gas = (*sheets)[1];
  EXPECT_EQ(gas.name, "gas royalty");
  EXPECT_FALSE(gas.regime.has_value());
  ASSERT_EQ(gas.errors.size(), 1u);
  EXPECT_EQ(gas.errors[0].field, "regimes[1].instruments[0].product");
  EXPECT_NE(gas.errors[0].message.find("(products: oil)"), std::string::npos);

  // A year-by-year schedule must have one rate per year of this project.
  const TermSheetOnto& old = (*sheets)[2];
  EXPECT_FALSE(old.regime.has_value());
  ASSERT_FALSE(old.errors.empty());
  EXPECT_NE(old.errors[0].ToString().find("2 years (2025-2026)"), std::string::npos)
      << old.errors[0].ToString();
}

TEST(ReadTermSheetsOnto, CalendarYearsMoveWithTheProjectTheyAreReadOnto) {
  const Model onto = *ReadModel(Minimal().dump());  // 2025-2026
  const json other = json::parse(R"({
    "schema": "connex.fiscal/1",
    "project": {"first_year": 2010, "years": 1,
      "products": [{"name": "oil", "unit": "bbl", "production": [5],
                    "price": {"unit": "USD/bbl", "base": 3}}]},
    "regimes": [{"name": "signed in 2010", "instruments": [
      {"type": "bonus", "signature": [{"year": 2010, "amount": 5}, {"year": 2011, "amount": 7}]},
      {"type": "income_tax", "rate": 0.3, "holiday": {"years": [2011]}}]}]})");
  const auto sheets = ReadTermSheetsOnto(other.dump(), onto);
  ASSERT_TRUE(sheets.ok());
  const TermSheetOnto& sheet = (*sheets)[0];
  ASSERT_TRUE(sheet.regime.has_value()) << sheet.errors[0].ToString();
  // Paid at signature and a year later: the project's first and second years.
  ASSERT_EQ(sheet.regime->bonuses->signature.size(), 2u);
  EXPECT_EQ(sheet.regime->bonuses->signature[0].year, 2025);
  EXPECT_EQ(sheet.regime->bonuses->signature[1].year, 2026);
  EXPECT_EQ(sheet.regime->income_tax->holiday_years, std::vector<int>{2026});
}

TEST(CheckTermSheet, AStandingTermSheetIsReadAgainstTheProductsItNames) {
  const std::string terms =
      R"({"name": "Contract A", "instruments": [{"type": "royalty", "product": "copper", "rate": 0.05},
          {"type": "bonus", "signature": [{"year": 2012, "amount": 1000000}]}]})";
  EXPECT_TRUE(CheckTermSheet(terms, "USD", {{"copper", "t"}}, 2012, "terms").empty());
  const Errors missing = CheckTermSheet(terms, "USD", {{"gold", "oz"}}, 2012, "terms");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].field, "terms.instruments[0].product");
}

TEST(ReadTermSheetsOnto, AmountsInAnotherCurrencyAreNotComparedAsIfTheyWereTheModels) {
  const Model onto = *ReadModel(Minimal().dump());
  json other = Minimal();
  other["currency"] = "EUR";
  const auto sheets = ReadTermSheetsOnto(other.dump(), onto);
  ASSERT_TRUE(sheets.ok());
  ASSERT_EQ(sheets->size(), 1u);
  EXPECT_FALSE((*sheets)[0].regime.has_value());
  EXPECT_EQ((*sheets)[0].errors[0].ToString(),
            "currency: its amounts are in EUR and the model's in USD");
}

TEST(ReadTermSheetsOnto, ADocumentWithoutTermSheetsIsAnError) {
  const Model onto = *ReadModel(Minimal().dump());
  EXPECT_FALSE(ReadTermSheetsOnto("[1, 2]", onto).ok());
  EXPECT_FALSE(ReadTermSheetsOnto("{", onto).ok());
  const auto none = ReadTermSheetsOnto(R"({"schema": "connex.fiscal/1", "regimes": []})", onto);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "regimes");
  const auto wrong = ReadTermSheetsOnto(R"({"schema": "other/2", "regimes": [{}]})", onto);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "schema");
}

TEST(ReadTermSheetOnto, OneTermSheetAsTheHubKeepsIt) {
  const Model onto = *ReadModel(Minimal().dump());
  const TermSheetOnto sheet = ReadTermSheetOnto(
      R"({"name": "Contract A", "instruments": [{"type": "royalty", "rate": 0.07}]})", "USD", onto,
      "terms");
  ASSERT_TRUE(sheet.regime.has_value());
  EXPECT_EQ(sheet.name, "Contract A");
  const TermSheetOnto bad = ReadTermSheetOnto(R"({"name": "B", "instruments": [{"type": "levy"}]})",
                                              "USD", onto, "terms");
  ASSERT_FALSE(bad.regime.has_value());
  EXPECT_EQ(bad.errors[0].field, "terms.instruments[0].type");
}

}  // namespace
}  // namespace connex::fiscal::io
