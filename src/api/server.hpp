// The portal server: the JSON API under /api/v1, health probes, the web app's
// static files. Every route declares an Access rule (domain/policy) that is
// checked before its handler runs; session, CSRF and body parsing happen here
// once, for every route; errors become JSON in one place (api/http.hpp).
//
// Thread-safety: Serve() blocks the calling thread; connections wait on one
// thread (api/http_server.hpp), handlers run on a pool of `threads` workers
// sharing the Database.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "api/fiscal_jobs.hpp"
#include "api/http.hpp"
#include "api/http_server.hpp"
#include "api/mail_delivery.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/enquiries/enquiry_service.hpp"
#include "domain/hub/contract_terms_service.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/hub/provider_directory.hpp"
#include "domain/models/fiscal_model_service.hpp"
#include "domain/notifications/notification_service.hpp"
#include "domain/obligations/obligation_service.hpp"
#include "domain/requests/disclosure.hpp"
#include "domain/requests/feedback.hpp"
#include "domain/requests/lesson_service.hpp"
#include "domain/requests/referral.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/roster/roster_service.hpp"
#include "domain/shared/discipline_service.hpp"
#include "domain/sla/sla_policy_service.hpp"
#include "domain/training/training_service.hpp"
#include "store/database.hpp"

namespace connex::api {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 16;                      // workers running handlers; connections hold none
  std::string web_dir;                   // static files served at /; empty: none
  std::size_t max_body = 1 << 20;        // bytes; larger bodies answer 413
  std::size_t max_document = 25u << 20;  // bytes; larger uploads answer 413
  bool secure_cookies = false;           // add Secure to cookies (behind TLS)
  int clock_watch = 60;  // seconds between sweeps for response-time warnings and survey reminders
  std::string base_url = "http://127.0.0.1:8080";  // for links the API hands out
  domain::AccountRules rules;
  MailConfig mail;  // the relay mails go through; without one they stay queued
  HttpLimits http;  // deadlines and connection limits (workers and body size come from above)
};

struct Route {
  Route(std::string method_, std::string path_, domain::Access access_, std::string summary_,
        Handler handler_, bool raw_body_ = false)
      : method(std::move(method_)),
        path(std::move(path_)),
        access(access_),
        summary(std::move(summary_)),
        handler(std::move(handler_)),
        raw_body(raw_body_) {}

  std::string method;  // GET, POST, PUT, DELETE
  std::string path;    // OpenAPI form: /api/v1/users/{id}
  domain::Access access;
  std::string summary;
  Handler handler;
  bool raw_body = false;  // the body is a file (Request::raw), not JSON
};

// What route handlers use: the database, and one instance of each area's
// service (stateless but for their limits), held here and nowhere else.
struct Services {
  Services(store::Database& db_, const ServerConfig& config_)
      : db(db_),
        config(config_),
        accounts(config_.rules),
        requests(config_.max_document),
        jobs(db_) {}

  store::Database& db;
  const ServerConfig& config;
  domain::AccountService accounts;
  domain::RequestService requests;
  domain::FeedbackService feedback;
  domain::RosterService roster;
  domain::HubService hub;
  domain::ContractTermsService terms;
  domain::ProviderDirectory providers;
  domain::FiscalModelService models;
  domain::ObligationService obligations;
  domain::DisclosureService disclosure;
  domain::ReferralService referrals;
  domain::LessonService lessons;
  domain::TrainingService training;
  domain::NotificationService notifications;
  domain::SlaPolicyService sla_policy;
  domain::EnquiryService enquiries;
  domain::DisciplineService disciplines;
  domain::AuditService audit;
  FiscalJobs jobs;  // long fiscal runs, shared with the other instances
};

// Every API route, in the order the OpenAPI document lists them.
std::vector<Route> ApiRoutes(Services& services);

// The OpenAPI 3 document of `routes` (served at /api/v1/openapi.json).
nlohmann::json OpenApi(const std::vector<Route>& routes);

// Serves until SIGTERM or SIGINT, then stops accepting, lets in-flight
// requests finish and returns 0; 1 when the address cannot be bound.
int Serve(const ServerConfig& config, store::Database& db);

// Name of the session cookie; the CSRF token travels in X-CSRF-Token.
inline constexpr const char* kSessionCookie = "connex_session";

}  // namespace connex::api
