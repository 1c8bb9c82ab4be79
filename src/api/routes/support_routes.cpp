// Around the requests: notifications, the SLA policy, public enquiries and
// the disciplines codelist.
#include "api/routes/routes.hpp"
#include "core/crypto.hpp"
#include "domain/sla/policy_json.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

namespace {

// A notification as its reader reads it, in `language`.
nlohmann::json NotificationView(const Notification& n, const std::string& language) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"request_id", n.request_id.empty() ? nlohmann::json() : nlohmann::json(n.request_id)},
          {"text", NotificationText(n, language)},
          {"at", ToIso(n.at)},
          {"read", n.read_at.has_value()}};
}

nlohmann::json EnquiryView(const Enquiry& e) {
  return {{"id", e.id},           {"name", e.name},
          {"email", e.email},     {"organisation", e.organisation},
          {"country", e.country}, {"message", e.message},
          {"at", ToIso(e.at)}};
}

}  // namespace

void AddSupportRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/notifications", Access::kSignedIn,
                    "The caller's notifications, newest first, with the unread count",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        const Inbox inbox = s.notifications.Read(st, r.principal);
                        nlohmann::json items = nlohmann::json::array();
                        for (const Notification& n : inbox.items) {
                          items.push_back(NotificationView(n, r.signed_in->user.language));
                        }
                        return nlohmann::json{{"items", items}, {"unread", inbox.unread}};
                      });
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
         auto done = store::WriteStores(s.db, [&](Stores& st) -> Result<Done> {
           s.notifications.MarkRead(st, r.principal, ids, Now());
           return Done{};
         });
         if (!done) return done.errors();
         return Reply{204, {}, {}};
       }});
  routes.push_back({"GET", "/api/v1/sla-policy", Access::kStaff,
                    "The response-time policy in force: calendar, targets, warning share",
                    [&s](Request&) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        return ToJson(s.sla_policy.Current(st));
                      });
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
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto saved = s.sla_policy.Change(st, r.principal, *read, v->get<int>());
           if (!saved) return saved.errors();
           return ToJson(*saved);
         });
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
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto sent = s.enquiries.Submit(st, e);
           if (!sent) return sent.errors();
           return nlohmann::json{{"id", sent->id}, {"received_at", ToIso(sent->at)}};
         });
       }});
  routes.push_back({"GET", "/api/v1/enquiries", Access::kStaff, "Enquiries, newest first",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto list = s.enquiries.List(st, r.principal);
                        if (!list) return list.errors();
                        nlohmann::json items = nlohmann::json::array();
                        for (const Enquiry& e : *list) items.push_back(EnquiryView(e));
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/disciplines", Access::kPublic,
                    "The disciplines codelist in its order, retired entries included",
                    [&s](Request&) -> Result<Reply> {
                      return ReadJson(s, [&s](Stores& st) -> Result<nlohmann::json> {
                        nlohmann::json items = nlohmann::json::array();
                        for (const Discipline& d : s.disciplines.List(st)) {
                          items.push_back(ToJson(d));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/disciplines/{code}", Access::kAdmin,
       "An administrator adds or changes a discipline (label_en, label_fr, label_es, label_pt, "
       "active, position); "
       "retiring one keeps it on the records that name it",
       [&s](Request& r) -> Result<Reply> {
         auto d = ReadDiscipline(r.params[0], r.body);
         if (!d) return d.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto saved = s.disciplines.Save(st, r.principal, *d, Now());
           if (!saved) return saved.errors();
           return ToJson(*saved);
         });
       }});
}

}  // namespace connex::api
