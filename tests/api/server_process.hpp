// A real `connex serve` for API tests: started in a fresh temporary data
// directory on a free port with the demo accounts, stopped with SIGTERM (or
// killed) at the end. Requests go over HTTP with cpp-httplib's client.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace connex::testing {

// A port on 127.0.0.1 nothing listens on now.
int FreePort();

class ServerProcess {
 public:
  // `extra`: more `connex serve` options. `data_dir`: reuse a directory (empty: a new one).
  explicit ServerProcess(std::vector<std::string> extra = {}, std::string data_dir = "");
  ~ServerProcess();

  bool ready() const { return ready_; }
  int port() const { return port_; }
  const std::string& data_dir() const { return data_dir_; }
  // The options by which a `connex` command reaches this server's data.
  std::string DataOptions() const {
    return "--data '" + data_dir_ + "'" + (db_url_.empty() ? "" : " --db '" + db_url_ + "'");
  }
  // Runs one SQL statement on this server's database (sqlite3 or psql), as
  // an operator would; for what no route may do, such as moving time back.
  bool Sql(const std::string& statement) const;
  // Sends `signal` and waits; the exit status, or -1 if it did not exit in `seconds`.
  int Stop(int signal, int seconds = 20);

 private:
  std::vector<std::string> extra_;
  std::string data_dir_;
  std::string db_url_;  // on PostgreSQL
  bool own_dir_ = false;
  int port_ = 0;
  int pid_ = -1;
  bool ready_ = false;
};

// A browser-like client: keeps the session cookie and sends the CSRF token.
class Client {
 public:
  explicit Client(int port);
  httplib::Result Get(const std::string& path);
  httplib::Result Send(const std::string& method, const std::string& path,
                       const nlohmann::json& body, bool with_csrf = true);
  httplib::Result Raw(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& content_type);
  // Signs in; true on 201. Keeps the cookie and CSRF token.
  bool SignIn(const std::string& email, const std::string& password = "connex-demo-2026");
  const std::string& csrf() const { return csrf_; }
  // Sends `Accept-Language: value` from now on, as a browser set to it does.
  void set_accept_language(std::string value) { accept_language_ = std::move(value); }
  void set_csrf(std::string csrf) { csrf_ = std::move(csrf); }
  // Uses `other`'s session (cookie and CSRF token), as a browser whose
  // requests a proxy sends to another instance.
  void AdoptSession(const Client& other) {
    cookie_ = other.cookie_;
    csrf_ = other.csrf_;
  }

 private:
  httplib::Headers Headers(bool with_csrf) const;
  void KeepCookie(const httplib::Result& r);
  httplib::Client http_;
  std::string cookie_;
  std::string csrf_;
  std::string accept_language_;
};

// The status of a reply; -1 when the server did not answer.
inline int Status(const httplib::Result& r) { return r ? r->status : -1; }
// The due diligence of an eligible request, its first version: every risk
// low, approved (PUT /requests/{id}/due-diligence).
inline nlohmann::json LowRiskApproval() {
  return {{"human_rights", "low"}, {"environmental", "low"}, {"legal", "low"},
          {"reputational", "low"}, {"decision", "approve"},  {"version", 0}};
}
nlohmann::json Json(const httplib::Result& r);
// Today's date (UTC) moved by `days`: "2026-12-07".
std::string DateInDays(int days);
// The sheet names and cell texts of an xlsx workbook's bytes (through unzip).
std::string XlsxText(const std::string& bytes);
// The fields named by the errors of a refused request.
std::set<std::string> ErrorFields(const httplib::Result& r);
// A model file of examples/ (oil_psc.json, ...).
nlohmann::json Example(const std::string& name);
// Polls a long fiscal run through `c` until `until` holds or 60 s pass; the last view.
nlohmann::json PollJob(Client& c, const std::string& job,
                       const std::function<bool(const nlohmann::json&)>& until);

// One named step of a scenario test: its failures carry the name, and the
// scenario stops at the first step that fails fatally:
//   ASSERT_TRUE(Step("the coordinator acknowledges", [&] { ... }));
inline bool Step(const char* name, const std::function<void()>& body) {
  SCOPED_TRACE(name);
  body();
  return !::testing::Test::HasFatalFailure();
}

// A suite of API tests against one demo portal, started once for the suite
// (with `Suite::ServerOptions()`) and stopped after it. Clients sign in to the
// demo accounts they need in the suite's SetUp.
template <typename Suite>
class PortalTest : public ::testing::Test {
 protected:
  static std::vector<std::string> ServerOptions() { return {}; }
  static void SetUpTestSuite() { server_ = new ServerProcess(Suite::ServerOptions()); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_->ready()) << "connex serve did not start"; }
  static Client NewClient() { return Client(server_->port()); }

  // Signs in the demo accounts of these clients (members below), in a suite's SetUp.
  void SignIn(std::initializer_list<Client*> who) {
    const std::pair<const Client*, const char*> accounts[] = {
        {&ghana_, "focal.ghana@connex.example"},
        {&senegal_, "focal.senegal@connex.example"},
        {&coordinator_, "coordinator@connex.example"},
        {&admin_, "admin@connex.example"},
        {&expert_, "fiscal.expert@connex.example"},
        {&engineer_, "mining.engineer@connex.example"},
        {&funder_, "funder@connex.example"}};
    for (Client* c : who) {
      for (const auto& [client, email] : accounts) {
        if (client == c) {
          ASSERT_TRUE(c->SignIn(email)) << email;
        }
      }
    }
  }

  static inline ServerProcess* server_ = nullptr;
  // One client per demo account (the two governments' focal points, the
  // Support Unit, the fiscal expert and the mining engineer of the roster, a
  // funder), and a visitor who never signs in.
  Client ghana_ = NewClient(), senegal_ = NewClient(), coordinator_ = NewClient(),
         admin_ = NewClient(), expert_ = NewClient(), engineer_ = NewClient(),
         funder_ = NewClient(), visitor_ = NewClient();
};

}  // namespace connex::testing
