#include "server_process.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

namespace connex::testing {

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

ServerProcess::ServerProcess(std::vector<std::string> extra, std::string data_dir)
    : extra_(std::move(extra)), data_dir_(std::move(data_dir)) {
  if (data_dir_.empty()) {
    std::random_device rd;
    data_dir_ = (std::filesystem::temp_directory_path() /
                 ("connex-api-" + std::to_string(getpid()) + "-" + std::to_string(rd())))
                    .string();
    own_dir_ = true;
  }
  port_ = FreePort();
  std::vector<std::string> args = {CONNEX_BINARY,         "serve", "--data", data_dir_, "--port",
                                   std::to_string(port_), "--demo"};
  // Defaults the caller may replace: four workers, no web app.
  for (const auto& [option, value] : {std::pair<std::string, std::string>{"--threads", "4"},
                                      std::pair<std::string, std::string>{"--web", ""}}) {
    if (std::find(extra_.begin(), extra_.end(), option) == extra_.end()) {
      args.push_back(option);
      args.push_back(value);
    }
  }
  args.insert(args.end(), extra_.begin(), extra_.end());
  if (const char* server = std::getenv("CONNEX_TEST_POSTGRESQL")) {
    // On PostgreSQL (tests/pg/with-cluster.sh): one database per data
    // directory, so a server restarted on the same directory finds its data.
    const std::string name =
        "connex_" + std::to_string(std::hash<std::string>{}(data_dir_) % 1000000000000ULL);
    const std::string create =
        "psql -q \"" + std::string(server) + "\" -c 'CREATE DATABASE " + name + "' >/dev/null 2>&1";
    if (std::system(create.c_str()) == -1) return;
    std::map<std::string, std::string> kv;
    std::istringstream words(server);
    for (std::string w; words >> w;) {
      const size_t eq = w.find('=');
      if (eq != std::string::npos) kv[w.substr(0, eq)] = w.substr(eq + 1);
    }
    db_url_ = "postgresql://" + kv["user"] + "@localhost/" + name + "?host=" + kv["host"] +
              "&port=" + kv["port"];
    args.push_back("--db");
    args.push_back(db_url_);
  }
  pid_ = fork();
  if (pid_ == 0) {
    // The server's logs go to a file in its data directory, not the test output.
    std::filesystem::create_directories(data_dir_);
    const std::string log = data_dir_ + "/serve.log";
    freopen(log.c_str(), "a", stderr);
    freopen("/dev/null", "w", stdout);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  httplib::Client probe("127.0.0.1", port_);
  probe.set_connection_timeout(1);
  for (int i = 0; i < 300 && !ready_; ++i) {
    auto r = probe.Get("/readyz");
    ready_ = r && r->status == 200;
    if (!ready_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

bool ServerProcess::Sql(const std::string& statement) const {
  const std::string file = data_dir_ + "/statement.sql";
  // sqlite3 waits for the server's write lock rather than failing at once.
  std::ofstream(file) << (db_url_.empty() ? ".timeout 10000\n" : "") << statement << ";\n";
  const std::string command = db_url_.empty()
                                  ? "sqlite3 '" + data_dir_ + "/connex.db' < '" + file + "'"
                                  : "psql -q -v ON_ERROR_STOP=1 '" + db_url_ + "' < '" + file + "'";
  return std::system((command + " > /dev/null").c_str()) == 0;
}

int ServerProcess::Stop(int signal, int seconds) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  for (int i = 0; i < seconds * 20; ++i) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && Stop(SIGTERM) < 0) Stop(SIGKILL);
  if (own_dir_) std::filesystem::remove_all(data_dir_);
}

Client::Client(int port) : http_("127.0.0.1", port) {
  http_.set_connection_timeout(5);
  http_.set_read_timeout(30);
}

httplib::Headers Client::Headers(bool with_csrf) const {
  httplib::Headers h;
  if (!cookie_.empty()) h.emplace("Cookie", cookie_);
  if (with_csrf && !csrf_.empty()) h.emplace("X-CSRF-Token", csrf_);
  if (!accept_language_.empty()) h.emplace("Accept-Language", accept_language_);
  return h;
}

void Client::KeepCookie(const httplib::Result& r) {
  if (!r || !r->has_header("Set-Cookie")) return;
  const std::string c = r->get_header_value("Set-Cookie");
  cookie_ = c.substr(0, c.find(';'));
}

httplib::Result Client::Get(const std::string& path) {
  auto r = http_.Get(path, Headers(false));
  KeepCookie(r);
  return r;
}

httplib::Result Client::Raw(const std::string& method, const std::string& path,
                            const std::string& body, const std::string& content_type) {
  httplib::Result r = method == "POST"     ? http_.Post(path, Headers(true), body, content_type)
                      : method == "PUT"    ? http_.Put(path, Headers(true), body, content_type)
                      : method == "DELETE" ? http_.Delete(path, Headers(true), body, content_type)
                                           : http_.Get(path, Headers(true));
  KeepCookie(r);
  return r;
}

httplib::Result Client::Send(const std::string& method, const std::string& path,
                             const nlohmann::json& body, bool with_csrf) {
  const std::string saved = csrf_;
  if (!with_csrf) csrf_.clear();
  auto r = Raw(method, path, body.is_null() ? "" : body.dump(), "application/json");
  csrf_ = saved;
  return r;
}

bool Client::SignIn(const std::string& email, const std::string& password) {
  auto r = Send("POST", "/api/v1/session", {{"email", email}, {"password", password}});
  if (!r || r->status != 201) return false;
  csrf_ = nlohmann::json::parse(r->body)["csrf_token"];
  return true;
}

std::string DateInDays(int days) {
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                   std::chrono::days(days);
  const std::chrono::year_month_day ymd{day};
  char text[11];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::string XlsxText(const std::string& bytes) {
  char name[] = "/tmp/connex-xlsx-XXXXXX";
  const int fd = mkstemp(name);
  if (fd < 0) return "";
  const bool written = write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  close(fd);
  std::string text;
  if (written) {
    FILE* in = popen(
        ("unzip -p " + std::string(name) + " xl/workbook.xml xl/sharedStrings.xml").c_str(), "r");
    if (in) {
      char buffer[4096];
      for (size_t n; (n = fread(buffer, 1, sizeof buffer, in)) > 0;) text.append(buffer, n);
      pclose(in);
    }
  }
  unlink(name);
  return text;
}

nlohmann::json Json(const httplib::Result& r) {
  if (!r || r->body.empty()) return nullptr;
  return nlohmann::json::parse(r->body, nullptr, false);
}

std::set<std::string> ErrorFields(const httplib::Result& r) {
  const nlohmann::json errors = Json(r)["errors"];
  std::set<std::string> out;
  for (const nlohmann::json& e : errors) out.insert(e["field"].get<std::string>());
  return out;
}

nlohmann::json Example(const std::string& name) {
  std::ifstream in(std::string(CONNEX_SOURCE_DIR) + "/examples/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

nlohmann::json PollJob(Client& c, const std::string& job,
                       const std::function<bool(const nlohmann::json&)>& until) {
  nlohmann::json view;
  for (int i = 0; i < 1200; ++i) {
    view = Json(c.Get("/api/v1/fiscal/jobs/" + job));
    if (until(view)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return view;
}

}  // namespace connex::testing
