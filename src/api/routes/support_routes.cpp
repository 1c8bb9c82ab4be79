// Around the requests: notifications, the SLA policy, public enquiries and
// the codelists the forms offer.
#include "api/routes/routes.hpp"
#include "core/crypto.hpp"
#include "domain/sla/policy_json.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

namespace {

// Enquiries one address may send per hour: enough for a person, not for a script.
constexpr int kEnquiriesPerHour = 5;

}  // namespace

void AddSupportRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/notifications", Access::kSignedIn,
       "The caller's notifications, newest first, with the unread count",
       [&s](Request& r) -> Result<Reply> {
         auto list = store::ReadStores(s.db, [&](Stores& st) -> Result<nlohmann::json> {
           nlohmann::json items = nlohmann::json::array();
           int unread = 0;
           for (const Notification& n : st.notifications.ForUser(r.principal.user_id, 100)) {
             if (!n.read_at) ++unread;
             items.push_back({{"id", n.id},
                              {"kind", n.kind},
                              {"request_id", n.request_id.empty() ? nlohmann::json()
                                                                  : nlohmann::json(n.request_id)},
                              {"text", n.text},
                              {"at", ToIso(n.at)},
                              {"read", n.read_at.has_value()}});
           }
           return nlohmann::json{{"items", items}, {"unread", unread}};
         });
         if (!list) return list.errors();
         return Reply{200, *list, {}};
       }});
  routes.push_back(
      {"POST", "/api/v1/notifications/read", Access::kSignedIn,
       "Mark the caller's notifications read (ids)", [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"ids"});
         std::vector<std::string> ids;
         const nlohmann::json* list = body.Value("ids");
         if (!list || !list->is_array() || list->size() > 500) {
           body.Add({{ErrorCode::kInvalidInput, "must be a list of up to 500 ids", "ids"}});
         } else {
           for (const auto& id : *list) {
             if (id.is_string()) ids.push_back(id.get<std::string>());
           }
         }
         if (!body.errors().empty()) return body.errors();
         store::WriteStores(s.db, [&](Stores& st) -> Result<Done> {
           st.notifications.MarkRead(r.principal.user_id, ids, Now());
           return Done{};
         });
         return Reply{204, {}, {}};
       }});
  routes.push_back({"GET", "/api/v1/sla-policy", Access::kStaff,
                    "The response-time policy in force: calendar, targets, warning share",
                    [&s](Request&) -> Result<Reply> {
                      auto p = store::ReadStores(s.db, [&](Stores& st) -> Result<SlaPolicy> {
                        return st.sla_policy.Current();
                      });
                      return Reply{200, ToJson(*p), {}};
                    }});
  routes.push_back(
      {"PUT", "/api/v1/sla-policy", Access::kAdmin,
       "Change the policy (name, calendar, targets in business hours, warning_share, version); "
       "every request's clocks are recomputed from its history",
       [&s](Request& r) -> Result<Reply> {
         auto read = PolicyFromJson(r.body);
         if (!read) return read.errors();
         const auto v = r.body.find("version");
         if (v == r.body.end() || !v->is_number_integer()) {
           return Error{ErrorCode::kInvalidInput, "is required, as a whole number", "version"};
         }
         SlaPolicy policy = *read;
         const int expected = v->get<int>();
         auto saved = store::WriteStores(s.db, [&](Stores& st) -> Result<SlaPolicy> {
           const SlaPolicy before = st.sla_policy.Current();
           policy.id = before.id;
           policy.version = expected + 1;
           if (!st.sla_policy.Update(policy, expected)) {
             return Error{ErrorCode::kConflict,
                          "the policy changed since you read it (version " +
                              std::to_string(before.version) + "); reload it",
                          "version"};
           }
           st.audit.Record(r.principal.user_id, "sla_policy.update", "sla_policy", policy.id,
                           ToJson(before).dump(), ToJson(policy).dump());
           return policy;
         });
         if (!saved) return saved.errors();
         return Reply{200, ToJson(*saved), {}};
       }});
  routes.push_back(
      {"POST", "/api/v1/enquiries", Access::kPublic,
       "Anyone asks the Support Unit about support (name, email, organisation, country, "
       "message); a few per hour per address",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"name", "email", "organisation", "country", "message"});
         Enquiry e;
         e.name = body.Text("name", true, 200);
         e.email = body.Text("email", true, 254);
         e.organisation = body.Text("organisation", true, 200);
         e.country = body.Text("country", false, 100);
         e.message = body.Text("message", true, 5000);
         if (!e.email.empty()) {
           if (auto why = CheckEmail(e.email))
             body.Add({{ErrorCode::kInvalidInput, *why, "email"}});
         }
         if (!body.errors().empty()) return body.errors();
         e.id = NewId("enq");
         e.client = r.client;
         e.at = Now();
         auto done = store::WriteStores(s.db, [&](Stores& st) -> Result<Done> {
           if (st.enquiries.CountFrom(e.client, e.at - std::chrono::hours(1)) >=
               kEnquiriesPerHour) {
             return Error{ErrorCode::kRateLimited,
                          "too many enquiries from this address; try again in an hour", ""};
           }
           st.enquiries.Insert(e);
           st.audit.Record("public", "enquiry.create", "enquiry", e.id, "",
                           nlohmann::json{{"organisation", e.organisation}}.dump());
           for (const User& u : st.accounts.ListUsers(1000, "", std::nullopt)) {
             if (u.role == Role::kCoordinator && !u.disabled) {
               st.notifications.Insert({NewId("ntf"), u.id, "enquiry", "",
                                        "Enquiry from " + e.name + " (" + e.organisation + ")",
                                        e.at, std::nullopt});
             }
           }
           return Done{};
         });
         if (!done) return done.errors();
         return Reply{201, {{"id", e.id}, {"received_at", ToIso(e.at)}}, {}};
       }});
  routes.push_back({"GET", "/api/v1/enquiries", Access::kStaff, "Enquiries, newest first",
                    [&s](Request&) -> Result<Reply> {
                      auto list =
                          store::ReadStores(s.db, [&](Stores& st) -> Result<nlohmann::json> {
                            nlohmann::json items = nlohmann::json::array();
                            for (const Enquiry& e : st.enquiries.List(200)) {
                              items.push_back({{"id", e.id},
                                               {"name", e.name},
                                               {"email", e.email},
                                               {"organisation", e.organisation},
                                               {"country", e.country},
                                               {"message", e.message},
                                               {"at", ToIso(e.at)}});
                            }
                            return nlohmann::json{{"items", items}};
                          });
                      return Reply{200, *list, {}};
                    }});
  routes.push_back(
      {"GET", "/api/v1/codelists", Access::kPublic,
       "Codes the forms offer: disciplines (with the labels of every discipline, retired ones "
       "too), commodities, phases, languages, states",
       [&s](Request&) -> Result<Reply> {
         return ReadJson(s, [](Stores& st) -> Result<nlohmann::json> {
           nlohmann::json states = nlohmann::json::array();
           for (int i = 0; i < kRequestStateCount; ++i) {
             states.push_back(ToString(static_cast<RequestState>(i)));
           }
           nlohmann::json offered = nlohmann::json::array();
           nlohmann::json labels = nlohmann::json::object();
           for (const Discipline& d : st.disciplines.All()) {
             if (d.active) offered.push_back(d.code);
             labels[d.code] = {{"en", d.label_en}, {"fr", d.label_fr}};
           }
           return nlohmann::json{{"disciplines", offered},      {"discipline_labels", labels},
                                 {"commodities", kCommodities}, {"phases", kPhases},
                                 {"languages", kLanguages},     {"states", states}};
         });
       }});
  routes.push_back({"GET", "/api/v1/disciplines", Access::kPublic,
                    "The disciplines codelist in its order, retired entries included",
                    [&s](Request&) -> Result<Reply> {
                      return ReadJson(s, [](Stores& st) -> Result<nlohmann::json> {
                        nlohmann::json items = nlohmann::json::array();
                        for (const Discipline& d : st.disciplines.All()) {
                          items.push_back(ToJson(d));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/disciplines/{code}", Access::kAdmin,
       "An administrator adds or changes a discipline (label_en, label_fr, active, position); "
       "retiring one keeps it on the records that name it",
       [&s](Request& r) -> Result<Reply> {
         auto d = ReadDiscipline(r.params[0], r.body);
         if (!d) return d.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto saved = s.requests.SaveDiscipline(st, r.principal, *d, Now());
           if (!saved) return saved.errors();
           return ToJson(*saved);
         });
       }});
}

}  // namespace connex::api
