// Mail over a real SMTP server (tests/support/smtp_sink.py): invitations,
// password resets and the notices of a request arrive to the right people
// only, in their language, in the request's thread; choices hold; the outbox
// is the administrators'; a relay that is down loses nothing and sends once.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <thread>

#include "mail_fixture.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

// The token of the first link to `page` ("/password-reset/") in a mail's text.
std::string LinkToken(const json& mail, const std::string& page) {
  std::smatch m;
  const std::string text = mail["text"];
  if (!std::regex_search(text, m, std::regex(std::string(kBaseUrl) + page + "([A-Za-z0-9_-]+)"))) {
    return "";
  }
  return m[1];
}

class Mail : public MailTest<Mail> {};

TEST_F(Mail, AnInvitationArrivesInTheChosenLanguageWithItsLink) {
  const std::string org = Json(ghana_.Get("/api/v1/session"))["user"]["organisation_id"];
  auto bad = admin_.Send("POST", "/api/v1/invitations",
                         {{"email", "x@example.org"},
                          {"name", "X"},
                          {"role", "government"},
                          {"organisation_id", org},
                          {"language", "xx"}});
  EXPECT_EQ(ErrorFields(bad), std::set<std::string>{"language"});
  auto inv = admin_.Send("POST", "/api/v1/invitations",
                         {{"email", "Nouvel.Agent@Example.org"},
                          {"name", "Nouvel Agent"},
                          {"role", "government"},
                          {"organisation_id", org},
                          {"language", "fr"}});
  ASSERT_EQ(Status(inv), 201) << inv->body;
  const auto mails = sink_->WaitFor("nouvel.agent@example.org", 1);
  ASSERT_EQ(mails.size(), 1u);
  const json& m = mails[0];
  EXPECT_EQ(m["subject"], "Votre invitation au portail CONNEX");
  EXPECT_EQ(m["mail_from"], kMailFrom);
  EXPECT_EQ(m["in_reply_to"], "");
  EXPECT_EQ(m["auto_submitted"], "auto-generated");
  EXPECT_NE(m["text"].get<std::string>().find("Bonjour Nouvel Agent,"), std::string::npos);
  EXPECT_NE(m["html"].get<std::string>().find("lang=\"fr\""), std::string::npos);
  const std::string first = LinkToken(m, "/invitation/");
  ASSERT_FALSE(first.empty()) << m["text"];
  EXPECT_EQ(Json(inv)["accept_url"], std::string(kBaseUrl) + "/invitation/" + first);

  // Lost in a spam folder: the pending invitation is listed and sent again
  // with a new link; the first link stops working. A coordinator sees
  // invitations of governments and experts; nobody else lists them.
  const std::string id = Json(inv)["id"];
  const auto listed = [&](Client& who) {
    const json pending = Json(who.Get("/api/v1/invitations"));
    for (const json& i : pending["items"]) {
      if (i["id"] == id) return i;
    }
    return json();
  };
  const json pending = listed(admin_);
  ASSERT_FALSE(pending.is_null());
  EXPECT_EQ(pending["email"], "nouvel.agent@example.org");
  EXPECT_EQ(pending["invited_by"], "Alex Admin");
  EXPECT_FALSE(pending["expired"].get<bool>());
  EXPECT_FALSE(listed(coordinator_).is_null());
  EXPECT_EQ(Status(ghana_.Get("/api/v1/invitations")), 404);
  EXPECT_EQ(Status(ghana_.Send("POST", "/api/v1/invitations/" + id + "/resend", json::object())),
            404);
  auto again = coordinator_.Send("POST", "/api/v1/invitations/" + id + "/resend", json::object());
  ASSERT_EQ(Status(again), 200) << again->body;
  const auto both = sink_->WaitFor("nouvel.agent@example.org", 2);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1]["subject"], "Votre invitation au portail CONNEX");
  const std::string token = LinkToken(both[1], "/invitation/");
  EXPECT_NE(token, first);
  EXPECT_EQ(Json(again)["accept_url"], std::string(kBaseUrl) + "/invitation/" + token);
  Client guest = NewClient();
  EXPECT_EQ(Status(guest.Get("/api/v1/invitations/" + first)), 404);
  auto accepted = guest.Send("POST", "/api/v1/invitations/" + token + "/accept",
                             {{"password", "une phrase de passe solide"}});
  ASSERT_EQ(Status(accepted), 201);
  ASSERT_TRUE(guest.SignIn("nouvel.agent@example.org", "une phrase de passe solide"));
  // The account opens in the invitation's language.
  EXPECT_EQ(Json(guest.Get("/api/v1/account/mail"))["language"], "fr");
  // Invitations go in each of the portal's four languages.
  for (const auto& [language, subject] :
       std::map<std::string, std::string>{{"es", "Su invitación al portal CONNEX"},
                                          {"pt", "O seu convite para o portal CONNEX"}}) {
    const std::string address = "agente." + language + "@example.org";
    ASSERT_EQ(
        Status(admin_.Send(
            "POST", "/api/v1/invitations",
            {{"email", address}, {"name", "Agente"}, {"role", "expert"}, {"language", language}})),
        201);
    const auto invited = sink_->WaitFor(address, 1);
    ASSERT_EQ(invited.size(), 1u) << language;
    EXPECT_EQ(invited[0]["subject"], subject);
    EXPECT_NE(invited[0]["html"].get<std::string>().find("lang=\"" + language + "\""),
              std::string::npos);
  }
  // Accepted, it is pending no more.
  EXPECT_TRUE(listed(admin_).is_null());
  EXPECT_EQ(Status(admin_.Send("POST", "/api/v1/invitations/" + id + "/resend", json::object())),
            404);
}

TEST_F(Mail, AForgottenPasswordIsResetByMailOnceAndSaysNothingOfUnknownAddresses) {
  Client funder = NewClient();
  ASSERT_TRUE(funder.SignIn("funder@connex.example"));
  Client visitor = NewClient();
  auto unknown = visitor.Send("POST", "/api/v1/password-reset", {{"email", "nobody@example.org"}});
  auto known = visitor.Send("POST", "/api/v1/password-reset", {{"email", "Funder@connex.example"}});
  ASSERT_EQ(Status(unknown), 202);
  ASSERT_EQ(Status(known), 202);
  EXPECT_EQ(Json(unknown)["lifetime_minutes"], Json(known)["lifetime_minutes"]);
  EXPECT_EQ(
      ErrorFields(visitor.Send("POST", "/api/v1/password-reset", {{"email", "not-an-address"}})),
      std::set<std::string>{"email"});
  const auto mails = sink_->WaitFor("funder@connex.example", 1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0]["subject"], "Choose a new password for the CONNEX portal");
  EXPECT_TRUE(sink_->MailsTo("nobody@example.org").empty());
  const std::string token = LinkToken(mails[0], "/password-reset/");
  ASSERT_FALSE(token.empty()) << mails[0]["text"];
  EXPECT_EQ(Json(visitor.Get("/api/v1/password-reset/" + token))["email"], "funder@connex.example");
  EXPECT_EQ(
      ErrorFields(visitor.Send("POST", "/api/v1/password-reset/" + token, {{"password", "short"}})),
      std::set<std::string>{"password"});
  ASSERT_EQ(Status(visitor.Send("POST", "/api/v1/password-reset/" + token,
                                {{"password", "a brand new passphrase"}})),
            200);
  EXPECT_EQ(Status(funder.Get("/api/v1/session")), 401);  // every session ended
  EXPECT_FALSE(visitor.SignIn("funder@connex.example"));
  EXPECT_TRUE(visitor.SignIn("funder@connex.example", "a brand new passphrase"));
  // Used once: the link is gone.
  EXPECT_EQ(Status(visitor.Get("/api/v1/password-reset/" + token)), 404);
  EXPECT_EQ(Status(visitor.Send("POST", "/api/v1/password-reset/" + token,
                                {{"password", "yet another passphrase"}})),
            404);
}

TEST_F(Mail, ARequestsMailsReachItsPeopleOnlyInTheirLanguageInOneThread) {
  json r = Json(ghana_.Send("POST", "/api/v1/requests", LeaseForm("Ahafo North lease")));
  const std::string id = r["id"], path = "/api/v1/requests/" + id;
  auto move = [&](Client& who, const std::string& to) {
    auto moved = who.Send("POST", path + "/transitions", {{"to", to}, {"version", r["version"]}});
    ASSERT_EQ(Status(moved), 200) << moved->body;
    r = Json(moved);
  };
  const std::string thread = ThreadOf(id);
  const auto in_thread = [&](const json& m) { return m["in_reply_to"] == thread; };
  move(ghana_, "submitted");
  const std::string reference = r["reference"];
  auto coordinator = sink_->WaitFor("coordinator@connex.example", 1, 20, in_thread);
  ASSERT_EQ(coordinator.size(), 1u);
  EXPECT_EQ(coordinator[0]["subject"], "[" + reference + "] New request from Minerals Commission");
  EXPECT_EQ(coordinator[0]["references"], thread);

  // Ghana reads French from now on; state changes wait for the digest.
  ASSERT_EQ(Status(ghana_.Send("PUT", "/api/v1/account/mail",
                               {{"language", "fr"},
                                {"time_zone", "Africa/Accra"},
                                {"choices", {{{"kind", "state_changed"}, {"mode", "digest"}}}}})),
            200);
  EXPECT_EQ(
      ErrorFields(ghana_.Send("PUT", "/api/v1/account/mail", {{"time_zone", "Mars/Olympus"}})),
      std::set<std::string>{"time_zone"});
  move(coordinator_, "acknowledged");
  ASSERT_EQ(Status(coordinator_.Send("POST", path + "/messages",
                                     {{"body", "Merci. Pouvez-vous envoyer le projet de bail ?"}})),
            201);
  auto ghana = sink_->WaitFor("focal.ghana@connex.example", 1, 20, in_thread);
  ASSERT_EQ(ghana.size(), 1u) << "the state change waits for the digest; the message goes now";
  EXPECT_EQ(ghana[0]["subject"], "[" + reference + "] Message de Chloé Coordinator");
  EXPECT_NE(ghana[0]["text"].get<std::string>().find("Pouvez-vous envoyer le projet de bail"),
            std::string::npos);
  EXPECT_NE(ghana[0]["text"].get<std::string>().find(std::string(kBaseUrl) + "/requests/" + id),
            std::string::npos);
  EXPECT_EQ(ghana[0]["in_reply_to"], thread);

  // Messages turned off: the next goes to nobody by mail; a state change
  // turned back to immediate arrives.
  ASSERT_EQ(Status(ghana_.Send("PUT", "/api/v1/account/mail",
                               {{"choices",
                                 {{{"kind", "message"}, {"mode", "off"}},
                                  {{"kind", "state_changed"}, {"mode", "immediate"}}}}})),
            200);
  ASSERT_EQ(Status(coordinator_.Send("POST", path + "/messages", {{"body", "Second message"}})),
            201);
  move(coordinator_, "under_review");
  ghana = sink_->WaitFor("focal.ghana@connex.example", 2, 20, in_thread);
  ASSERT_EQ(ghana.size(), 2u);
  EXPECT_EQ(ghana[1]["subject"], "[" + reference + "] En cours d'examen");
  EXPECT_NE(ghana[1]["text"].get<std::string>().find(
                "«\u00a0Accusé de réception\u00a0» à «\u00a0En cours d'examen\u00a0»"),
            std::string::npos);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(sink_->WaitFor("focal.ghana@connex.example", 3, 0, in_thread).size(), 2u);
  // The author is not told of their own message; another government, and an
  // administrator who is not on the request, hear nothing of it.
  for (const json& m : sink_->MailsTo("coordinator@connex.example")) {
    EXPECT_EQ(m["subject"].get<std::string>().find("Message from"), std::string::npos);
  }
  EXPECT_TRUE(sink_->WaitFor("focal.senegal@connex.example", 1, 0, in_thread).empty());
  EXPECT_TRUE(sink_->WaitFor("admin@connex.example", 1, 0, in_thread).empty());
  // No mail carries a raw state code.
  for (const json& m : sink_->Mails()) {
    EXPECT_EQ(m["text"].get<std::string>().find("under_review"), std::string::npos);
  }

  // The waiting state change sits in the outbox for the digest.
  const json outbox = Json(admin_.Get("/api/v1/mail/outbox?status=digest"));
  EXPECT_GE(outbox["counts"]["digest"].get<int>(), 1);
  EXPECT_TRUE(outbox["delivering"].get<bool>());
}

// The demonstration data's own events (a request from Senegal acknowledged,
// an overdue royalty in Ghana, a nomination for a course) arrive as mail to
// the people they concern.
TEST_F(Mail, TheNoticesOfMonitoringAndTrainingArriveToThoseTheyConcern) {
  EXPECT_EQ(Subject("ama.owusu@example.org",
                    "^Nominated for Negotiating fiscal terms for mining contracts$")
                .size(),
            1u);
  const auto overdue = Subject("focal.ghana@connex.example", " was due on ");
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_NE(overdue[0]["text"].get<std::string>().find("/monitoring/contracts/"),
            std::string::npos);
  const auto acknowledged = Subject("focal.senegal@connex.example", R"(^\[CNX-\d{4}-\w{5}\] )");
  ASSERT_FALSE(acknowledged.empty());
  EXPECT_EQ(
      Subject("coordinator@connex.example", "New request from Direction des Hydrocarbures").size(),
      1u);
  // Nobody else hears of the Ghanaian royalty, in any language.
  std::smatch contract;
  const std::string overdue_text = overdue[0]["text"];
  ASSERT_TRUE(std::regex_search(overdue_text, contract, std::regex("/monitoring/contracts/\\S+")));
  for (const char* other : {"focal.senegal@connex.example", "coordinator@connex.example"}) {
    for (const json& m : sink_->MailsTo(other)) {
      EXPECT_EQ(m["text"].get<std::string>().find(contract.str()), std::string::npos) << other;
    }
  }
  // Senegal's focal point reads French: the demonstration opens her account so.
  ASSERT_FALSE(acknowledged.empty());
  EXPECT_NE(acknowledged[0]["text"].get<std::string>().find("Bonjour Aminata Diop,"),
            std::string::npos);
}

// Replies by mail: `connex mail receive` takes a reply, as a mail server
// pipes it, into the request's messages, once, from the recipient the reply
// address was given to, and refuses anything else with its reason.
TEST_F(Mail, ARepliedMailBecomesAMessageFromItsRecipientOnly) {
  // (Whatever an earlier test chose for Ghana's messages.)
  ASSERT_EQ(Status(ghana_.Send(
                "PUT", "/api/v1/account/mail",
                {{"language", "en"}, {"choices", {{{"kind", "message"}, {"mode", "immediate"}}}}})),
            200);
  json r = Json(ghana_.Send("POST", "/api/v1/requests", LeaseForm("Obuasi lease")));
  const std::string path = "/api/v1/requests/" + r["id"].get<std::string>();
  auto moved = ghana_.Send("POST", path + "/transitions", {{"to", "submitted"}, {"version", 1}});
  ASSERT_EQ(Status(moved), 200);
  ASSERT_EQ(Status(coordinator_.Send("POST", path + "/messages",
                                     {{"body", "Could you send the draft lease?"}})),
            201);
  const std::string thread = ThreadOf(r["id"]);
  const auto mails = sink_->WaitFor("focal.ghana@connex.example", 1, 20, [&](const json& m) {
    return m["in_reply_to"] == thread && m["reply_to"] != "";
  });
  ASSERT_EQ(mails.size(), 1u);
  const std::string reply_to = mails[0]["reply_to"];
  EXPECT_EQ(reply_to.rfind("connex+", 0), 0u) << reply_to;
  EXPECT_NE(mails[0]["text"].get<std::string>().find("Reply to this mail"), std::string::npos);

  // A corpus reply, sent back to this thread's address; `edit` changes it first.
  const auto receive = [&](const std::string& file,
                           const std::function<void(std::string&)>& edit = nullptr) {
    std::ifstream in(std::string(CONNEX_SOURCE_DIR) + "/tests/mail/replies/" + file,
                     std::ios::binary);
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string placeholder = "connex+k7qf4token@mail.example";
    for (size_t at = raw.find(placeholder); at != std::string::npos; at = raw.find(placeholder)) {
      raw.replace(at, placeholder.size(), reply_to);
    }
    if (edit) edit(raw);
    const std::string mail_file = server_->data_dir() + "/reply.eml";
    std::ofstream(mail_file, std::ios::binary) << raw;
    const std::string command = std::string(CONNEX_BINARY) + " mail receive " +
                                server_->DataOptions() + " < '" + mail_file + "' 2>> '" +
                                server_->data_dir() + "/receive.log'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  const auto bodies = [&] {
    std::vector<std::string> out;
    const json messages = Json(coordinator_.Get(path + "/messages"));
    for (const json& m : messages["items"]) out.push_back(m["body"]);
    return out;
  };

  EXPECT_EQ(receive("thunderbird_en.eml"), 0);
  auto now = bodies();
  ASSERT_EQ(now.size(), 2u);
  EXPECT_NE(std::find(now.begin(), now.end(),
                      "Thank you. The draft lease is attached to our file; the royalty clause "
                      "is in article 12.\n\nKwame"),
            now.end());
  // The mail server pipes the same reply again (a retry after a timeout): it
  // is taken once, and the second delivery is not bounced.
  EXPECT_EQ(receive("thunderbird_en.eml"), 0);
  EXPECT_EQ(bodies().size(), 2u);
  // Its attachment becomes a document of the request.
  EXPECT_EQ(receive("attachment.eml"), 0);
  EXPECT_EQ(Json(ghana_.Get(path + "/documents"))["items"].size(), 1u);
  // Refused, writing nothing: a forged sender, a wrong token, a message too large.
  EXPECT_EQ(receive("gmail_en.eml",
                    [](std::string& raw) {
                      raw.replace(raw.find("focal.ghana@connex.example"), 26,
                                  "focal.senegal@connex.example");
                    }),
            65);
  EXPECT_EQ(receive("gmail_en.eml",
                    [&](std::string& raw) {
                      raw.replace(raw.find(reply_to), reply_to.size(), "connex+0000@mail.example");
                    }),
            65);
  EXPECT_EQ(receive("gmail_en.eml", [](std::string& raw) { raw += std::string(30u << 20, 'x'); }),
            65);
  EXPECT_EQ(bodies().size(), 3u);  // the two taken (one text, one with the file) and the first
  // A withdrawn request takes no more replies.
  const json detail = Json(ghana_.Get(path));
  ASSERT_EQ(Status(ghana_.Send("POST", path + "/transitions",
                               {{"to", "withdrawn"},
                                {"version", detail["version"]},
                                {"reason", "The company left the talks."}})),
            200);
  EXPECT_EQ(receive("apple_fr.eml",
                    [](std::string& raw) {
                      raw.replace(raw.find("focal.senegal@connex.example"), 28,
                                  "focal.ghana@connex.example");
                    }),
            65);
  EXPECT_EQ(bodies().size(), 3u);
  std::ifstream log(server_->data_dir() + "/receive.log");
  const std::string said((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(said.find("is not the person this reply address was given to"), std::string::npos);
  EXPECT_NE(said.find("names no conversation"), std::string::npos);
  EXPECT_NE(said.find("larger than"), std::string::npos);
  EXPECT_NE(said.find("closed to messages"), std::string::npos);
  EXPECT_NE(said.find("mail already taken"), std::string::npos);
}

// Each account's settings list the mails that can reach it, and only those.
TEST_F(Mail, EachRoleChoosesAmongTheMailsThatReachIt) {
  const auto kinds_of = [](Client& who) {
    std::set<std::string> kinds;
    const json settings = Json(who.Get("/api/v1/account/mail"));
    for (const json& c : settings["choices"]) kinds.insert(c["kind"]);
    return kinds;
  };
  const std::set<std::string> government = kinds_of(ghana_), expert = kinds_of(expert_),
                              coordinator = kinds_of(coordinator_);
  EXPECT_TRUE(government.count("obligation_overdue") && government.count("feedback_requested"));
  EXPECT_FALSE(government.count("enquiry") || government.count("clock_breached"));
  EXPECT_TRUE(expert.count("message") && expert.count("deliverable"));
  EXPECT_FALSE(expert.count("team_changed") || expert.count("request_submitted"));
  EXPECT_TRUE(coordinator.count("enquiry") && coordinator.count("clock_warning"));
  EXPECT_FALSE(coordinator.count("obligation_due_soon"));
  const std::set<std::string> training = {"training_nominated", "training_certificate"};
  EXPECT_EQ(kinds_of(admin_), training);  // as a funder's: no notice of a request reaches them
  // A kind that never reaches the account is refused by name.
  const auto refused = ghana_.Send("PUT", "/api/v1/account/mail",
                                   {{"choices", {{{"kind", "enquiry"}, {"mode", "off"}}}}});
  EXPECT_EQ(ErrorFields(refused), std::set<std::string>{"mail"});
}

TEST_F(Mail, TheOutboxIsTheAdministratorsAndNeverShowsTheWords) {
  EXPECT_EQ(Status(coordinator_.Get("/api/v1/mail/outbox")), 404);
  EXPECT_EQ(Status(NewClient().Get("/api/v1/mail/outbox")), 401);
  const json outbox = Json(admin_.Get("/api/v1/mail/outbox?limit=500"));
  ASSERT_FALSE(outbox["items"].empty());
  EXPECT_EQ(outbox["from"], kMailFrom);
  for (const json& item : outbox["items"]) {
    EXPECT_FALSE(item.contains("params"));
    EXPECT_FALSE(item.contains("text"));
  }
  EXPECT_EQ(ErrorFields(admin_.Get("/api/v1/mail/outbox?status=lost")),
            std::set<std::string>{"status"});
}

TEST_F(Mail, AnAdministratorRunsAccountsAndTheAuditNamesThePeople) {
  Client engineer = NewClient();
  ASSERT_TRUE(engineer.SignIn("mining.engineer@connex.example"));
  const json me = Json(engineer.Get("/api/v1/session"))["user"];
  const std::string path = "/api/v1/users/" + me["id"].get<std::string>();
  // Deactivated: signed out at the next request, and no way back in.
  auto off = admin_.Send("PUT", path, {{"version", me["version"]}, {"disabled", true}});
  ASSERT_EQ(Status(off), 200) << off->body;
  EXPECT_TRUE(Json(off)["disabled"].get<bool>());
  EXPECT_EQ(Status(engineer.Get("/api/v1/session")), 401);
  EXPECT_FALSE(engineer.SignIn("mining.engineer@connex.example"));
  EXPECT_EQ(Status(admin_.Send("POST", path + "/password-reset", json::object())), 400);
  // A stale version is refused; so are the administrator's own deactivation
  // and a government role without a government organisation.
  EXPECT_EQ(Status(admin_.Send("PUT", path, {{"version", me["version"]}, {"disabled", false}})),
            409);
  const json admin_me = Json(admin_.Get("/api/v1/session"))["user"];
  EXPECT_EQ(ErrorFields(admin_.Send("PUT", "/api/v1/users/" + admin_me["id"].get<std::string>(),
                                    {{"version", admin_me["version"]}, {"disabled", true}})),
            std::set<std::string>{"disabled"});
  // (The refused sign-in counted a failure, so the account moved on.)
  const int version = Json(admin_.Get(path))["version"];
  EXPECT_EQ(ErrorFields(admin_.Send("PUT", path, {{"version", version}, {"role", "government"}})),
            std::set<std::string>{"organisation_id"});
  auto on = admin_.Send("PUT", path, {{"version", version}, {"disabled", false}});
  ASSERT_EQ(Status(on), 200);
  EXPECT_TRUE(engineer.SignIn("mining.engineer@connex.example"));
  // A password link sent by the administrator arrives.
  ASSERT_EQ(Status(admin_.Send("POST", path + "/password-reset", json::object())), 202);
  EXPECT_EQ(sink_
                ->WaitFor("mining.engineer@connex.example", 1, 20,
                          [](const json& m) {
                            return m["subject"] == "Choose a new password for the CONNEX portal";
                          })
                .size(),
            1u);
  // Organisations are renamed in place.
  const std::string org = Json(ghana_.Get("/api/v1/session"))["user"]["organisation_id"];
  auto renamed = admin_.Send(
      "PUT", "/api/v1/organisations/" + org,
      {{"name", "Ministry of Lands and Natural Resources (Ghana)"}, {"country", "GHA"}});
  ASSERT_EQ(Status(renamed), 200) << renamed->body;
  EXPECT_EQ(ErrorFields(admin_.Send("PUT", "/api/v1/organisations/" + org, {{"name", ""}})),
            std::set<std::string>{"name"});
  // The audit log says who did what to whom, by name.
  const json entries = Json(admin_.Get("/api/v1/audit?limit=10"))["items"];
  bool named = false;
  for (const json& e : entries) {
    if (e["action"] == "user.deactivate") {
      EXPECT_EQ(e["actor_name"], "Alex Admin");
      EXPECT_EQ(e["object_name"], "Tom Engineer");
      named = true;
    }
  }
  EXPECT_TRUE(named);
}

// The relay is down when the mail is written: it waits in the outbox with the
// reason, and goes exactly once when the relay comes back.
TEST(MailRelay, IsDownThenBackAndTheMailGoesOnce) {
  const int port = FreePort();
  ServerProcess server(MailOptions("smtp://127.0.0.1:" + std::to_string(port)));
  ASSERT_TRUE(server.ready());
  Client admin(server.port()), visitor(server.port());
  ASSERT_TRUE(admin.SignIn("admin@connex.example"));
  ASSERT_EQ(Status(visitor.Send("POST", "/api/v1/password-reset",
                                {{"email", "coordinator@connex.example"}})),
            202);
  json waiting;
  for (int i = 0; i < 100; ++i) {
    waiting = Json(admin.Get("/api/v1/mail/outbox?status=queued"));
    bool tried = false;
    for (const json& item : waiting["items"]) {
      if (item["kind"] == "password_reset" && item["attempts"].get<int>() >= 1) tried = true;
    }
    if (tried) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  json reset;
  for (const json& item : waiting["items"]) {
    if (item["kind"] == "password_reset") reset = item;
  }
  ASSERT_FALSE(reset.is_null()) << waiting.dump();
  EXPECT_GE(reset["attempts"].get<int>(), 1);
  EXPECT_FALSE(reset["last_error"].get<std::string>().empty());
  EXPECT_EQ(reset["recipient"], "coordinator@connex.example");

  MailSink sink(port);
  ASSERT_TRUE(sink.ready());
  auto mails = sink.WaitFor("coordinator@connex.example", 1, 60);
  std::vector<json> resets;
  const auto count_resets = [&] {
    resets.clear();
    for (const json& m : sink.MailsTo("coordinator@connex.example")) {
      if (m["subject"] == "Choose a new password for the CONNEX portal") resets.push_back(m);
    }
  };
  for (int i = 0; i < 600 && resets.empty(); ++i) {
    count_resets();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(resets.size(), 1u);
  std::this_thread::sleep_for(std::chrono::seconds(3));
  count_resets();
  EXPECT_EQ(resets.size(), 1u) << "sent twice";
  const json sent = Json(admin.Get("/api/v1/mail/outbox?status=sent"));
  bool found = false;
  for (const json& item : sent["items"]) {
    if (item["id"] == reset["id"]) found = true;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace connex::testing
