#include "api/server.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <regex>
#include <thread>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/obligations/obligation_service.hpp"
#include "domain/requests/feedback.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

namespace {

std::mutex log_mutex;

// One JSON line per event on stderr.
void Log(nlohmann::json line) {
  line["time"] = ToIso(Now());
  const std::string text = BodyText(line);
  std::lock_guard<std::mutex> lock(log_mutex);
  std::cerr << text << '\n';
}

// "/api/v1/users/{id}" -> "/api/v1/users/([^/]+)".
std::string PatternOf(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\{[a-z_]+\})"), "([^/]+)");
}

std::string CookieValue(const httplib::Request& r, const std::string& name) {
  const std::string header = r.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    const size_t end = header.find(';', pos);
    std::string part = header.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    const size_t first = part.find_first_not_of(' ');
    part = first == std::string::npos ? "" : part.substr(first);
    if (part.compare(0, name.size() + 1, name + "=") == 0) return part.substr(name.size() + 1);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return "";
}

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

Reply Refuse(int status, const std::string& code, const std::string& message,
             const std::string& field = "") {
  return Reply{status, ErrorBody(code, message, field), {}};
}

class Dispatcher {
 public:
  Dispatcher(Services& services) : s_(services) {}

  void operator()(const Route& route, const httplib::Request& hreq, httplib::Response& hres) {
    const auto start = std::chrono::steady_clock::now();
    Request req;
    req.method = hreq.method;
    req.path = hreq.path;
    for (size_t i = 1; i < hreq.matches.size(); ++i) req.params.push_back(hreq.matches[i]);
    for (const auto& [k, v] : hreq.params) req.query.emplace(k, v);
    req.client = hreq.remote_addr;
    req.request_id = RandomToken(9);
    Reply reply;
    try {
      Result<Reply> r = Handle(route, hreq, req);
      reply = r.ok() ? std::move(r).value()
                     : Reply{StatusOf(r.error().code), ErrorBody(r.errors()), {}};
    } catch (const soci::soci_error& e) {
      const std::string what = e.what();
      const bool busy =
          what.find("locked") != std::string::npos || what.find("busy") != std::string::npos;
      reply = busy ? Refuse(503, "unavailable", "the database is busy; try again")
                   : Refuse(500, "internal", "internal error; quote request " + req.request_id);
      Log({{"level", "error"}, {"request_id", req.request_id}, {"error", what}});
    } catch (const std::exception& e) {
      reply = Refuse(500, "internal", "internal error; quote request " + req.request_id);
      Log({{"level", "error"}, {"request_id", req.request_id}, {"error", e.what()}});
    }
    hres.status = reply.status;
    for (const auto& [k, v] : reply.headers) hres.set_header(k, v);
    hres.set_header("X-Request-Id", req.request_id);
    hres.set_header("Cache-Control", "no-store");
    if (reply.stream) {
      hres.set_chunked_content_provider(
          reply.raw_type, [next = std::move(reply.stream)](size_t, httplib::DataSink& sink) {
            std::optional<std::string> chunk = next();
            if (!chunk) {
              sink.done();
              return true;
            }
            return sink.write(chunk->data(), chunk->size());  // false: the client left
          });
    } else if (reply.raw) {
      hres.set_content(std::move(*reply.raw), reply.raw_type);
    } else if (reply.status != 204) {
      hres.set_content(BodyText(reply.body), "application/json");
    }
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    Log({{"level", "info"},
         {"request_id", req.request_id},
         {"method", req.method},
         {"path", route.path},
         {"status", reply.status},
         {"ms", std::round(ms * 100) / 100},
         {"user", req.principal.user_id}});
  }

 private:
  Result<Reply> Handle(const Route& route, const httplib::Request& hreq, Request& req) {
    const std::string token = CookieValue(hreq, kSessionCookie);
    if (!token.empty()) {
      auto who = store::ReadStores(
          s_.db, [&](domain::Stores& st) { return s_.accounts.Authenticate(st.accounts, token); });
      if (who.ok() && who->refresh) {
        store::WriteStores(
            s_.db, [&](domain::Stores& st) { return s_.accounts.Refresh(st.accounts, *who); });
      }
      if (who.ok()) {
        req.signed_in = *who;
        req.principal = {who->user.role, who->user.id, who->user.organisation_id};
      }
    }
    if (!domain::Allows(route.access, req.principal)) {
      if (req.principal.role == domain::Role::kPublic) {
        return Error{ErrorCode::kUnauthenticated, "sign in to use this", ""};
      }
      return Error{ErrorCode::kNotFound, "not found", ""};
    }
    if (ChangesState(req.method) && req.signed_in &&
        !ConstantTimeEquals(hreq.get_header_value("X-CSRF-Token"),
                            req.signed_in->session.csrf_token)) {
      return Refuse(403, "csrf",
                    "missing or wrong X-CSRF-Token header (GET /api/v1/session returns it)",
                    "X-CSRF-Token");
    }
    req.content_type = hreq.get_header_value("Content-Type");
    if (route.raw_body) {
      req.raw = hreq.body;
      return route.handler(req);
    }
    if (hreq.body.size() > s_.config.max_body) {
      return Refuse(
          413, "payload_too_large",
          "the request body is larger than " + std::to_string(s_.config.max_body) + " bytes");
    }
    if (!hreq.body.empty()) {
      const std::string& type = req.content_type;
      if (type.rfind("application/json", 0) != 0) {
        return Refuse(415, "unsupported_media_type", "send the body as application/json",
                      "Content-Type");
      }
      ParsedBody parsed = ParseJsonBody(hreq.body);
      if (parsed.refusal) return *parsed.refusal;
      req.body = std::move(parsed.value);
    } else if (ChangesState(req.method)) {
      req.body = nlohmann::json::object();
    }
    return route.handler(req);
  }

  Services& s_;
};

// Blocks SIGTERM and SIGINT in every thread and waits for them on one, so the
// server stops from ordinary code rather than inside a signal handler.
class StopOnSignal {
 public:
  explicit StopOnSignal(httplib::Server& server) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGUSR1);  // sent by the destructor when the server stopped by itself
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    waiter_ = std::thread([this, &server] {
      int sig = 0;
      sigwait(&set_, &sig);
      if (sig != SIGUSR1) {
        Log({{"level", "info"},
             {"event", "stopping"},
             {"signal", sig == SIGTERM ? "TERM" : "INT"}});
      }
      server.stop();
    });
  }
  ~StopOnSignal() {
    pthread_kill(waiter_.native_handle(), SIGUSR1);
    waiter_.join();
  }

 private:
  sigset_t set_;
  std::thread waiter_;
};

// Every minute, tells coordinators about clocks that reached their warning
// share or their target, and governments about feedback awaited on closed
// engagements (each once). Stops with the server.
class ClockWatch {
 public:
  explicit ClockWatch(Services& s) : s_(s), thread_([this] { Loop(); }) {}
  ~ClockWatch() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      lock.unlock();
      try {
        // Instances sharing one database sweep one at a time; the others
        // skip this minute. A sweep looks for an earlier notice before it
        // sends one, which two overlapping sweeps could both miss.
        store::WriteStoresAlone(s_.db, "clock-sweep", 0, [&](domain::Stores& st) -> Result<int> {
          const domain::SlaPolicy policy = s_.sla_policy.Current(st);
          auto calendar = domain::Calendar::Build(policy.calendar);
          if (!calendar) return calendar.errors();
          const Instant now = Now();
          const int warned = s_.requests.NotifyClockRisks(st, *calendar, policy, now);
          return warned + s_.feedback.SendReminders(st, now) +
                 s_.obligations.SendReminders(st, now);
        });
      } catch (const std::exception& e) {
        Log({{"level", "error"}, {"event", "clock watch"}, {"error", e.what()}});
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::seconds(60), [this] { return stop_; });
    }
  }

  Services& s_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace

int Serve(const ServerConfig& config, store::Database& db) {
  Services services(db, config);
  // Registered handlers refer to these routes: the vector is not touched again.
  const std::vector<Route> routes = ApiRoutes(services);
  httplib::Server server;
  server.new_task_queue = [n = config.threads] {
    return new httplib::ThreadPool(static_cast<size_t>(n));
  };
  // Uploads may be larger than other bodies; Dispatcher holds those to max_body.
  // The HTTP layer refuses anything beyond the larger limit before reading it.
  server.set_payload_max_length(std::max(config.max_body, config.max_document + 4096));
  // Replies are small and written in pieces: without TCP_NODELAY, Nagle's
  // algorithm and delayed ACKs hold each one back ~40 ms.
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100);
  // An idle keep-alive connection holds a worker thread until this timeout:
  // short, so a few idle browsers cannot starve everyone else.
  server.set_keep_alive_timeout(2);
  server.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
  });
  auto dispatcher = std::make_shared<Dispatcher>(services);
  for (const Route& route : routes) {
    const std::string pattern = PatternOf(route.path);
    auto handler = [dispatcher, &route](const httplib::Request& q, httplib::Response& r) {
      (*dispatcher)(route, q, r);
    };
    if (route.method == "GET") server.Get(pattern, handler);
    if (route.method == "POST") server.Post(pattern, handler);
    if (route.method == "PUT") server.Put(pattern, handler);
    if (route.method == "DELETE") server.Delete(pattern, handler);
  }
  if (!config.web_dir.empty() && !server.set_mount_point("/", config.web_dir)) {
    Log({{"level", "warn"}, {"event", "no web app"}, {"web_dir", config.web_dir}});
  }
  // Errors produced by the HTTP layer itself (no route, body too large) in the API's shape.
  server.set_error_handler([&config](const httplib::Request& q, httplib::Response& r) {
    if (!r.body.empty()) return;
    // The web app routes its own pages (/account, /invitation/...): any other
    // GET outside the API gets its index.html.
    if (r.status == 404 && q.method == "GET" && q.path.rfind("/api/", 0) != 0 &&
        !config.web_dir.empty()) {
      std::ifstream index(config.web_dir + "/index.html", std::ios::binary);
      if (index) {
        r.status = 200;
        r.set_content(std::string(std::istreambuf_iterator<char>(index), {}), "text/html");
        return;
      }
    }
    std::string code = "bad_request", message = "the request could not be read";
    if (r.status == 404) {
      code = "not_found";
      message = "no such page or route: " + q.path;
    } else if (r.status == 413) {
      code = "payload_too_large";
      message = "the request body is larger than the limit (" +
                std::to_string(config.max_document) + " bytes for documents)";
    } else if (r.status == 405) {
      code = "method_not_allowed";
      message = q.method + " is not allowed here";
    }
    r.set_content(BodyText(ErrorBody(code, message, "")), "application/json");
  });

  StopOnSignal stopper(server);
  ClockWatch watch(services);
  if (!server.bind_to_port(config.host, config.port)) {
    Log({{"level", "error"},
         {"event", "cannot listen"},
         {"host", config.host},
         {"port", config.port}});
    return 1;
  }
  Log({{"level", "info"},
       {"event", "listening"},
       {"url", "http://" + config.host + ":" + std::to_string(config.port)},
       {"threads", config.threads},
       {"database", db.location()}});
  server.listen_after_bind();
  Log({{"level", "info"}, {"event", "stopped"}});
  return 0;
}

}  // namespace connex::api
