// The portal API over HTTP against a real `connex serve`: sessions, CSRF,
// rate limits, expiry, invitations, bad input, shutdown, and the
// authorization matrix over every route of the OpenAPI document.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using nlohmann::json;

std::string Field(const httplib::Result& r) { return Json(r)["error"]["field"]; }
std::string Code(const httplib::Result& r) { return Json(r)["error"]["code"]; }

// One server for the tests that do not need special settings.
class Api : public PortalTest<Api> {
 public:
  static std::vector<std::string> ServerOptions() { return {"--max-body", "4096"}; }
};
TEST_F(Api, SignInReadTheSessionSignOut) {
  Client c = NewClient();
  EXPECT_EQ(Status(c.Get("/api/v1/session")), 401);
  ASSERT_TRUE(c.SignIn("coordinator@connex.example"));
  auto me = c.Get("/api/v1/session");
  ASSERT_EQ(Status(me), 200);
  EXPECT_EQ(Json(me)["user"]["role"], "coordinator");
  EXPECT_EQ(Json(me)["csrf_token"], c.csrf());
  auto out = c.Send("DELETE", "/api/v1/session", nullptr);
  EXPECT_EQ(Status(out), 204);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Status(c.Get("/api/v1/session")), 401);
}

TEST_F(Api, TheSessionCookieIsHttpOnlyAndSameSiteAndHeadersAreSafe) {
  Client c = NewClient();
  auto r = c.Send("POST", "/api/v1/session",
                  {{"email", "admin@connex.example"}, {"password", "connex-demo-2026"}});
  ASSERT_EQ(Status(r), 201);
  const std::string cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(r->get_header_value("Content-Security-Policy").find("unsafe-inline"),
            std::string::npos);
  EXPECT_FALSE(r->get_header_value("X-Request-Id").empty());
}

TEST_F(Api, StateChangesWithoutTheCsrfTokenAreRefused) {
  Client c = NewClient();
  ASSERT_TRUE(c.SignIn("focal.ghana@connex.example"));
  auto no_token = c.Send("DELETE", "/api/v1/session", nullptr, /*with_csrf=*/false);
  EXPECT_EQ(Status(no_token), 403);
  EXPECT_EQ(Code(no_token), "csrf");
  EXPECT_EQ(Field(no_token), "X-CSRF-Token");
  const std::string good = c.csrf();
  c.set_csrf("forged-token");
  auto forged = c.Send("PUT", "/api/v1/account/password",
                       {{"current_password", "connex-demo-2026"}, {"new_password", "x"}});
  EXPECT_EQ(Status(forged), 403);
  c.set_csrf(good);
  EXPECT_EQ(Status(c.Get("/api/v1/session")), 200);  // the session survived both attempts
}

TEST_F(Api, WrongPasswordsGetOneMessageWhetherOrNotTheAccountExists) {
  Client c = NewClient();
  auto unknown =
      c.Send("POST", "/api/v1/session", {{"email", "nobody@x.org"}, {"password", "whatever12345"}});
  auto wrong = c.Send("POST", "/api/v1/session",
                      {{"email", "mining.engineer@connex.example"}, {"password", "whatever12345"}});
  EXPECT_EQ(Status(unknown), 400);
  EXPECT_EQ(Status(wrong), 400);
  EXPECT_EQ(Json(unknown)["error"], Json(wrong)["error"]);
}

TEST_F(Api, BadInputNamesTheFieldAndTheReason) {
  Client c = NewClient();
  auto malformed = c.Raw("POST", "/api/v1/session", "{\"email\": ", "application/json");
  EXPECT_EQ(Status(malformed), 400);
  EXPECT_EQ(Code(malformed), "invalid_json");
  auto wrong_type = c.Send("POST", "/api/v1/session", {{"email", 42}, {"password", "p"}});
  EXPECT_EQ(Status(wrong_type), 400);
  EXPECT_EQ(Field(wrong_type), "email");
  EXPECT_EQ(Json(wrong_type)["error"]["message"], "Enter a text.");
  auto unknown = c.Send("POST", "/api/v1/session",
                        {{"email", "a@b.org"}, {"password", "p"}, {"remember_me", true}});
  EXPECT_EQ(Status(unknown), 400);
  EXPECT_EQ(Field(unknown), "remember_me");
  auto missing = c.Send("POST", "/api/v1/session", json::object());
  EXPECT_EQ(Json(missing)["errors"].size(), 2u);  // email and password, both reported
  auto not_object = c.Raw("POST", "/api/v1/session", "[1, 2]", "application/json");
  EXPECT_EQ(Status(not_object), 400);
  auto form = c.Raw("POST", "/api/v1/session", "email=a", "application/x-www-form-urlencoded");
  EXPECT_EQ(Status(form), 415);
  EXPECT_EQ(Field(form), "Content-Type");
  auto huge = c.Raw("POST", "/api/v1/session", std::string(8192, ' '), "application/json");
  EXPECT_EQ(Status(huge), 413);
  EXPECT_EQ(Code(huge), "payload_too_large");
  ASSERT_TRUE(c.SignIn("admin@connex.example"));
  auto bad_limit = c.Get("/api/v1/users?limit=0");
  EXPECT_EQ(Status(bad_limit), 400);
  EXPECT_EQ(Field(bad_limit), "limit");
  auto not_utf8 = c.Get("/api/v1/users?limit=%FF");  // echoed in the message, not valid UTF-8
  EXPECT_EQ(Status(not_utf8), 400);
  EXPECT_EQ(Field(not_utf8), "limit");
  auto no_route = c.Get("/api/v1/nothing-here");
  EXPECT_EQ(Status(no_route), 404);
  EXPECT_EQ(Code(no_route), "not_found");
  // The null character, which PostgreSQL cannot hold: refused, naming where it is.
  auto nul = c.Raw("POST", "/api/v1/organisations",
                   R"({"name":"Ministry\u0000of Mines","country":"GHA","kind":"government"})",
                   "application/json");
  EXPECT_EQ(Status(nul), 400);
  EXPECT_EQ(Field(nul), "name");
  auto nested =
      c.Raw("POST", "/api/v1/enquiries", R"({"topics":["a","b\u0000"]})", "application/json");
  EXPECT_EQ(Status(nested), 400);
  EXPECT_EQ(Field(nested), "topics[1]");
  auto query = c.Get("/api/v1/hub/search?q=gold%00");
  EXPECT_EQ(Status(query), 400);
  EXPECT_EQ(Field(query), "q");
}

TEST_F(Api, TheSameBadRequestIsAnsweredInTheReadersLanguageWithTheSameCodeAndField) {
  // A visitor: the language Accept-Language prefers among the portal's.
  const std::map<std::string, std::string> required = {
      {"en-GB,en;q=0.9", "Fill this in."},
      {"fr-SN,fr;q=0.9,en;q=0.5", "Ce champ est obligatoire."},
      {"es-419,es;q=0.9", "Este campo es obligatorio."},
      {"de-DE,pt;q=0.8", "Este campo é obrigatório."},
      {"de-DE", "Fill this in."}};
  for (const auto& [accept, message] : required) {
    Client visitor(server_->port());
    visitor.set_accept_language(accept);
    auto r = visitor.Send("POST", "/api/v1/enquiries",
                          {{"name", "Ana Silva"},
                           {"email", "ana@example.org"},
                           {"organisation", "Ministry of Mines"},
                           {"message", ""}});
    EXPECT_EQ(Status(r), 400) << accept;
    EXPECT_EQ(Code(r), "invalid_input") << accept;
    EXPECT_EQ(Field(r), "message") << accept;
    EXPECT_EQ(Json(r)["error"]["message"], message) << accept;
  }
  // A signed-in reader: the account's language, whatever the browser says.
  Client official(server_->port());
  ASSERT_TRUE(official.SignIn("focal.ghana@connex.example"));
  official.set_accept_language("fr");
  const json mail = Json(official.Get("/api/v1/account/mail"));
  json pt = {{"language", "pt"}, {"time_zone", mail["time_zone"]}, {"choices", mail["choices"]}};
  ASSERT_EQ(Status(official.Send("PUT", "/api/v1/account/mail", pt)), 200);
  auto rate = official.Send("PUT", "/api/v1/account/password",
                            {{"current_password", "connex-demo-2026"}, {"new_password", "short"}});
  EXPECT_EQ(Status(rate), 400);
  EXPECT_EQ(Field(rate), "new_password");
  EXPECT_EQ(Json(rate)["error"]["message"],
            "Escolha uma palavra-passe com pelo menos 12 caracteres.");
  pt["language"] = "en";
  EXPECT_EQ(Status(official.Send("PUT", "/api/v1/account/mail", pt)), 200);
}

TEST_F(Api, InvitationFlowFromCoordinatorToANewExpertSignedIn) {
  Client coord = NewClient();
  ASSERT_TRUE(coord.SignIn("coordinator@connex.example"));
  auto refused = coord.Send("POST", "/api/v1/invitations",
                            {{"email", "boss@x.org"}, {"name", "Boss"}, {"role", "admin"}});
  EXPECT_EQ(Status(refused), 403);
  EXPECT_EQ(Field(refused), "role");
  auto inv = coord.Send(
      "POST", "/api/v1/invitations",
      {{"email", "New.Expert@Example.org"}, {"name", "Nadia Expert"}, {"role", "expert"}});
  ASSERT_EQ(Status(inv), 201) << inv->body;
  const std::string url = Json(inv)["accept_url"];
  const std::string token = url.substr(url.rfind('/') + 1);
  Client guest = NewClient();
  auto seen = guest.Get("/api/v1/invitations/" + token);
  ASSERT_EQ(Status(seen), 200);
  EXPECT_EQ(Json(seen)["email"], "new.expert@example.org");
  EXPECT_EQ(Json(seen)["role"], "expert");
  auto weak =
      guest.Send("POST", "/api/v1/invitations/" + token + "/accept", {{"password", "short"}});
  EXPECT_EQ(Status(weak), 400);
  EXPECT_EQ(Field(weak), "password");
  auto accepted = guest.Send("POST", "/api/v1/invitations/" + token + "/accept",
                             {{"password", "a strong new passphrase"}});
  ASSERT_EQ(Status(accepted), 201);
  EXPECT_EQ(Json(accepted)["role"], "expert");
  EXPECT_EQ(Status(guest.Send("POST", "/api/v1/invitations/" + token + "/accept",
                              {{"password", "a strong new passphrase"}})),
            404);  // used once
  EXPECT_TRUE(guest.SignIn("new.expert@example.org", "a strong new passphrase"));
  EXPECT_EQ(Status(guest.Get("/api/v1/invitations/not-a-token")), 404);
}

TEST_F(Api, PasswordChangeEndsOtherSessions) {
  Client admin = NewClient();
  ASSERT_TRUE(admin.SignIn("admin@connex.example"));
  auto inv = admin.Send("POST", "/api/v1/invitations",
                        {{"email", "pw@example.org"}, {"name", "Pat"}, {"role", "expert"}});
  const std::string url = Json(inv)["accept_url"];
  Client a = NewClient(), b = NewClient();
  ASSERT_EQ(
      Status(a.Send("POST", "/api/v1/invitations/" + url.substr(url.rfind('/') + 1) + "/accept",
                    {{"password", "first passphrase"}})),
      201);
  ASSERT_TRUE(a.SignIn("pw@example.org", "first passphrase"));
  ASSERT_TRUE(b.SignIn("pw@example.org", "first passphrase"));
  auto wrong =
      a.Send("PUT", "/api/v1/account/password",
             {{"current_password", "not it at all"}, {"new_password", "second passphrase"}});
  EXPECT_EQ(Field(wrong), "current_password");
  ASSERT_EQ(Status(a.Send(
                "PUT", "/api/v1/account/password",
                {{"current_password", "first passphrase"}, {"new_password", "second passphrase"}})),
            204);
  EXPECT_EQ(Status(a.Get("/api/v1/session")), 200);
  EXPECT_EQ(Status(b.Get("/api/v1/session")), 401);
  EXPECT_TRUE(b.SignIn("pw@example.org", "second passphrase"));
}

// Every route of the OpenAPI document, for every role: a route's rule decides;
// a visitor is told to sign in (401), a signed-in user without the right sees
// nothing there (404).
TEST_F(Api, AuthorizationMatrixOverEveryRouteAndRole) {
  Client admin = NewClient();
  ASSERT_TRUE(admin.SignIn("admin@connex.example"));
  const json doc = Json(admin.Get("/api/v1/openapi.json"));
  ASSERT_TRUE(doc["paths"].is_object());
  const std::string some_user = Json(admin.Get("/api/v1/users?limit=1"))["items"][0]["id"];
  const std::map<std::string, std::vector<std::string>> allowed = {
      {"public", {"public", "government", "expert", "coordinator", "admin", "funder"}},
      {"participant", {"public", "government", "expert", "coordinator", "admin", "funder"}},
      {"signed_in", {"government", "expert", "coordinator", "admin", "funder"}},
      {"case_work", {"government", "expert", "coordinator", "admin"}},
      {"staff", {"coordinator", "admin"}},
      {"reports", {"coordinator", "admin", "funder"}},
      {"admin", {"admin"}}};
  const std::map<std::string, std::string> logins = {{"government", "focal.senegal@connex.example"},
                                                     {"expert", "fiscal.expert@connex.example"},
                                                     {"coordinator", "coordinator@connex.example"},
                                                     {"admin", "admin@connex.example"},
                                                     {"funder", "funder@connex.example"}};
  int checked = 0;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      ASSERT_TRUE(op.contains("x-access")) << method << " " << path << " declares no rule";
      const std::string access = op["x-access"];
      ASSERT_TRUE(allowed.count(access)) << method << " " << path << ": unknown rule " << access;
      std::string concrete = std::regex_replace(path, std::regex(R"(\{id\})"), some_user);
      concrete = std::regex_replace(concrete, std::regex(R"(\{token\})"), "no-such-token");
      std::string upper = method;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(ch));
      if (path == "/api/v1/session" && upper == "DELETE") continue;  // would end the session
      for (const std::string role :
           {"public", "government", "expert", "coordinator", "admin", "funder"}) {
        Client c = NewClient();
        if (role != "public") {
          ASSERT_TRUE(c.SignIn(logins.at(role)));
        }
        auto r = upper == "GET" ? c.Get(concrete) : c.Send(upper, concrete, json::object());
        const auto& who = allowed.at(access);
        const bool permitted = std::find(who.begin(), who.end(), role) != who.end();
        if (!permitted) {
          EXPECT_EQ(Status(r), role == "public" ? 401 : 404)
              << role << " " << upper << " " << path << ": " << (r ? r->body : "");
        } else {
          EXPECT_NE(Status(r), 401) << role << " " << upper << " " << path;
          EXPECT_LT(Status(r), 500) << role << " " << upper << " " << path;
        }
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 5 * 15);
}

TEST_F(Api, GovernmentsSeeOnlyTheirOwnOrganisationAndPeople) {
  Client admin = NewClient(), ghana = NewClient(), senegal = NewClient();
  ASSERT_TRUE(admin.SignIn("admin@connex.example"));
  ASSERT_TRUE(ghana.SignIn("focal.ghana@connex.example"));
  ASSERT_TRUE(senegal.SignIn("focal.senegal@connex.example"));
  const json orgs = Json(admin.Get("/api/v1/organisations"))["items"];
  ASSERT_EQ(orgs.size(), 3u);
  const json own = Json(ghana.Get("/api/v1/organisations"))["items"];
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0]["country"], "GHA");
  const json senegal_me = Json(senegal.Get("/api/v1/session"))["user"];
  const std::string senegal_org = senegal_me["organisation_id"];
  const std::string senegal_user = senegal_me["id"];
  EXPECT_EQ(Status(ghana.Get("/api/v1/organisations/" + senegal_org)), 404);
  EXPECT_EQ(Status(ghana.Get("/api/v1/users/" + senegal_user)), 404);
  EXPECT_EQ(Status(senegal.Get("/api/v1/users/" + senegal_user)), 200);
  EXPECT_EQ(Status(admin.Get("/api/v1/users/" + senegal_user)), 200);
  // A made-up id and someone else's id answer alike.
  EXPECT_EQ(Json(ghana.Get("/api/v1/users/usr_00000000000000000000000000000000"))["error"],
            Json(ghana.Get("/api/v1/users/" + senegal_user))["error"]);
}

TEST_F(Api, EveryMutationIsAuditedAndTheChainHolds) {
  Client admin = NewClient();
  ASSERT_TRUE(admin.SignIn("admin@connex.example"));
  auto org = admin.Send("POST", "/api/v1/organisations",
                        {{"kind", "provider"}, {"name", "Open Oil Advisors"}});
  ASSERT_EQ(Status(org), 201);
  const json entries = Json(admin.Get("/api/v1/audit?limit=5"))["items"];
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["action"], "organisation.create");
  EXPECT_EQ(entries[0]["object_id"], Json(org)["id"]);
  EXPECT_EQ(entries[0]["after"]["name"], "Open Oil Advisors");
  const json verdict = Json(admin.Get("/api/v1/audit/verify"));
  EXPECT_TRUE(verdict["intact"].get<bool>());
  EXPECT_GT(verdict["entries"].get<int>(), 10);
}

TEST(ApiServer, RepeatedFailuresLockTheAccountAndThenTheClient) {
  ServerProcess server({"--lockout-failures", "3", "--client-failures", "6"});
  ASSERT_TRUE(server.ready());
  Client c(server.port());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(
        Status(c.Send("POST", "/api/v1/session",
                      {{"email", "fiscal.expert@connex.example"}, {"password", "not the one"}})),
        400);
  }
  auto locked =
      c.Send("POST", "/api/v1/session",
             {{"email", "fiscal.expert@connex.example"}, {"password", "connex-demo-2026"}});
  EXPECT_EQ(Status(locked), 429);
  EXPECT_NE(std::string(Json(locked)["error"]["message"]).find("locked"), std::string::npos);
  // Other accounts from the same address, until the address itself is refused.
  for (int i = 0; i < 3; ++i) {
    c.Send("POST", "/api/v1/session",
           {{"email", "x" + std::to_string(i) + "@y.org"}, {"password", "not the one"}});
  }
  auto refused = c.Send("POST", "/api/v1/session",
                        {{"email", "admin@connex.example"}, {"password", "connex-demo-2026"}});
  EXPECT_EQ(Status(refused), 429);
  EXPECT_NE(std::string(Json(refused)["error"]["message"]).find("this connection"),
            std::string::npos);
}

TEST(ApiServer, AnAddressWithoutAnAccountIsLockedAsAnAccountIs) {
  ServerProcess server({"--lockout-failures", "3", "--client-failures", "50"});
  ASSERT_TRUE(server.ready());
  Client c(server.port());
  auto attempt = [&](const std::string& email) {
    return c.Send("POST", "/api/v1/session", {{"email", email}, {"password", "not the one"}});
  };
  for (const std::string email : {"fiscal.expert@connex.example", "nobody@connex.example"}) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(Status(attempt(email)), 400) << email;
  }
  // The fourth try: the same answer whether or not the address has an account.
  auto real = attempt("fiscal.expert@connex.example");
  auto unknown = attempt("nobody@connex.example");
  EXPECT_EQ(Status(real), 429);
  EXPECT_EQ(Status(unknown), 429);
  EXPECT_EQ(Json(real)["error"], Json(unknown)["error"]);
  // Other addresses are not affected.
  EXPECT_EQ(Status(attempt("someone.else@connex.example")), 400);
}

// Instants are whole seconds, so each limit leaves a second or more of slack.
TEST(ApiServer, IdleAndExpiredSessionsEnd) {
  ServerProcess idle({"--session-idle", "6"});
  ASSERT_TRUE(idle.ready());
  Client a(idle.port());
  ASSERT_TRUE(a.SignIn("admin@connex.example"));
  // Activity keeps an idle-limited session alive past the idle limit...
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    EXPECT_EQ(Status(a.Get("/api/v1/session")), 200) << "after " << (i + 1) * 2.5 << " s";
  }
  // ...and silence ends it.
  std::this_thread::sleep_for(std::chrono::milliseconds(8000));
  EXPECT_EQ(Status(a.Get("/api/v1/session")), 401);

  ServerProcess short_lived({"--session-lifetime", "4"});
  ASSERT_TRUE(short_lived.ready());
  Client b(short_lived.port());
  ASSERT_TRUE(b.SignIn("admin@connex.example"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(Status(b.Get("/api/v1/session")), 200);  // activity does not extend the lifetime
  std::this_thread::sleep_for(std::chrono::milliseconds(4500));
  EXPECT_EQ(Status(b.Get("/api/v1/session")), 401);
}

TEST(ApiServer, SigtermLetsAnInFlightRequestFinishAndExitsCleanly) {
  ServerProcess server;
  ASSERT_TRUE(server.ready());
  // A request whose body arrives only after TERM: certainly in flight.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(server.port()));
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string body = R"({"email":"admin@connex.example","password":"connex-demo-2026"})";
  const std::string head =
      "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nConnection: close\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  ASSERT_EQ(send(fd, head.data(), head.size(), 0), static_cast<ssize_t>(head.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int exit_code = -2;
  std::thread stopper([&] { exit_code = server.Stop(SIGTERM); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(send(fd, body.data(), body.size(), 0), static_cast<ssize_t>(body.size()));
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;)
    reply.append(buf, static_cast<size_t>(n));
  close(fd);
  stopper.join();
  EXPECT_EQ(reply.rfind("HTTP/1.1 201", 0), 0u) << reply;
  EXPECT_EQ(exit_code, 0);
}

// Writers create organisations as fast as they can; the server is killed with
// SIGKILL mid-stream. After a restart every write that was acknowledged (201)
// is there, and the audit chain is intact (WAL + synchronous=FULL, one
// transaction per request).
TEST(ApiServer, AcknowledgedWritesSurviveSigkill) {
  std::vector<std::string> acknowledged;
  std::mutex mutex;
  std::string data_dir;
  {
    auto server = std::make_unique<ServerProcess>();
    ASSERT_TRUE(server->ready());
    data_dir = server->data_dir();
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        Client c(server->port());
        if (!c.SignIn("admin@connex.example")) return;
        for (int i = 0; !stop; ++i) {
          auto r = c.Send("POST", "/api/v1/organisations",
                          {{"kind", "provider"},
                           {"name", "Writer " + std::to_string(w) + " firm " + std::to_string(i)}});
          if (Status(r) != 201) break;  // the server is gone
          std::lock_guard<std::mutex> lock(mutex);
          acknowledged.push_back(Json(r)["id"]);
        }
      });
    }
    // Kill once enough writes are acknowledged, not after a fixed time: on a
    // loaded machine the four sign-ins alone can take seconds.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::lock_guard<std::mutex> lock(mutex);
      if (acknowledged.size() >= 40 || std::chrono::steady_clock::now() > deadline) break;
    }
    EXPECT_EQ(server->Stop(SIGKILL), 128 + SIGKILL);
    stop = true;
    for (auto& t : writers) t.join();
    // The directory outlives the killed process: a second server takes it over.
    ServerProcess again({}, data_dir);
    ASSERT_TRUE(again.ready());
    Client admin(again.port());
    ASSERT_TRUE(admin.SignIn("admin@connex.example"));
    std::set<std::string> present;
    const json orgs = Json(admin.Get("/api/v1/organisations"))["items"];
    for (const json& o : orgs) {
      present.insert(o["id"].get<std::string>());
    }
    ASSERT_GT(acknowledged.size(), 10u) << "too few writes to test anything";
    for (const std::string& id : acknowledged) EXPECT_TRUE(present.count(id)) << id << " lost";
    EXPECT_TRUE(Json(admin.Get("/api/v1/audit/verify"))["intact"].get<bool>());
  }
  std::filesystem::remove_all(data_dir);
}

// `connex backup` against the data directory of a running server, while
// requests keep writing: the copy is a consistent database with the schema,
// the accounts and an intact audit chain.
TEST(ApiServer, BackupIsConsistentWhileTheServerWrites) {
  ServerProcess server;
  ASSERT_TRUE(server.ready());
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    Client c(server.port());
    if (!c.SignIn("admin@connex.example")) return;
    for (int i = 0; !stop; ++i) {
      c.Send("POST", "/api/v1/organisations",
             {{"kind", "provider"}, {"name", "Backup firm " + std::to_string(i)}});
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const std::string copy = server.data_dir() + "/copy.db";
  const std::string command = std::string(CONNEX_BINARY) + " backup --data " + server.data_dir() +
                              " " + copy + " > /dev/null";
  const int rc = std::system(command.c_str());
  stop = true;
  writer.join();
  ASSERT_EQ(rc, 0);
  // The copy is a data directory of its own: audit verify runs on it.
  const std::string restored = server.data_dir() + "/restored";
  std::filesystem::create_directories(restored);
  std::filesystem::copy_file(copy, restored + "/connex.db");
  // The key goes along (it is kept apart from the backups), unless it is
  // given to every process already (CONNEX_AUDIT_KEY).
  if (std::filesystem::exists(server.data_dir() + "/audit.key")) {
    std::filesystem::copy_file(server.data_dir() + "/audit.key", restored + "/audit.key");
  }
  const std::string verify = std::string(CONNEX_BINARY) + " audit verify --data " + restored +
                             " > " + restored + "/verdict.txt";
  EXPECT_EQ(std::system(verify.c_str()), 0);
  ServerProcess from_copy({}, restored);
  ASSERT_TRUE(from_copy.ready());
  Client admin(from_copy.port());
  EXPECT_TRUE(admin.SignIn("admin@connex.example"));
}

}  // namespace
}  // namespace connex::testing
