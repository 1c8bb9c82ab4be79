// The roster: expert profiles and declarations (experts their own, the
// Support Unit all), the Code of Conduct, and on a request the screenings,
// waivers and team proposals of the Support Unit.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "domain/accounts/user_names.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/roster/roster_service.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

namespace {

nlohmann::json ScreeningView(const ScreeningRecord& r, domain::Names& names) {
  return {
      {"user_id", r.user_id},
      {"name", names.Of(r.user_id)},
      {"outcome", ToString(r.result.outcome)},
      {"reason", r.result.reason},
      {"declaration_id", r.result.declaration_id.empty() ? nlohmann::json()
                                                         : nlohmann::json(r.result.declaration_id)},
      {"lookback_years", r.lookback_years},
      {"at", ToIso(r.at)}};
}

std::vector<std::string> Strings(const nlohmann::json* v, const std::string& field,
                                 BodyReader& body) {
  std::vector<std::string> out;
  if (!v) return out;
  if (!v->is_array()) {
    body.Add({{ErrorCode::kInvalidInput, "must be a list of texts", field}});
    return out;
  }
  for (const auto& x : *v) {
    if (x.is_string())
      out.push_back(x.get<std::string>());
    else
      body.Add({{ErrorCode::kInvalidInput, "must be a list of texts", field}});
  }
  return out;
}

// The team builder's request: slots, languages, window, days, budget, constraints.
TeamSpec ReadSpec(BodyReader& body) {
  TeamSpec spec;
  if (const nlohmann::json* slots = body.Value("slots")) {
    if (!slots->is_array()) body.Add({{ErrorCode::kInvalidInput, "must be a list", "slots"}});
    for (size_t i = 0; slots->is_array() && i < slots->size(); ++i) {
      const nlohmann::json& x = (*slots)[i];
      const std::string at = "slots[" + std::to_string(i) + "]";
      Slot s;
      if (!x.is_object() || !x.contains("discipline") || !x["discipline"].is_string()) {
        body.Add({{ErrorCode::kInvalidInput, "needs a discipline", at + ".discipline"}});
        continue;
      }
      s.discipline = x["discipline"].get<std::string>();
      s.count = x.contains("count") && x["count"].is_number_integer() ? x["count"].get<int>() : 1;
      if (x.contains("languages") && x["languages"].is_array()) {
        for (const auto& l : x["languages"]) {
          if (l.is_string()) s.languages.push_back(l.get<std::string>());
        }
      }
      spec.slots.push_back(s);
    }
  }
  spec.team_languages = Strings(body.Value("team_languages"), "team_languages", body);
  spec.start = body.Text("start", true, 10);
  spec.end = body.Text("end", true, 10);
  spec.days_per_expert = body.Integer("days_per_expert", false, 1, 1000, 10);
  spec.budget = body.Integer("budget", false, 0, 1000000000, 0);
  spec.load_weight = body.Integer("load_weight", false, 0, 100000, 100);
  spec.must_include = Strings(body.Value("must_include"), "must_include", body);
  spec.must_exclude = Strings(body.Value("must_exclude"), "must_exclude", body);
  spec.alternatives = body.Integer("alternatives", false, 1, 10, 3);
  return spec;
}

}  // namespace

void AddRosterRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/experts", Access::kStaff,
                    "Search the roster (?discipline= ?language= ?q= in names and biographies)",
                    [&s](Request& r) -> Result<Reply> {
                      auto q = [&](const char* k) { return r.query.count(k) ? r.query.at(k) : ""; };
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        nlohmann::json items = nlohmann::json::array();
                        for (const ExpertProfile& e :
                             s.roster.Search(st, q("discipline"), q("language"), q("q"))) {
                          items.push_back(ToJson(e));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"GET", "/api/v1/experts/export.csv", Access::kStaff,
       "The roster as CSV (lists within a cell separated by ;)", [&s](Request& r) -> Result<Reply> {
         auto csv = store::ReadStores(
             s.db, [&](Stores& st) { return s.roster.ExportRoster(st, r.principal); });
         if (!csv) return csv.errors();
         Reply reply{200, {}, {{"Content-Disposition", "attachment; filename=\"roster.csv\""}}};
         reply.raw = std::move(*csv);
         reply.raw_type = "text/csv; charset=utf-8";
         return reply;
       }});
  routes.push_back(
      {"POST", "/api/v1/experts/import", Access::kStaff,
       "Import profiles from CSV (the body; columns as the export). With any row in error "
       "nothing is imported (400 listing every row's errors) unless ?valid_only=true",
       [&s](Request& r) -> Result<Reply> {
         const bool valid_only = r.query.count("valid_only") && r.query.at("valid_only") == "true";
         auto report = store::WriteStores(s.db, [&](Stores& st) {
           return s.roster.ImportRoster(st, r.principal, r.raw, valid_only, Now());
         });
         if (!report) return report.errors();
         nlohmann::json rows = nlohmann::json::array();
         Errors errors;
         for (const RowError& e : report->errors) {
           rows.push_back({{"line", e.line}, {"field", e.field}, {"message", e.message}});
           errors.push_back({ErrorCode::kInvalidInput,
                             "line " + std::to_string(e.line) + ": " + e.message, e.field});
         }
         nlohmann::json body = {{"imported", report->imported}, {"rows", rows}};
         if (!report->applied && !errors.empty()) {
           body.update(ErrorBody(errors));
           return Reply{400, body};
         }
         return Reply{200, body};
       },
       true});
  routes.push_back({"GET", "/api/v1/experts/{id}/profile", Access::kSignedIn,
                    "An expert's profile: the expert's own, or anyone's for the Support Unit",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto p = s.roster.Profile(st, r.principal, r.params[0]);
                        if (!p) return p.errors();
                        return ToJson(*p);
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/experts/{id}/profile", Access::kSignedIn,
       "Save a profile (seniority, disciplines, languages, countries, commodities, day_rate, "
       "readiness, bio, unavailable periods, version)",
       [&s](Request& r) -> Result<Reply> {
         auto profile = ReadProfile(r.body);
         if (!profile) return profile.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto saved = s.roster.SaveProfile(st, r.principal, r.params[0], *profile, Now());
           if (!saved) return saved.errors();
           return ToJson(*saved);
         });
       }});
  routes.push_back({"GET", "/api/v1/experts/{id}/declarations", Access::kSignedIn,
                    "An expert's declarations of interests", [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto list = s.roster.Declarations(st, r.principal, r.params[0]);
                        if (!list) return list.errors();
                        nlohmann::json items = nlohmann::json::array();
                        for (const Declaration& d : *list) items.push_back(ToJson(d));
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back({"POST", "/api/v1/experts/{id}/declarations", Access::kSignedIn,
                    "Declare an interest (entity, affiliates, relation, start, end, evidence)",
                    [&s](Request& r) -> Result<Reply> {
                      auto d = ReadDeclaration(r.body);
                      if (!d) return d.errors();
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto saved = s.roster.Declare(st, r.principal, r.params[0], *d, Now());
                        if (!saved) return saved.errors();
                        return ToJson(*saved);
                      });
                    }});
  routes.push_back(
      {"GET", "/api/v1/experts/{id}/deployments", Access::kSignedIn,
       "The expert's engagements (role, dates, days): the expert's own, or anyone's for staff",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto list = s.roster.Deployments(st, r.principal, r.params[0]);
           if (!list) return list.errors();
           nlohmann::json items = nlohmann::json::array();
           for (const Deployment& d : *list) {
             items.push_back({{"request_id", d.request_id},
                              {"reference", d.reference},
                              {"project_name", d.project_name},
                              {"state", d.state},
                              {"role", d.role},
                              {"start", d.start},
                              {"end", d.end},
                              {"days", d.days}});
           }
           return nlohmann::json{{"items", items}};
         });
       }});
  routes.push_back({"GET", "/api/v1/experts/{id}/appraisals", Access::kStaff,
                    "The Support Unit's appraisals of an expert, newest first",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto list = s.roster.Appraisals(st, r.principal, r.params[0]);
                        if (!list) return list.errors();
                        nlohmann::json items = nlohmann::json::array();
                        for (const Appraisal& a : *list) {
                          items.push_back({{"request_id", a.request_id},
                                           {"rating", a.rating},
                                           {"comments", a.comments},
                                           {"at", ToIso(a.at)}});
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/appraisals", Access::kStaff,
       "Appraise a team member of the closed engagement (user_id, rating 1-5, "
       "comments)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"user_id", "rating", "comments"});
         Appraisal a;
         a.user_id = body.Text("user_id", true, 100);
         a.rating = body.Integer("rating", true, 1, 5);
         a.comments = body.Text("comments", false, 5000);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto saved = s.roster.Appraise(st, r.principal, r.params[0], a, Now());
           if (!saved) return saved.errors();
           return nlohmann::json{{"user_id", saved->user_id}, {"rating", saved->rating}};
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/conduct-code", Access::kSignedIn,
       "The Code of Conduct in force, and whether the caller attested it",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           const CodeInForce c = s.roster.Code(st, r.principal);
           if (!c.code) {
             return nlohmann::json{{"version", nullptr}, {"text", ""}, {"attested", false}};
           }
           return nlohmann::json{{"version", c.code->version},
                                 {"text", c.code->text},
                                 {"published_at", ToIso(c.code->published_at)},
                                 {"attested", c.attested}};
         });
       }});
  routes.push_back({"POST", "/api/v1/conduct-code", Access::kAdmin,
                    "Publish a new version of the Code of Conduct (text); experts attest again",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"text"});
                      const std::string text = body.Text("text", true, 100000);
                      if (!body.errors().empty()) return body.errors();
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto c = s.roster.PublishCode(st, r.principal, text, Now());
                        if (!c) return c.errors();
                        return nlohmann::json{{"version", c->version}};
                      });
                    }});
  routes.push_back({"POST", "/api/v1/conduct-code/attestation", Access::kSignedIn,
                    "An expert attests the Code of Conduct in force",
                    [&s](Request& r) -> Result<Reply> {
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto c = s.roster.Attest(st, r.principal, Now());
                        if (!c) return c.errors();
                        return nlohmann::json{{"version", c->version}, {"attested", true}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/requests/{id}/screenings", Access::kStaff,
                    "Every screening of experts against the request's counterparties, oldest first",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto screenings = s.roster.Screenings(st, r.principal, r.params[0]);
                        if (!screenings) return screenings.errors();
                        domain::Names names(st.accounts);
                        nlohmann::json items = nlohmann::json::array();
                        for (const ScreeningRecord& rec : *screenings) {
                          items.push_back(ScreeningView(rec, names));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back({"POST", "/api/v1/requests/{id}/waivers", Access::kStaff,
                    "Record the government's written waiver of one declaration (declaration_id, "
                    "consent_document_id: the signed consent among the request's documents)",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"declaration_id", "consent_document_id"});
                      const Waiver w{body.Text("declaration_id", true, 100),
                                     body.Text("consent_document_id", true, 100)};
                      if (!body.errors().empty()) return body.errors();
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto saved = s.roster.RecordWaiver(st, r.principal, r.params[0], w, Now());
                        if (!saved) return saved.errors();
                        return nlohmann::json{{"declaration_id", saved->declaration_id},
                                              {"consent_document_id", saved->consent_document_id}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/team-proposals", Access::kStaff,
       "Screen the roster and propose teams (slots[{discipline, count, languages}], "
       "team_languages, start, end, days_per_expert, budget, load_weight, must_include, "
       "must_exclude, alternatives, lookback_years)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"slots", "team_languages", "start", "end", "days_per_expert",
                                  "budget", "load_weight", "must_include", "must_exclude",
                                  "alternatives", "lookback_years"});
         const TeamSpec spec = ReadSpec(body);
         const int lookback = body.Integer("lookback_years", false, 0, 30, 3);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto p = s.roster.Propose(st, r.principal, r.params[0], spec, lookback, Now());
           if (!p) return p.errors();
           domain::Names names(st.accounts);
           auto name = [&](const std::string& id) { return names.Of(id); };
           nlohmann::json teams = nlohmann::json::array();
           for (const Team& t : p->teams) {
             nlohmann::json members = nlohmann::json::array();
             for (const Pick& m : t.members) {
               members.push_back(
                   {{"user_id", m.expert_id},
                    {"name", name(m.expert_id)},
                    {"discipline", spec.slots[static_cast<size_t>(m.slot)].discipline},
                    {"cost", m.cost}});
             }
             teams.push_back({{"members", members}, {"cost", t.cost}, {"objective", t.objective}});
           }
           nlohmann::json not_chosen = nlohmann::json::array();
           for (const Exclusion& e : p->not_chosen) {
             not_chosen.push_back(
                 {{"user_id", e.expert_id},
                  {"name", name(e.expert_id)},
                  {"reason", e.reason},
                  {"detail", e.detail},
                  {"declaration_id",
                   e.declaration_id.empty() ? nlohmann::json() : nlohmann::json(e.declaration_id)},
                  {"from", TextOrNull(e.from)},
                  {"to", TextOrNull(e.to)}});
           }
           nlohmann::json shortfalls = nlohmann::json::array();
           for (const Shortfall& f : p->shortfalls) {
             shortfalls.push_back(
                 {{"kind", f.kind},
                  {"slot", f.slot < 0 ? nlohmann::json() : nlohmann::json(f.slot)},
                  {"needed", f.needed},
                  {"available", f.available},
                  {"language", TextOrNull(f.language)},
                  {"expert_id", TextOrNull(f.expert_id)},
                  {"name",
                   f.expert_id.empty() ? nlohmann::json() : nlohmann::json(name(f.expert_id))},
                  {"reason", TextOrNull(f.reason)},
                  {"detail", TextOrNull(f.detail)},
                  {"cheapest", f.cheapest},
                  {"without_language", f.without_language},
                  {"other_window", f.other_window},
                  {"higher_budget", f.higher_budget}});
           }
           return nlohmann::json{
               {"teams", teams}, {"not_chosen", not_chosen}, {"shortfalls", shortfalls}};
         });
       }});
}

}  // namespace connex::api
