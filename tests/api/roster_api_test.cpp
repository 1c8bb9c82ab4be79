// The roster over HTTP: profiles and declarations seen only by their expert
// and the Support Unit; a declared interest in the counterparty excludes the
// expert from the team builder and from the team, until the government's
// written waiver; a new Code of Conduct needs attesting before any new
// assignment.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

class Roster : public PortalTest<Roster> {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    SignIn({&ghana_, &coordinator_, &admin_, &expert_, &engineer_});
  }
  std::string Id(Client& c) { return Json(c.Get("/api/v1/session"))["user"]["id"]; }

  // A Ghanaian copper request against Acme Mining, approved and in scoping.
  json Scoping() {
    json form = {
        {"entity", "Minerals Commission"},
        {"focal_points", {{{"name", "Kwame Mensah"}}}},
        {"project_name", "Ahafo North"},
        {"commodity", "copper"},
        {"counterparties", {{{"name", "ACME MINING LIMITED"}, {"affiliates", {"Acme Ghana Ltd"}}}}},
        {"disciplines", {"fiscal_modelling", "mining_engineering"}},
        {"phase", "negotiation"},
        {"language", "en"},
        {"background", "Royalty and stability terms"}};
    json r = Json(ghana_.Send("POST", "/api/v1/requests", form));
    const std::string path = "/api/v1/requests/" + r["id"].get<std::string>();
    auto move = [&](Client& who, const std::string& to, json extra = json::object()) {
      json body = {{"to", to}, {"version", r["version"]}};
      body.update(extra);
      auto res = who.Send("POST", path + "/transitions", body);
      EXPECT_EQ(Status(res), 200) << to << ": " << (res ? res->body : "");
      r = Json(res);
    };
    move(ghana_, "submitted");
    move(coordinator_, "acknowledged");
    move(coordinator_, "under_review");
    EXPECT_EQ(Status(coordinator_.Send("PUT", path + "/due-diligence", LowRiskApproval())), 200);
    move(coordinator_, "approved", {{"scope", {{"summary", "Fiscal and technical review"}}}});
    move(coordinator_, "scoping");
    return r;
  }
};

TEST_F(Roster, ProfilesAndDeclarationsAreTheExpertsAndTheSupportUnits) {
  const std::string mining = Id(engineer_), fiscal = Id(expert_);
  json mine = Json(engineer_.Get("/api/v1/experts/" + mining + "/profile"));
  EXPECT_EQ(mine["disciplines"], json::array({"mining_engineering", "geology"}));
  mine.erase("user_id");
  mine.erase("name");
  mine["day_rate"] = 950;
  mine["unavailable"] = {{{"from", "2027-03-01"}, {"to", "2027-03-20"}}};
  auto saved = engineer_.Send("PUT", "/api/v1/experts/" + mining + "/profile", mine);
  ASSERT_EQ(Status(saved), 200) << saved->body;
  EXPECT_EQ(Json(saved)["version"], 2);
  EXPECT_EQ(Status(engineer_.Send("PUT", "/api/v1/experts/" + mining + "/profile", mine)),
            409);  // stale
  // Another expert, a government, a visitor: nothing there.
  EXPECT_EQ(Status(expert_.Get("/api/v1/experts/" + mining + "/profile")), 404);
  EXPECT_EQ(Status(ghana_.Get("/api/v1/experts/" + mining + "/declarations")), 404);
  EXPECT_EQ(Status(NewClient().Get("/api/v1/experts/" + mining + "/profile")), 401);
  EXPECT_EQ(Status(ghana_.Get("/api/v1/experts")), 404);
  EXPECT_EQ(Status(coordinator_.Get("/api/v1/experts/" + mining + "/profile")), 200);
  // Four geologists in the demo roster; one of them plans open pits.
  EXPECT_EQ(Json(coordinator_.Get("/api/v1/experts?discipline=geology"))["items"].size(), 4u);
  const json found =
      Json(coordinator_.Get("/api/v1/experts?discipline=geology&q=open-pit"))["items"];
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["user_id"], mining);
  auto bad = engineer_.Send("PUT", "/api/v1/experts/" + mining + "/profile",
                            {{"seniority", "guru"},
                             {"disciplines", json::array()},
                             {"day_rate", -5},
                             {"unavailable", {{{"from", "2027-03-20"}, {"to", "2027-03-01"}}}}});
  ASSERT_EQ(Status(bad), 400);
  std::set<std::string> fields;
  const json errors = Json(bad)["errors"];
  for (const json& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"seniority", "disciplines", "languages", "day_rate",
                                           "unavailable[0].to"}));
  EXPECT_EQ(Status(expert_.Send("POST", "/api/v1/experts/" + mining + "/declarations",
                                {{"entity", "X"}, {"relation", "board"}, {"start", "2020-01-01"}})),
            404);
}

// The demo request (Senegal, offshore gas, in French) finds a team in the demo
// roster as it stands: both experts with an interest in the counterparty are
// named as conflicted, and the proposed team has a French speaker.
TEST_F(Roster, TheDemoRequestGetsTeamsFromTheDemoRoster) {
  json r;
  const json requests = Json(coordinator_.Get("/api/v1/requests"));
  for (const json& x : requests["items"]) {
    if (x["project_name"].get<std::string>().starts_with("Offshore block C-12")) r = x;
  }
  ASSERT_FALSE(r.is_null());
  const std::string path = "/api/v1/requests/" + r["id"].get<std::string>();
  r = Json(coordinator_.Get(path));
  for (const char* to : {"under_review", "approved", "scoping"}) {
    if (std::string(to) == "approved") {
      ASSERT_EQ(Status(coordinator_.Send("PUT", path + "/due-diligence", LowRiskApproval())), 200);
    }
    json body = {{"to", to}, {"version", r["version"]}};
    if (std::string(to) == "approved") body["scope"] = {{"summary", "PSC review"}};
    auto moved = coordinator_.Send("POST", path + "/transitions", body);
    ASSERT_EQ(Status(moved), 200) << to << ": " << moved->body;
    r = Json(moved);
  }
  json slots = json::array();
  for (const json& d : r["form"]["disciplines"]) slots.push_back({{"discipline", d}});
  const json p = Json(coordinator_.Send("POST", path + "/team-proposals",
                                        {{"slots", slots},
                                         {"team_languages", {"fr"}},
                                         {"start", DateInDays(20)},
                                         {"end", DateInDays(50)},
                                         {"days_per_expert", 10}}));
  ASSERT_EQ(p["teams"].size(), 3u) << p.dump();
  EXPECT_TRUE(p["shortfalls"].empty());
  EXPECT_EQ(p["teams"][0]["members"].size(), 3u);
  std::set<std::string> conflicted;
  for (const json& n : p["not_chosen"]) {
    if (n["reason"] == "conflict") conflicted.insert(n["name"].get<std::string>());
    EXPECT_NE(n["reason"], "not_needed");
  }
  EXPECT_EQ(conflicted, (std::set<std::string>{"Awa Ndiaye", "Olu Adeyemi"}));
}

TEST_F(Roster, AConflictExcludesUntilTheGovernmentWaivesItInWriting) {
  const std::string mining = Id(engineer_), fiscal = Id(expert_);
  // The coordinator wants this engineer, who knows the deposit.
  const json spec = {
      {"slots", {{{"discipline", "fiscal_modelling"}}, {{"discipline", "mining_engineering"}}}},
      {"start", "2027-01-11"},
      {"end", "2027-02-05"},
      {"days_per_expert", 10},
      {"must_include", {mining}}};
  std::string path, declaration;  // the request, the engineer's declaration
  ASSERT_TRUE(Step("the engineer declares a past consultancy for the counterparty", [&] {
    path = "/api/v1/requests/" + Scoping()["id"].get<std::string>();
    auto declared = engineer_.Send("POST", "/api/v1/experts/" + mining + "/declarations",
                                   {{"entity", "Acme Mining Ltd."},
                                    {"affiliates", {"Acme Holdings plc"}},
                                    {"relation", "consultancy"},
                                    {"start", "2022-01-01"},
                                    {"end", "2025-06-30"},
                                    {"evidence", "Contract for a feasibility review"}});
    ASSERT_EQ(Status(declared), 201) << declared->body;
    declaration = Json(declared)["id"];
  }));

  ASSERT_TRUE(Step("the conflict keeps the engineer out of proposals and of the team", [&] {
    auto proposal = coordinator_.Send("POST", path + "/team-proposals", spec);
    ASSERT_EQ(Status(proposal), 200) << proposal->body;
    json p = Json(proposal);
    EXPECT_TRUE(p["teams"].empty());
    // No team with the engineer: the shortfall names them and the conflict.
    ASSERT_EQ(p["shortfalls"].size(), 1u) << p.dump();
    EXPECT_EQ(p["shortfalls"][0]["kind"], "required");
    EXPECT_EQ(p["shortfalls"][0]["expert_id"], mining);
    EXPECT_EQ(p["shortfalls"][0]["name"], "Tom Engineer");
    EXPECT_EQ(p["shortfalls"][0]["reason"], "conflict");
    bool excluded = false;
    for (const json& n : p["not_chosen"]) {
      if (n["user_id"] == mining) {
        excluded = true;
        EXPECT_EQ(n["reason"], "conflict");
        EXPECT_NE(n["detail"].get<std::string>().find("ACME MINING LIMITED"), std::string::npos);
      }
    }
    EXPECT_TRUE(excluded);
    auto refused = coordinator_.Send("POST", path + "/team",
                                     {{"user_id", mining}, {"role", "mining engineer"}});
    EXPECT_EQ(Status(refused), 409);
    EXPECT_NE(Json(refused)["error"]["message"].get<std::string>().find("conflict of interest"),
              std::string::npos);
    // The proposal screened the whole demo roster (33 experts); the refused
    // assignment screened the engineer again, and that record is kept with the refusal.
    const json screenings = Json(coordinator_.Get(path + "/screenings"))["items"];
    ASSERT_EQ(screenings.size(), 34u);
    EXPECT_EQ(std::count_if(screenings.begin(), screenings.end(),
                            [&](const json& x) {
                              return x["user_id"] == mining && x["outcome"] == "exclude";
                            }),
              2);
  }));

  ASSERT_TRUE(Step("the signed consent of the government and a waiver let the engineer join", [&] {
    // The government's signed consent, then the waiver: the expert may join.
    const std::string pdf = "%PDF-1.4\nconsent\n%%EOF\n";
    auto consent =
        ghana_.Raw("POST", path + "/documents?name=waiver-consent.pdf", pdf, "application/pdf");
    ASSERT_EQ(Status(consent), 201);
    EXPECT_EQ(Status(coordinator_.Send(
                  "POST", path + "/waivers",
                  {{"declaration_id", declaration}, {"consent_document_id", "doc_nope"}})),
              400);
    ASSERT_EQ(Status(coordinator_.Send(
                  "POST", path + "/waivers",
                  {{"declaration_id", declaration}, {"consent_document_id", Json(consent)["id"]}})),
              201);
    const json p = Json(coordinator_.Send("POST", path + "/team-proposals", spec));
    ASSERT_FALSE(p["teams"].empty()) << p.dump();
    EXPECT_EQ(p["teams"][0]["members"][1]["user_id"], mining);
    const double rate =
        Json(coordinator_.Get("/api/v1/experts/" + mining + "/profile"))["day_rate"];
    EXPECT_EQ(p["teams"][0]["members"][1]["cost"].get<double>(), rate * 10);
    EXPECT_EQ(p["teams"][0]["cost"].get<double>(),
              p["teams"][0]["members"][0]["cost"].get<double>() + rate * 10);
    EXPECT_EQ(Status(coordinator_.Send("POST", path + "/team",
                                       {{"user_id", mining}, {"role", "mining engineer"}})),
              201);
  }));

  ASSERT_TRUE(Step("under a new Code of Conduct, no assignment before the expert attests it", [&] {
    // A new Code of Conduct: no new assignment before the expert attests it.
    ASSERT_EQ(Status(admin_.Send(
                  "POST", "/api/v1/conduct-code",
                  {{"text",
                    "Version two of the Code of Conduct: advisers serve the government alone."}})),
              201);
    EXPECT_FALSE(Json(expert_.Get("/api/v1/conduct-code"))["attested"].get<bool>());
    auto unattested = coordinator_.Send("POST", path + "/team",
                                        {{"user_id", fiscal}, {"role", "fiscal modeller"}});
    EXPECT_EQ(Status(unattested), 409);
    EXPECT_NE(Json(unattested)["error"]["message"].get<std::string>().find("Code of Conduct"),
              std::string::npos);
    EXPECT_EQ(Status(expert_.Send("POST", "/api/v1/conduct-code/attestation", json::object())),
              201);
    auto bad_days = coordinator_.Send(
        "POST", path + "/team", {{"user_id", fiscal}, {"role", "fiscal modeller"}, {"days", 5000}});
    EXPECT_EQ(Json(bad_days)["error"]["field"], "days");
    auto assigned = coordinator_.Send("POST", path + "/team",
                                      {{"user_id", fiscal},
                                       {"role", "fiscal modeller"},
                                       {"start", "2027-01-11"},
                                       {"end", "2027-02-05"},
                                       {"days", 12}});
    ASSERT_EQ(Status(assigned), 201) << assigned->body;
    const json team = Json(coordinator_.Get(path))["team"];
    ASSERT_EQ(team.size(), 2u);
    const json& entry = team[0]["user_id"] == fiscal ? team[0] : team[1];
    EXPECT_EQ(entry["days"], 12);
    EXPECT_EQ(entry["start"], "2027-01-11");
    EXPECT_EQ(entry["end"], "2027-02-05");
    EXPECT_EQ(Status(coordinator_.Send("POST", "/api/v1/conduct-code", {{"text", "too short"}})),
              404);
  }));
}

TEST_F(Roster, ClosedEngagementsAreAppraisedAndShowInTheDeploymentHistory) {
  const std::string fiscal = Id(expert_);
  json r = Scoping();
  const std::string path = "/api/v1/requests/" + r["id"].get<std::string>();
  ASSERT_EQ(Status(expert_.Send("POST", "/api/v1/conduct-code/attestation", json::object())), 201);
  ASSERT_EQ(
      Status(coordinator_.Send("POST", path + "/team",
                               {{"user_id", fiscal}, {"role", "fiscal modeller"}, {"days", 8}})),
      201);
  auto early =
      coordinator_.Send("POST", path + "/appraisals", {{"user_id", fiscal}, {"rating", 5}});
  EXPECT_EQ(Status(early), 409);  // not closed yet
  for (const char* to : {"team_proposed", "team_confirmed", "active", "closed"}) {
    r = Json(coordinator_.Get(path));
    ASSERT_EQ(Status(coordinator_.Send("POST", path + "/transitions",
                                       {{"to", to}, {"version", r["version"]}})),
              200)
        << to;
  }
  EXPECT_EQ(Json(coordinator_.Send("POST", path + "/appraisals",
                                   {{"user_id", fiscal}, {"rating", 9}}))["error"]["field"],
            "rating");
  EXPECT_EQ(Status(coordinator_.Send("POST", path + "/appraisals",
                                     {{"user_id", Id(engineer_)}, {"rating", 3}})),
            400);  // not on the team
  ASSERT_EQ(
      Status(coordinator_.Send("POST", path + "/appraisals",
                               {{"user_id", fiscal}, {"rating", 5}, {"comments", "Clear model"}})),
      201);
  const json appraisals =
      Json(coordinator_.Get("/api/v1/experts/" + fiscal + "/appraisals"))["items"];
  ASSERT_EQ(appraisals.size(), 1u);
  EXPECT_EQ(appraisals[0]["rating"], 5);
  EXPECT_EQ(Status(expert_.Get("/api/v1/experts/" + fiscal + "/appraisals")), 404);  // staff only
  const json history = Json(expert_.Get("/api/v1/experts/" + fiscal + "/deployments"))["items"];
  bool found = false;
  for (const json& d : history) {
    if (d["request_id"] == r["id"]) {
      found = true;
      EXPECT_EQ(d["days"], 8);
      EXPECT_EQ(d["state"], "closed");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Status(engineer_.Get("/api/v1/experts/" + fiscal + "/deployments")), 404);
}

TEST_F(Roster, TheRosterGoesOutAndComesBackAsCsvWithEveryRowsErrors) {
  auto csv = coordinator_.Get("/api/v1/experts/export.csv");
  ASSERT_EQ(Status(csv), 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv->body.find("fiscal.expert@connex.example"), std::string::npos);
  EXPECT_EQ(Status(ghana_.Get("/api/v1/experts/export.csv")), 404);
  const std::string file =
      "email,seniority,disciplines,languages,day_rate\n"
      "fiscal.expert@connex.example,principal,fiscal_modelling;economics,en;fr;pt,1300\n"
      "nobody@connex.example,senior,legal,en,900\n"
      "mining.engineer@connex.example,senior,astrology,en,800\n";
  auto refused = coordinator_.Raw("POST", "/api/v1/experts/import", file, "text/csv");
  ASSERT_EQ(Status(refused), 400) << refused->body;
  const json report = Json(refused);
  EXPECT_EQ(report["imported"], 0);
  ASSERT_EQ(report["rows"].size(), 2u);
  EXPECT_EQ(report["rows"][0]["line"], 3);
  EXPECT_EQ(report["rows"][0]["field"], "email");
  EXPECT_EQ(report["rows"][1]["line"], 4);
  const std::string fiscal = Id(expert_);
  // Nothing was written: the fiscal expert's languages are unchanged.
  EXPECT_EQ(Json(coordinator_.Get("/api/v1/experts/" + fiscal + "/profile"))["languages"],
            json::array({"en", "fr"}));
  auto partial =
      coordinator_.Raw("POST", "/api/v1/experts/import?valid_only=true", file, "text/csv");
  ASSERT_EQ(Status(partial), 200) << partial->body;
  EXPECT_EQ(Json(partial)["imported"], 1);
  EXPECT_EQ(Json(coordinator_.Get("/api/v1/experts/" + fiscal + "/profile"))["languages"],
            json::array({"en", "fr", "pt"}));
}

}  // namespace
}  // namespace connex::testing
