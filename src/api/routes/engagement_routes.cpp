// What the Support Unit and the team do on a request once it is in their
// hands: due diligence, scope versions, the team, deliverables and
// milestones, the engagement's phase, the message thread and the letters.
#include "api/routes/request_views.hpp"
#include "api/routes/routes.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/roster/roster_service.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

namespace {

// Runs fn(stores) -> Result<json> in one write transaction and replies `status`.
std::string Risk(BodyReader& body, const std::string& field) {
  const std::string v = body.Text(field, false, 20);
  if (v.empty()) return "unassessed";
  if (std::find(kRiskLevels.begin(), kRiskLevels.end(), v) == kRiskLevels.end()) {
    body.Add({{ErrorCode::kInvalidInput, "must be unassessed, low, medium or high", field}});
  }
  return v;
}

}  // namespace

void AddEngagementRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/requests/{id}/due-diligence", Access::kStaff,
                    "The due diligence checklist and decision", [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto d = s.requests.ReadDueDiligence(st, r.principal, r.params[0]);
                        if (!d) return d.errors();
                        return DueDiligenceView(*d);
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/requests/{id}/due-diligence", Access::kStaff,
       "Record the checklist (human_rights, environmental, legal, reputational: low|medium|high; "
       "other_providers, notes) and the decision (pending|approve|decline) with reasons",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"human_rights", "environmental", "legal", "reputational",
                                  "other_providers", "notes", "decision", "reasons", "version"});
         DueDiligence d;
         d.human_rights = Risk(body, "human_rights");
         d.environmental = Risk(body, "environmental");
         d.legal = Risk(body, "legal");
         d.reputational = Risk(body, "reputational");
         d.other_providers = body.Text("other_providers", false, 5000);
         d.notes = body.Text("notes", false, 20000);
         d.decision = body.Text("decision", false, 20);
         if (d.decision.empty()) d.decision = "pending";
         if (d.decision != "pending" && d.decision != "approve" && d.decision != "decline") {
           body.Add(
               {{ErrorCode::kInvalidInput, "must be pending, approve or decline", "decision"}});
         }
         d.reasons = body.Text("reasons", false, 20000);
         d.version = body.Integer("version", true, 0, 1 << 30);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto saved = s.requests.SaveDueDiligence(st, r.principal, r.params[0], d, Now());
           if (!saved) return saved.errors();
           return DueDiligenceView(*saved);
         });
       }});
  routes.push_back({"GET", "/api/v1/requests/{id}/scope", Access::kParticipant,
                    "Every version of the scope: who, when, why, and what changed",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto versions = s.requests.ScopeVersions(st, r.principal, r.params[0]);
                        if (!versions) return versions.errors();
                        Names names(st.accounts);
                        return nlohmann::json{{"items", ScopeVersionsView(*versions, names)}};
                      });
                    }});
  routes.push_back({"POST", "/api/v1/requests/{id}/scope", Access::kStaff,
                    "A new scope version (scope: summary, disciplines, phases, deliverables, "
                    "expert_days; reason)",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"scope", "reason"});
                      const std::string reason = body.Text("reason", true, 1000);
                      const nlohmann::json* raw = body.Value("scope");
                      auto scope = ReadScope(raw ? *raw : nlohmann::json());
                      if (!scope) body.Add(scope.errors());
                      if (!body.errors().empty()) return body.errors();
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto v = s.requests.AddScope(st, r.principal, r.params[0], *scope, reason,
                                                     Now());
                        if (!v) return v.errors();
                        auto versions = s.requests.ScopeVersions(st, r.principal, v->request_id);
                        if (!versions) return versions.errors();
                        Names names(st.accounts);
                        return ScopeVersionsView(*versions, names).back();
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/team", Access::kStaff,
       "Assign an expert of the roster to the team (user_id, role, start, end, days); needs "
       "the Code of Conduct attested and a clear screening",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"user_id", "role", "start", "end", "days"});
         TeamMember m;
         m.user_id = body.Text("user_id", true, 100);
         m.role = body.Text("role", true, 100);
         m.start = body.Text("start", false, 10);
         m.end = body.Text("end", false, 10);
         m.days = body.Integer("days", false, 0, 1000, 0);
         if (!body.errors().empty()) return body.errors();
         const Instant now = Now();
         auto screened = store::WriteStores(s.db, [&](Stores& st) {
           return KeepAssignmentScreening(st, r.principal, r.params[0], m.user_id, now);
         });
         if (!screened) return screened.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto added = s.requests.AddMember(st, r.principal, r.params[0], m, Now());
           if (!added) return added.errors();
           Names names(st.accounts);
           return TeamMemberView(*added, names);
         });
       }});
  routes.push_back({"DELETE", "/api/v1/requests/{id}/team/{user_id}", Access::kStaff,
                    "Take an expert off the team", [&s](Request& r) -> Result<Reply> {
                      auto done = store::WriteStores(s.db, [&](Stores& st) {
                        return s.requests.RemoveMember(st, r.principal, r.params[0], r.params[1]);
                      });
                      if (!done) return done.errors();
                      return Reply{204, {}, {}};
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/deliverables", Access::kStaff,
       "Plan a deliverable or milestone (kind, title, phase, due_date)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"kind", "title", "phase", "due_date"});
         Deliverable d;
         d.kind = body.Text("kind", false, 20);
         if (d.kind.empty()) d.kind = "deliverable";
         if (d.kind != "deliverable" && d.kind != "milestone") {
           body.Add({{ErrorCode::kInvalidInput, "must be deliverable or milestone", "kind"}});
         }
         d.title = body.Text("title", true, 300);
         d.phase = body.Text("phase", true, 20);
         if (!d.phase.empty() &&
             std::find(kPhases.begin(), kPhases.end(), d.phase) == kPhases.end()) {
           body.Add({{ErrorCode::kInvalidInput,
                      "must be preparation, negotiation or implementation", "phase"}});
         }
         d.due_date = body.Text("due_date", true, 10);
         if (!d.due_date.empty() && !IsDate(d.due_date)) {
           body.Add({{ErrorCode::kInvalidInput, "must be a date (YYYY-MM-DD)", "due_date"}});
         }
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto added = s.requests.AddDeliverable(st, r.principal, r.params[0], d);
           if (!added) return added.errors();
           return DeliverableView(*added);
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/requests/{id}/deliverables/{deliverable_id}", Access::kParticipant,
       "Set a deliverable's status (status, version): the team delivers, the Support Unit "
       "accepts",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"status", "version"});
         const std::string status = body.Text("status", true, 20);
         const int version = body.Integer("version", true, 1, 1 << 30);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = s.requests.UpdateDeliverableStatus(st, r.principal, r.params[0], r.params[1],
                                                       version, status, Now());
           if (!d) return d.errors();
           return DeliverableView(*d);
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/requests/{id}/phase", Access::kStaff,
       "The active engagement's phase (phase: preparation|negotiation|implementation, version)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"phase", "version"});
         const std::string phase = body.Text("phase", true, 20);
         const int version = body.Integer("version", true, 1, 1 << 30);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto req =
               s.requests.SetEngagementPhase(st, r.principal, r.params[0], version, phase, Now());
           if (!req) return req.errors();
           return RequestDetail(s, st, *req, r.principal);
         });
       }});
  routes.push_back({"GET", "/api/v1/requests/{id}/messages", Access::kParticipant,
                    "The request's message thread, oldest first",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto messages = s.requests.Messages(st, r.principal, r.params[0]);
                        if (!messages) return messages.errors();
                        Names names(st.accounts);
                        nlohmann::json items = nlohmann::json::array();
                        for (const Message& m : *messages) {
                          items.push_back(MessageView(m, names));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back({"POST", "/api/v1/requests/{id}/messages", Access::kParticipant,
                    "Post to the request's thread (body)", [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"body"});
                      const std::string text = body.Text("body", true, 20000);
                      if (!body.errors().empty()) return body.errors();
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto m = s.requests.PostMessage(st, r.principal, r.params[0], text, Now());
                        if (!m) return m.errors();
                        Names names(st.accounts);
                        return MessageView(*m, names);
                      });
                    }});
  routes.push_back(
      {"GET", "/api/v1/requests/{id}/letter", Access::kParticipant,
       "The approval or decline letter, generated from the record in the request's working "
       "language (language, text)",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto letter = s.requests.Letter(st, r.principal, r.params[0]);
           if (!letter) return letter.errors();
           return nlohmann::json{{"language", letter->language}, {"text", letter->text}};
         });
       }});
}

}  // namespace connex::api
