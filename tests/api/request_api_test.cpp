// Requests and engagements over HTTP against a real `connex serve`: the
// lifecycle from draft to active engagement, confidentiality (another
// government, an unassigned expert and the public get 404 on the request, its
// documents and its messages), audited downloads, and bad input that is
// refused whole: missing fields, oversized or disguised attachments, stale
// versions from two coordinators at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <regex>
#include <set>
#include <string>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

json Error(const httplib::Result& r) { return Json(r)["error"]; }

// The fields an error reply names.
const char kPdf[] =
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

json CompleteForm() {
  return {{"entity", "Minerals Commission"},
          {"focal_points", {{{"name", "Kwame Mensah"}, {"email", "focal.ghana@connex.example"}}}},
          {"project_name", "Ahafo North copper-gold mining lease"},
          {"commodity", "copper"},
          {"counterparties", {{{"name", "Acme Mining Ltd."}, {"affiliates", {"Acme Ghana Ltd"}}}}},
          {"disciplines", {"legal", "fiscal_modelling", "mining_engineering"}},
          {"phase", "negotiation"},
          {"deadline", "2027-01-31"},
          {"language", "en"},
          {"background", "The company proposes a 3% royalty and a 15-year stability clause."}};
}

class Requests : public PortalTest<Requests> {
 public:
  static std::vector<std::string> ServerOptions() { return {"--max-document", "65536"}; }

 protected:
  void SetUp() override {
    PortalTest::SetUp();
    if (HasFatalFailure()) return;
    SignIn({&ghana_, &senegal_, &coordinator_, &admin_, &expert_, &engineer_});
  }

  // A complete request from Ghana, submitted; returns its detail.
  json Submitted() {
    auto draft = ghana_.Send("POST", "/api/v1/requests", CompleteForm());
    EXPECT_EQ(Status(draft), 201) << (draft ? draft->body : "");
    const json d = Json(draft);
    return Move(ghana_, d, "submitted");
  }
  json Move(Client& who, const json& request, const std::string& to, const std::string& reason = "",
            json extra = json::object()) {
    json body = {{"to", to}, {"version", request["version"]}};
    if (!reason.empty()) body["reason"] = reason;
    body.update(extra);
    auto r = who.Send(
        "POST", "/api/v1/requests/" + request["id"].get<std::string>() + "/transitions", body);
    EXPECT_EQ(Status(r), 200) << to << ": " << (r ? r->body : "");
    return Json(r);
  }
  std::string Path(const json& request, const std::string& tail = "") {
    return "/api/v1/requests/" + request["id"].get<std::string>() + tail;
  }
  // A request through the whole process to a closed engagement, expert_ on its team.
  // Through to an active engagement: the fiscal expert on the team, confirmed by Ghana.
  json Active() {
    json r = Submitted();
    r = Move(coordinator_, r, "acknowledged");
    r = Move(coordinator_, r, "under_review");
    EXPECT_EQ(Status(coordinator_.Send("PUT", Path(r, "/due-diligence"), LowRiskApproval())), 200);
    r = Move(coordinator_, r, "approved", "Eligible",
             {{"scope", {{"summary", "Fiscal review of the draft lease"}}}});
    r = Move(coordinator_, r, "scoping");
    EXPECT_EQ(
        Status(coordinator_.Send("POST", Path(r, "/team"),
                                 {{"user_id", UserId(expert_)}, {"role", "fiscal modeller"}})),
        201);
    r = Json(coordinator_.Get(Path(r)));
    r = Move(coordinator_, r, "team_proposed");
    r = Move(ghana_, r, "team_confirmed");
    return Move(coordinator_, r, "active");
  }
  json Closed() { return Move(coordinator_, Active(), "closed"); }
  std::string UserId(Client& c) { return Json(c.Get("/api/v1/session"))["user"]["id"]; }
};

TEST_F(Requests, FromDraftToActiveEngagementWithTheClocksRunning) {
  json r;  // the request as last answered
  ASSERT_TRUE(Step("a draft names what is missing; the completed form is submitted", [&] {
    // A draft may be incomplete; submitting it names every missing field.
    auto draft = ghana_.Send("POST", "/api/v1/requests", {{"project_name", "Ahafo North"}});
    ASSERT_EQ(Status(draft), 201);
    r = Json(draft);
    EXPECT_EQ(r["state"], "draft");
    EXPECT_EQ(r["form"]["country"], "GHA");  // from the ministry's organisation
    // Random, so that it tells no government how many requests the others made.
    EXPECT_TRUE(std::regex_match(r["reference"].get<std::string>(),
                                 std::regex("CNX-20[0-9]{2}-[2-9A-HJ-NP-Z]{5}")))
        << r["reference"];
    auto refused =
        ghana_.Send("POST", Path(r, "/transitions"), {{"to", "submitted"}, {"version", 1}});
    ASSERT_EQ(Status(refused), 400);
    EXPECT_EQ(ErrorFields(refused),
              (std::set<std::string>{"entity", "focal_points", "commodity", "counterparties",
                                     "disciplines", "phase", "language", "background"}));
    // Drafts are the government's alone.
    EXPECT_EQ(Status(coordinator_.Get(Path(r))), 404);
    json form = CompleteForm();
    form["version"] = 1;
    auto edited = ghana_.Send("PUT", Path(r), form);
    ASSERT_EQ(Status(edited), 200) << edited->body;
    r = Move(ghana_, Json(edited), "submitted");
    EXPECT_EQ(r["allowed"], json::array({"withdrawn"}));
  }));

  ASSERT_TRUE(Step("the coordinator is told and the acknowledge clock runs", [&] {
    // The coordinator's inbox has it, with the acknowledge clock running.
    json inbox = Json(coordinator_.Get("/api/v1/requests"))["items"];
    auto it =
        std::find_if(inbox.begin(), inbox.end(), [&](const json& i) { return i["id"] == r["id"]; });
    ASSERT_NE(it, inbox.end());
    EXPECT_EQ((*it)["sla"]["clock"], "acknowledge");
    EXPECT_EQ((*it)["sla"]["status"], "running");
    const json notes = Json(coordinator_.Get("/api/v1/notifications"));
    EXPECT_GE(notes["unread"].get<int>(), 1);
    EXPECT_EQ(notes["items"][0]["kind"], "request_submitted");
    const std::string title =
        r["reference"].get<std::string>() + " " + r["form"]["project_name"].get<std::string>();
    EXPECT_EQ(notes["items"][0]["text"], title + " — New request from Minerals Commission");
    // Each reader reads it in their language, also after changing it.
    json mail = Json(coordinator_.Get("/api/v1/account/mail"));
    mail.erase("email");
    for (const auto& [lang, words] :
         std::map<std::string, std::string>{{"fr", "Nouvelle demande de"},
                                            {"es", "Nueva solicitud de"},
                                            {"pt", "Novo pedido de"}}) {
      mail["language"] = lang;
      ASSERT_EQ(Status(coordinator_.Send("PUT", "/api/v1/account/mail", mail)), 200) << lang;
      EXPECT_EQ(Json(coordinator_.Get("/api/v1/notifications"))["items"][0]["text"],
                title + " — " + words + " Minerals Commission");
    }
    mail["language"] = "en";
    ASSERT_EQ(Status(coordinator_.Send("PUT", "/api/v1/account/mail", mail)), 200);
  }));

  ASSERT_TRUE(Step("under review, paused while the government is asked for more", [&] {
    r = Move(coordinator_, r, "acknowledged");
    r = Move(coordinator_, r, "under_review");
    // The government is asked for more; the clocks pause; it answers and resumes.
    r = Move(coordinator_, r, "awaiting_information", "Send the company's draft lease");
    EXPECT_EQ(Json(ghana_.Get(Path(r)))["waiting_for"], "Send the company's draft lease");
    r = Move(ghana_, r, "under_review");
  }));

  ASSERT_TRUE(
      Step("approved with a scope once due diligence is decided; the decision letter says so", [&] {
        // Approval needs the due diligence decision first.
        auto early = coordinator_.Send("POST", Path(r, "/transitions"),
                                       {{"to", "approved"}, {"version", r["version"]}});
        ASSERT_EQ(Status(early), 409);
        EXPECT_EQ(Error(early)["field"], "due_diligence");
        auto dd = coordinator_.Send("PUT", Path(r, "/due-diligence"),
                                    {{"human_rights", "low"},
                                     {"environmental", "medium"},
                                     {"legal", "low"},
                                     {"reputational", "low"},
                                     {"other_providers", "none"},
                                     {"decision", "approve"},
                                     {"reasons", "Eligible; no other provider engaged"},
                                     {"version", 0}});
        ASSERT_EQ(Status(dd), 200) << dd->body;
        EXPECT_EQ(Status(ghana_.Get(Path(r, "/due-diligence"))), 404);  // the Support Unit's own
        r = Move(coordinator_, r, "approved", "Eligible",
                 {{"scope",
                   {{"summary", "Fiscal and legal review of the draft lease"},
                    {"disciplines", {"legal", "fiscal_modelling"}},
                    {"phases", {"negotiation"}},
                    {"expert_days", 30}}}});
        EXPECT_EQ(r["scope"]["summary"], "Fiscal and legal review of the draft lease");
        const std::string letter = Json(ghana_.Get(Path(r, "/letter")))["text"];
        EXPECT_NE(letter.find("has approved your request"), std::string::npos);
        EXPECT_NE(letter.find("Disciplines: Legal, Fiscal modelling"), std::string::npos) << letter;
        EXPECT_NE(letter.find("Fiscal and legal review of the draft lease"), std::string::npos);
        EXPECT_NE(letter.find(r["reference"].get<std::string>()), std::string::npos);
      }));

  ASSERT_TRUE(Step("scope versions keep who, when, why and what changed", [&] {
    // Scope versions keep who, when, why and what changed.
    r = Move(coordinator_, r, "scoping");
    auto v2 = coordinator_.Send("POST", Path(r, "/scope"),
                                {{"scope",
                                  {{"summary", "Fiscal and legal review of the draft lease"},
                                   {"disciplines", {"legal", "fiscal_modelling", "environmental"}},
                                   {"phases", {"negotiation", "implementation"}},
                                   {"expert_days", 45}}},
                                 {"reason", "The ministry asked for an environmental review"}});
    ASSERT_EQ(Status(v2), 201) << v2->body;
    const json versions = Json(ghana_.Get(Path(r, "/scope")))["items"];
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[1]["reason"], "The ministry asked for an environmental review");
    EXPECT_EQ(versions[1]["author"], "Chloé Coordinator");
    const json changes = versions[1]["changes"];
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0]["field"], "expert_days");
    EXPECT_EQ(changes[1]["added"], json::array({"environmental"}));
  }));

  ASSERT_TRUE(Step("a team confirmed by the government; the engagement runs and delivers", [&] {
    // A team, confirmed by the government, then the engagement runs.
    r = Json(coordinator_.Get(Path(r)));
    auto no_team = coordinator_.Send("POST", Path(r, "/transitions"),
                                     {{"to", "team_proposed"}, {"version", r["version"]}});
    EXPECT_EQ(Error(no_team)["field"], "team");
    ASSERT_EQ(
        Status(coordinator_.Send("POST", Path(r, "/team"),
                                 {{"user_id", UserId(expert_)}, {"role", "fiscal modeller"}})),
        201);
    EXPECT_EQ(Status(expert_.Get(Path(r))), 404);  // proposed, not yet confirmed
    r = Move(coordinator_, r, "team_proposed");
    r = Move(ghana_, r, "team_confirmed");
    EXPECT_EQ(Status(expert_.Get(Path(r))), 200);
    r = Move(coordinator_, r, "active");
    EXPECT_EQ(r["engagement_phase"], "negotiation");
    auto deliverable = coordinator_.Send("POST", Path(r, "/deliverables"),
                                         {{"title", "Fiscal model of the draft terms"},
                                          {"phase", "negotiation"},
                                          {"due_date", "2027-01-10"}});
    ASSERT_EQ(Status(deliverable), 201) << deliverable->body;
    const json d = Json(deliverable);
    auto delivered = expert_.Send("PUT", Path(r, "/deliverables/" + d["id"].get<std::string>()),
                                  {{"status", "delivered"}, {"version", d["version"]}});
    ASSERT_EQ(Status(delivered), 200) << delivered->body;
    auto accept = expert_.Send("PUT", Path(r, "/deliverables/" + d["id"].get<std::string>()),
                               {{"status", "accepted"}, {"version", 2}});
    EXPECT_EQ(Status(accept), 403);  // the Support Unit accepts, not the team
  }));
  ASSERT_TRUE(Step("the clocks and the history tell what happened", [&] {
    r = Json(coordinator_.Get(Path(r)));
    std::map<std::string, std::string> clocks;
    for (const json& c : r["clocks"]) clocks[c["clock"]] = c["status"];
    EXPECT_TRUE(clocks["acknowledge"] == "met" || clocks["acknowledge"] == "breached");
    EXPECT_TRUE(clocks["first_deliverable"] == "met" || clocks["first_deliverable"] == "breached");
    ASSERT_EQ(r["clocks"][1]["pauses"].size(), 1u) << r["clocks"].dump();  // decide paused once
    // Every move is in the history with actor, time and reason.
    const json history = r["history"];
    ASSERT_EQ(history.size(), 10u);
    EXPECT_EQ(history[3]["to"], "awaiting_information");
    EXPECT_EQ(history[3]["actor"], "Chloé Coordinator");
    EXPECT_EQ(history[3]["reason"], "Send the company's draft lease");
    // Scope versions and deliverables carry what the page words for people.
    std::vector<std::string> scopes;
    bool delivered = false;
    for (const json& e : r["timeline"]) {
      if (e["kind"] == "scope") {
        scopes.push_back(std::to_string(e["number"].get<int>()) + ": " +
                         e["reason"].get<std::string>());
      }
      if (e.contains("status")) {
        delivered = true;
        EXPECT_FALSE(e["title"].get<std::string>().empty());
        EXPECT_TRUE(e["status"] == "delivered" || e["status"] == "accepted") << e.dump();
      }
    }
    ASSERT_EQ(scopes.size(), 2u);
    EXPECT_EQ(scopes[1], "2: The ministry asked for an environmental review");
    EXPECT_TRUE(delivered);
  }));
}

TEST_F(Requests, TheDecisionLetterIsWrittenInTheRequestsLanguageWithNamesNotCodes) {
  auto decided = [&](const std::string& language, const std::string& decision) {
    json form = CompleteForm();
    form["language"] = language;
    json r = Json(ghana_.Send("POST", "/api/v1/requests", form));
    r = Move(ghana_, r, "submitted");
    r = Move(coordinator_, r, "acknowledged");
    r = Move(coordinator_, r, "under_review");
    json dd = LowRiskApproval();
    dd["decision"] = decision;
    dd["reasons"] = "Another provider already advises the Commission on this lease.";
    EXPECT_EQ(Status(coordinator_.Send("PUT", Path(r, "/due-diligence"), dd)), 200);
    if (decision == "approve") {
      r = Move(coordinator_, r, "approved", "Eligible",
               {{"scope",
                 {{"summary", "Revue fiscale et juridique du projet de bail"},
                  {"disciplines", {"legal", "fiscal_modelling"}},
                  {"phases", {"negotiation"}}}}});
    } else {
      r = Move(coordinator_, r, "declined", "Out of scope");
    }
    return Json(ghana_.Get(Path(r, "/letter")));
  };
  const json fr = decided("fr", "approve");
  EXPECT_EQ(fr["language"], "fr");
  const std::string text = fr["text"];
  for (const char* words :
       {"Unité d'appui CONNEX", "a approuvé votre demande de conseil indépendant pour ", "(Cuivre)",
        "Disciplines : Droit, Modélisation fiscale", "Phases : Négociation",
        "Revue fiscale et juridique du projet de bail"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words << "\n" << text;
  }
  // Dates in words, never an ISO date or a code.
  EXPECT_FALSE(std::regex_search(text, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}"))) << text;
  EXPECT_EQ(text.find("fiscal_modelling"), std::string::npos) << text;
  EXPECT_EQ(text.find("(copper)"), std::string::npos) << text;

  const json es = decided("es", "decline");
  EXPECT_EQ(es["language"], "es");
  const std::string declined = es["text"];
  for (const char* words : {"Unidad de Apoyo CONNEX", "ha decidido no darle curso",
                            "Another provider already advises", "Atentamente,"}) {
    EXPECT_NE(declined.find(words), std::string::npos) << words << "\n" << declined;
  }
  // A language the portal does not write reads in English.
  EXPECT_EQ(decided("ar", "decline")["language"], "en");
}

TEST_F(Requests, IllegalMovesAnswer409WithTheAllowedOnes) {
  const json r = Submitted();
  auto skip = coordinator_.Send("POST", Path(r, "/transitions"),
                                {{"to", "active"}, {"version", r["version"]}});
  ASSERT_EQ(Status(skip), 409);
  EXPECT_EQ(Error(skip)["field"], "state");
  EXPECT_EQ(Json(skip)["allowed"], json::array({"acknowledged"}));
  EXPECT_EQ(Json(skip)["state"], "submitted");
  // The government may not acknowledge its own request: refused, naming what it may do.
  auto own = ghana_.Send("POST", Path(r, "/transitions"),
                         {{"to", "acknowledged"}, {"version", r["version"]}});
  EXPECT_EQ(Status(own), 403);
  EXPECT_EQ(Json(own)["allowed"], json::array({"withdrawn"}));
  auto unknown = coordinator_.Send("POST", Path(r, "/transitions"),
                                   {{"to", "finished"}, {"version", r["version"]}});
  EXPECT_EQ(Status(unknown), 400);
  EXPECT_EQ(Error(unknown)["field"], "to");
}

TEST_F(Requests, TwoCoordinatorsAtOnceOneWinsTheOtherGetsAStaleVersion) {
  const json r = Submitted();
  Client second = NewClient();
  ASSERT_TRUE(second.SignIn("admin@connex.example"));
  const json seen = Json(second.Get(Path(r)));
  Move(coordinator_, r, "acknowledged");
  auto stale = second.Send("POST", Path(r, "/transitions"),
                           {{"to", "acknowledged"}, {"version", seen["version"]}});
  ASSERT_EQ(Status(stale), 409);
  EXPECT_EQ(Error(stale)["field"], "version");
  EXPECT_EQ(Json(stale)["version"], seen["version"].get<int>() + 1);
  // Nothing half-written: one acknowledgement in the history.
  const json history = Json(coordinator_.Get(Path(r)))["history"];
  EXPECT_EQ(std::count_if(history.begin(), history.end(),
                          [](const json& h) { return h["to"] == "acknowledged"; }),
            1);
}

TEST_F(Requests, OthersGet404OnTheRequestItsDocumentsAndItsMessages) {
  const json r = Submitted();
  auto up = ghana_.Raw("POST", Path(r, "/documents?name=draft-lease.pdf"), kPdf, "application/pdf");
  ASSERT_EQ(Status(up), 201) << up->body;
  const std::string doc = Json(up)["id"];
  EXPECT_EQ(Json(up)["media_type"], "application/pdf");
  ASSERT_EQ(Status(ghana_.Send("POST", Path(r, "/messages"), {{"body", "The draft is attached."}})),
            201);
  Client visitor = NewClient();
  for (Client* other : {&senegal_, &engineer_, &visitor}) {
    EXPECT_EQ(Status(other->Get(Path(r))), 404);
    EXPECT_EQ(Status(other->Get(Path(r, "/documents"))), 404);
    EXPECT_EQ(Status(other->Get(Path(r, "/documents/" + doc))), 404);
    EXPECT_EQ(Status(other->Get(Path(r, "/messages"))), 404);
    EXPECT_EQ(Status(other->Send("POST", Path(r, "/messages"), {{"body", "hello"}})), 404);
    EXPECT_EQ(Status(other->Raw("POST", Path(r, "/documents?name=x.pdf"), kPdf, "application/pdf")),
              404);
    EXPECT_EQ(Status(other->Get(Path(r, "/scope"))), 404);
    EXPECT_EQ(Status(other->Get(Path(r, "/letter"))), 404);
  }
  // Nor is it in their lists.
  const json theirs = Json(senegal_.Get("/api/v1/requests"))["items"];
  for (const json& item : theirs) {
    EXPECT_NE(item["id"], r["id"]);
  }
  EXPECT_TRUE(Json(engineer_.Get("/api/v1/requests"))["items"].empty());

  // The government and the Support Unit read it; every download is audited.
  auto mine = ghana_.Get(Path(r, "/documents/" + doc));
  ASSERT_EQ(Status(mine), 200);
  EXPECT_EQ(mine->body, std::string(kPdf));
  EXPECT_EQ(mine->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(mine->get_header_value("Content-Disposition").find("draft-lease.pdf"),
            std::string::npos);
  ASSERT_EQ(Status(coordinator_.Get(Path(r, "/documents/" + doc))), 200);
  const json audit = Json(admin_.Get("/api/v1/audit?limit=50"))["items"];
  int downloads = 0;
  for (const json& e : audit) {
    if (e["action"] == "document.download" && e["object_id"] == doc) ++downloads;
  }
  EXPECT_EQ(downloads, 2);
  EXPECT_EQ(Json(coordinator_.Get(Path(r, "/messages")))["items"][0]["body"],
            "The draft is attached.");
}

TEST_F(Requests, BadAttachmentsAreRefusedAndNothingIsStored) {
  const json r = Submitted();
  auto big = ghana_.Raw("POST", Path(r, "/documents?name=big.pdf"),
                        std::string(kPdf) + std::string(70000, 'x'), "application/pdf");
  EXPECT_EQ(Status(big), 413);
  EXPECT_EQ(Error(big)["field"], "file");
  auto disguised =
      ghana_.Raw("POST", Path(r, "/documents?name=lease.pdf"),
                 std::string("MZ\x90\x00\x03", 5) + std::string(100, '\0'), "application/pdf");
  EXPECT_EQ(Status(disguised), 415);
  EXPECT_EQ(Error(disguised)["field"], "file");
  auto png_as_pdf =
      ghana_.Raw("POST", Path(r, "/documents?name=map.png"),
                 std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\x01'), "application/pdf");
  EXPECT_EQ(Status(png_as_pdf), 415);
  EXPECT_EQ(Error(png_as_pdf)["field"], "Content-Type");
  auto exe =
      ghana_.Raw("POST", Path(r, "/documents?name=setup.exe"), "MZ", "application/octet-stream");
  EXPECT_EQ(Status(exe), 415);
  EXPECT_EQ(Error(exe)["field"], "name");
  EXPECT_TRUE(Json(ghana_.Get(Path(r, "/documents")))["items"].empty());
}

TEST_F(Requests, BadFormsNameEachField) {
  auto bad = ghana_.Send("POST", "/api/v1/requests",
                         {{"country", "Ghana"},
                          {"commodity", "unobtainium"},
                          {"deadline", "2027-02-30"},
                          {"focal_points", {{{"email", "not-an-address"}}}},
                          {"disciplines", {"Astrology!"}},
                          {"colour", "blue"}});
  ASSERT_EQ(Status(bad), 400);
  EXPECT_EQ(ErrorFields(bad),
            (std::set<std::string>{"colour", "country", "commodity", "deadline", "disciplines[0]",
                                   "focal_points[0].name", "focal_points[0].email"}));
  // Only a government's users write requests.
  EXPECT_EQ(Status(expert_.Send("POST", "/api/v1/requests", CompleteForm())), 403);
}

TEST_F(Requests, AdminsKeepTheDisciplinesCodelist) {
  Client visitor = NewClient();
  const json hydro = {{"label_en", "Hydrogeology"},
                      {"label_fr", "Hydrogéologie"},
                      {"label_es", "Hidrogeología"},
                      {"position", 45}};
  EXPECT_EQ(Status(coordinator_.Send("PUT", "/api/v1/disciplines/hydrogeology", hydro)), 404);
  auto bad = admin_.Send("PUT", "/api/v1/disciplines/Hydro%20Geology", {{"active", "yes"}});
  ASSERT_EQ(Status(bad), 400);
  EXPECT_EQ(ErrorFields(bad), (std::set<std::string>{"code", "label_en", "label_fr", "active"}));
  // A discipline no one offers yet is refused where it is named.
  json form = CompleteForm();
  form["disciplines"] = {"legal", "hydrogeology"};
  auto unknown = ghana_.Send("POST", "/api/v1/requests", form);
  ASSERT_EQ(Status(unknown), 400);
  EXPECT_EQ(Error(unknown)["field"], "disciplines[1]");

  ASSERT_EQ(Status(admin_.Send("PUT", "/api/v1/disciplines/hydrogeology", hydro)), 200);
  const json lists = Json(visitor.Get("/api/v1/codelists"));
  const auto& offered = lists["disciplines"];
  const auto at = std::find(offered.begin(), offered.end(), "hydrogeology");
  ASSERT_NE(at, offered.end());
  EXPECT_EQ(*std::prev(at), "geology");  // position 45: after geology (40)
  EXPECT_EQ(lists["discipline_labels"]["hydrogeology"]["fr"], "Hydrogéologie");
  EXPECT_EQ(lists["discipline_labels"]["hydrogeology"]["es"], "Hidrogeología");
  // Without a Portuguese label, a Portuguese reader reads it in English.
  EXPECT_FALSE(lists["discipline_labels"]["hydrogeology"].contains("pt"));
  EXPECT_EQ(lists["discipline_labels"]["social_community"]["pt"],
            "Questões sociais e comunitárias");
  auto created = ghana_.Send("POST", "/api/v1/requests", form);
  ASSERT_EQ(Status(created), 201) << created->body;
  const json draft = Json(created);

  // Retired: no longer offered, refused on new records, kept where it was named.
  json retired = hydro;
  retired["active"] = false;
  ASSERT_EQ(Status(admin_.Send("PUT", "/api/v1/disciplines/hydrogeology", retired)), 200);
  const json after = Json(visitor.Get("/api/v1/codelists"));
  EXPECT_EQ(std::count(after["disciplines"].begin(), after["disciplines"].end(), "hydrogeology"),
            0);
  EXPECT_EQ(after["discipline_labels"]["hydrogeology"]["en"], "Hydrogeology");
  EXPECT_EQ(Status(ghana_.Send("POST", "/api/v1/requests", form)), 400);
  json edit = form;
  edit["version"] = draft["version"];
  edit["background"] = "Updated background.";
  EXPECT_EQ(Status(ghana_.Send("PUT", Path(draft, ""), edit)), 200);
  const json items = Json(visitor.Get("/api/v1/disciplines"))["items"];
  const auto entry = std::find_if(items.begin(), items.end(),
                                  [](const json& d) { return d["code"] == "hydrogeology"; });
  ASSERT_NE(entry, items.end());
  EXPECT_EQ((*entry)["active"], false);
  EXPECT_EQ((*entry)["updated_by"], UserId(admin_));
}

TEST_F(Requests, AdminsChangeTheSlaPolicyAndTheClocksFollow) {
  const json r = Submitted();
  json policy = Json(coordinator_.Get("/api/v1/sla-policy"));
  EXPECT_EQ(policy["targets"]["acknowledge"], 8.0);
  EXPECT_EQ(Status(coordinator_.Send("PUT", "/api/v1/sla-policy", policy)), 404);  // admins only
  json all_day = policy;
  all_day["calendar"]["working_days"] = {1, 2, 3, 4, 5, 6, 7};
  all_day["calendar"]["day_start"] = "00:00";
  all_day["calendar"]["day_end"] = "24:00";
  all_day["calendar"]["timezone"] = "Africa/Accra";
  all_day["targets"]["acknowledge"] = 2;
  auto saved = admin_.Send("PUT", "/api/v1/sla-policy", all_day);
  ASSERT_EQ(Status(saved), 200) << saved->body;
  EXPECT_EQ(Json(coordinator_.Get(Path(r)))["clocks"][0]["status"], "running");
  // A correction cannot move the submission before the request existed, nor
  // to a date nobody means.
  for (const char* at : {"2026-01-01T00:00:00Z", "0000-01-01T00:00:00Z"}) {
    auto early = coordinator_.Send("PUT", Path(r, "/transitions/1"),
                                   {{"at", at}, {"reason", "received by email"}});
    EXPECT_EQ(Status(early), 400) << at;
    EXPECT_EQ(ErrorFields(early), std::set<std::string>{"at"}) << at;
  }
  // Moved back to the moment the request was created, within its bounds.
  const std::string created = Json(coordinator_.Get(Path(r)))["created_at"];
  auto corrected =
      coordinator_.Send("PUT", Path(r, "/transitions/1"),
                        {{"at", created}, {"reason", "started on paper the same minute"}});
  ASSERT_EQ(Status(corrected), 200) << corrected->body;
  EXPECT_EQ(Json(corrected)["at"], created);
  // A target of 1.8 s: once it passes, the clock is breached and the list says so.
  all_day["version"] = Json(saved)["version"];
  all_day["targets"]["acknowledge"] = 0.0005;
  saved = admin_.Send("PUT", "/api/v1/sla-policy", all_day);
  ASSERT_EQ(Status(saved), 200) << saved->body;
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const json detail = Json(coordinator_.Get(Path(r)));
  EXPECT_EQ(detail["clocks"][0]["status"], "breached");
  const json breached = Json(coordinator_.Get("/api/v1/requests?risk=breached"))["items"];
  EXPECT_TRUE(std::any_of(breached.begin(), breached.end(), [&](const json& item) {
    return item["id"] == r["id"];
  })) << breached.dump();
  json bad = Json(saved);
  bad["calendar"]["timezone"] = "Mars/Olympus";
  bad["calendar"]["day_end"] = "25:00";
  bad["warning_share"] = 2;
  auto refused = admin_.Send("PUT", "/api/v1/sla-policy", bad);
  ASSERT_EQ(Status(refused), 400);
  EXPECT_EQ(ErrorFields(refused),
            (std::set<std::string>{"calendar.day_end", "calendar.timezone", "warning_share"}));
  // A stale version is refused too; then the standard policy comes back.
  all_day["version"] = policy["version"];
  EXPECT_EQ(Status(admin_.Send("PUT", "/api/v1/sla-policy", all_day)), 409);
  policy["version"] = Json(saved)["version"];
  ASSERT_EQ(Status(admin_.Send("PUT", "/api/v1/sla-policy", policy)), 200);
}

TEST_F(Requests, PublicEnquiriesAreRateLimited) {
  Client visitor = NewClient();
  const json enquiry = {{"name", "Ama Owusu"},
                        {"email", "ama@example.org"},
                        {"organisation", "Ministry of Finance"},
                        {"message", "How does a ministry ask for support?"}};
  auto missing = visitor.Send("POST", "/api/v1/enquiries", {{"name", "Ama"}});
  EXPECT_EQ(Status(missing), 400);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(Status(visitor.Send("POST", "/api/v1/enquiries", enquiry)), 201);
  auto limited = visitor.Send("POST", "/api/v1/enquiries", enquiry);
  EXPECT_EQ(Status(limited), 429);
  EXPECT_EQ(Json(coordinator_.Get("/api/v1/enquiries"))["items"].size(), 5u);
  EXPECT_EQ(Status(visitor.Get("/api/v1/enquiries")), 401);
}

TEST_F(Requests, TheGovernmentIsToldOfAnAdvisorWhoJoinsAfterItConfirmedTheTeam) {
  const json r = Active();
  auto told = [&] {
    const json notes = Json(ghana_.Get("/api/v1/notifications"))["items"];
    return std::count_if(notes.begin(), notes.end(), [&](const json& n) {
      return n["kind"] == "team_changed" && n["request_id"] == r["id"];
    });
  };
  EXPECT_EQ(told(), 0);  // the first team was proposed and confirmed, not told
  ASSERT_EQ(Status(coordinator_.Send("POST", Path(r, "/team"),
                                     {{"user_id", UserId(engineer_)}, {"role", "mine planner"}})),
            201);
  EXPECT_EQ(told(), 1);
  const json notes = Json(ghana_.Get("/api/v1/notifications"))["items"];
  const std::string engineer = Json(engineer_.Get("/api/v1/session"))["user"]["name"];
  EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [&](const json& n) {
    return n["kind"] == "team_changed" &&
           n["text"].get<std::string>().find(engineer) != std::string::npos &&
           n["text"].get<std::string>().find("mine planner") != std::string::npos;
  })) << notes.dump();
}

TEST_F(Requests, TheGovernmentAnswersTheSurveyOnceTheEngagementClosesAndOnlyItAndTheUnitReadIt) {
  json r = Closed();
  // The government is asked as the engagement closes.
  const json notes = Json(ghana_.Get("/api/v1/notifications"))["items"];
  EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [&](const json& n) {
    return n["kind"] == "feedback_requested" && n["request_id"] == r["id"];
  })) << notes.dump();
  EXPECT_EQ(Json(ghana_.Get(Path(r, "/feedback")))["feedback"], nullptr);
  // Evaluated only through the survey.
  auto skip = ghana_.Send("POST", Path(r, "/transitions"),
                          {{"to", "evaluated"}, {"version", r["version"]}});
  ASSERT_EQ(Status(skip), 409);
  EXPECT_EQ(Error(skip)["field"], "feedback");

  json answer = {{"version", r["version"]},
                 {"quality", 5},
                 {"timeliness", 4},
                 {"independence", 5},
                 {"multidisciplinarity", 4},
                 {"capacity_built", 3},
                 {"value_added", 5},
                 {"comments", "The fiscal model changed the royalty discussion."},
                 {"estimated_added_value", 120000000}};
  json wrong = answer;
  wrong["quality"] = 0;
  wrong["timeliness"] = "fast";
  wrong.erase("value_added");
  wrong["estimated_added_value"] = -5;
  wrong["value_added_id"] = "va_nothing";
  auto refused = ghana_.Send("POST", Path(r, "/feedback"), wrong);
  ASSERT_EQ(Status(refused), 400);
  EXPECT_EQ(ErrorFields(refused), (std::set<std::string>{"quality", "timeliness", "value_added"}));
  wrong = answer;
  wrong["estimated_added_value"] = -5;
  wrong["value_added_id"] = "va_nothing";
  refused = ghana_.Send("POST", Path(r, "/feedback"), wrong);
  ASSERT_EQ(Status(refused), 400);
  EXPECT_EQ(ErrorFields(refused),
            (std::set<std::string>{"estimated_added_value", "value_added_id"}));
  // The team does not answer for the government, nor read its answer; others do not see it.
  EXPECT_EQ(Status(expert_.Send("POST", Path(r, "/feedback"), answer)), 403);
  EXPECT_EQ(Status(senegal_.Send("POST", Path(r, "/feedback"), answer)), 404);

  auto given = ghana_.Send("POST", Path(r, "/feedback"), answer);
  ASSERT_EQ(Status(given), 201) << given->body;
  EXPECT_EQ(Json(ghana_.Get(Path(r)))["state"], "evaluated");
  const json read = Json(coordinator_.Get(Path(r, "/feedback")))["feedback"];
  EXPECT_EQ(read["quality"], 5);
  EXPECT_EQ(read["capacity_built"], 3);
  EXPECT_EQ(read["estimated_added_value"], 120000000.0);
  EXPECT_EQ(read["comments"], "The fiscal model changed the royalty discussion.");
  EXPECT_EQ(read["answered_by"], UserId(ghana_));
  EXPECT_EQ(Status(expert_.Get(Path(r, "/feedback"))), 404);
  EXPECT_EQ(Status(senegal_.Get(Path(r, "/feedback"))), 404);
  EXPECT_EQ(Status(engineer_.Get(Path(r, "/feedback"))), 404);
  // Once only.
  answer["version"] = Json(ghana_.Get(Path(r)))["version"];
  auto again = ghana_.Send("POST", Path(r, "/feedback"), answer);
  ASSERT_EQ(Status(again), 409);
  // Before the close there is no survey.
  const json open = Submitted();
  answer["version"] = open["version"];
  auto early = ghana_.Send("POST", Path(open, "/feedback"), answer);
  ASSERT_EQ(Status(early), 409);
  EXPECT_EQ(Error(early)["field"], "state");
}

TEST_F(Requests, ARequestIsReferredWithConsentAndOnlyItsGovernmentAndTheUnitSeeWhere) {
  json r = Move(coordinator_, Submitted(), "acknowledged");
  const json providers = Json(coordinator_.Get("/api/v1/hub/providers"));
  ASSERT_GE(providers["items"].size(), 2u);
  const std::string provider = providers["items"][0]["id"];
  const std::string name = providers["items"][0]["name"];
  const json whole = {{"provider_id", provider},
                      {"part", "whole"},
                      {"note", "Out of the Unit's scope: community consultation."},
                      {"consent_given", true},
                      {"consent", "Letter of the Minister, 3 November"}};
  std::string referral;
  ASSERT_TRUE(Step("not before due diligence; consent and the part are required", [&] {
    auto early = coordinator_.Send("POST", Path(r, "/referrals"), whole);
    ASSERT_EQ(Status(early), 409);
    EXPECT_EQ(Error(early)["field"], "state");
    r = Move(coordinator_, r, "under_review");
    auto bare = coordinator_.Send("POST", Path(r, "/referrals"),
                                  {{"provider_id", "prov-none"}, {"part", "discipline"}});
    ASSERT_EQ(Status(bare), 400);
    EXPECT_EQ(ErrorFields(bare), (std::set<std::string>{"discipline", "consent_given", "consent"}));
    json unknown = whole;
    unknown["provider_id"] = "prov-none";
    EXPECT_EQ(ErrorFields(coordinator_.Send("POST", Path(r, "/referrals"), unknown)),
              std::set<std::string>{"provider_id"});
  }));

  ASSERT_TRUE(Step("the coordinator refers the whole request and one discipline", [&] {
    auto made = coordinator_.Send("POST", Path(r, "/referrals"), whole);
    ASSERT_EQ(Status(made), 201) << made->body;
    EXPECT_EQ(Json(made)["state"], "proposed");
    EXPECT_EQ(Json(made)["provider"]["name"], name);
    referral = Json(made)["id"];
    json legal = whole;
    legal["part"] = "discipline";
    legal["discipline"] = "legal";
    EXPECT_EQ(Status(coordinator_.Send("POST", Path(r, "/referrals"), legal)), 201);
  }));

  ASSERT_TRUE(Step("the government reads where its request went; nobody else does", [&] {
    const json mine = Json(ghana_.Get(Path(r, "/referrals")))["items"];
    ASSERT_EQ(mine.size(), 2u);
    // Made in the same second, the two may come in either order.
    std::set<std::string> parts;
    for (const json& x : mine) {
      EXPECT_EQ(x["provider"]["name"], name);
      EXPECT_EQ(x["consent"], "Letter of the Minister, 3 November");
      parts.insert(x["part"].get<std::string>() + ":" + x["discipline"].get<std::string>());
    }
    EXPECT_EQ(parts, (std::set<std::string>{"whole:", "discipline:legal"}));
    for (Client* other : {&senegal_, &expert_, &engineer_}) {
      EXPECT_EQ(Status(other->Get(Path(r, "/referrals"))), 404);
    }
    EXPECT_EQ(Status(ghana_.Send("POST", Path(r, "/referrals"), whole)), 404);
    EXPECT_EQ(Status(ghana_.Send("POST", "/api/v1/referrals/" + referral + "/state",
                                 {{"to", "accepted"}, {"version", 1}})),
              404);
  }));

  ASSERT_TRUE(Step("the provider's answers move it: accepted, then completed", [&] {
    const std::string path = "/api/v1/referrals/" + referral + "/state";
    auto skip = coordinator_.Send("POST", path, {{"to", "completed"}, {"version", 1}});
    EXPECT_EQ(Status(skip), 409);
    auto why = coordinator_.Send("POST", path, {{"to", "declined"}, {"version", 1}});
    EXPECT_EQ(ErrorFields(why), std::set<std::string>{"outcome"});
    auto accepted = coordinator_.Send(
        "POST", path, {{"to", "accepted"}, {"outcome", "Mission in January"}, {"version", 1}});
    ASSERT_EQ(Status(accepted), 200);
    EXPECT_TRUE(Json(accepted)["responded_at"].is_string());
    EXPECT_EQ(Status(coordinator_.Send("POST", path, {{"to", "completed"}, {"version", 1}})), 409);
    auto done = coordinator_.Send("POST", path, {{"to", "completed"}, {"version", 2}});
    ASSERT_EQ(Status(done), 200);
    EXPECT_EQ(Json(done)["outcome"], "Mission in January");
    EXPECT_TRUE(Json(done)["completed_at"].is_string());
    const json after = Json(ghana_.Get(Path(r, "/referrals")));
    for (const json& x : after["items"]) {
      EXPECT_EQ(x["state"], x["id"] == referral ? "completed" : "proposed");
    }
  }));
}

TEST_F(Requests, ALessonNamingTheEngagementIsFlaggedAndPublishedOnlyOnceEditedAndApproved) {
  json r = Active();
  const std::string reference = r["reference"];
  json lesson = {{"title", "Model the royalty before the first round"},
                 {"stage", "negotiating"},
                 {"disciplines", {"fiscal_modelling"}},
                 {"worked", "The Ghanaian officials ran the model with Acme's own numbers."},
                 {"did_not_work", "Production data arrived two weeks late."}};
  std::string path;
  ASSERT_TRUE(Step("the team writes it; its names of the engagement are flagged", [&] {
    const json early = Submitted();
    EXPECT_EQ(Status(coordinator_.Send("POST", Path(early, "/lessons"), lesson)), 409);
    auto made = expert_.Send("POST", Path(r, "/lessons"), lesson);
    ASSERT_EQ(Status(made), 201) << made->body;
    const json l = Json(made);
    path = "/api/v1/lessons/" + l["id"].get<std::string>();
    std::set<std::string> flagged;
    for (const json& f : l["flags"])
      flagged.insert(f["kind"].get<std::string>() + ":" + f["term"].get<std::string>());
    EXPECT_EQ(flagged, (std::set<std::string>{"country:Ghana", "company:Acme"}));
    // Not the government's, nor anyone's outside the team and the Unit.
    EXPECT_TRUE(Json(ghana_.Get(Path(r, "/lessons")))["items"].empty());
    EXPECT_EQ(Status(ghana_.Send("POST", Path(r, "/lessons"), lesson)), 403);
    for (Client* other : {&senegal_, &engineer_}) {
      EXPECT_EQ(Status(other->Get(Path(r, "/lessons"))), 404);
      EXPECT_EQ(
          Status(other->Send("POST", path + "/status", {{"to", "in_review"}, {"version", 1}})),
          404);
    }
  }));

  ASSERT_TRUE(Step("flagged, it cannot be published until edited", [&] {
    ASSERT_EQ(Status(expert_.Send("POST", path + "/status", {{"to", "in_review"}, {"version", 1}})),
              200);
    // The expert cannot approve, and nobody can while it names the engagement.
    EXPECT_EQ(Status(expert_.Send("POST", path + "/status", {{"to", "published"}, {"version", 2}})),
              403);
    auto named = coordinator_.Send("POST", path + "/status", {{"to", "published"}, {"version", 2}});
    ASSERT_EQ(Status(named), 400);
    EXPECT_EQ(ErrorFields(named), std::set<std::string>{"worked"});
    EXPECT_NE(named->body.find("Ghana"), std::string::npos);
  }));

  ASSERT_TRUE(Step("edited by one member, approved by another, it is in the hub", [&] {
    lesson["worked"] = "The officials ran the model with the company's own numbers.";
    lesson["version"] = 2;
    auto edited = coordinator_.Send("PUT", path, lesson);
    ASSERT_EQ(Status(edited), 200) << edited->body;
    EXPECT_TRUE(Json(edited)["flags"].empty());
    // The last editor does not approve their own words.
    EXPECT_EQ(
        Status(coordinator_.Send("POST", path + "/status", {{"to", "published"}, {"version", 3}})),
        403);
    auto approved = admin_.Send("POST", path + "/status", {{"to", "published"}, {"version", 3}});
    ASSERT_EQ(Status(approved), 200) << approved->body;
    const std::string hub = Json(approved)["hub_document_id"];
    ASSERT_FALSE(hub.empty());
    Client visitor = NewClient();
    auto doc = visitor.Get("/api/v1/hub/documents/" + hub);
    ASSERT_EQ(Status(doc), 200);
    EXPECT_EQ(Json(doc)["kind"], "lesson");
    EXPECT_EQ(Json(doc)["stage"], "negotiating");
    EXPECT_EQ(doc->body.find(reference), std::string::npos);
    EXPECT_EQ(doc->body.find(r["id"].get<std::string>()), std::string::npos);
    const json page = Json(visitor.Get("/api/v1/hub/documents/" + hub + "/pages/1"));
    EXPECT_NE(page.dump().find("What did not work"), std::string::npos);
    const json found =
        Json(visitor.Get("/api/v1/hub/search?q=%22company%27s+own+numbers%22&kind=lesson"));
    ASSERT_EQ(found["total"], 1);
    EXPECT_EQ(found["items"][0]["id"], hub);
    // Published, it no longer changes here.
    lesson["version"] = 4;
    EXPECT_EQ(Status(coordinator_.Send("PUT", path, lesson)), 409);
  }));
}

// Impact reports on a server of their own, so the counts are known: the demo
// data's one request from Senegal (gas, acknowledged at once) and what each
// test adds.
class Impact : public Requests {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  void SetUp() override {
    Requests::SetUp();
    SignIn({&funder_});
  }
  json Report(Client& who, const std::string& query = "") {
    auto r = who.Get("/api/v1/reports/impact" + query);
    EXPECT_EQ(Status(r), 200) << (r ? r->body : "");
    return Json(r);
  }
  json Answer(const json& closed, int quality, double estimate) {
    json answer = {{"version", closed["version"]},
                   {"quality", quality},
                   {"timeliness", 4},
                   {"independence", 5},
                   {"multidisciplinarity", 4},
                   {"capacity_built", 3},
                   {"value_added", quality},
                   {"estimated_added_value", estimate}};
    auto r = ghana_.Send("POST", Path(closed, "/feedback"), answer);
    EXPECT_EQ(Status(r), 201) << (r ? r->body : "");
    return Json(r);
  }
  static json Row(const json& rows, const std::string& key) {
    for (const json& row : rows) {
      if (row["key"] == key) return row;
    }
    return nullptr;
  }
};

TEST_F(Impact, TheReportCountsKnownRequestsAndHidesWhatRestsOnFewerThanThree) {
  // One request (the demo's): nothing is shown.
  json report = Report(coordinator_);
  EXPECT_TRUE(report["suppressed"].get<bool>());
  EXPECT_TRUE(report["requests"].is_null());

  const json a = Closed(), b = Closed(), c = Closed();
  Answer(a, 5, 100e6);
  Answer(b, 4, 50e6);
  report = Report(funder_);
  EXPECT_FALSE(report["suppressed"].get<bool>());
  EXPECT_EQ(report["requests"], 4);
  EXPECT_EQ(report["engagements"], 3);
  EXPECT_EQ(report["closed"], 3);
  EXPECT_EQ(report["answered"], 2);
  // Two answers: no mean is shown yet.
  EXPECT_TRUE(report["satisfaction"]["suppressed"].get<bool>());
  EXPECT_TRUE(report["satisfaction"]["mean"]["quality"].is_null());
  // Ghana 3 and Senegal 1: Senegal alone would be the total minus Ghana.
  EXPECT_TRUE(Row(report["by_country"], "GHA")["suppressed"].get<bool>());
  EXPECT_TRUE(Row(report["by_country"], "SEN")["suppressed"].get<bool>());
  EXPECT_TRUE(Row(report["by_region"], "africa")["requests"] == 4);
  // legal 4, fiscal_modelling 4 shown; petroleum_engineering 1 hidden with
  // the smallest other, mining_engineering 3.
  EXPECT_EQ(Row(report["by_discipline"], "legal")["requests"], 4);
  EXPECT_EQ(Row(report["by_discipline"], "fiscal_modelling")["engagements"], 3);
  EXPECT_TRUE(Row(report["by_discipline"], "mining_engineering")["suppressed"].get<bool>());
  EXPECT_TRUE(Row(report["by_discipline"], "petroleum_engineering")["requests"].is_null());
  // Every request was acknowledged and decided at once: all met.
  const json ack = report["response_times"][0];
  EXPECT_EQ(ack["clock"], "acknowledge");
  EXPECT_EQ(ack["target_hours"], 8);
  EXPECT_EQ(ack["measured"], 4);
  EXPECT_EQ(ack["share_met"], 1.0);
  EXPECT_EQ(report["response_times"][1]["measured"], 3);
  EXPECT_FALSE(report["durations"]["suppressed"].get<bool>());
  EXPECT_EQ(report["durations"]["closed"], 3);

  // The third answer makes satisfaction and revenue visible.
  Answer(c, 3, 30e6);
  report = Report(coordinator_);
  EXPECT_EQ(report["satisfaction"]["answers"], 3);
  EXPECT_DOUBLE_EQ(report["satisfaction"]["mean"]["quality"].get<double>(), 4.0);
  EXPECT_DOUBLE_EQ(report["satisfaction"]["mean"]["capacity_built"].get<double>(), 3.0);
  ASSERT_EQ(report["added_revenue"].size(), 1u);
  EXPECT_EQ(report["added_revenue"][0]["currency"], "USD");
  EXPECT_DOUBLE_EQ(report["added_revenue"][0]["total"].get<double>(), 180e6);
  EXPECT_DOUBLE_EQ(report["added_revenue"][0]["median"].get<double>(), 50e6);

  // Filters: Ghana alone has 3; Senegal alone is hidden whole.
  EXPECT_EQ(Report(admin_, "?country=GHA")["requests"], 3);
  EXPECT_TRUE(Report(admin_, "?country=SEN&interval=month")["suppressed"].get<bool>());
  auto wrong = coordinator_.Get("/api/v1/reports/impact?from=2026-13&interval=week&page=2");
  ASSERT_EQ(Status(wrong), 400);
  EXPECT_EQ(ErrorFields(wrong), (std::set<std::string>{"from", "interval", "page"}));
  EXPECT_EQ(ErrorFields(coordinator_.Get("/api/v1/reports/impact?format=pdf")),
            (std::set<std::string>{"format"}));

  // The same figures as CSV and xlsx.
  auto csv = funder_.Get("/api/v1/reports/impact?format=csv");
  ASSERT_EQ(Status(csv), 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv->body.find("total,,requests,4,\r\n"), std::string::npos);
  EXPECT_NE(csv->body.find("satisfaction,quality,mean rating (1-5),4,\r\n"), std::string::npos);
  EXPECT_NE(csv->body.find("country,SEN,requests,,suppressed"), std::string::npos);
  auto xlsx = funder_.Get("/api/v1/reports/impact?format=xlsx");
  ASSERT_EQ(Status(xlsx), 200);
  EXPECT_EQ(xlsx->body.rfind("PK", 0), 0u);
  const std::string en = XlsxText(xlsx->body);
  for (const char* words :
       {"name=\"Summary\"", "Impact of the support", "Closed engagements",
        "Mean rating (1 to 5): Quality of the advice", "name=\"Response times\""}) {
    EXPECT_NE(en.find(words), std::string::npos) << words;
  }
  // A funder reading French gets the workbook in French, groups named, not coded.
  json mail = Json(funder_.Get("/api/v1/account/mail"));
  mail.erase("email");
  mail["language"] = "fr";
  ASSERT_EQ(Status(funder_.Send("PUT", "/api/v1/account/mail", mail)), 200);
  const std::string fr = XlsxText(funder_.Get("/api/v1/reports/impact?format=xlsx")->body);
  for (const char* words : {"name=\"Résumé\"", "Impact de l", "Missions clôturées", "Cuivre",
                            "Note moyenne (1 à 5) : ", "Afrique"}) {
    EXPECT_NE(fr.find(words), std::string::npos) << words;
  }
  for (const char* code : {"copper", "africa", "Closed engagements"}) {
    EXPECT_EQ(fr.find(code), std::string::npos) << code;
  }
  mail["language"] = "en";
  ASSERT_EQ(Status(funder_.Send("PUT", "/api/v1/account/mail", mail)), 200);
  // No name, project or comment of any request reaches the report.
  EXPECT_EQ(csv->body.find("Ahafo"), std::string::npos);
  EXPECT_EQ(Report(funder_).dump().find("Ahafo"), std::string::npos);
}

TEST_F(Impact, AFunderReadsReportsAndNoRequestEngagementOrDocument) {
  const json r = Closed();
  const std::string id = r["id"];
  auto upload =
      coordinator_.Raw("POST", Path(r, "/documents?name=brief.pdf"), kPdf, "application/pdf");
  ASSERT_EQ(Status(upload), 201) << (upload ? upload->body : "");
  const std::string doc = Json(upload)["id"];
  // Routes a role may not use answer a signed-in user as if they did not exist.
  EXPECT_EQ(Status(funder_.Get("/api/v1/requests")), 404);
  EXPECT_EQ(Status(funder_.Send("POST", "/api/v1/requests", CompleteForm())), 404);
  for (const std::string& tail :
       std::vector<std::string>{"", "/documents", "/documents/" + doc, "/messages", "/scope",
                                "/due-diligence", "/feedback", "/value-added", "/letter"}) {
    EXPECT_EQ(Status(funder_.Get("/api/v1/requests/" + id + tail)), 404) << tail;
  }
  for (const std::string& tail :
       std::vector<std::string>{"/team", "/deliverables", "/appraisals"}) {
    EXPECT_EQ(Status(funder_.Send("POST", "/api/v1/requests/" + id + tail, json::object())), 404)
        << tail;
  }
  EXPECT_EQ(Status(funder_.Send("POST", Path(r, "/messages"), {{"body", "hello"}})), 404);
  EXPECT_EQ(Status(funder_.Get("/api/v1/experts")), 404);
  EXPECT_EQ(Status(funder_.Get("/api/v1/enquiries")), 404);
  EXPECT_EQ(Json(funder_.Get("/api/v1/fiscal/models"))["items"], json::array());
  // Reports are for the Support Unit and funders only.
  EXPECT_EQ(Status(ghana_.Get("/api/v1/reports/impact")), 404);
  EXPECT_EQ(Status(expert_.Get("/api/v1/reports/impact")), 404);
  EXPECT_EQ(Status(NewClient().Get("/api/v1/reports/impact")), 401);
  // Only an admin makes a funder's account.
  auto invite = coordinator_.Send(
      "POST", "/api/v1/invitations",
      {{"email", "board@funder.example"}, {"name", "Board Member"}, {"role", "funder"}});
  EXPECT_EQ(Status(invite), 403);
  invite = admin_.Send(
      "POST", "/api/v1/invitations",
      {{"email", "board@funder.example"}, {"name", "Board Member"}, {"role", "funder"}});
  EXPECT_EQ(Status(invite), 201) << (invite ? invite->body : "");
}

// Disclosure commitments on a server of their own, so the impact figures are
// known: the demo's one request makes none.
class Disclosure : public Impact {
 protected:
  // A request approved with a commitment to publish its contract by `by`.
  json Committed(const std::string& by) {
    json r = Submitted();
    r = Move(coordinator_, r, "acknowledged");
    r = Move(coordinator_, r, "under_review");
    EXPECT_EQ(Status(coordinator_.Send("PUT", Path(r, "/due-diligence"), LowRiskApproval())), 200);
    return Move(coordinator_, r, "approved", "Eligible",
                {{"scope",
                  {{"summary", "Fiscal review"}, {"publish_contract", true}, {"publish_by", by}}}});
  }
  // A main contract in the hub, published (or left a draft).
  std::string HubContract(const std::string& title, bool publish, const char* kind = "contract") {
    auto made = coordinator_.Send(
        "POST", "/api/v1/hub/documents",
        {{"title", title}, {"kind", kind}, {"country", "GHA"}, {"resources", {"gold"}}});
    EXPECT_EQ(Status(made), 201) << (made ? made->body : "");
    const std::string id = Json(made)["id"];
    if (publish) Publish(id);
    return id;
  }
  void Publish(const std::string& id) {
    const std::string path = "/api/v1/hub/documents/" + id + "/status";
    EXPECT_EQ(Status(coordinator_.Send("POST", path, {{"to", "in_review"}})), 200);
    EXPECT_EQ(Status(admin_.Send("POST", path, {{"to", "published"}})), 200);
  }
  json Link(const json& r, const std::string& hub_id) {
    auto linked = coordinator_.Send("PUT", Path(r, "/contract"), {{"hub_document_id", hub_id}});
    EXPECT_EQ(Status(linked), 200) << (linked ? linked->body : "");
    return Json(linked)["disclosure"];
  }
  // Today's UTC date, as the hub records a publication.
  static std::string Today() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char day[11];
    std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
    return day;
  }
  json Commitment(const json& r) {
    const json list = Json(coordinator_.Get("/api/v1/disclosure/commitments"));
    for (const json& c : list["items"]) {
      if (c["request_id"] == r["id"]) return c;
    }
    return nullptr;
  }
};

TEST_F(Disclosure, ACommitmentIsMetByLinkingAPublishedContractAndOverdueOtherwise) {
  json late, on_time, overdue, pending;
  std::string draft_contract;
  ASSERT_TRUE(Step("a commitment needs its date; approvals record it in the scope", [&] {
    json r = Submitted();
    r = Move(coordinator_, r, "acknowledged");
    r = Move(coordinator_, r, "under_review");
    ASSERT_EQ(Status(coordinator_.Send("PUT", Path(r, "/due-diligence"), LowRiskApproval())), 200);
    auto refused =
        coordinator_.Send("POST", Path(r, "/transitions"),
                          {{"to", "approved"},
                           {"version", r["version"]},
                           {"scope", {{"summary", "Fiscal review"}, {"publish_contract", true}}}});
    ASSERT_EQ(Status(refused), 400);
    EXPECT_EQ(ErrorFields(refused), std::set<std::string>{"scope.publish_by"});
    late = Committed("2026-01-31");
    on_time = Committed("2099-12-31");
    overdue = Committed("2026-02-28");
    pending = Committed("2099-06-30");
    EXPECT_EQ(Json(coordinator_.Get(Path(late)))["scope"]["publish_by"], "2026-01-31");
  }));

  ASSERT_TRUE(Step("the coordinator sees commitments by due date, past ones overdue", [&] {
    const json items = Json(coordinator_.Get("/api/v1/disclosure/commitments"))["items"];
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0]["request_id"], late["id"]);
    EXPECT_EQ(items[0]["state"], "overdue");
    EXPECT_EQ(items[1]["request_id"], overdue["id"]);
    EXPECT_EQ(items[3]["request_id"], on_time["id"]);
    EXPECT_EQ(items[3]["state"], "pending");
    EXPECT_TRUE(items[3]["contract"].is_null());
    EXPECT_EQ(
        Json(coordinator_.Get("/api/v1/disclosure/commitments?state=overdue"))["items"].size(), 2u);
    EXPECT_EQ(ErrorFields(coordinator_.Get("/api/v1/disclosure/commitments?state=late")),
              std::set<std::string>{"state"});
  }));

  ASSERT_TRUE(Step("a linked contract counts once it is public: on time or late", [&] {
    draft_contract = HubContract("Ahafo North mining lease", false);
    json c = Link(on_time, draft_contract);
    EXPECT_EQ(c["state"], "pending");
    EXPECT_TRUE(c["contract"]["published_on"].is_null());
    Publish(draft_contract);
    c = Commitment(on_time);
    EXPECT_EQ(c["state"], "met_on_time");
    EXPECT_EQ(c["contract"]["title"], "Ahafo North mining lease");
    EXPECT_EQ(c["contract"]["published_on"], Today());
    EXPECT_EQ(Link(late, HubContract("Ahafo South mining lease", true))["state"], "met_late");
    // Only a main contract: not a guide, not an unknown id.
    auto guide = coordinator_.Send("PUT", Path(overdue, "/contract"),
                                   {{"hub_document_id", HubContract("A guide", true, "guide")}});
    EXPECT_EQ(Status(guide), 400);
    EXPECT_EQ(ErrorFields(guide), std::set<std::string>{"hub_document_id"});
    EXPECT_EQ(ErrorFields(coordinator_.Send("PUT", Path(overdue, "/contract"),
                                            {{"hub_document_id", "hub-nope"}})),
              std::set<std::string>{"hub_document_id"});
    // Nor a contract of another country.
    auto foreign = coordinator_.Send("POST", "/api/v1/hub/documents",
                                     {{"title", "Kédougou gold convention"}, {"country", "SEN"}});
    ASSERT_EQ(Status(foreign), 201);
    EXPECT_EQ(ErrorFields(coordinator_.Send("PUT", Path(overdue, "/contract"),
                                            {{"hub_document_id", Json(foreign)["id"]}})),
              std::set<std::string>{"hub_document_id"});
    EXPECT_EQ(Commitment(overdue)["state"], "overdue");
  }));

  ASSERT_TRUE(Step("the government reads its own commitment; nobody else any", [&] {
    const json mine = Json(ghana_.Get(Path(late)))["disclosure"];
    EXPECT_EQ(mine["state"], "met_late");
    EXPECT_EQ(mine["due"], "2026-01-31");
    for (Client* other : {&ghana_, &senegal_, &expert_, &funder_}) {
      EXPECT_EQ(Status(other->Get("/api/v1/disclosure/commitments")), 404);
      EXPECT_EQ(Status(other->Send("PUT", Path(late, "/contract"), {{"hub_document_id", ""}})),
                404);
    }
    EXPECT_EQ(Status(senegal_.Get(Path(late))), 404);
    EXPECT_EQ(Status(visitor_.Get("/api/v1/disclosure/commitments")), 401);
  }));

  ASSERT_TRUE(Step("the impact report counts the commitments due, hidden under three", [&] {
    // Due: on time, late and overdue (three); one pending. Shown to funders.
    json d = Report(funder_)["disclosure"];
    ASSERT_FALSE(d["suppressed"].get<bool>()) << d.dump();
    EXPECT_EQ(d["committed"], 4);
    EXPECT_EQ(d["due"], 3);
    EXPECT_EQ(d["on_time"], 1);
    EXPECT_EQ(d["late"], 1);
    EXPECT_EQ(d["overdue"], 1);
    EXPECT_DOUBLE_EQ(d["share_published"].get<double>(), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(d["share_on_time"].get<double>(), 1.0 / 3.0);
    EXPECT_NE(XlsxText(funder_.Get("/api/v1/reports/impact?format=xlsx")->body)
                  .find("Contracts published late"),
              std::string::npos);
    // Unlinked, the late one is overdue again (still three due).
    EXPECT_EQ(Link(late, "")["state"], "overdue");
    // The contract of the one on time leaves the hub: two due are left of three.
    ASSERT_EQ(Status(admin_.Send("POST", "/api/v1/hub/documents/" + draft_contract + "/status",
                                 {{"to", "unpublished"}, {"reason", "Withdrawn by the ministry"}})),
              200);
    EXPECT_EQ(Commitment(on_time)["state"], "pending");
    d = Report(funder_)["disclosure"];
    EXPECT_TRUE(d["suppressed"].get<bool>());
    EXPECT_TRUE(d["due"].is_null());
  }));
}

TEST_F(Disclosure, ReferralsReachTheImpactReportByProviderHiddenUnderThree) {
  const json providers = Json(coordinator_.Get("/api/v1/hub/providers"))["items"];
  const std::string provider = providers[0]["id"], name = providers[0]["name"];
  std::vector<std::string> made;
  auto refer = [&] {
    const json r =
        Move(coordinator_, Move(coordinator_, Submitted(), "acknowledged"), "under_review");
    auto created = coordinator_.Send("POST", Path(r, "/referrals"),
                                     {{"provider_id", provider},
                                      {"part", "phase"},
                                      {"phase", "implementation"},
                                      {"consent_given", true},
                                      {"consent", "E-mail of the focal point"}});
    EXPECT_EQ(Status(created), 201) << created->body;
    made.push_back(Json(created)["id"]);
  };
  refer();
  refer();
  json report = Report(funder_);
  EXPECT_TRUE(report["referrals"]["suppressed"].get<bool>());
  EXPECT_TRUE(report["referrals"]["referrals"].is_null());
  refer();
  ASSERT_EQ(Status(coordinator_.Send("POST", "/api/v1/referrals/" + made[0] + "/state",
                                     {{"to", "accepted"}, {"version", 1}})),
            200);
  report = Report(funder_);
  EXPECT_EQ(report["referrals"]["referrals"], 3);
  EXPECT_EQ(report["referrals"]["accepted"], 1);
  EXPECT_EQ(report["referrals"]["answered"], 1);
  ASSERT_EQ(report["referrals_by_provider"].size(), 1u);
  EXPECT_EQ(report["referrals_by_provider"][0]["provider"], name);
  EXPECT_EQ(report["referrals_by_provider"][0]["referrals"], 3);
  EXPECT_TRUE(report["referrals_by_provider"][0]["median_response_days"].is_number());
  auto csv = funder_.Get("/api/v1/reports/impact?format=csv");
  EXPECT_NE(csv->body.find("referrals,,referrals,3,"), std::string::npos);
}

}  // namespace
}  // namespace connex::testing
