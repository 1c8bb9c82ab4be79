// Every notice of the portal arrives by mail over a real SMTP server: an
// engagement's life from scope to survey (to its government, its team and the
// coordinators, each in the request's thread, nobody else), a public enquiry,
// a course's nomination and certificate, and what the minute watch sends (a
// clock near or past its target, the survey's reminders).
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <set>

#include "mail_fixture.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

constexpr const char kPdf[] =
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

class MailNotices : public MailTest<MailNotices> {
 public:
  // The watch sweeps every 2 s rather than every minute, so its test need not wait a minute.
  static std::vector<std::string> ServerOptions() {
    std::vector<std::string> options = MailTest<MailNotices>::ServerOptions();
    options.insert(options.end(), {"--clock-watch", "2"});
    return options;
  }

 protected:
  // A new Ghanaian request for `project`, submitted.
  json Submitted(const std::string& project) {
    const json draft = Json(ghana_.Send("POST", "/api/v1/requests", LeaseForm(project)));
    return Move(ghana_, draft, "submitted");
  }
  json Move(Client& who, const json& r, const std::string& to, json extra = json::object()) {
    json body = {{"to", to}, {"version", r["version"]}};
    body.update(extra);
    auto moved = who.Send("POST", Path(r, "/transitions"), body);
    EXPECT_EQ(Status(moved), 200) << to << ": " << (moved ? moved->body : "");
    return Json(moved);
  }
  // Through review to an approved request in scoping.
  json Scoping(const std::string& project) {
    json r = Move(coordinator_, Submitted(project), "acknowledged");
    r = Move(coordinator_, r, "under_review");
    EXPECT_EQ(Status(coordinator_.Send("PUT", Path(r, "/due-diligence"), LowRiskApproval())), 200);
    r = Move(coordinator_, r, "approved",
             {{"reason", "Eligible"}, {"scope", {{"summary", "Legal review of the draft lease"}}}});
    return Move(coordinator_, r, "scoping");
  }
  static std::string Path(const json& r, const std::string& tail = "") {
    return "/api/v1/requests/" + r["id"].get<std::string>() + tail;
  }
  std::string UserId(Client& c) { return Json(c.Get("/api/v1/session"))["user"]["id"]; }
  // The mails to `address` in request `r`'s thread whose subject, after the
  // reference, is `subject`; waits up to `seconds` for one.
  std::vector<json> InThread(const std::string& address, const json& r, const std::string& subject,
                             int seconds = 20) {
    const std::string thread = ThreadOf(r["id"]);
    const std::string full = "[" + r["reference"].get<std::string>() + "] " + subject;
    return sink_->WaitFor(address, 1, seconds, [&](const json& m) {
      return m["in_reply_to"] == thread && m["subject"] == full;
    });
  }
};

TEST_F(MailNotices, AnEngagementsLifeReachesItsPeopleOnlyInItsThread) {
  SignIn({&engineer_});
  if (HasFatalFailure()) return;
  json r = Scoping("Tarkwa lease");
  const std::string ref = r["reference"];
  constexpr const char* ghana = "focal.ghana@connex.example";
  constexpr const char* coordinator = "coordinator@connex.example";
  constexpr const char* expert = "fiscal.expert@connex.example";
  constexpr const char* engineer = "mining.engineer@connex.example";

  // A new scope version, with its reason, to the government.
  ASSERT_EQ(Status(coordinator_.Send("POST", Path(r, "/scope"),
                                     {{"scope",
                                       {{"summary", "Legal and fiscal review of the draft lease"},
                                        {"disciplines", {"legal", "fiscal_modelling"}}}},
                                      {"reason", "The ministry asked for a fiscal review"}})),
            201);
  auto scope = InThread(ghana, r, "Scope version 2");
  ASSERT_EQ(scope.size(), 1u);
  EXPECT_NE(scope[0]["text"].get<std::string>().find("The ministry asked for a fiscal review"),
            std::string::npos);

  // The team proposed to the government; confirmed, to the coordinators.
  ASSERT_EQ(Status(coordinator_.Send("POST", Path(r, "/team"),
                                     {{"user_id", UserId(expert_)}, {"role", "fiscal modeller"}})),
            201);
  r = Move(coordinator_, Json(coordinator_.Get(Path(r))), "team_proposed");
  EXPECT_EQ(InThread(ghana, r, "Team proposed").size(), 1u);
  r = Move(ghana_, r, "team_confirmed");
  EXPECT_EQ(InThread(coordinator, r, "Team confirmed").size(), 1u);
  r = Move(coordinator_, r, "active");
  EXPECT_EQ(InThread(expert, r, "Engagement under way").size(), 1u);

  // An advisor who joins after the government confirmed is named to it.
  ASSERT_EQ(
      Status(coordinator_.Send("POST", Path(r, "/team"),
                               {{"user_id", UserId(engineer_)}, {"role", "mining engineer"}})),
      201);
  const auto joined = InThread(ghana, r, "Tom Engineer joined the team as mining engineer");
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_NE(joined[0]["text"].get<std::string>().find("as mining engineer"), std::string::npos);

  // A deliverable delivered by the team, then accepted by the Support Unit.
  const json d = Json(coordinator_.Send(
      "POST", Path(r, "/deliverables"),
      {{"title", "Fiscal model"}, {"phase", "negotiation"}, {"due_date", "2027-01-10"}}));
  const std::string deliverable = Path(r, "/deliverables/" + d["id"].get<std::string>());
  ASSERT_EQ(Status(expert_.Send("PUT", deliverable, {{"status", "delivered"}, {"version", 1}})),
            200);
  EXPECT_EQ(InThread(ghana, r, "“Fiscal model” is delivered").size(), 1u);
  EXPECT_EQ(InThread(coordinator, r, "“Fiscal model” is delivered").size(), 1u);
  ASSERT_EQ(Status(coordinator_.Send("PUT", deliverable, {{"status", "accepted"}, {"version", 2}})),
            200);
  EXPECT_EQ(InThread(expert, r, "“Fiscal model” is accepted").size(), 1u);
  EXPECT_EQ(InThread(engineer, r, "“Fiscal model” is accepted").size(), 1u);

  // A document from the team, to the government and the coordinators.
  ASSERT_EQ(Status(expert_.Raw("POST", Path(r, "/documents?name=model-notes.pdf"), kPdf,
                               "application/pdf")),
            201);
  const auto document = InThread(ghana, r, "New document “model-notes.pdf”");
  ASSERT_EQ(document.size(), 1u);
  EXPECT_NE(document[0]["text"].get<std::string>().find("Elena Fiscal added the document"),
            std::string::npos);
  EXPECT_EQ(InThread(coordinator, r, "New document “model-notes.pdf”").size(), 1u);

  // Closed: the government is asked how the support went.
  r = Move(coordinator_, r, "closed");
  const auto survey = InThread(ghana, r, "How did the support go?");
  ASSERT_EQ(survey.size(), 1u);
  EXPECT_NE(survey[0]["text"].get<std::string>().find(std::string(kBaseUrl) + "/requests/" +
                                                      r["id"].get<std::string>()),
            std::string::npos);

  // Nobody hears of their own doing; the expert heard nothing before the
  // government confirmed the team; no other government, administrator or
  // funder hears anything of this request.
  const std::string thread = ThreadOf(r["id"]);
  const auto subjects = [&](const std::string& address) {
    std::set<std::string> out;
    for (const json& m : sink_->MailsTo(address)) {
      if (m["in_reply_to"] == thread) out.insert(m["subject"]);
    }
    return out;
  };
  EXPECT_EQ(subjects(expert).count("[" + ref + "] Scope version 2"), 0u);
  EXPECT_EQ(subjects(expert).count("[" + ref + "] Team proposed"), 0u);
  EXPECT_EQ(subjects(expert).count("[" + ref + "] “Fiscal model” is delivered"), 0u);
  EXPECT_EQ(subjects(coordinator).count("[" + ref + "] Scope version 2"), 0u);
  EXPECT_EQ(subjects(ghana).count("[" + ref + "] Team confirmed"), 0u);
  for (const char* other :
       {"focal.senegal@connex.example", "admin@connex.example", "funder@connex.example"}) {
    EXPECT_TRUE(subjects(other).empty()) << other;
  }
  // Every mail of the thread names the request in its subject.
  for (const json& m : sink_->Mails()) {
    if (m["in_reply_to"] != thread) continue;
    EXPECT_EQ(m["subject"].get<std::string>().rfind("[" + ref + "] ", 0), 0u) << m["subject"];
    EXPECT_EQ(m["references"], thread);
  }
}

TEST_F(MailNotices, AnEnquiryAndACoursesNominationAndCertificateReachTheirPeople) {
  // A public enquiry, to the coordinators alone.
  ASSERT_EQ(Status(visitor_.Send("POST", "/api/v1/enquiries",
                                 {{"name", "Ama Owusu"},
                                  {"email", "ama@example.org"},
                                  {"organisation", "Ministry of Finance"},
                                  {"message", "How does a ministry ask for support?"}})),
            201);
  const auto enquiry = Subject("coordinator@connex.example", "^Enquiry from Ama Owusu$");
  ASSERT_EQ(enquiry.size(), 1u) << [&] {
    std::string all;
    for (const json& m : sink_->Mails()) all += m["to"].dump() + " " + m["subject"].dump() + "\n";
    return all;
  }();
  EXPECT_NE(enquiry[0]["text"].get<std::string>().find("Ministry of Finance"), std::string::npos);
  EXPECT_EQ(enquiry[0]["text"].get<std::string>().find("How does a ministry ask"),
            std::string::npos)
      << "the words stay in the portal";

  // A course given in French: the nominee without an account reads it in
  // the session's language, first the nomination, then the certificate.
  const json course = Json(coordinator_.Send("POST", "/api/v1/training/courses",
                                             {{"title", "Suivi des contrats miniers"},
                                              {"summary", "Paiements et obligations."},
                                              {"audience", "Agents des ministères"},
                                              {"hours", 12},
                                              {"published", true}}));
  ASSERT_TRUE(course["id"].is_string()) << course.dump();
  const json session = Json(coordinator_.Send(
      "POST", "/api/v1/training/courses/" + course["id"].get<std::string>() + "/sessions",
      // Held yesterday and today: a session is marked held from its last day.
      {{"starts_on", DateInDays(-1)},
       {"ends_on", DateInDays(0)},
       {"place", "Dakar"},
       {"language", "fr"},
       {"trainers", {"Jean Diouf"}},
       {"capacity", 5}}));
  ASSERT_TRUE(session["id"].is_string()) << session.dump();
  const std::string sessions = "/api/v1/training/sessions/" + session["id"].get<std::string>();
  const json nominee =
      Json(ghana_.Send("POST", sessions + "/participants",
                       {{"name", "Abena Asante"}, {"email", "abena@mlnr.gov.gh"}}));
  ASSERT_TRUE(nominee["id"].is_string()) << nominee.dump();
  EXPECT_EQ(Subject("abena@mlnr.gov.gh", "^Inscription à Suivi des contrats miniers$").size(), 1u);
  json held = session;
  for (const char* f : {"id", "course_id", "days"}) held.erase(f);
  held["status"] = "held";
  ASSERT_EQ(Status(coordinator_.Send("PUT", sessions, held)), 200);
  ASSERT_EQ(Status(coordinator_.Send(
                "PUT", "/api/v1/training/participants/" + nominee["id"].get<std::string>(),
                {{"attended_days", 2}, {"completed", true}, {"version", 1}})),
            200);
  const auto certificate =
      Subject("abena@mlnr.gov.gh", "^Votre attestation pour Suivi des contrats miniers$");
  ASSERT_EQ(certificate.size(), 1u);
  EXPECT_NE(certificate[0]["text"].get<std::string>().find(kBaseUrl), std::string::npos);
  // Nobody else hears of Ghana's nominee.
  for (const json& m : sink_->MailsTo("focal.senegal@connex.example")) {
    EXPECT_EQ(m["text"].get<std::string>().find("Abena"), std::string::npos);
  }
}

// What the minute watch sends: with an all-day calendar, a target of 1.8 s
// is breached at once and a decision target of an hour is near after 36 s;
// an engagement closed eight days ago (moved back in the database, as no
// route may) has its first survey reminder due.
TEST_F(MailNotices, TheWatchMailsClocksAtRiskAndTheSurveysReminders) {
  json policy = Json(admin_.Get("/api/v1/sla-policy"));
  policy["calendar"]["working_days"] = {1, 2, 3, 4, 5, 6, 7};
  policy["calendar"]["day_start"] = "00:00";
  policy["calendar"]["day_end"] = "24:00";
  policy["targets"]["acknowledge"] = 0.0005;
  policy["targets"]["decide"] = 1;
  policy["warning_share"] = 0.001;  // near after 3.6 s of the hour
  auto saved = admin_.Send("PUT", "/api/v1/sla-policy", policy);
  ASSERT_EQ(Status(saved), 200) << saved->body;

  const json waiting = Submitted("Prestea lease");
  const json deciding = Move(coordinator_, Submitted("Bogoso lease"), "acknowledged");
  json closed = Scoping("Damang lease");
  ASSERT_EQ(Status(coordinator_.Send("POST", Path(closed, "/team"),
                                     {{"user_id", UserId(expert_)}, {"role", "fiscal modeller"}})),
            201);
  closed = Move(coordinator_, Json(coordinator_.Get(Path(closed))), "team_proposed");
  closed = Move(ghana_, closed, "team_confirmed");
  closed = Move(coordinator_, closed, "active");
  closed = Move(coordinator_, closed, "closed");
  const std::time_t eight_days_ago = std::chrono::system_clock::to_time_t(
      std::chrono::system_clock::now() - std::chrono::hours(24 * 8 + 1));
  char at[32];
  std::strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&eight_days_ago));
  ASSERT_TRUE(server_->Sql("UPDATE request_transitions SET at = '" + std::string(at) +
                           "' WHERE request_id = '" + closed["id"].get<std::string>() +
                           "' AND to_state = 'closed'"));

  // The watch runs every 2 s here (--clock-watch).
  EXPECT_EQ(
      InThread("coordinator@connex.example", waiting, "The acknowledgement target is breached", 20)
          .size(),
      1u);
  EXPECT_EQ(
      InThread("coordinator@connex.example", deciding, "The decision target is near", 20).size(),
      1u);
  const auto reminder =
      InThread("focal.ghana@connex.example", closed, "Reminder: how did the support go?", 20);
  ASSERT_EQ(reminder.size(), 1u);
  EXPECT_NE(reminder[0]["text"].get<std::string>().find("reminder 1 of 3"), std::string::npos);
  // Clocks are the Support Unit's business; the government hears none of them.
  for (const json& m : sink_->MailsTo("focal.ghana@connex.example")) {
    EXPECT_EQ(m["subject"].get<std::string>().find(" target is "), std::string::npos);
  }
}

}  // namespace
}  // namespace connex::testing
