// Requests for support: the government's form, the list each role sees (the
// coordinator's inbox sorted by SLA risk), the workspace view, transitions.
// Visibility is decided by domain::VisibleRequest (the policy) for every route
// that names a request: anyone else gets 404, as for an id that does not exist.
#include <algorithm>

#include "api/routes/request_views.hpp"
#include "api/routes/routes.hpp"
#include "domain/policy/request_access.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

namespace {

// The request body without the keys the route reads itself, for the form reader.
nlohmann::json Without(const nlohmann::json& body, std::initializer_list<const char*> keys) {
  nlohmann::json rest = body.is_object() ? body : nlohmann::json::object();
  for (const char* k : keys) rest.erase(k);
  return rest;
}

std::vector<RequestState> ParseStates(const std::string& text, Errors& errors) {
  std::vector<RequestState> out;
  size_t pos = 0;
  while (pos <= text.size() && !text.empty()) {
    const size_t comma = text.find(',', pos);
    const std::string name =
        text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (auto s = ParseRequestState(name)) {
      out.push_back(*s);
    } else {
      errors.push_back(
          {ErrorCode::kInvalidInput, "\"" + name + "\" is not a request state", "state"});
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

}  // namespace

void AddRequestRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/requests", Access::kCaseWork,
       "Requests the caller may see: a government its own, an expert those of its teams, the "
       "Support Unit all submitted ones sorted by SLA risk (?state=a,b ?country= ?commodity= "
       "?risk=breached|warning)",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         RequestFilter f;
         if (r.query.count("state")) f.states = ParseStates(r.query.at("state"), errors);
         if (r.query.count("country")) f.country = r.query.at("country");
         if (r.query.count("commodity")) f.commodity = r.query.at("commodity");
         const std::string risk = r.query.count("risk") ? r.query.at("risk") : "";
         if (!risk.empty() && risk != "breached" && risk != "warning") {
           errors.push_back({ErrorCode::kInvalidInput, "must be breached or warning", "risk"});
         }
         if (!errors.empty()) return errors;
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           nlohmann::json items = nlohmann::json::array();
           for (const InboxItem& i : s.requests.Inbox(st, r.principal, {f, risk}, Now())) {
             items.push_back(SummaryView(i.request, r.principal, i.clocks));
           }
           return Reply{200, {{"items", items}, {"next", nullptr}}, {}};
         });
       }});
  routes.push_back({"POST", "/api/v1/requests", Access::kCaseWork,
                    "A government starts a request as a draft (the form's fields; any may be "
                    "left for later)",
                    [&s](Request& r) -> Result<Reply> {
                      auto form = ReadForm(r.body, false);
                      if (!form) return form.errors();
                      return store::WriteStores(s.db, [&](Stores& st) -> Result<Reply> {
                        auto created = s.requests.CreateDraft(st, r.principal, *form, Now());
                        if (!created) return created.errors();
                        return Reply{201, RequestDetail(s, st, *created, r.principal), {}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/requests/{id}", Access::kParticipant,
                    "One request with its history, clocks, team, scope, deliverables and timeline",
                    [&s](Request& r) -> Result<Reply> {
                      return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
                        auto req = VisibleRequest(st, r.principal, r.params[0]);
                        if (!req) return req.errors();
                        return Reply{200, RequestDetail(s, st, *req, r.principal), {}};
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/requests/{id}", Access::kParticipant,
       "The government edits its draft, or answers while information is awaited (the form's "
       "fields and the version it read)",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         int version = 0;
         const auto v = r.body.find("version");
         if (v == r.body.end() || !v->is_number_integer()) {
           errors.push_back(
               {ErrorCode::kInvalidInput, "is required, as a whole number", "version"});
         } else {
           version = v->get<int>();
         }
         auto form = ReadForm(Without(r.body, {"version"}), false);
         if (!form) errors.insert(errors.end(), form.errors().begin(), form.errors().end());
         if (!errors.empty()) return errors;
         return store::WriteStores(s.db, [&](Stores& st) -> Result<Reply> {
           auto updated =
               s.requests.UpdateForm(st, r.principal, r.params[0], version, *form, Now());
           if (!updated) return updated.errors();
           return Reply{200, RequestDetail(s, st, *updated, r.principal), {}};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/transitions", Access::kParticipant,
       "Move the request (to, version, reason; with an approval, the first scope). A move "
       "that is not open answers 409 with the allowed ones",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"to", "version", "reason", "scope"});
         const std::string to_name = body.Text("to", true, 40);
         const int version = body.Integer("version", true, 1, 1 << 30);
         MoveRequest move;
         move.version = version;
         move.reason = body.Text("reason", false, 5000);
         const auto to = ParseRequestState(to_name);
         Errors errors = body.errors();
         if (!to_name.empty() && !to) {
           errors.push_back(
               {ErrorCode::kInvalidInput, "\"" + to_name + "\" is not a request state", "to"});
         }
         if (const nlohmann::json* scope = body.Value("scope")) {
           auto read = ReadScope(*scope);
           if (read) {
             move.scope = *read;
           } else {
             errors.insert(errors.end(), read.errors().begin(), read.errors().end());
           }
           if (to && *to != RequestState::kApproved) {
             errors.push_back(
                 {ErrorCode::kInvalidInput, "a scope goes with an approval only", "scope"});
           }
         }
         if (!errors.empty()) return errors;
         move.to = *to;
         auto moved = store::WriteStores(s.db, [&](Stores& st) -> Result<nlohmann::json> {
           auto m = s.requests.Transition(st, r.principal, r.params[0], move, Now());
           if (!m) return m.errors();
           return RequestDetail(s, st, *m, r.principal);
         });
         if (moved) return Reply{200, *moved, {}};
         const Error& first = moved.error();
         if ((first.code == ErrorCode::kConflict || first.code == ErrorCode::kForbidden) &&
             (first.field == "state" || first.field == "version")) {
           // Say where the request stands now and what the caller may do from there.
           nlohmann::json reply = ErrorBody(moved.errors());
           store::ReadStores(s.db, [&](Stores& st) -> Result<Done> {
             auto req = VisibleRequest(st, r.principal, r.params[0]);
             if (!req) return req.errors();
             nlohmann::json allowed = nlohmann::json::array();
             for (RequestState next : AllowedNext(req->position, r.principal.role)) {
               allowed.push_back(ToString(next));
             }
             reply["allowed"] = allowed;
             reply["state"] = ToString(req->position.state);
             reply["version"] = req->version;
             return Done{};
           });
           return Reply{StatusOf(first.code), reply, {}};
         }
         return moved.errors();
       }});
  routes.push_back({"PUT", "/api/v1/requests/{id}/transitions/{seq}", Access::kStaff,
                    "Correct when a recorded transition happened (at, reason); the clocks follow",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"at", "reason"});
                      const std::string at_text = body.Text("at", true, 40);
                      const std::string reason = body.Text("reason", true, 1000);
                      Errors errors = body.errors();
                      const auto at = ParseIso(at_text);
                      if (!at_text.empty() && !at) {
                        errors.push_back({ErrorCode::kInvalidInput,
                                          "must be an instant such as 2026-11-23T09:00:00Z", "at"});
                      }
                      int seq = 0;
                      try {
                        seq = std::stoi(r.params[1]);
                      } catch (const std::exception&) {
                        errors.push_back({ErrorCode::kNotFound, "no such transition", "seq"});
                      }
                      if (!errors.empty()) return errors;
                      return store::WriteStores(s.db, [&](Stores& st) -> Result<Reply> {
                        auto c = s.requests.CorrectTransition(st, r.principal, r.params[0], seq,
                                                              *at, reason);
                        if (!c) return c.errors();
                        return Reply{200, {{"seq", c->seq}, {"at", ToIso(c->at)}}, {}};
                      });
                    }});
}

}  // namespace connex::api
