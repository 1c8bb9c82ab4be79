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
    SignIn({&ghana_, &senegal_, &coordinator_, &admin_, &expert_, &funder_});
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

// OCDS 1.1 release schema: the fields a Milestone, a Transaction, a Value and
// an OrganizationReference may hold, the codelists of milestone type and
// status, and date-times in RFC 3339.
void ExpectOcdsImplementation(const json& release) {
  static const std::set<std::string> milestone_fields = {
      "id",      "title",   "type",         "description", "code",
      "dueDate", "dateMet", "dateModified", "status",      "documents"};
  static const std::set<std::string> transaction_fields = {"id",    "source", "date", "value",
                                                           "payer", "payee",  "uri"};
  static const std::set<std::string> types = {"preProcurement", "approval", "engagement",
                                              "assessment",     "delivery", "reporting",
                                              "financing"};
  static const std::set<std::string> statuses = {"scheduled", "met", "notMet", "partiallyMet"};
  auto date_time = [](const json& v) {
    const std::string s = v.get<std::string>();
    return s.size() == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s.back() == 'Z';
  };
  std::set<std::string> party_ids;
  for (const json& p : release["parties"]) party_ids.insert(p["id"].get<std::string>());
  const json& impl = release["contracts"][0]["implementation"];
  ASSERT_TRUE(impl["milestones"].is_array() && impl["transactions"].is_array()) << impl.dump();
  for (const json& m : impl["milestones"]) {
    ASSERT_TRUE(m.contains("id")) << m.dump();
    for (const auto& [key, value] : m.items()) EXPECT_TRUE(milestone_fields.count(key)) << key;
    EXPECT_TRUE(types.count(m["type"].get<std::string>())) << m.dump();
    EXPECT_TRUE(statuses.count(m["status"].get<std::string>())) << m.dump();
    for (const char* d : {"dueDate", "dateMet", "dateModified"}) {
      if (m.contains(d)) {
        EXPECT_TRUE(date_time(m[d])) << m.dump();
      }
    }
  }
  for (const json& t : impl["transactions"]) {
    ASSERT_TRUE(t.contains("id")) << t.dump();
    for (const auto& [key, value] : t.items()) EXPECT_TRUE(transaction_fields.count(key)) << key;
    EXPECT_TRUE(date_time(t["date"]));
    EXPECT_TRUE(t["value"]["amount"].is_number());
    EXPECT_EQ(t["value"]["currency"].get<std::string>().size(), 3u);
    for (const char* who : {"payer", "payee"}) {
      // An OrganizationReference names a party of the release.
      EXPECT_TRUE(party_ids.count(t[who]["id"].get<std::string>())) << t.dump();
      EXPECT_TRUE(t[who].contains("name"));
    }
  }
}

TEST_F(Obligations, APublishedRegisterIsReadByVisitorsAndInOpenDataUntilWithdrawn) {
  std::string hub_id, path, register_path;
  ASSERT_TRUE(Step("Ghana registers a published hub contract with a yearly royalty", [&] {
    auto made = coordinator_.Send("POST", "/api/v1/hub/documents",
                                  {{"title", "Bibiani gold convention"},
                                   {"country", "GHA"},
                                   {"resources", {"gold"}},
                                   {"contract_type", "mining_convention"},
                                   {"signature_date", "2023-06-30"},
                                   {"government_entity", "Minerals Commission"},
                                   {"companies", {{{"name", "Bibiani Gold Ltd"}, {"share", 90}}}}});
    ASSERT_EQ(Status(made), 201);
    hub_id = Json(made)["id"];
    const std::string doc = "/api/v1/hub/documents/" + hub_id;
    ASSERT_EQ(Status(coordinator_.Send("POST", doc + "/status", {{"to", "in_review"}})), 200);
    ASSERT_EQ(Status(admin_.Send("POST", doc + "/status", {{"to", "published"}})), 200);
    register_path = doc + "/register";
    const json c = Created(ghana_, "/api/v1/monitoring/contracts",
                           {{"title", "Bibiani convention"},
                            {"counterparty", "Bibiani Gold Ltd"},
                            {"notes", "Renegotiation file: keep internal"},
                            {"timezone", "Africa/Accra"},
                            {"hub_document_id", hub_id}});
    path = "/api/v1/monitoring/contracts/" + Id(c);
    const json royalty = Created(ghana_, path + "/obligations",
                                 {{"type", "payment"},
                                  {"title", "Annual royalty"},
                                  {"party", "Bibiani Gold Ltd"},
                                  {"amount", 800000},
                                  {"currency", "USD"},
                                  {"first_due", "2024-03-31"},
                                  {"recurrence", "yearly"},
                                  {"clause", "Art. 21"}});
    const std::string records = "/api/v1/monitoring/obligations/" + Id(royalty) + "/records";
    Created(ghana_, records,
            {{"due_date", "2024-03-31"},
             {"status", "met"},
             {"evidence", "Treasury receipt 2024/117"},
             {"evidence_public", true}});
    Created(ghana_, records,
            {{"due_date", "2025-03-31"}, {"status", "met"}, {"evidence", "Internal memo 9"}});
  }));

  ASSERT_TRUE(Step("nothing is public before the government publishes it", [&] {
    EXPECT_EQ(Status(visitor_.Get(register_path)), 204);
    const json release = Json(visitor_.Get("/api/v1/hub/ocds/" + hub_id))["releases"][0];
    EXPECT_FALSE(release["contracts"][0].contains("implementation"));
  }));

  ASSERT_TRUE(Step("only Ghana may publish it, and only a register linked to the hub", [&] {
    EXPECT_EQ(Status(coordinator_.Send("PUT", path + "/publication", {{"published", true}})), 403);
    EXPECT_EQ(Status(senegal_.Send("PUT", path + "/publication", {{"published", true}})), 404);
    EXPECT_EQ(Status(funder_.Send("PUT", path + "/publication", {{"published", true}})), 404);
    auto missing = ghana_.Send("PUT", path + "/publication", json::object());
    EXPECT_EQ(Status(missing), 400);
    EXPECT_EQ(Json(missing)["errors"][0]["field"], "published");
    const json unlinked = Created(ghana_, "/api/v1/monitoring/contracts",
                                  {{"title", "Unlinked convention"}, {"timezone", "UTC"}});
    auto refused =
        ghana_.Send("PUT", "/api/v1/monitoring/contracts/" + Id(unlinked) + "/publication",
                    {{"published", true}});
    EXPECT_EQ(Status(refused), 400);
    EXPECT_EQ(Json(refused)["errors"][0]["field"], "hub_document_id");
  }));

  ASSERT_TRUE(Step("once published, visitors read it with the evidence chosen for them", [&] {
    auto published = ghana_.Send("PUT", path + "/publication", {{"published", true}});
    ASSERT_EQ(Status(published), 200) << published->body;
    EXPECT_TRUE(Json(published)["published_at"].is_string());
    auto read = visitor_.Get(register_path);
    ASSERT_EQ(Status(read), 200);
    const json reg = Json(read);
    EXPECT_EQ(reg["title"], "Bibiani convention");
    ASSERT_EQ(reg["obligations"].size(), 1u);
    const json& dates = reg["obligations"][0]["dates"];
    ASSERT_GE(dates.size(), 4u);
    EXPECT_EQ(dates[0]["due_date"], "2024-03-31");
    EXPECT_EQ(dates[0]["state"], "met");
    EXPECT_EQ(dates[0]["evidence"], "Treasury receipt 2024/117");
    EXPECT_EQ(dates[1]["state"], "met");
    EXPECT_FALSE(dates[1].contains("evidence"));
    EXPECT_EQ(dates[2]["due_date"], "2026-03-31");
    EXPECT_EQ(dates[2]["state"], "overdue");
    EXPECT_EQ(read->body.find("Internal memo"), std::string::npos);
    EXPECT_EQ(read->body.find("keep internal"), std::string::npos);
    EXPECT_EQ(read->body.find("recorded_by"), std::string::npos);
  }));

  ASSERT_TRUE(Step("the contract's OCDS release carries its implementation", [&] {
    const json release = Json(visitor_.Get("/api/v1/hub/ocds/" + hub_id))["releases"][0];
    ExpectOcdsImplementation(release);
    const json& impl = release["contracts"][0]["implementation"];
    EXPECT_GE(impl["milestones"].size(), 4u);
    EXPECT_EQ(impl["milestones"][0]["status"], "met");
    EXPECT_EQ(impl["milestones"][2]["status"], "notMet");
    ASSERT_EQ(impl["transactions"].size(), 2u);  // the two royalties met
    EXPECT_EQ(impl["transactions"][0]["value"]["amount"], 800000);
    EXPECT_EQ(impl["transactions"][0]["payer"]["name"], "Bibiani Gold Ltd");
    EXPECT_EQ(impl["transactions"][0]["payee"]["name"], "Minerals Commission");
    // The bulk download carries the same.
    bool found = false;
    const json bulk = Json(visitor_.Get("/api/v1/hub/ocds"));
    for (const json& r : bulk["releases"]) {
      if (r["contracts"][0]["id"] == hub_id) {
        found = true;
        EXPECT_EQ(r["contracts"][0]["implementation"], impl);
      }
    }
    EXPECT_TRUE(found);
  }));

  ASSERT_TRUE(Step("withdrawn, it is gone from the page and the open data", [&] {
    auto withdrawn = ghana_.Send("PUT", path + "/publication", {{"published", false}});
    ASSERT_EQ(Status(withdrawn), 200);
    EXPECT_TRUE(Json(withdrawn)["published_at"].is_null());
    EXPECT_EQ(Status(visitor_.Get(register_path)), 204);
    const json release = Json(visitor_.Get("/api/v1/hub/ocds/" + hub_id))["releases"][0];
    EXPECT_FALSE(release["contracts"][0].contains("implementation"));
  }));

  ASSERT_TRUE(Step("a contract taken out of the hub cannot carry a public register", [&] {
    ASSERT_EQ(Status(admin_.Send("POST", "/api/v1/hub/documents/" + hub_id + "/status",
                                 {{"to", "unpublished"}, {"reason", "Withdrawn by the ministry"}})),
              200);
    auto refused = ghana_.Send("PUT", path + "/publication", {{"published", true}});
    EXPECT_EQ(Status(refused), 400);
    EXPECT_EQ(Json(refused)["errors"][0]["field"], "hub_document_id");
    EXPECT_EQ(Status(visitor_.Get(register_path)), 404);
  }));
}

}  // namespace
}  // namespace connex::testing
