#include "domain/roster/roster_service.hpp"

#include <algorithm>
#include <map>

#include "core/crypto.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/requests/request_repository.hpp"
#include "domain/roster/roster_repository.hpp"
#include "domain/shared/discipline_repository.hpp"

namespace connex::domain {

namespace {

Error NoSuchExpert() { return {ErrorCode::kNotFound, "no such expert", "user_id"}; }

// The expert's own record or, for the Support Unit, anyone's.
Result<User> ExpertFor(Stores& s, const Principal& p, const std::string& user_id) {
  const auto u = s.accounts.FindUser(user_id);
  if (!u || u->role != Role::kExpert) return NoSuchExpert();
  if (!IsStaff(p) && p.user_id != user_id) return NoSuchExpert();
  return *u;
}

std::string Today(Instant now) { return ToIso(now).substr(0, 10); }

ScreeningRecord ScreenOne(Stores& s, const SupportRequest& r, const std::string& user_id,
                          const std::vector<Declaration>& declarations,
                          const std::vector<Waiver>& waivers, int lookback, const std::string& by,
                          Instant now) {
  ScreeningRecord rec{NewId("scr"),
                      r.id,
                      user_id,
                      Screen(declarations, r.form.counterparties, waivers, Today(now), lookback),
                      lookback,
                      now,
                      by};
  s.roster.InsertScreening(rec);
  return rec;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

CodeInForce RosterService::Code(Stores& s, const Principal& p) const {
  CodeInForce out;
  out.code = s.roster.CurrentCode();
  out.attested = out.code && s.roster.HasAttested(p.user_id, out.code->version);
  return out;
}

Result<std::vector<ScreeningRecord>> RosterService::Screenings(
    Stores& s, const Principal& p, const std::string& request_id) const {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  return s.roster.Screenings(r->id);
}

Result<ExpertProfile> RosterService::Profile(Stores& s, const Principal& p,
                                             const std::string& user_id) const {
  auto u = ExpertFor(s, p, user_id);
  if (!u) return u.errors();
  ExpertProfile profile = s.roster.FindProfile(user_id).value_or(ExpertProfile{});
  profile.user_id = user_id;
  profile.name = u->name;
  return profile;
}

Result<ExpertProfile> RosterService::SaveProfile(Stores& s, const Principal& p,
                                                 const std::string& user_id, ExpertProfile profile,
                                                 Instant now) const {
  auto u = ExpertFor(s, p, user_id);
  if (!u) return u.errors();
  const auto before = s.roster.FindProfile(user_id);
  Errors wrong;
  CheckDisciplines(profile.disciplines, s.disciplines.All(),
                   before ? before->disciplines : std::vector<std::string>{}, "disciplines", wrong);
  if (!wrong.empty()) return wrong;
  const int expected = profile.version;
  if (expected != (before ? before->version : 0)) {
    return Error{ErrorCode::kConflict,
                 "the profile changed since you read it (version " +
                     std::to_string(before ? before->version : 0) + "); reload it",
                 "version"};
  }
  profile.user_id = user_id;
  profile.name = u->name;
  profile.version = expected + 1;
  profile.updated_at = now;
  if (!s.roster.SaveProfile(profile, expected)) {
    return Error{ErrorCode::kConflict, "the profile changed since you read it; reload it",
                 "version"};
  }
  s.audit.Record(p.user_id, "expert.profile", "user", user_id, before ? ToJson(*before).dump() : "",
                 ToJson(profile).dump());
  return profile;
}

std::vector<ExpertProfile> RosterService::Search(Stores& s, const std::string& discipline,
                                                 const std::string& language,
                                                 const std::string& text) const {
  std::string needle = text;
  std::transform(needle.begin(), needle.end(), needle.begin(), ::tolower);
  std::vector<ExpertProfile> out;
  for (ExpertProfile& e : s.roster.Profiles()) {
    if (!discipline.empty() && !Contains(e.disciplines, discipline)) continue;
    if (!language.empty() && !Contains(e.languages, language)) continue;
    if (!needle.empty()) {
      std::string hay = e.name + " " + e.bio;
      std::transform(hay.begin(), hay.end(), hay.begin(), ::tolower);
      if (hay.find(needle) == std::string::npos) continue;
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<Appraisal> RosterService::Appraise(Stores& s, const Principal& p,
                                          const std::string& request_id, Appraisal a,
                                          Instant now) const {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  if (r->position.state != RequestState::kClosed && r->position.state != RequestState::kEvaluated) {
    return Error{ErrorCode::kConflict, "experts are appraised once the engagement is closed",
                 "state"};
  }
  const auto team = s.requests.Team(request_id);
  if (std::none_of(team.begin(), team.end(),
                   [&](const TeamMember& m) { return m.user_id == a.user_id; })) {
    return Error{ErrorCode::kInvalidInput, "was not on this engagement's team", "user_id"};
  }
  if (a.rating < 1 || a.rating > 5) {
    return Error{ErrorCode::kInvalidInput, "must be 1 (poor) to 5 (excellent)", "rating"};
  }
  a.request_id = request_id;
  a.appraiser_id = p.user_id;
  a.at = now;
  s.roster.SaveAppraisal(a);
  s.audit.Record(p.user_id, "expert.appraisal", "user", a.user_id, "",
                 nlohmann::json{{"request_id", request_id}, {"rating", a.rating}}.dump());
  return a;
}

Result<std::vector<Appraisal>> RosterService::Appraisals(Stores& s, const Principal& p,
                                                         const std::string& user_id) const {
  if (!IsStaff(p)) return NoSuchExpert();
  auto u = ExpertFor(s, p, user_id);
  if (!u) return u.errors();
  return s.roster.Appraisals(user_id);
}

Result<std::vector<Deployment>> RosterService::Deployments(Stores& s, const Principal& p,
                                                           const std::string& user_id) const {
  auto u = ExpertFor(s, p, user_id);
  if (!u) return u.errors();
  return s.roster.Deployments(user_id);
}

Result<std::string> RosterService::ExportRoster(Stores& s, const Principal& p) const {
  if (!IsStaff(p))
    return Error{ErrorCode::kForbidden, "only the Support Unit exports the roster", ""};
  const std::vector<ExpertProfile> profiles = s.roster.Profiles();
  std::vector<std::string> emails;
  for (const ExpertProfile& e : profiles) {
    const auto u = s.accounts.FindUser(e.user_id);
    emails.push_back(u ? u->email : "");
  }
  return RosterCsv(profiles, emails);
}

Result<RosterService::ImportReport> RosterService::ImportRoster(Stores& s, const Principal& p,
                                                                const std::string& csv,
                                                                bool valid_only,
                                                                Instant now) const {
  if (!IsStaff(p))
    return Error{ErrorCode::kForbidden, "only the Support Unit imports the roster", ""};
  RosterImport read = ReadRosterCsv(csv);
  ImportReport report;
  report.errors = read.errors;
  std::vector<std::pair<std::string, ExpertProfile>> ready;  // user id, profile
  const std::vector<Discipline> codelist = s.disciplines.All();
  for (RosterRow& row : read.valid) {
    const auto u = s.accounts.FindUserByEmail(NormaliseEmail(row.email));
    if (!u || u->role != Role::kExpert) {
      report.errors.push_back(
          {row.line, "email",
           "no expert account has the email " + row.email + "; invite the expert first"});
      continue;
    }
    const auto before = s.roster.FindProfile(u->id);
    Errors wrong;
    CheckDisciplines(row.profile.disciplines, codelist,
                     before ? before->disciplines : std::vector<std::string>{}, "disciplines",
                     wrong);
    if (!wrong.empty()) {
      report.errors.push_back({row.line, "disciplines", wrong.front().message});
      continue;
    }
    ready.push_back({u->id, row.profile});
  }
  std::sort(report.errors.begin(), report.errors.end(),
            [](const RowError& a, const RowError& b) { return a.line < b.line; });
  if (!report.errors.empty() && !valid_only) return report;
  for (auto& [user_id, profile] : ready) {
    const auto before = s.roster.FindProfile(user_id);
    profile.version = before ? before->version : 0;
    auto saved = SaveProfile(s, p, user_id, profile, now);
    if (!saved) return saved.errors();
    ++report.imported;
  }
  report.applied = report.imported > 0;
  return report;
}

Result<ConductCode> RosterService::PublishCode(Stores& s, const Principal& p,
                                               const std::string& text, Instant now) const {
  if (p.role != Role::kAdmin) {
    return Error{ErrorCode::kForbidden, "administrators publish the Code of Conduct", ""};
  }
  if (text.size() < 20 || text.size() > 100000) {
    return Error{ErrorCode::kInvalidInput, "must be 20 to 100000 characters", "text"};
  }
  const auto current = s.roster.CurrentCode();
  ConductCode c{current ? current->version + 1 : 1, text, now, p.user_id};
  s.roster.InsertCode(c);
  s.audit.Record(p.user_id, "conduct_code.publish", "conduct_code", std::to_string(c.version), "",
                 nlohmann::json{{"version", c.version}, {"length", text.size()}}.dump());
  return c;
}

Result<ConductCode> RosterService::Attest(Stores& s, const Principal& p, Instant now) const {
  if (p.role != Role::kExpert) {
    return Error{ErrorCode::kForbidden, "experts attest the Code of Conduct", ""};
  }
  const auto current = s.roster.CurrentCode();
  if (!current) return Error{ErrorCode::kConflict, "no Code of Conduct is published yet", ""};
  if (!s.roster.HasAttested(p.user_id, current->version)) {
    s.roster.InsertAttestation(p.user_id, current->version, now);
    s.audit.Record(p.user_id, "conduct_code.attest", "conduct_code",
                   std::to_string(current->version), "", "");
  }
  return *current;
}

Result<Declaration> RosterService::Declare(Stores& s, const Principal& p,
                                           const std::string& user_id, Declaration d,
                                           Instant now) const {
  auto u = ExpertFor(s, p, user_id);
  if (!u) return u.errors();
  d.id = NewId("dcl");
  d.expert_id = user_id;
  s.roster.InsertDeclaration(d, now);
  s.audit.Record(p.user_id, "expert.declaration", "user", user_id, "", ToJson(d).dump());
  return d;
}

Result<std::vector<Declaration>> RosterService::Declarations(Stores& s, const Principal& p,
                                                             const std::string& user_id) const {
  auto u = ExpertFor(s, p, user_id);
  if (!u) return u.errors();
  return s.roster.Declarations(user_id);
}

Result<std::vector<ScreeningRecord>> RosterService::ScreenRequest(Stores& s, const Principal& p,
                                                                  const std::string& request_id,
                                                                  int lookback_years,
                                                                  Instant now) const {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  if (lookback_years < 0 || lookback_years > 30) {
    return Error{ErrorCode::kInvalidInput, "must be 0 to 30 years", "lookback_years"};
  }
  std::map<std::string, std::vector<Declaration>> by_expert;
  for (Declaration& d : s.roster.AllDeclarations()) by_expert[d.expert_id].push_back(std::move(d));
  const std::vector<Waiver> waivers = s.roster.Waivers(request_id);
  std::vector<ScreeningRecord> out;
  for (const ExpertProfile& e : s.roster.Profiles()) {
    out.push_back(
        ScreenOne(s, *r, e.user_id, by_expert[e.user_id], waivers, lookback_years, p.user_id, now));
  }
  return out;
}

Result<Waiver> RosterService::RecordWaiver(Stores& s, const Principal& p,
                                           const std::string& request_id, const Waiver& w,
                                           Instant now) const {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  const auto docs = s.requests.Documents(request_id);
  if (std::none_of(docs.begin(), docs.end(),
                   [&](const Document& d) { return d.id == w.consent_document_id; })) {
    return Error{ErrorCode::kInvalidInput,
                 "must be a document of this request: the government's written consent",
                 "consent_document_id"};
  }
  const auto all = s.roster.AllDeclarations();
  if (std::none_of(all.begin(), all.end(),
                   [&](const Declaration& d) { return d.id == w.declaration_id; })) {
    return Error{ErrorCode::kInvalidInput, "no such declaration", "declaration_id"};
  }
  s.roster.InsertWaiver(request_id, w, p.user_id, now);
  s.audit.Record(p.user_id, "request.waiver", "request", request_id, "",
                 nlohmann::json{{"declaration_id", w.declaration_id},
                                {"consent_document_id", w.consent_document_id}}
                     .dump());
  return w;
}

Result<Proposal> RosterService::Propose(Stores& s, const Principal& p,
                                        const std::string& request_id, const TeamSpec& spec,
                                        int lookback_years, Instant now) const {
  if (auto r = VisibleRequestToStaff(s, p, request_id); !r) return r.errors();
  const std::vector<Discipline> codelist = s.disciplines.All();
  Errors wrong;
  for (size_t i = 0; i < spec.slots.size(); ++i) {
    if (std::none_of(codelist.begin(), codelist.end(),
                     [&](const Discipline& d) { return d.code == spec.slots[i].discipline; })) {
      wrong.push_back({ErrorCode::kInvalidInput, "is not a discipline of the codelist",
                       "slots[" + std::to_string(i) + "].discipline"});
    }
  }
  if (!wrong.empty()) return wrong;
  auto screened = ScreenRequest(s, p, request_id, lookback_years, now);
  if (!screened) return screened.errors();
  std::map<std::string, ScreeningResult> screening;
  for (const ScreeningRecord& rec : *screened) screening[rec.user_id] = rec.result;
  const auto code = s.roster.CurrentCode();
  std::map<std::string, int> attested;
  for (const auto& [user, version] : s.roster.LatestAttestations()) attested[user] = version;
  std::map<std::string, int> load;
  for (const auto& [user, days] : s.roster.LoadDays(now - std::chrono::hours(24 * 365))) {
    load[user] = days;
  }
  std::vector<Candidate> roster;
  for (const ExpertProfile& e : s.roster.Profiles()) {
    if (e.readiness == "unavailable") continue;
    Candidate c;
    c.id = e.user_id;
    c.name = e.name;
    c.disciplines = e.disciplines;
    c.languages = e.languages;
    c.day_rate = e.day_rate;
    c.load_days = load[e.user_id];
    c.unavailable = e.unavailable;
    c.attested = !code || (attested.count(e.user_id) && attested[e.user_id] == code->version);
    c.screening = screening[e.user_id];
    roster.push_back(std::move(c));
  }
  return ProposeTeams(spec, roster);
}

Result<ScreeningRecord> KeepAssignmentScreening(Stores& s, const Principal& p,
                                                const std::string& request_id,
                                                const std::string& user_id, Instant now) {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  const auto user = s.accounts.FindUser(user_id);
  if (!user || user->role != Role::kExpert) {
    return Error{ErrorCode::kInvalidInput, "is not an expert of the roster", "user_id"};
  }
  return ScreenOne(s, *r, user_id, s.roster.Declarations(user_id), s.roster.Waivers(request_id),
                   kAssignmentLookbackYears, p.user_id, now);
}

std::optional<Error> AssignmentBlock(Stores& s, const SupportRequest& r, const std::string& user_id,
                                     Instant now) {
  const auto code = s.roster.CurrentCode();
  if (code && !s.roster.HasAttested(user_id, code->version)) {
    return Error{
        ErrorCode::kConflict,
        "has not attested version " + std::to_string(code->version) + " of the Code of Conduct",
        "user_id"};
  }
  const ScreeningResult result =
      Screen(s.roster.Declarations(user_id), r.form.counterparties, s.roster.Waivers(r.id),
             Today(now), kAssignmentLookbackYears);
  if (result.outcome == ScreeningOutcome::kExclude) {
    return Error{ErrorCode::kConflict, "conflict of interest: " + result.reason, "user_id"};
  }
  return std::nullopt;
}

}  // namespace connex::domain
