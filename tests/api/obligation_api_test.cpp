// The obligations register over HTTP against a real `connex serve` (whose
// demo data gives Ghana a register of the sample Asante Ridge contract, with
// last month's royalty overdue): each
// government sees and changes only its own contracts and obligations (404 for
// another's, as for an unknown id), experts and funders see none, visitors
// are asked to sign in; obligations are drawn from a hub contract's
// annotations; records close a due date; wrong input is named and refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

class Obligations : public PortalTest<Obligations> {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    SignIn({&ghana_, &senegal_, &coordinator_, &expert_, &funder_});
  }
  json Created(Client& who, const std::string& path, const json& body) {
    auto r = who.Send("POST", path, body);
    EXPECT_EQ(Status(r), 201) << path << ": " << (r ? r->body : "");
    return Json(r);
  }
  static std::string Id(const json& j) { return j["id"].get<std::string>(); }
  static std::vector<std::string> Titles(const json& items) {
    std::vector<std::string> out;
    for (const json& i : items) {
      out.push_back(i.contains("contract_title") ? i["contract_title"].get<std::string>() + " / " +
                                                       i["obligation"]["title"].get<std::string>()
                                                 : i["title"].get<std::string>());
    }
    return out;
  }
};

TEST_F(Obligations, GovernmentsSeeOnlyTheirOwnContractsAndObligations) {
  const std::string demo = "Sample Mining Convention — Asante Ridge Gold Project";
  const json record = {{"due_date", "2026-01-15"}, {"status", "met"}, {"evidence", "Receipt 42"}};
  json gh, gh_royalty;  // Ghana's contract and its royalty
  std::string gh_path, obligation;
  ASSERT_TRUE(Step("Ghana registers its contract, linked to the hub record of it", [&] {
    // Ghana registers its contract, linked to the hub's record of it.
    const json hits = Json(ghana_.Get("/api/v1/hub/search?q=Asante%20Ridge"))["items"];
    ASSERT_FALSE(hits.empty());
    const std::string hub_id = hits[0]["id"];
    gh = Created(ghana_, "/api/v1/monitoring/contracts",
                 {{"title", "Asante Ridge mining convention"},
                  {"counterparty", "Asante Ridge Gold Ltd"},
                  {"signed_on", "2025-06-30"},
                  {"timezone", "Africa/Accra"},
                  {"hub_document_id", hub_id}});
    gh_path = "/api/v1/monitoring/contracts/" + Id(gh);
  }));

  ASSERT_TRUE(Step("obligations are drawn from the annotations of the record", [&] {
    // Obligations are drawn from the record's annotations.
    const json suggestions = Json(ghana_.Get(gh_path + "/suggestions"))["items"];
    json royalty, procurement;
    for (const json& s : suggestions) {
      if (s["category"] == "royalties") royalty = s;
      if (s["category"] == "local-procurement") procurement = s;
    }
    ASSERT_TRUE(royalty.is_object() && procurement.is_object()) << suggestions.dump();
    EXPECT_EQ(royalty["draft"]["type"], "payment");
    EXPECT_EQ(royalty["draft"]["party"], "Asante Ridge Gold Ltd");
    EXPECT_EQ(procurement["draft"]["type"], "local_content");
    EXPECT_FALSE(royalty["registered"].get<bool>());

    json from_annotation = royalty["draft"];
    from_annotation.update({{"amount", 1250000},
                            {"currency", "USD"},
                            {"first_due", "2026-01-15"},
                            {"recurrence", "once"}});
    gh_royalty = Created(ghana_, gh_path + "/obligations", from_annotation);
    EXPECT_EQ(gh_royalty["source_annotation_id"], royalty["annotation_id"]);
    const json after = Json(ghana_.Get(gh_path + "/suggestions"))["items"];
    for (const json& s : after) {
      EXPECT_EQ(s["registered"].get<bool>(), s["annotation_id"] == royalty["annotation_id"]);
    }
    Created(ghana_, gh_path + "/obligations",
            {{"type", "reporting"},
             {"title", "Annual production report"},
             {"party", "Asante Ridge Gold Ltd"},
             {"first_due", "2100-01-31"},
             {"recurrence", "yearly"},
             {"end_of_month", true}});
  }));

  ASSERT_TRUE(Step("Senegal registers its own, with an obligation overdue", [&] {
    // Senegal registers its own, with an obligation overdue too.
    const json sn = Created(senegal_, "/api/v1/monitoring/contracts",
                            {{"title", "Falémé gold convention"},
                             {"counterparty", "Falémé Mining SA"},
                             {"timezone", "Africa/Dakar"}});
    Created(senegal_, "/api/v1/monitoring/contracts/" + Id(sn) + "/obligations",
            {{"type", "community"},
             {"title", "Community development fund"},
             {"party", "Falémé Mining SA"},
             {"first_due", "2026-02-28"}});
  }));

  ASSERT_TRUE(Step("each government lists, calendar and overdue list hold its own only", [&] {
    // Each government's list, calendar and overdue list hold its own only.
    EXPECT_EQ(Titles(Json(ghana_.Get("/api/v1/monitoring/contracts"))["items"]),
              (std::vector<std::string>{"Asante Ridge mining convention", demo}));
    EXPECT_EQ(Titles(Json(senegal_.Get("/api/v1/monitoring/contracts"))["items"]),
              std::vector<std::string>{"Falémé gold convention"});
    EXPECT_EQ(Titles(Json(ghana_.Get("/api/v1/monitoring/overdue"))["items"]),
              (std::vector<std::string>{"Asante Ridge mining convention / Royalties",
                                        demo + " / Royalties"}));
    EXPECT_EQ(Titles(Json(senegal_.Get("/api/v1/monitoring/overdue"))["items"]),
              std::vector<std::string>{"Falémé gold convention / Community development fund"});
    EXPECT_EQ(Titles(Json(senegal_.Get(
                  "/api/v1/monitoring/calendar?from=2026-01-01&to=2026-12-31"))["items"]),
              std::vector<std::string>{"Falémé gold convention / Community development fund"});
  }));

  ASSERT_TRUE(Step("no other government, expert, funder or visitor reaches them", [&] {
    // Another government's contract and obligations do not exist for Senegal.
    obligation = "/api/v1/monitoring/obligations/" + Id(gh_royalty);
    for (Client* other : {&senegal_, &expert_}) {
      EXPECT_EQ(Status(other->Get(gh_path)), 404);
      EXPECT_EQ(Status(other->Get(gh_path + "/suggestions")), 404);
      EXPECT_EQ(Status(other->Send("PUT", gh_path,
                                   {{"title", "x"}, {"timezone", "UTC"}, {"version", 1}})),
                404);
      EXPECT_EQ(
          Status(other->Send(
              "POST", gh_path + "/obligations",
              {{"type", "payment"}, {"title", "x"}, {"party", "x"}, {"first_due", "2027-01-01"}})),
          404);
      EXPECT_EQ(Status(other->Get(obligation + "/records")), 404);
      EXPECT_EQ(Status(other->Send("POST", obligation + "/records", record)), 404);
      json change = gh_royalty;
      for (const char* f : {"id", "contract_id", "created_by", "created_at", "updated_at"})
        change.erase(f);
      EXPECT_EQ(Status(other->Send("PUT", obligation, change)), 404);
      EXPECT_EQ(Status(other->Get("/api/v1/monitoring/calendar?contract=" + Id(gh))), 404);
    }
    // Experts take no part in registers; funders and visitors are stopped by the route rule.
    EXPECT_TRUE(Json(expert_.Get("/api/v1/monitoring/contracts"))["items"].empty());
    EXPECT_TRUE(Json(expert_.Get("/api/v1/monitoring/overdue"))["items"].empty());
    for (const char* path : {"/api/v1/monitoring/contracts", "/api/v1/monitoring/overdue",
                             "/api/v1/monitoring/calendar"}) {
      EXPECT_EQ(Status(funder_.Get(path)), 404) << path;
      EXPECT_EQ(Status(visitor_.Get(path)), 401) << path;
    }
    EXPECT_EQ(Status(funder_.Get(gh_path)), 404);
  }));

  ASSERT_TRUE(Step("the Support Unit sees every register", [&] {
    // The Support Unit sees every government's register.
    const json all = Json(coordinator_.Get("/api/v1/monitoring/overdue"))["items"];
    EXPECT_EQ(Titles(all),
              (std::vector<std::string>{"Asante Ridge mining convention / Royalties",
                                        "Falémé gold convention / Community development fund",
                                        demo + " / Royalties"}));
  }));

  ASSERT_TRUE(Step("a recorded payment leaves the overdue list and shows on the calendar", [&] {
    // Ghana records the payment: it leaves the overdue list.
    auto recorded = ghana_.Send("POST", obligation + "/records", record);
    ASSERT_EQ(Status(recorded), 201) << recorded->body;
    EXPECT_EQ(Titles(Json(ghana_.Get("/api/v1/monitoring/overdue"))["items"]),
              std::vector<std::string>{demo + " / Royalties"});
    const json cal = Json(ghana_.Get("/api/v1/monitoring/calendar?from=2026-01-01&to=2026-01-31"));
    ASSERT_EQ(cal["items"].size(), 1u);
    EXPECT_EQ(cal["items"][0]["state"], "met");
    EXPECT_EQ(cal["items"][0]["fulfilment"]["evidence"], "Receipt 42");
    auto ics = ghana_.Get("/api/v1/monitoring/calendar?from=2026-01-01&to=2026-01-31&format=ics");
    ASSERT_EQ(Status(ics), 200);
    EXPECT_NE(ics->body.find("DTSTART;VALUE=DATE:20260115"), std::string::npos);
    EXPECT_NE(ics->body.find("SUMMARY:Asante Ridge mining convention: Royalties"),
              std::string::npos);
    EXPECT_EQ(ics->body.find("Falémé"), std::string::npos);
    EXPECT_NE(ics->body.find("DESCRIPTION:Owed by"), std::string::npos) << ics->body;
    EXPECT_NE(ics->body.find(" · Payment · Met"), std::string::npos) << ics->body;
    // An official reading Portuguese gets the calendar's words in Portuguese.
    json mail = Json(ghana_.Get("/api/v1/account/mail"));
    mail.erase("email");
    mail["language"] = "pt";
    ASSERT_EQ(Status(ghana_.Send("PUT", "/api/v1/account/mail", mail)), 200);
    ics = ghana_.Get("/api/v1/monitoring/calendar?from=2026-01-01&to=2026-01-31&format=ics");
    EXPECT_NE(ics->body.find("X-WR-CALNAME:Obrigações CONNEX"), std::string::npos) << ics->body;
    EXPECT_NE(ics->body.find("DESCRIPTION:A cargo de"), std::string::npos) << ics->body;
    EXPECT_NE(ics->body.find(" · Pagamento · Cumprida"), std::string::npos) << ics->body;
    EXPECT_EQ(ics->body.find("payment"), std::string::npos) << ics->body;
  }));
}

TEST_F(Obligations, WrongInputIsNamedAndStaleChangesAreRefused) {
  auto bad_contract =
      ghana_.Send("POST", "/api/v1/monitoring/contracts",
                  {{"title", ""}, {"timezone", "Africa/Atlantis"}, {"signed_on", "2025-02-30"}});
  ASSERT_EQ(Status(bad_contract), 400);
  EXPECT_EQ(ErrorFields(bad_contract), (std::set<std::string>{"title", "timezone", "signed_on"}));
  // The Support Unit names the government whose register it keeps.
  auto unnamed = coordinator_.Send("POST", "/api/v1/monitoring/contracts",
                                   {{"title", "Convention"}, {"timezone", "UTC"}});
  ASSERT_EQ(Status(unnamed), 400);
  EXPECT_EQ(ErrorFields(unnamed), std::set<std::string>{"organisation_id"});

  const json c = Created(ghana_, "/api/v1/monitoring/contracts",
                         {{"title", "Ahafo North lease"}, {"timezone", "Africa/Accra"}});
  const std::string path = "/api/v1/monitoring/contracts/" + Id(c);
  auto bad = ghana_.Send("POST", path + "/obligations",
                         {{"type", "bribe"},
                          {"amount", 100},
                          {"first_due", "2027-01-30"},
                          {"recurrence", "monthly"},
                          {"end_of_month", true},
                          {"source_annotation_id", "ann_unknown"}});
  ASSERT_EQ(Status(bad), 400);
  EXPECT_EQ(ErrorFields(bad),
            (std::set<std::string>{"type", "title", "party", "currency", "end_of_month"}));
  // An annotation of no hub record of this contract is refused.
  auto foreign = ghana_.Send("POST", path + "/obligations",
                             {{"type", "payment"},
                              {"title", "Rent"},
                              {"party", "Co"},
                              {"first_due", "2027-01-31"},
                              {"source_annotation_id", "ann_unknown"}});
  ASSERT_EQ(Status(foreign), 400);
  EXPECT_EQ(ErrorFields(foreign), std::set<std::string>{"source_annotation_id"});

  const json rent = Created(ghana_, path + "/obligations",
                            {{"type", "payment"},
                             {"title", "Surface rent"},
                             {"party", "Co"},
                             {"amount", 40000},
                             {"currency", "GHS"},
                             {"first_due", "2027-01-31"},
                             {"recurrence", "monthly"}});
  const std::string obligation = "/api/v1/monitoring/obligations/" + Id(rent);
  auto not_due = ghana_.Send("POST", obligation + "/records",
                             {{"due_date", "2027-02-27"}, {"status", "met"}, {"evidence", "x"}});
  ASSERT_EQ(Status(not_due), 400);
  EXPECT_EQ(ErrorFields(not_due), std::set<std::string>{"due_date"});
  auto no_evidence =
      ghana_.Send("POST", obligation + "/records", {{"due_date", "2027-02-28"}, {"status", "met"}});
  ASSERT_EQ(Status(no_evidence), 400);
  EXPECT_EQ(ErrorFields(no_evidence), std::set<std::string>{"evidence"});

  // Two people change the obligation from the same version: the second is told.
  json change = {{"type", "payment"},       {"title", "Surface rent"},
                 {"party", "Co"},           {"amount", 45000},
                 {"currency", "GHS"},       {"first_due", "2027-01-31"},
                 {"recurrence", "monthly"}, {"version", 1}};
  ASSERT_EQ(Status(ghana_.Send("PUT", obligation, change)), 200);
  change["amount"] = 50000;
  EXPECT_EQ(Status(coordinator_.Send("PUT", obligation, change)), 409);
  const json stored = Json(ghana_.Get(path))["obligations"][0];
  EXPECT_EQ(stored["amount"], 45000);
  EXPECT_EQ(stored["version"], 2);

  auto range = ghana_.Get("/api/v1/monitoring/calendar?from=2026-01-01&to=2028-06-01&state=late");
  ASSERT_EQ(Status(range), 400);
  EXPECT_EQ(ErrorFields(range), (std::set<std::string>{"to", "state"}));
}

}  // namespace
}  // namespace connex::testing
