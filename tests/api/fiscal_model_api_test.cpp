// Fiscal models over HTTP: a workspace model is its owner's alone; a model
// attached to an engagement is seen by the request's participants and by
// nobody else (404); model errors are named by their path under "model";
// versions; results kept per version.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

class FiscalModels : public PortalTest<FiscalModels> {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    SignIn({&coordinator_, &senegal_, &ghana_, &expert_});
  }
};

TEST_F(FiscalModels, AnEngagementModelIsSeenByTheRequestsParticipantsOnly) {
  const json requests = Json(senegal_.Get("/api/v1/requests"))["items"];
  ASSERT_FALSE(requests.empty());
  const std::string request = requests[0]["id"];
  // Nobody attaches a model to a request they do not take part in.
  auto outside = ghana_.Send(
      "POST", "/api/v1/fiscal/models",
      {{"name", "Block SN-7"}, {"request_id", request}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(outside), 400);
  EXPECT_EQ(Json(outside)["error"]["field"], "request_id");

  auto made = senegal_.Send(
      "POST", "/api/v1/fiscal/models",
      {{"name", "Block SN-7 terms"}, {"request_id", request}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(made), 201) << made->body;
  const std::string path = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();
  EXPECT_EQ(Status(coordinator_.Get(path)), 200);  // the Support Unit
  Client visitor = NewClient();
  for (Client* other : {&ghana_, &expert_, &visitor}) {
    EXPECT_EQ(Status(other->Get(path)), 404);
    EXPECT_EQ(Status(other->Send("POST", path + "/run", json::object())), 404);
    EXPECT_EQ(
        Status(other->Send("PUT", path,
                           {{"version", 1}, {"name", "x"}, {"model", Example("oil_psc.json")}})),
        404);
  }
  for (Client* other : {&ghana_, &expert_}) {
    const json listed = Json(other->Get("/api/v1/fiscal/models"))["items"];
    for (const json& m : listed) {
      EXPECT_NE(m["request_id"], request);
    }
  }
  // A workspace model is its owner's alone, the Support Unit included.
  auto mine = ghana_.Send("POST", "/api/v1/fiscal/models",
                          {{"name", "My copper test"}, {"model", Example("copper_mine.json")}});
  ASSERT_EQ(Status(mine), 201);
  const std::string mine_path = "/api/v1/fiscal/models/" + Json(mine)["id"].get<std::string>();
  EXPECT_EQ(Status(ghana_.Get(mine_path)), 200);
  EXPECT_EQ(Status(coordinator_.Get(mine_path)), 404);
  EXPECT_EQ(Status(senegal_.Get(mine_path)), 404);
}

TEST_F(FiscalModels, TheAuditLogSaysWhatHappenedNotWhatAGovernmentOrAnAdvisorWrote) {
  SignIn({&admin_});
  auto draft = ghana_.Send("POST", "/api/v1/requests", {{"project_name", "Quietwater expansion"}});
  ASSERT_EQ(Status(draft), 201);
  auto model = expert_.Send("POST", "/api/v1/fiscal/models",
                            {{"name", "Walk-away valuation"}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(model), 201);
  EXPECT_EQ(Status(admin_.Get("/api/v1/fiscal/models/" + Json(model)["id"].get<std::string>())),
            404);
  auto log = admin_.Get("/api/v1/audit?limit=20");
  ASSERT_EQ(Status(log), 200);
  // Neither the draft's words nor the private model's name reach the administrator...
  EXPECT_EQ(log->body.find("Quietwater"), std::string::npos);
  EXPECT_EQ(log->body.find("Walk-away"), std::string::npos);
  // ...who still sees what happened, to which object, and which fields.
  bool saw_draft = false, saw_model = false;
  const json items = Json(log)["items"];
  for (const json& e : items) {
    if (e["object_id"] == Json(draft)["id"] && e["action"] == "request.create") {
      saw_draft = true;
      EXPECT_TRUE(e["withheld"].get<bool>());
      EXPECT_TRUE(e["after"].is_null());
      EXPECT_NE(std::find(e["fields"].begin(), e["fields"].end(), "form"), e["fields"].end())
          << e["fields"];
    }
    if (e["object_id"] == Json(model)["id"]) {
      saw_model = true;
      EXPECT_TRUE(e["withheld"].get<bool>());
    }
  }
  EXPECT_TRUE(saw_draft);
  EXPECT_TRUE(saw_model);
  // Nor does the log itself hold them (read in the embedded database's file
  // when the server runs on one).
  const std::string file = server_->data_dir() + "/connex.db";
  if (std::filesystem::exists(file)) {
    const std::string out = server_->data_dir() + "/held.txt";
    const std::string query =
        "sqlite3 " + file +
        " \"SELECT count(*) FROM audit_log WHERE coalesce(before_json, '') || "
        "coalesce(after_json, '') LIKE '%Quietwater%' OR coalesce(before_json, '') || "
        "coalesce(after_json, '') LIKE '%Walk-away%'\" > " +
        out;
    ASSERT_EQ(std::system(query.c_str()), 0);
    std::ifstream held(out);
    std::string count;
    held >> count;
    EXPECT_EQ(count, "0");
  }
}

TEST_F(FiscalModels, TheCodelistsNameTheEngineInstrumentsAndLedgerLines) {
  const json lists = Json(NewClient().Get("/api/v1/codelists"));
  const json& types = lists["instrument_types"];
  ASSERT_EQ(types.size(), 16u);
  EXPECT_EQ(types[0], "bonus");
  EXPECT_NE(std::find(types.begin(), types.end(), "gross_split"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "resource_rent_tax"), types.end());
  // The ledger in the engine's order; the state's receipts are ledger lines.
  const json& lines = lists["ledger_lines"];
  EXPECT_EQ(lines.front(), "gross_revenue");
  EXPECT_EQ(lines.back(), "investor_cash_flow");
  for (const json& g : lists["government_lines"]) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), g), lines.end()) << g;
  }
  // A model's by-instrument totals are keyed by those lines.
  auto created = coordinator_.Send("POST", "/api/v1/fiscal/models",
                                   {{"name", "PSC"}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(created), 201) << created->body;
  const json run = Json(coordinator_.Send(
      "POST", "/api/v1/fiscal/models/" + Json(created)["id"].get<std::string>() + "/run",
      json::object()));
  for (const auto& [line, total] : run["result"]["regimes"][0]["by_instrument"].items()) {
    const json& g = lists["government_lines"];
    EXPECT_NE(std::find(g.begin(), g.end(), line), g.end()) << line;
  }
}

TEST_F(FiscalModels, ModelErrorsAreNamedByTheirPath) {
  json model = Example("oil_psc.json");
  model["regimes"][0]["instruments"][1]["rate"] = -0.05;
  model["discounting"]["rate"] = "ten percent";
  model["surprise"] = true;
  auto refused = expert_.Send("POST", "/api/v1/fiscal/models", {{"name", ""}, {"model", model}});
  ASSERT_EQ(Status(refused), 400);
  std::set<std::string> fields;
  const json errors = Json(refused)["errors"];
  for (const json& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.count("name"));
  EXPECT_TRUE(fields.count("model.regimes[0].instruments[1].rate")) << Json(refused).dump();
  EXPECT_TRUE(fields.count("model.discounting.rate")) << Json(refused).dump();
  EXPECT_TRUE(fields.count("model.surprise")) << Json(refused).dump();
  auto missing = expert_.Send("POST", "/api/v1/fiscal/models", {{"name", "No model"}});
  ASSERT_EQ(Status(missing), 400);
  EXPECT_EQ(Json(missing)["error"]["field"], "model");

  // The editor's check as the user types: the same errors, nothing kept.
  const size_t before = Json(expert_.Get("/api/v1/fiscal/models"))["items"].size();
  auto checked = expert_.Send("POST", "/api/v1/fiscal/check", {{"model", model}});
  ASSERT_EQ(Status(checked), 400);
  std::set<std::string> check_fields;
  const json check_errors = Json(checked)["errors"];
  for (const json& e : check_errors) check_fields.insert(e["field"].get<std::string>());
  fields.erase("name");
  EXPECT_EQ(check_fields, fields);
  auto fine = expert_.Send("POST", "/api/v1/fiscal/check", {{"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(fine), 200);
  EXPECT_EQ(Json(fine)["valid"], true);
  // A production profile: the check answers with the years it fills, by the
  // path of the field, for the editor's table.
  json fields_model = Example("oil_fields_taxpayer.json");
  const int first = fields_model["projects"][0]["first_year"].get<int>();
  fields_model["projects"][1]["products"][0]["production"] = {
      {"start_year", first + 1}, {"peak_rate", 100}, {"reserves", 250}, {"decline", 0.5}};
  auto profiled = expert_.Send("POST", "/api/v1/fiscal/check", {{"model", fields_model}});
  ASSERT_EQ(Status(profiled), 200) << profiled->body;
  const json filled = Json(profiled)["production"];
  ASSERT_EQ(filled.size(), 1u) << filled;
  const json second = filled["projects[1].products[0].production"];
  ASSERT_EQ(second.size(), fields_model["projects"][0]["years"].get<size_t>());
  // A plateau of one year: 100 + 50 + 25 + … stays within 250; two would not.
  EXPECT_EQ(second[0], 0);
  EXPECT_EQ(second[1], 100);
  EXPECT_EQ(second[2], 50);
  EXPECT_EQ(second[3], 25);
  fields_model["projects"][1]["products"][0]["production"]["peak_rate"] = 0;
  auto no_peak = expert_.Send("POST", "/api/v1/fiscal/check", {{"model", fields_model}});
  ASSERT_EQ(Status(no_peak), 400);
  EXPECT_EQ(Json(no_peak)["errors"][0]["field"],
            "model.projects[1].products[0].production.peak_rate");
  EXPECT_EQ(Json(expert_.Get("/api/v1/fiscal/models"))["items"].size(), before);
  Client visitor = NewClient();
  EXPECT_EQ(Status(visitor.Send("POST", "/api/v1/fiscal/check", {{"model", model}}, false)), 401);
}

TEST_F(FiscalModels, VersionsAndResultsKeptPerVersion) {
  json model = Example("oil_psc.json");
  json negotiated = Example("oil_psc_negotiated.json");
  model["regimes"].push_back(negotiated["regimes"][0]);
  auto made =
      expert_.Send("POST", "/api/v1/fiscal/models", {{"name", "SN-7 rounds"}, {"model", model}});
  ASSERT_EQ(Status(made), 201) << made->body;
  const std::string path = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();
  auto run = expert_.Send("POST", path + "/run", json::object());
  ASSERT_EQ(Status(run), 200) << run->body;
  EXPECT_EQ(Json(run)["cached"], false);
  EXPECT_EQ(Json(run)["version"], 1);
  ASSERT_EQ(Json(run)["result"]["regimes"].size(), 2u);
  const json again = Json(expert_.Send("POST", path + "/run", json::object()));
  EXPECT_EQ(again["cached"], true);
  EXPECT_EQ(again["result"], Json(run)["result"]);

  auto compared = expert_.Send("POST", path + "/compare",
                               {{"from", "Proposed terms"}, {"to", "Negotiated terms"}});
  ASSERT_EQ(Status(compared), 200) << compared->body;
  EXPECT_TRUE(Json(compared)["result"].contains("delta"));
  // The terms over a range of prices: AETR at each, for each term sheet.
  auto sweep = expert_.Send("POST", path + "/sweep", {{"from", 50}, {"to", 150}, {"step", 25}});
  ASSERT_EQ(Status(sweep), 200) << sweep->body;
  const json swept = Json(sweep)["result"]["regimes"];
  ASSERT_EQ(swept.size(), 2u);
  ASSERT_EQ(swept[0]["points"].size(), 5u);
  EXPECT_DOUBLE_EQ(swept[0]["points"][2]["price_factor"].get<double>(), 1.0);
  EXPECT_TRUE(swept[0]["points"][2]["aetr"].is_number());
  auto backwards = expert_.Send("POST", path + "/sweep", {{"from", 150}, {"to", 50}});
  ASSERT_EQ(Status(backwards), 400);
  EXPECT_EQ(Json(backwards)["error"]["field"], "from");
  auto unknown =
      expert_.Send("POST", path + "/compare", {{"from", "Proposed terms"}, {"to", "Dreams"}});
  ASSERT_EQ(Status(unknown), 400);
  EXPECT_EQ(Json(unknown)["error"]["field"], "to");

  // A new version: the old one stays readable; results are computed afresh.
  model["regimes"][0]["instruments"][1]["rate"] = 0.08;
  auto saved = expert_.Send("PUT", path,
                            {{"version", 1},
                             {"name", "SN-7 rounds"},
                             {"model", model},
                             {"note", "royalty 8% as proposed by the ministry"}});
  ASSERT_EQ(Status(saved), 200) << saved->body;
  EXPECT_EQ(Json(saved)["version"], 2);
  EXPECT_EQ(
      Status(expert_.Send("PUT", path, {{"version", 1}, {"name", "stale"}, {"model", model}})),
      409);
  const json v2 = Json(expert_.Send("POST", path + "/run", json::object()));
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(v2["cached"], false);
  EXPECT_NE(v2["result"], Json(run)["result"]);
  const json shown = Json(expert_.Get(path + "?version=1"));
  EXPECT_EQ(shown["shown_version"], 1);
  EXPECT_EQ(shown["model"]["regimes"][0]["instruments"][1]["rate"], 0.05);
  ASSERT_EQ(shown["versions"].size(), 2u);
  EXPECT_EQ(shown["versions"][1]["note"], "royalty 8% as proposed by the ministry");

  // The analysis goes to Excel and CSV; others cannot fetch it.
  auto xlsx = expert_.Get(path + "/export?format=xlsx&version=1");
  ASSERT_EQ(Status(xlsx), 200) << xlsx->body;
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip container
  EXPECT_NE(xlsx->get_header_value("Content-Disposition").find("-v1.xlsx"), std::string::npos);
  EXPECT_NE(XlsxText(xlsx->body).find("name=\"Summary\""), std::string::npos);
  // An adviser reading Spanish gets the workbook's sheets and lines in Spanish.
  json mail = Json(expert_.Get("/api/v1/account/mail"));
  mail.erase("email");
  mail["language"] = "es";
  ASSERT_EQ(Status(expert_.Send("PUT", "/api/v1/account/mail", mail)), 200);
  const std::string es = XlsxText(expert_.Get(path + "/export?format=xlsx&version=1")->body);
  for (const char* words : {"name=\"Resumen\"", "Ingresos brutos", "Impuesto sobre la renta",
                            "Tasa impositiva efectiva promedio"}) {
    EXPECT_NE(es.find(words), std::string::npos) << words;
  }
  mail["language"] = "en";
  ASSERT_EQ(Status(expert_.Send("PUT", "/api/v1/account/mail", mail)), 200);
  auto csv = expert_.Get(path + "/export?format=csv");
  ASSERT_EQ(Status(csv), 200);
  EXPECT_NE(csv->body.find("Negotiated terms"), std::string::npos);
  EXPECT_EQ(Status(expert_.Get(path + "/export?format=pdf")), 400);
  EXPECT_EQ(Status(ghana_.Get(path + "/export?format=xlsx")), 404);
}

TEST_F(FiscalModels, WhatIfAnswersTheChangeAgainstTheStoredTermsWithoutSavingIt) {
  auto made = expert_.Send("POST", "/api/v1/fiscal/models",
                           {{"name", "SN-7 what-if"}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(made), 201);
  const std::string path = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();
  const std::string royalty = "regimes[0].instruments[1].rate";
  auto higher =
      expert_.Send("POST", path + "/whatif", {{"changes", {{{"path", royalty}, {"value", 0.08}}}}});
  ASSERT_EQ(Status(higher), 200) << higher->body;
  const json delta = Json(higher)["result"]["delta"];
  EXPECT_GT(delta["government_receipts"].get<double>(), 0) << delta.dump();
  // The same change twice answers the same; the model is unchanged.
  const json again = Json(expert_.Send("POST", path + "/whatif",
                                       {{"changes", {{{"path", royalty}, {"value", 0.08}}}}}));
  EXPECT_EQ(again["result"]["delta"], delta);
  EXPECT_EQ(Json(expert_.Get(path))["version"], 1);
  // Wrong changes are named: the project is not a term; a path must name a number.
  auto project = expert_.Send("POST", path + "/whatif",
                              {{"changes",
                                {{{"path", royalty}, {"value", 0.06}},
                                 {{"path", "project.capex[0].amount"}, {"value", 1}}}}});
  ASSERT_EQ(Status(project), 400);
  EXPECT_EQ(Json(project)["error"]["field"], "changes[1].path");
  auto nothing = expert_.Send(
      "POST", path + "/whatif",
      {{"changes",
        {{{"path", royalty}, {"value", 0.06}}, {{"path", "regimes[0].nothing"}, {"value", 1}}}}});
  ASSERT_EQ(Status(nothing), 400);
  EXPECT_EQ(Json(nothing)["error"]["field"], "changes[1].path");
  auto negative =
      expert_.Send("POST", path + "/whatif", {{"changes", {{{"path", royalty}, {"value", -1}}}}});
  ASSERT_EQ(Status(negative), 400);
  EXPECT_EQ(Json(negative)["error"]["field"], royalty);
  EXPECT_EQ(Status(ghana_.Send("POST", path + "/whatif",
                               {{"changes", {{{"path", royalty}, {"value", 0.08}}}}})),
            404);
}

TEST_F(FiscalModels, TornadoAndSolveForAnswerFromTheStoredTerms) {
  auto made = expert_.Send("POST", "/api/v1/fiscal/models",
                           {{"name", "SN-7 sensitivity"}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(made), 201);
  const std::string path = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();
  const std::string royalty = "regimes[0].instruments[1].rate";

  // The usual tornado: price, capex, opex, production, largest swing first.
  auto usual = expert_.Send("POST", path + "/tornado", json::object());
  ASSERT_EQ(Status(usual), 200) << usual->body;
  const json bars = Json(usual)["result"]["bars"];
  ASSERT_EQ(bars.size(), 4u);
  std::set<std::string> inputs;
  for (size_t i = 0; i < bars.size(); ++i) {
    inputs.insert(bars[i]["input"].get<std::string>());
    if (i > 0) {
      EXPECT_GE(bars[i - 1]["swing"].get<double>(), bars[i]["swing"].get<double>());
    }
  }
  EXPECT_EQ(inputs, (std::set<std::string>{"price", "capex", "opex", "production"}));
  EXPECT_EQ(bars[0]["input"], "price");
  EXPECT_EQ(Json(expert_.Send("POST", path + "/tornado", json::object()))["cached"], true);

  // A term in the tornado: its ends are what the what-if of that value gives.
  auto term = expert_.Send("POST", path + "/tornado",
                           {{"metric", "government_pv"},
                            {"inputs", {{{"name", royalty}, {"low", 0.03}, {"high", 0.1}}}}});
  ASSERT_EQ(Status(term), 200) << term->body;
  const json bar = Json(term)["result"]["bars"][0];
  const json at_high = Json(
      expert_.Send("POST", path + "/whatif", {{"changes", {{{"path", royalty}, {"value", 0.1}}}}}));
  const json base = Json(expert_.Send("POST", path + "/run", json::object()));
  const double stored_pv =
      base["result"]["regimes"][0]["metrics"]["pv_government_receipts"].get<double>();
  EXPECT_NEAR(bar["at_high"].get<double>(),
              stored_pv + at_high["result"]["delta"]["pv_government_receipts"].get<double>(), 1);

  // Every wrong input is named.
  auto wrong =
      expert_.Send("POST", path + "/tornado",
                   {{"metric", "take"},
                    {"inputs",
                     {{{"name", "price"}, {"low", 1.3}, {"high", 0.7}},
                      {{"name", royalty}, {"low", "low"}, {"high", 0.1}},
                      {{"name", "regimes[0].instruments[42].rate"}, {"low", 0}, {"high", 1}},
                      7}}});
  ASSERT_EQ(Status(wrong), 400);
  EXPECT_EQ(ErrorFields(wrong), (std::set<std::string>{"metric", "inputs[1].low", "inputs[3]"}));
  auto unbound =
      expert_.Send("POST", path + "/tornado",
                   {{"inputs",
                     {{{"name", "price"}, {"low", 1.3}, {"high", 0.7}},
                      {{"name", "regimes[0].instruments[42].rate"}, {"low", 0}, {"high", 1}}}}});
  ASSERT_EQ(Status(unbound), 400);
  EXPECT_EQ(ErrorFields(unbound), (std::set<std::string>{"inputs[0]", "inputs[1]"}));

  // Solve-for: the royalty that gives an AETR of 85%, checked by running it.
  auto solved = expert_.Send(
      "POST", path + "/solve",
      {{"term", royalty}, {"metric", "aetr"}, {"target", 0.85}, {"lo", 0}, {"hi", 0.5}});
  ASSERT_EQ(Status(solved), 200) << solved->body;
  const json answer = Json(solved)["result"];
  ASSERT_EQ(answer["found"], true) << answer.dump();
  EXPECT_EQ(answer["current_value"], 0.05);
  const double rate = answer["value"];
  const json check = Json(expert_.Send("POST", path + "/whatif",
                                       {{"changes", {{{"path", royalty}, {"value", rate}}}}}));
  const json regimes = check["result"]["regimes"];
  ASSERT_EQ(regimes.size(), 2u) << check.dump();
  EXPECT_NEAR(regimes[1]["metrics"]["aetr"].get<double>(), 0.85, 1e-6);
  // Out of reach (the AETR is above 50% even without a royalty): said plainly, not an error.
  auto unreachable = expert_.Send(
      "POST", path + "/solve",
      {{"term", royalty}, {"metric", "aetr"}, {"target", 0.5}, {"lo", 0}, {"hi", 0.2}});
  ASSERT_EQ(Status(unreachable), 200);
  EXPECT_EQ(Json(unreachable)["result"]["found"], false);
  const json out_of_reach = Json(unreachable)["result"];
  EXPECT_FALSE(out_of_reach["reason"].get<std::string>().empty());
  // The range the AETR spans, as figures for the page's own words: above 50%
  // at both ends of 0..20%.
  EXPECT_GT(out_of_reach["lowest"]["value"].get<double>(), 0.5);
  EXPECT_GE(out_of_reach["highest"]["value"].get<double>(),
            out_of_reach["lowest"]["value"].get<double>());
  for (const char* end : {"lowest", "highest"}) {
    EXPECT_GE(out_of_reach[end]["at"].get<double>(), 0.0);
    EXPECT_LE(out_of_reach[end]["at"].get<double>(), 0.2);
  }
  auto refused =
      expert_.Send("POST", path + "/solve",
                   {{"term", "regimes[0].name"}, {"metric", "aetr"}, {"lo", 1}, {"hi", 0}});
  ASSERT_EQ(Status(refused), 400);
  EXPECT_EQ(ErrorFields(refused), (std::set<std::string>{"target", "hi"}));
  auto not_a_number = expert_.Send(
      "POST", path + "/solve", {{"term", "regimes[0].name"}, {"metric", "aetr"}, {"target", 0.5}});
  ASSERT_EQ(Status(not_a_number), 400);
  EXPECT_EQ(ErrorFields(not_a_number), (std::set<std::string>{"term"}));
  EXPECT_EQ(Status(ghana_.Send("POST", path + "/tornado", json::object())), 404);
  EXPECT_EQ(Status(ghana_.Send("POST", path + "/solve",
                               {{"term", royalty}, {"metric", "aetr"}, {"target", 0.6}})),
            404);
}

TEST_F(FiscalModels, TheAdditionalRevenueOfAComparisonIsRecordedOnTheEngagement) {
  const json requests = Json(senegal_.Get("/api/v1/requests"))["items"];
  ASSERT_FALSE(requests.empty());
  const std::string request = requests[0]["id"];
  json model = Example("oil_psc.json");
  model["regimes"].push_back(Example("oil_psc_negotiated.json")["regimes"][0]);
  auto made =
      senegal_.Send("POST", "/api/v1/fiscal/models",
                    {{"name", "SN-7 negotiated"}, {"request_id", request}, {"model", model}});
  ASSERT_EQ(Status(made), 201) << made->body;
  const std::string path = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();
  const json terms = {{"from", "Proposed terms"}, {"to", "Negotiated terms"}};
  // The government whose contract it is does not rate its advisers' value.
  EXPECT_EQ(Status(senegal_.Send("POST", path + "/value-added", terms)), 403);
  EXPECT_EQ(Status(ghana_.Send("POST", path + "/value-added", terms)), 404);
  auto recorded = coordinator_.Send("POST", path + "/value-added", terms);
  ASSERT_EQ(Status(recorded), 201) << recorded->body;
  const json delta = Json(coordinator_.Send("POST", path + "/compare", terms))["result"]["delta"];
  EXPECT_DOUBLE_EQ(Json(recorded)["government_total"].get<double>(),
                   delta["government_receipts"].get<double>());
  EXPECT_DOUBLE_EQ(Json(recorded)["government_pv"].get<double>(),
                   delta["pv_government_receipts"].get<double>());
  EXPECT_EQ(Json(recorded)["currency"], "USD");
  const json listed = Json(senegal_.Get("/api/v1/requests/" + request + "/value-added"));
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["id"], Json(recorded)["id"]);
  EXPECT_EQ(Status(ghana_.Get("/api/v1/requests/" + request + "/value-added")), 404);
  // A workspace model has no engagement to record it on.
  auto mine = expert_.Send("POST", "/api/v1/fiscal/models", {{"name", "Mine"}, {"model", model}});
  ASSERT_EQ(Status(mine), 201);
  auto refused = expert_.Send(
      "POST", "/api/v1/fiscal/models/" + Json(mine)["id"].get<std::string>() + "/value-added",
      terms);
  ASSERT_EQ(Status(refused), 400);
  EXPECT_EQ(Json(refused)["error"]["field"], "request_id");
}

TEST_F(FiscalModels, ALongMonteCarloRunReportsProgressAndCanBeCancelled) {
  auto made = expert_.Send("POST", "/api/v1/fiscal/models",
                           {{"name", "SN-7 risk"}, {"model", Example("oil_psc.json")}});
  ASSERT_EQ(Status(made), 201);
  const std::string path = "/api/v1/fiscal/models/" + Json(made)["id"].get<std::string>();
  auto started = expert_.Send("POST", path + "/montecarlo", {{"scenarios", 1000000}, {"seed", 7}});
  ASSERT_EQ(Status(started), 202) << started->body;
  const std::string job = Json(started)["job"];
  const json moving =
      PollJob(expert_, job, [](const json& v) { return v["done"].get<long long>() > 0; });
  EXPECT_EQ(moving["total"], 1000000);
  EXPECT_GT(moving["done"].get<long long>(), 0);
  // Only its starter sees or stops it.
  EXPECT_EQ(Status(ghana_.Get("/api/v1/fiscal/jobs/" + job)), 404);
  EXPECT_EQ(Status(ghana_.Send("DELETE", "/api/v1/fiscal/jobs/" + job, json::object())), 404);
  ASSERT_EQ(Status(expert_.Send("DELETE", "/api/v1/fiscal/jobs/" + job, json::object())), 202);
  const json stopped =
      PollJob(expert_, job, [](const json& v) { return v["status"] != "running"; });
  ASSERT_EQ(stopped["status"], "cancelled");
  EXPECT_TRUE(stopped["result"]["partial"].get<bool>());
  EXPECT_GT(stopped["result"]["scenarios"].get<long long>(), 0);
  EXPECT_LT(stopped["result"]["scenarios"].get<long long>(), 1000000);

  // A short run completes.
  auto small = expert_.Send("POST", path + "/montecarlo", {{"scenarios", 5000}});
  ASSERT_EQ(Status(small), 202);
  const json done =
      PollJob(expert_, Json(small)["job"], [](const json& v) { return v["status"] != "running"; });
  ASSERT_EQ(done["status"], "done");
  EXPECT_FALSE(done["result"]["partial"].get<bool>());
  EXPECT_EQ(done["result"]["scenarios"], 5000);
  // Progress streamed as server-sent events, ending with the job as GET answers it,
  // and the receipts of each year at their percentiles (the fan chart).
  auto streamed = expert_.Send("POST", path + "/montecarlo", {{"scenarios", 40000}});
  ASSERT_EQ(Status(streamed), 202);
  const std::string events =
      "/api/v1/fiscal/jobs/" + Json(streamed)["job"].get<std::string>() + "/events";
  EXPECT_EQ(Status(ghana_.Get(events)), 404);
  std::string stream;
  for (int i = 0; i < 30 && stream.find("event: done") == std::string::npos; ++i) {
    auto part = expert_.Get(events);  // a connection lasts 10 s at most; then again
    ASSERT_EQ(Status(part), 200);
    EXPECT_EQ(part->get_header_value("Content-Type"), "text/event-stream");
    stream += part->body;
  }
  ASSERT_NE(stream.find("event: progress\ndata: {"), std::string::npos) << stream;
  const size_t at = stream.find("event: done\ndata: ");
  ASSERT_NE(at, std::string::npos) << stream;
  const size_t from = at + std::string("event: done\ndata: ").size();
  const json finished = json::parse(stream.substr(from, stream.find("\n\n", from) - from));
  ASSERT_EQ(finished["status"], "done");
  EXPECT_EQ(finished["result"]["scenarios"], 40000);
  const json year = finished["result"]["mean_cash_flow"][10];
  const json bands = year["government_receipts_percentiles"];
  EXPECT_LT(bands["p5"].get<double>(), bands["p50"].get<double>()) << year.dump();
  EXPECT_LT(bands["p50"].get<double>(), bands["p95"].get<double>()) << year.dump();
  EXPECT_LT(bands["p5"].get<double>(), year["mean_government_receipts"].get<double>());

  // A model without an uncertainty section cannot run one.
  json plain = Example("oil_psc.json");
  plain.erase("uncertainty");
  auto no_risk =
      expert_.Send("POST", "/api/v1/fiscal/models", {{"name", "Plain"}, {"model", plain}});
  ASSERT_EQ(Status(no_risk), 201);
  auto refused = expert_.Send(
      "POST", "/api/v1/fiscal/models/" + Json(no_risk)["id"].get<std::string>() + "/montecarlo",
      json::object());
  ASSERT_EQ(Status(refused), 400);
  EXPECT_EQ(Json(refused)["error"]["field"], "model.uncertainty");
}

}  // namespace
}  // namespace connex::testing
