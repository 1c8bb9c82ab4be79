#include "api/server.hpp"

#include <pthread.h>
#include <signal.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include "api/compression.hpp"
#include "api/error_messages.hpp"
#include "api/http_server.hpp"
#include "api/periodic.hpp"
#include "api/static_files.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/mail/mailer.hpp"
#include "domain/obligations/obligation_service.hpp"
#include "domain/requests/feedback.hpp"
#include "mail/smtp_client.hpp"
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

std::string CookieValue(const HttpRequest& r, const std::string& name) {
  const std::string header = r.Header("Cookie");
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

// An API reply as the HTTP layer sends it: JSON unless raw or streamed, never
// cached, with the request's id.
HttpResponse ToHttp(Reply reply, const std::string& request_id) {
  HttpResponse res;
  res.status = reply.status;
  res.headers = std::move(reply.headers);
  res.headers.emplace_back("X-Request-Id", request_id);
  res.headers.emplace_back("Cache-Control", "no-store");
  if (reply.stream) {
    res.headers.emplace_back("Content-Type", reply.raw_type);
    res.stream = std::move(reply.stream);
  } else if (reply.raw) {
    res.headers.emplace_back("Content-Type", reply.raw_type);
    res.body = std::move(*reply.raw);
  } else if (reply.status != 204) {
    res.headers.emplace_back("Content-Type", "application/json");
    res.body = BodyText(reply.body);
  }
  return res;
}

// A JSON answer of more than 1 kB goes gzipped to a client that takes it: on
// a slow line the hub's code lists (47 kB) arrive in a sixth of the time.
// Smaller answers (the session and its CSRF token among them) go as they are.
void CompressJson(HttpResponse& res, const HttpRequest& hreq) {
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (res.body.size() <= 1024 || !AcceptsCoding(hreq.Header("Accept-Encoding"), "gzip")) return;
  res.body = Gzip(res.body);
  res.headers.emplace_back("Content-Encoding", "gzip");
}

// The language a request is answered in: the signed-in account's, else the
// one its Accept-Language prefers among the portal's, else English.
std::string ReaderLanguage(const HttpRequest& hreq, const Request* req = nullptr) {
  if (req && req->signed_in) return req->signed_in->user.language;
  const std::string accepted = AcceptedLanguage(hreq.Header("Accept-Language"));
  return accepted.empty() ? "en" : accepted;
}

HttpResponse RefuseHttp(int status, const std::string& code, const std::string& message,
                        const std::string& field, Headers extra = {},
                        const std::string& language = "en") {
  Reply refusal = Refuse(status, code, message, field);
  InLanguage(refusal.body, language);
  HttpResponse res = ToHttp(std::move(refusal), RandomToken(9));
  res.headers.insert(res.headers.end(), extra.begin(), extra.end());
  return res;
}

class Dispatcher {
 public:
  Dispatcher(Services& services) : s_(services) {}

  // `params`: the path parameters the route's pattern matched.
  HttpResponse operator()(const Route& route, std::vector<std::string> params,
                          const HttpRequest& hreq) {
    const auto start = std::chrono::steady_clock::now();
    Request req;
    req.method = hreq.method == "HEAD" ? "GET" : hreq.method;
    req.path = hreq.path;
    req.params = std::move(params);
    for (const auto& [k, v] : hreq.query) req.query.emplace(k, v);  // the first value of each
    req.client = hreq.remote;
    req.request_id = RandomToken(9);
    req.language = ReaderLanguage(hreq);  // the account's once it is known (Handle)
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
    if (reply.status >= 400) InLanguage(reply.body, req.language);
    const bool json = !reply.raw && !reply.stream && reply.status != 204;
    HttpResponse res = ToHttp(std::move(reply), req.request_id);
    if (json) CompressJson(res, hreq);
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    Log({{"level", "info"},
         {"request_id", req.request_id},
         {"method", req.method},
         {"path", route.path},
         {"status", res.status},
         {"ms", std::round(ms * 100) / 100},
         {"user", req.principal.user_id}});
    return res;
  }

 private:
  Result<Reply> Handle(const Route& route, const HttpRequest& hreq, Request& req) {
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
    req.language = ReaderLanguage(hreq, &req);
    for (const auto& [name, value] : req.query) {
      if (value.find('\0') != std::string::npos) {
        return Error{ErrorCode::kInvalidInput, "must not contain the null character", name};
      }
    }
    if (!domain::Allows(route.access, req.principal)) {
      if (req.principal.role == domain::Role::kPublic) {
        return Error{ErrorCode::kUnauthenticated, "sign in to use this", ""};
      }
      return Error{ErrorCode::kNotFound, "not found", ""};
    }
    if (ChangesState(req.method) && req.signed_in &&
        !ConstantTimeEquals(hreq.Header("X-CSRF-Token"), req.signed_in->session.csrf_token)) {
      return Refuse(403, "csrf",
                    "missing or wrong X-CSRF-Token header (GET /api/v1/session returns it)",
                    "X-CSRF-Token");
    }
    req.content_type = hreq.Header("Content-Type");
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

// SIGTERM and SIGINT, and SIGUSR1 that StopOnSignal's destructor sends when
// the server stopped by itself.
sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGUSR1);
  return set;
}

// Blocks the stop signals in the calling thread and so in every thread it
// starts afterwards: called before any thread of the server exists, so that
// only StopOnSignal's waiter takes them.
void BlockStopSignals() {
  const sigset_t set = StopSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// Waits for the stop signals on one thread, so the server stops from
// ordinary code rather than inside a signal handler.
class StopOnSignal {
 public:
  explicit StopOnSignal(HttpServer& server) : set_(StopSignals()) {
    BlockStopSignals();
    waiter_ = std::thread([this, &server] {
      int sig = 0;
      sigwait(&set_, &sig);
      if (sig != SIGUSR1) {
        Log({{"level", "info"},
             {"event", "stopping"},
             {"signal", sig == SIGTERM ? "TERM" : "INT"}});
      }
      server.Stop();
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

// Finds the route of a request: its path parameters, or why there is none
// (404 no such path, 405 the path exists for other methods).
class Router {
 public:
  explicit Router(const std::vector<Route>& routes) {
    for (const Route& route : routes) {
      patterns_.push_back({std::regex(PatternOf(route.path)), &route});
      first_segments_.insert(FirstSegment(route.path));
    }
  }

  struct Match {
    const Route* route = nullptr;
    std::vector<std::string> params;
    std::vector<std::string> allowed;  // methods of the path, when route is null
  };

  Match Find(const std::string& method, const std::string& path) const {
    Match m;
    const std::string wanted = method == "HEAD" ? "GET" : method;
    std::smatch found;
    for (const auto& [pattern, route] : patterns_) {
      if (!std::regex_match(path, found, pattern)) continue;
      if (route->method != wanted) {
        m.allowed.push_back(route->method);
        continue;
      }
      m.route = route;
      for (size_t i = 1; i < found.size(); ++i) m.params.push_back(found[i]);
      return m;
    }
    return m;
  }

  // Asked on the I/O thread for every web file: most paths share no first
  // segment with any route and are answered without a pattern.
  bool Knows(const std::string& path) const {
    if (first_segments_.count(FirstSegment(path)) == 0) return false;
    for (const auto& [pattern, route] : patterns_) {
      if (std::regex_match(path, pattern)) return true;
    }
    return false;
  }

 private:
  // "/api" of "/api/v1/...": route paths never begin with a parameter.
  static std::string FirstSegment(const std::string& path) {
    return path.substr(0, path.find('/', 1));
  }

  std::vector<std::pair<std::regex, const Route*>> patterns_;
  std::set<std::string> first_segments_;
};

// Tells coordinators about clocks that reached their warning share or their
// target, governments about feedback awaited on closed engagements, owners
// about obligations falling due (each once). Run every minute.
void WatchClocks(Services& s) {
  try {
    // Instances sharing one database sweep one at a time; the others skip
    // this minute. A sweep looks for an earlier notice before it sends one,
    // which two overlapping sweeps could both miss.
    store::WriteStoresAlone(s.db, "clock-sweep", 0, [&](domain::Stores& st) -> Result<int> {
      const domain::SlaPolicy policy = s.sla_policy.Current(st);
      auto calendar = domain::Calendar::Build(policy.calendar);
      if (!calendar) return calendar.errors();
      const Instant now = Now();
      const int warned = s.requests.NotifyClockRisks(st, *calendar, policy, now);
      return warned + s.feedback.SendReminders(st, now) + s.obligations.SendReminders(st, now) +
             domain::QueueDigests(st, now);
    });
  } catch (const std::exception& e) {
    Log({{"level", "error"}, {"event", "clock watch"}, {"error", e.what()}});
  }
}

// Delivers the outbox every second while a relay is set; after the relay
// failed, waits as long as a mail waits for its first retry, so a relay that is down is not
// asked every second.
class MailWatch {
 public:
  explicit MailWatch(Services& s) : s_(s), holder_(SenderName()) {}
  void operator()() {
    if (Now() < quiet_until_) return;
    try {
      const DeliveryRound round =
          DeliverDueMail(s_.db, s_.config.mail, s_.config.base_url, holder_, Log);
      if (round.retried > 0) quiet_until_ = Now() + s_.config.mail.first_retry;
    } catch (const std::exception& e) {
      Log({{"level", "error"}, {"event", "mail delivery"}, {"error", e.what()}});
      quiet_until_ = Now() + s_.config.mail.first_retry;
    }
  }

 private:
  Services& s_;
  const std::string holder_;
  Instant quiet_until_{};
};

// Moves the audit anchor to the newest entry; logs a log that does not hold,
// or an anchor that cannot be kept, once per distinct problem, not every
// second.
class AnchorWatch {
 public:
  explicit AnchorWatch(store::Database& db) : db_(db) {}
  // What stops the anchor moving, in words; empty when it moved or had nothing to do.
  std::string operator()() {
    std::string problem;
    try {
      auto v = db_.Read([](soci::session& sql) { return store::AdvanceAuditAnchor(sql); });
      if (!v) {
        problem = v.error().ToString();
      } else if (v->first_broken) {
        problem = "the audit log does not hold at entry " + std::to_string(*v->first_broken) +
                  ": " + v->reason;
      }
    } catch (const std::exception& e) {
      problem = std::string("the audit anchor could not be moved: ") + e.what();
    }
    if (!problem.empty() && problem != last_problem_) {
      Log({{"level", "error"}, {"event", "audit anchor"}, {"error", problem}});
    }
    last_problem_ = problem;
    return problem;
  }

 private:
  store::Database& db_;
  std::string last_problem_;
};

}  // namespace

int Serve(const ServerConfig& config, store::Database& db) {
  // The audit log must hold from its anchor on before anything is added to it.
  AnchorWatch anchor(db);
  if (const std::string problem = anchor(); !problem.empty()) {
    std::cerr << "error: " << problem
              << "\nThe portal does not start on it. After a restore from a backup, `connex "
                 "audit reanchor --reason ...` records it and anchors the log again.\n";
    return 1;
  }
  BlockStopSignals();
  Services services(db, config);
  const std::vector<Route> routes = ApiRoutes(services);
  const Router router(routes);
  const StaticFiles files(config.web_dir);
  if (!config.web_dir.empty() && files.empty()) {
    Log({{"level", "warn"}, {"event", "no web app"}, {"web_dir", config.web_dir}});
  }
  Dispatcher dispatcher(services);

  HttpLimits limits = config.http;
  limits.workers = config.threads;
  // Uploads may be larger than other bodies; Dispatcher holds those to max_body.
  // The HTTP layer refuses anything beyond the larger limit before reading it.
  limits.body_bytes = std::max(config.max_body, config.max_document + 4096);
  limits.common_body_bytes = config.max_body;
  HttpHandlers handlers;
  handlers.always = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
  };
  // The web app's files, and its own pages (/account, /invitation/...): any
  // GET outside the API that is no route gets its index.html.
  handlers.direct = [&](const HttpRequest& r) -> std::optional<HttpResponse> {
    if (files.empty() || r.path.rfind("/api/", 0) == 0 || router.Knows(r.path)) {
      return std::nullopt;
    }
    if (auto file = files.Answer(r)) return file;
    return files.AppPage(r);
  };
  // Uploads are the routes that take a file, by signed-in users: only they
  // may send a document's size; every other body is held to max_body before
  // it is read, so an anonymous client cannot make the server hold 25 MB.
  handlers.body_limit = [&](const HttpRequest& r) -> std::size_t {
    const Router::Match m = router.Find(r.method, r.path);
    const bool upload = m.route && m.route->raw_body &&
                        r.Header("Cookie").find(kSessionCookie) != std::string::npos;
    return upload ? limits.body_bytes : config.max_body;
  };
  handlers.handle = [&](HttpRequest& r) {
    Router::Match m = router.Find(r.method, r.path);
    if (m.route) return dispatcher(*m.route, std::move(m.params), r);
    if (!m.allowed.empty()) {
      std::string allow;
      for (const auto& method : m.allowed) allow += (allow.empty() ? "" : ", ") + method;
      return RefuseHttp(405, "method_not_allowed", r.method + " is not allowed here", "method",
                        {{"Allow", allow}}, ReaderLanguage(r));
    }
    return RefuseHttp(404, "not_found", "no such page or route: " + r.path, "path", {},
                      ReaderLanguage(r));
  };
  handlers.refuse = [&config, &limits](HttpFailure failure) {
    switch (failure) {
      case HttpFailure::kHeaderTooLarge:
        return RefuseHttp(431, "headers_too_large",
                          "the request's headers are larger than " +
                              std::to_string(limits.header_bytes) + " bytes",
                          "headers");
      case HttpFailure::kBodyTooLarge:
        return RefuseHttp(413, "payload_too_large",
                          "the request body is larger than the limit (" +
                              std::to_string(config.max_document) + " bytes for documents, " +
                              std::to_string(config.max_body) + " for other requests)",
                          "body");
      case HttpFailure::kOverloaded:
        return RefuseHttp(503, "unavailable", "the portal is busy; try again in a moment", "",
                          {{"Retry-After", "2"}});
      case HttpFailure::kInternal:
        return RefuseHttp(500, "internal", "internal error", "");
      case HttpFailure::kUnreadable:
        break;
    }
    return RefuseHttp(400, "bad_request", "the request could not be read as HTTP", "request");
  };

  HttpServer server(limits, std::move(handlers));
  if (auto error = server.Bind(config.host, config.port)) {
    Log({{"level", "error"},
         {"event", "cannot listen"},
         {"host", config.host},
         {"port", config.port},
         {"error", *error}});
    return 1;
  }
  StopOnSignal stopper(server);
  Log({{"level", "info"},
       {"event", "listening"},
       {"url", "http://" + config.host + ":" + std::to_string(config.port)},
       {"threads", config.threads},
       {"static_files", files.size()},
       {"database", db.location()},
       {"audit_key", store::CurrentAuditSeal() ? store::CurrentAuditSeal()->key.id : ""},
       {"audit_anchor", store::CurrentAuditSeal() ? store::CurrentAuditSeal()->anchor_path : ""},
       {"smtp", config.mail.smtp_url.empty() ? "none: mails stay queued"
                                             : mail::RedactedUrl(config.mail.smtp_url)},
       {"mail_from", config.mail.from}});
  {
    Periodic clocks(std::chrono::seconds(config.clock_watch),
                    [&services] { WatchClocks(services); });
    Periodic anchoring(std::chrono::seconds(1), [&anchor] { anchor(); });
    MailWatch mail(services);
    Periodic mailing(std::chrono::seconds(1), [&mail] { mail(); });
    server.Run();
  }
  anchor();  // the entries of the last requests, drained after the last move
  Log({{"level", "info"}, {"event", "stopped"}});
  return 0;
}

}  // namespace connex::api
