#include "domain/requests/request_service.hpp"

#include <algorithm>
#include <set>

#include "core/crypto.hpp"
#include "core/locale_numbers.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/notifications/notification_repository.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/requests/recipients.hpp"
#include "domain/requests/request_clocks.hpp"
#include "domain/requests/sniff.hpp"
#include "domain/roster/roster_service.hpp"
#include "domain/shared/blob_store.hpp"
#include "domain/shared/discipline_repository.hpp"

namespace connex::domain {

namespace {

using S = RequestState;

Error NotFound() { return {ErrorCode::kNotFound, "no such request", "id"}; }

Error Stale(int current) {
  return {ErrorCode::kConflict,
          "the request changed since you read it (it is now at version " + std::to_string(current) +
              "); reload it and try again",
          "version"};
}

std::string Date(Instant t) { return ToIso(t).substr(0, 10); }

// "a, b, c": the names of a list as a letter's sentence gives them.
std::string Listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string NewReference(RequestRepository& requests, Instant now) {
  const int year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
  // Random, not counted: a sequence would tell each government how many
  // requests the others made. No 0/O or 1/I, which are misread on the phone.
  static constexpr std::string_view kLetters = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  for (;;) {
    std::string ref = "CNX-" + std::to_string(year) + "-";
    for (const char c : RandomToken(5).substr(0, 5)) {
      ref += kLetters[static_cast<unsigned char>(c) % kLetters.size()];
    }
    if (!requests.ReferenceTaken(ref)) return ref;
  }
}

nlohmann::json Snapshot(const SupportRequest& r) {
  return {{"state", ToString(r.position.state)},
          {"version", r.version},
          {"engagement_phase", r.engagement_phase},
          {"form", ToJson(r.form)}};
}

// Everyone who may see the request, but the one who acted.
std::vector<std::string> Watchers(Stores& s, const SupportRequest& r, const std::string& actor) {
  std::set<std::string> ids;
  for (const std::string& id : GovernmentUsers(s, r)) ids.insert(id);
  if (r.position.state != S::kDraft) {
    for (const std::string& id : Coordinators(s)) ids.insert(id);
  }
  if (TeamMaySee(r.position.state)) {
    for (const TeamMember& m : s.requests.Team(r.id)) ids.insert(m.user_id);
  }
  ids.erase(actor);
  return {ids.begin(), ids.end()};
}

// How a mail names the person who wrote or added something.
std::string AuthorName(Stores& s, const std::string& user_id) {
  const std::optional<User> u = s.accounts.FindUser(user_id);
  return u ? u->name : "";
}

// The form with the country of the government's organisation when it names none.
RequestForm WithCountry(Stores& s, RequestForm form, const std::string& organisation_id) {
  if (form.country.empty()) {
    if (auto org = s.accounts.FindOrganisation(organisation_id)) form.country = org->country;
  }
  return form;
}

bool Decided(const std::vector<StateChangeRecord>& h, S* which, Instant* at) {
  for (const StateChangeRecord& c : h) {
    if (c.to == S::kApproved || c.to == S::kDeclined) {
      *which = c.to;
      *at = c.at;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<SupportRequest> RequestService::CreateDraft(Stores& s, const Principal& p,
                                                   const RequestForm& form, Instant now) const {
  if (p.role != Role::kGovernment || p.organisation_id.empty()) {
    return Error{ErrorCode::kForbidden, "requests are written by a government's users", ""};
  }
  Errors wrong;
  CheckDisciplines(form.disciplines, s.disciplines.All(), {}, "disciplines", wrong);
  if (!wrong.empty()) return wrong;
  SupportRequest r;
  r.id = NewId("req");
  r.reference = NewReference(s.requests, now);
  r.organisation_id = p.organisation_id;
  r.created_by = p.user_id;
  r.form = WithCountry(s, form, r.organisation_id);
  r.created_at = r.updated_at = now;
  s.requests.InsertRequest(r);
  s.audit.Record(p.user_id, "request.create", "request", r.id, "", Snapshot(r).dump());
  return r;
}

Result<SupportRequest> RequestService::UpdateForm(Stores& s, const Principal& p,
                                                  const std::string& id, int version,
                                                  const RequestForm& form, Instant now) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r;
  if (p.role != Role::kGovernment) {
    return Error{ErrorCode::kForbidden, "only the requesting government edits its request", ""};
  }
  if (r->position.state != S::kDraft && r->position.state != S::kAwaitingInformation) {
    return Error{ErrorCode::kConflict,
                 std::string("the request can be edited as a draft or while information is "
                             "awaited, not when ") +
                     ToString(r->position.state),
                 "state"};
  }
  if (version != r->version) return Stale(r->version);
  Errors wrong;
  CheckDisciplines(form.disciplines, s.disciplines.All(), r->form.disciplines, "disciplines",
                   wrong);
  if (!wrong.empty()) return wrong;
  if (r->position.state == S::kAwaitingInformation) {
    Errors missing = MissingForSubmission(WithCountry(s, form, r->organisation_id));
    if (!missing.empty()) return missing;
  }
  const SupportRequest before = *r;
  r->form = WithCountry(s, form, r->organisation_id);
  r->version += 1;
  r->updated_at = now;
  if (!s.requests.UpdateRequest(*r, version)) return Stale(version + 1);
  s.audit.Record(p.user_id, "request.update", "request", id, Snapshot(before).dump(),
                 Snapshot(*r).dump());
  return r;
}

Result<SupportRequest> RequestService::Transition(Stores& s, const Principal& p,
                                                  const std::string& id, const MoveRequest& move,
                                                  Instant now) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r;
  if (move.version != r->version) return Stale(r->version);
  auto next = domain::Move(r->position, move.to, p.role);
  if (!next) return next.errors();
  const bool needs_reason =
      move.to == S::kDeclined || move.to == S::kWithdrawn || move.to == S::kAwaitingInformation;
  if (needs_reason && move.reason.empty()) {
    return Error{ErrorCode::kInvalidInput,
                 move.to == S::kAwaitingInformation
                     ? "say what the government needs to provide"
                     : "give the reason; it is recorded and shown to the government",
                 "reason"};
  }
  if (move.to == S::kSubmitted) {
    Errors missing = MissingForSubmission(r->form);
    if (!missing.empty()) return missing;
  }
  const std::optional<DueDiligence> dd = s.requests.FindDueDiligence(id);
  if (move.to == S::kApproved && (!dd || dd->decision != "approve")) {
    return Error{ErrorCode::kConflict,
                 "record the due diligence with the decision \"approve\" before approving",
                 "due_diligence"};
  }
  if (move.to == S::kDeclined && (!dd || dd->decision != "decline" || dd->reasons.empty())) {
    return Error{ErrorCode::kConflict,
                 "record the due diligence with the decision \"decline\" and its reasons before "
                 "declining",
                 "due_diligence"};
  }
  if (move.to == S::kEvaluated && !s.requests.FindFeedback(id)) {
    return Error{ErrorCode::kConflict,
                 "answer the feedback survey: it moves the request to evaluated", "feedback"};
  }
  if (move.to == S::kTeamProposed) {
    if (s.requests.Team(id).empty()) {
      return Error{ErrorCode::kConflict, "add at least one expert to the team first", "team"};
    }
    if (s.requests.ScopeVersions(id).empty()) {
      return Error{ErrorCode::kConflict, "agree a scope before proposing a team", "scope"};
    }
  }
  const SupportRequest before = *r;
  const std::optional<RequestState> from = r->position.state;
  r->position = *next;
  r->version += 1;
  r->updated_at = now;
  if (move.to == S::kActive && r->engagement_phase.empty()) {
    const auto scopes = s.requests.ScopeVersions(id);
    r->engagement_phase = !scopes.empty() && !scopes.back().scope.phases.empty()
                              ? scopes.back().scope.phases.front()
                              : "preparation";
  }
  if (!s.requests.UpdateRequest(*r, move.version)) return Stale(move.version + 1);
  const int seq = static_cast<int>(s.requests.History(id).size()) + 1;
  s.requests.InsertStateChange({id, seq, from, move.to, p.user_id, now, now, move.reason});
  if (move.scope) {
    auto added =
        AddScope(s, p, id, *move.scope, move.reason.empty() ? "approval" : move.reason, now);
    if (!added) return added.errors();
  }
  s.audit.Record(p.user_id, "request.transition", "request", id, Snapshot(before).dump(),
                 Snapshot(*r).dump());
  const std::string text = Title(*r) + ": " + ToString(*from) + " → " + ToString(move.to) +
                           (move.reason.empty() ? "" : " (" + move.reason + ")");
  const nlohmann::json moved = {
      {"from", ToString(*from)}, {"to", ToString(move.to)}, {"reason", move.reason}};
  if (move.to == S::kSubmitted) {
    Notify(s, Coordinators(s), "request_submitted", *r,
           "New request " + Title(*r) + " from " + r->form.entity, {{"entity", r->form.entity}},
           now);
    std::vector<std::string> colleagues = GovernmentUsers(s, *r);
    colleagues.erase(std::remove(colleagues.begin(), colleagues.end(), p.user_id),
                     colleagues.end());
    Notify(s, colleagues, "state_changed", *r, text, moved, now);
  } else {
    Notify(s, Watchers(s, *r, p.user_id), "state_changed", *r, text, moved, now);
  }
  if (move.to == S::kClosed) {
    Notify(s, GovernmentUsers(s, *r), "feedback_requested", *r,
           Title(*r) + ": the engagement is closed; tell the Support Unit how the support went", {},
           now);
  }
  return r;
}

Result<StateChangeRecord> RequestService::CorrectTransition(Stores& s, const Principal& p,
                                                            const std::string& id, int seq,
                                                            Instant at,
                                                            const std::string& reason) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  if (reason.empty()) {
    return Error{ErrorCode::kInvalidInput, "say why the time is corrected", "reason"};
  }
  std::vector<StateChangeRecord> h = s.requests.History(id);
  auto it =
      std::find_if(h.begin(), h.end(), [&](const StateChangeRecord& c) { return c.seq == seq; });
  if (it == h.end()) return Error{ErrorCode::kNotFound, "no such transition", "seq"};
  const size_t i = static_cast<size_t>(it - h.begin());
  if (at < r->created_at) {
    return Error{ErrorCode::kInvalidInput,
                 "must not be before the request was created (" + ToIso(r->created_at) + ")", "at"};
  }
  if ((i > 0 && at < h[i - 1].at) || (i + 1 < h.size() && at > h[i + 1].at) ||
      at > it->recorded_at) {
    return Error{ErrorCode::kInvalidInput,
                 "must fall between the transitions before and after it, and not after it was "
                 "recorded",
                 "at"};
  }
  const StateChangeRecord before = *it;
  s.requests.CorrectStateChange(id, seq, at);
  it->at = at;
  s.audit.Record(p.user_id, "request.transition.correct", "request", id,
                 nlohmann::json{{"seq", seq}, {"at", ToIso(before.at)}}.dump(),
                 nlohmann::json{{"seq", seq}, {"at", ToIso(at)}, {"reason", reason}}.dump());
  return *it;
}

Result<SupportRequest> RequestService::SetEngagementPhase(Stores& s, const Principal& p,
                                                          const std::string& id, int version,
                                                          const std::string& phase,
                                                          Instant now) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r;
  if (r->position.state != S::kActive) {
    return Error{ErrorCode::kConflict, "only an active engagement has a phase", "state"};
  }
  if (std::find(kPhases.begin(), kPhases.end(), phase) == kPhases.end()) {
    return Error{ErrorCode::kInvalidInput, "must be preparation, negotiation or implementation",
                 "phase"};
  }
  if (version != r->version) return Stale(r->version);
  const SupportRequest before = *r;
  r->engagement_phase = phase;
  r->version += 1;
  r->updated_at = now;
  if (!s.requests.UpdateRequest(*r, version)) return Stale(version + 1);
  s.audit.Record(p.user_id, "request.phase", "request", id, Snapshot(before).dump(),
                 Snapshot(*r).dump());
  return r;
}

Result<DueDiligence> RequestService::ReadDueDiligence(Stores& s, const Principal& p,
                                                      const std::string& id) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  DueDiligence d = s.requests.FindDueDiligence(id).value_or(DueDiligence{});
  d.request_id = id;
  return d;
}

Result<DueDiligence> RequestService::SaveDueDiligence(Stores& s, const Principal& p,
                                                      const std::string& id, DueDiligence d,
                                                      Instant now) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  const DueDiligence before = s.requests.FindDueDiligence(id).value_or(DueDiligence{});
  if (d.version != before.version) {
    return Error{ErrorCode::kConflict,
                 "the due diligence changed since you read it (version " +
                     std::to_string(before.version) + "); reload it",
                 "version"};
  }
  if (d.decision == "decline" && d.reasons.empty()) {
    return Error{ErrorCode::kInvalidInput, "a decision to decline needs its reasons", "reasons"};
  }
  if (d.decision != "pending") {
    for (const std::string* level :
         {&d.human_rights, &d.environmental, &d.legal, &d.reputational}) {
      if (*level == "unassessed") {
        return Error{ErrorCode::kInvalidInput,
                     "assess every risk before deciding (human rights, environmental, legal, "
                     "reputational)",
                     "decision"};
      }
    }
  }
  d.request_id = id;
  d.version = before.version + 1;
  if (d.decision != before.decision) {
    d.decided_by = d.decision == "pending" ? "" : p.user_id;
    d.decided_at = d.decision == "pending" ? std::nullopt : std::optional<Instant>(now);
  } else {
    d.decided_by = before.decided_by;
    d.decided_at = before.decided_at;
  }
  s.requests.SaveDueDiligence(d);
  auto view = [](const DueDiligence& x) {
    return nlohmann::json{{"human_rights", x.human_rights},
                          {"environmental", x.environmental},
                          {"legal", x.legal},
                          {"reputational", x.reputational},
                          {"other_providers", x.other_providers},
                          {"decision", x.decision},
                          {"reasons", x.reasons}}
        .dump();
  };
  s.audit.Record(p.user_id, "request.due_diligence", "request", id,
                 before.version == 0 ? "" : view(before), view(d));
  return d;
}

Result<ScopeVersion> RequestService::AddScope(Stores& s, const Principal& p, const std::string& id,
                                              const Scope& scope, const std::string& reason,
                                              Instant now) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  if (reason.empty()) {
    return Error{ErrorCode::kInvalidInput, "say why the scope changes", "reason"};
  }
  const S st = r->position.state;
  if (static_cast<int>(st) < static_cast<int>(S::kApproved) || st == S::kDeclined || IsFinal(st)) {
    return Error{
        ErrorCode::kConflict,
        std::string("a scope is set once the request is approved, not when ") + ToString(st),
        "state"};
  }
  const std::vector<ScopeVersion> versions = s.requests.ScopeVersions(id);
  // What the government asked for and the scope in force keep their
  // disciplines even if the codelist retired one since.
  std::vector<std::string> kept = r->form.disciplines;
  if (!versions.empty()) {
    kept.insert(kept.end(), versions.back().scope.disciplines.begin(),
                versions.back().scope.disciplines.end());
  }
  Errors wrong;
  CheckDisciplines(scope.disciplines, s.disciplines.All(), kept, "disciplines", wrong);
  if (!wrong.empty()) return wrong;
  ScopeVersion v{id, static_cast<int>(versions.size()) + 1, p.user_id, now, reason, scope};
  s.requests.InsertScopeVersion(v);
  s.audit.Record(p.user_id, "request.scope", "request", id,
                 versions.empty() ? "" : ToJson(versions.back().scope).dump(),
                 ToJson(scope).dump());
  Notify(s, Watchers(s, *r, p.user_id), "scope_changed", *r,
         Title(*r) + ": scope version " + std::to_string(v.number) + " (" + reason + ")",
         {{"version", std::to_string(v.number)}, {"reason", reason}}, now);
  return v;
}

Result<TeamMember> RequestService::AddMember(Stores& s, const Principal& p, const std::string& id,
                                             TeamMember m, Instant now) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  const auto user = s.accounts.FindUser(m.user_id);
  if (!user || user->role != Role::kExpert || user->disabled) {
    return Error{ErrorCode::kInvalidInput, "is not an expert of the roster", "user_id"};
  }
  if (m.role.empty() || m.role.size() > 100) {
    return Error{ErrorCode::kInvalidInput, "must be 1 to 100 characters", "role"};
  }
  if (!m.start.empty() && !IsDate(m.start)) {
    return Error{ErrorCode::kInvalidInput, "must be a date (YYYY-MM-DD)", "start"};
  }
  if (!m.end.empty() && (!IsDate(m.end) || m.end < m.start)) {
    return Error{ErrorCode::kInvalidInput, "must be a date on or after the start", "end"};
  }
  if (m.days < 0 || m.days > 1000) {
    return Error{ErrorCode::kInvalidInput, "must be 0 to 1000", "days"};
  }
  if (IsFinal(r->position.state) || r->position.state == S::kClosed) {
    return Error{ErrorCode::kConflict, "the request is closed", "state"};
  }
  if (IsMember(s.requests.Team(id), m.user_id)) {
    return Error{ErrorCode::kConflict, "is already on the team", "user_id"};
  }
  if (auto block = AssignmentBlock(s, *r, m.user_id, now)) return *block;
  m.request_id = id;
  m.added_by = p.user_id;
  m.added_at = now;
  s.requests.InsertTeamMember(m);
  s.audit.Record(p.user_id, "request.team.add", "request", id, "",
                 nlohmann::json{{"user_id", m.user_id},
                                {"role", m.role},
                                {"start", m.start},
                                {"end", m.end},
                                {"days", m.days}}
                     .dump());
  // Advisors work on behalf of the government: one who joins after the
  // government confirmed the team is told to it at once (ADR 016).
  if (r->position.state == S::kTeamConfirmed || r->position.state == S::kActive) {
    Notify(s, GovernmentUsers(s, *r), "team_changed", *r,
           Title(*r) + ": " + user->name + " joined the team as " + m.role,
           {{"member", user->name}, {"role", m.role}}, now);
  }
  return m;
}

Result<Done> RequestService::RemoveMember(Stores& s, const Principal& p, const std::string& id,
                                          const std::string& user_id) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  if (!IsMember(s.requests.Team(id), user_id)) {
    return Error{ErrorCode::kNotFound, "is not on the team", "user_id"};
  }
  s.requests.DeleteTeamMember(id, user_id);
  s.audit.Record(p.user_id, "request.team.remove", "request", id,
                 nlohmann::json{{"user_id", user_id}}.dump(), "");
  return Done{};
}

Result<Deliverable> RequestService::AddDeliverable(Stores& s, const Principal& p,
                                                   const std::string& id, Deliverable d) const {
  auto r = VisibleRequestToStaff(s, p, id);
  if (!r) return r.errors();
  const S st = r->position.state;
  if (static_cast<int>(st) < static_cast<int>(S::kApproved) || st == S::kDeclined || IsFinal(st)) {
    return Error{ErrorCode::kConflict, "deliverables are planned once the request is approved",
                 "state"};
  }
  d.id = NewId("dlv");
  d.request_id = id;
  d.status = "planned";
  d.version = 1;
  s.requests.InsertDeliverable(d);
  s.audit.Record(p.user_id, "request.deliverable.add", "request", id, "",
                 nlohmann::json{{"id", d.id}, {"title", d.title}, {"due_date", d.due_date}}.dump());
  return d;
}

Result<Deliverable> RequestService::UpdateDeliverableStatus(Stores& s, const Principal& p,
                                                            const std::string& id,
                                                            const std::string& deliverable_id,
                                                            int version, const std::string& status,
                                                            Instant now) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  // The team delivers; the Support Unit plans, accepts and cancels.
  const bool staff = IsStaff(p);
  const bool member = p.role == Role::kExpert;
  if (!staff && !(member && (status == "in_progress" || status == "delivered"))) {
    return Error{ErrorCode::kForbidden, "you may not set a deliverable to " + status, "status"};
  }
  if (std::find(kDeliverableStatuses.begin(), kDeliverableStatuses.end(), status) ==
      kDeliverableStatuses.end()) {
    return Error{ErrorCode::kInvalidInput,
                 "must be planned, in_progress, delivered, accepted or cancelled", "status"};
  }
  std::vector<Deliverable> all = s.requests.Deliverables(id);
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const Deliverable& d) { return d.id == deliverable_id; });
  if (it == all.end()) return Error{ErrorCode::kNotFound, "no such deliverable", "deliverable_id"};
  if (it->version != version) return Stale(it->version);
  const Deliverable before = *it;
  it->status = status;
  if ((status == "delivered" || status == "accepted") && !it->delivered_at) it->delivered_at = now;
  if (status == "planned" || status == "in_progress" || status == "cancelled") {
    it->delivered_at.reset();
  }
  it->version += 1;
  if (!s.requests.UpdateDeliverable(*it, version)) return Stale(version + 1);
  s.audit.Record(p.user_id, "request.deliverable.status", "request", id,
                 nlohmann::json{{"id", it->id}, {"status", before.status}}.dump(),
                 nlohmann::json{{"id", it->id}, {"status", status}}.dump());
  Notify(s, Watchers(s, *r, p.user_id), "deliverable", *r,
         Title(*r) + ": \"" + it->title + "\" is " + status,
         {{"deliverable", it->title}, {"status", status}}, now);
  return *it;
}

Result<Message> RequestService::PostMessage(Stores& s, const Principal& p, const std::string& id,
                                            const std::string& body, Instant now) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  if (body.empty() || body.size() > 20000) {
    return Error{ErrorCode::kInvalidInput, "must be 1 to 20000 characters", "body"};
  }
  if (IsFinal(r->position.state)) {
    return Error{ErrorCode::kConflict, "the request is closed to messages", "state"};
  }
  Message m{NewId("msg"), id, p.user_id, now, body};
  s.requests.InsertMessage(m);
  s.audit.Record(p.user_id, "request.message", "message", m.id, "",
                 nlohmann::json{{"request_id", id}, {"length", body.size()}}.dump());
  Notify(s, Watchers(s, *r, p.user_id), "message", *r, "New message on " + Title(*r),
         {{"author", AuthorName(s, p.user_id)}, {"text", body}}, now);
  return m;
}

Result<Document> RequestService::Upload(Stores& s, const Principal& p, const std::string& id,
                                        const std::string& name, const std::string& declared_type,
                                        const std::string& bytes, Instant now) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  if (name.empty() || name.size() > 200 || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos) {
    return Error{ErrorCode::kInvalidInput, "must be a file name of 1 to 200 characters", "name"};
  }
  if (bytes.empty()) return Error{ErrorCode::kInvalidInput, "the file is empty", "file"};
  if (bytes.size() > max_document_bytes_) {
    return Error{ErrorCode::kTooLarge,
                 "the file is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                     std::to_string(max_document_bytes_),
                 "file"};
  }
  if (IsFinal(r->position.state)) {
    return Error{ErrorCode::kConflict, "the request is closed to new documents", "state"};
  }
  auto type = CheckDocumentType(bytes, name, declared_type);
  if (!type) return type.errors();
  Document d{NewId("doc"), id, name, *type, Sha256Hex(bytes), static_cast<long long>(bytes.size()),
             p.user_id,    now};
  s.blobs.Put(d.sha256, bytes);
  s.requests.InsertDocument(d);
  s.audit.Record(p.user_id, "document.upload", "document", d.id, "",
                 nlohmann::json{{"request_id", id},
                                {"name", name},
                                {"sha256", d.sha256},
                                {"size", d.size},
                                {"media_type", d.media_type}}
                     .dump());
  Notify(s, Watchers(s, *r, p.user_id), "document", *r,
         Title(*r) + ": new document \"" + name + "\"",
         {{"author", AuthorName(s, p.user_id)}, {"document", name}}, now);
  return d;
}

Result<std::pair<Document, std::string>> RequestService::Download(
    Stores& s, const Principal& p, const std::string& id, const std::string& document_id) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  for (const Document& d : s.requests.Documents(id)) {
    if (d.id != document_id) continue;
    auto bytes = s.blobs.Get(d.sha256);
    if (!bytes) return Error{ErrorCode::kIo, "the document's content is missing", "document_id"};
    s.audit.Record(
        p.user_id, "document.download", "document", d.id, "",
        nlohmann::json{{"request_id", id}, {"name", d.name}, {"sha256", d.sha256}}.dump());
    return std::make_pair(d, std::move(*bytes));
  }
  return Error{ErrorCode::kNotFound, "no such document", "document_id"};
}

Result<DecisionLetter> RequestService::Letter(Stores& s, const Principal& p,
                                              const std::string& id) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  if (p.role == Role::kExpert) return NotFound();
  S decision{};
  Instant decided_at{};
  const std::vector<StateChangeRecord> h = s.requests.History(id);
  if (!Decided(h, &decision, &decided_at)) {
    return Error{ErrorCode::kConflict, "the request is not decided yet", "state"};
  }
  const DueDiligence dd = s.requests.FindDueDiligence(id).value_or(DueDiligence{});
  const auto signer = s.accounts.FindUser(dd.decided_by);
  const auto org = s.accounts.FindOrganisation(r->organisation_id);
  Instant submitted = r->created_at;
  for (const StateChangeRecord& c : h) {
    if (c.to == S::kSubmitted) {
      submitted = c.at;
      break;
    }
  }
  const RequestForm& f = r->form;
  DecisionLetter letter;
  letter.language = IsMailLanguage(f.language) ? f.language : "en";
  const std::string& lang = letter.language;
  const nlohmann::json& catalog = MailCatalog(lang);
  const nlohmann::json& words = catalog["letter"];
  const nlohmann::json params = {
      {"reference", r->reference},
      {"project", f.project_name},
      {"commodity", f.commodity},
      {"name", f.focal_points.empty() ? "" : f.focal_points.front().name},
      {"submitted", LocalDate(Date(submitted), lang)}};
  auto line = [&](const char* key, const nlohmann::json& more = nlohmann::json::object()) {
    nlohmann::json all = params;
    all.update(more);
    return FillWords(catalog, words[key].get<std::string>(), all);
  };
  std::string& text = letter.text;
  text = line("sender") + "\n" + LocalDate(Date(decided_at), lang) + "\n" + line("reference") +
         "\n\n" + f.entity + (org ? ", " + org->name : "") + "\n\n" + line("subject") + "\n\n" +
         line(f.focal_points.empty() ? "dear_unknown" : "dear") + "\n\n";
  if (decision == S::kApproved) {
    const std::vector<ScopeVersion> scopes = s.requests.ScopeVersions(id);
    text += line("approved") + "\n\n";
    if (!scopes.empty()) {
      const Scope& sc = scopes.front().scope;
      text += line("scope", {{"summary", sc.summary}}) + "\n";
      const std::vector<Discipline> codelist = s.disciplines.All();
      std::vector<std::string> names;
      for (const std::string& code : sc.disciplines) {
        const auto d = std::find_if(codelist.begin(), codelist.end(),
                                    [&](const Discipline& x) { return x.code == code; });
        names.push_back(d == codelist.end() ? code : DisciplineLabel(*d, lang));
      }
      if (!names.empty()) text += line("disciplines", {{"list", Listed(names)}}) + "\n";
      names.clear();
      for (const std::string& phase : sc.phases) {
        names.push_back(catalog["phase"].value(phase, phase));
      }
      if (!names.empty()) text += line("phases", {{"list", Listed(names)}}) + "\n";
      text += "\n";
    }
    text += line("next") + "\n\n";
  } else {
    text += line("declined") + "\n\n" + dd.reasons + "\n\n" + line("declined_after") + "\n\n";
  }
  text += line("closing") + "\n\n" + (signer ? signer->name : line("signer_unknown")) + "\n" +
          line("sender") + "\n";
  return letter;
}

int RequestService::NotifyClockRisks(Stores& s, const Calendar& calendar, const SlaPolicy& policy,
                                     Instant now) const {
  int sent = 0;
  RequestFilter open;
  for (int i = 0; i < kRequestStateCount; ++i) {
    const S st = static_cast<S>(i);
    if (st != S::kDraft && !IsFinal(st) && st != S::kClosed) open.states.push_back(st);
  }
  open.limit = 100000;
  const std::vector<std::string> coordinators = Coordinators(s);
  for (const SupportRequest& r : s.requests.ListRequests(open)) {
    const auto readings =
        ReadClocks(ClockHistory(s.requests.History(r.id)),
                   FirstDelivery(s.requests.Deliverables(r.id)), policy, calendar, now);
    for (const ClockReading& c : readings) {
      if (c.stopped || (c.status != ClockStatus::kWarning && c.status != ClockStatus::kBreached)) {
        continue;
      }
      const std::string kind =
          c.status == ClockStatus::kBreached ? "clock_breached" : "clock_warning";
      const std::string text = Title(r) + ": the " + ToString(c.kind) + " target is " +
                               (c.status == ClockStatus::kBreached ? "breached" : "near");
      if (s.notifications.Exists(r.id, kind, text)) continue;
      Notify(s, coordinators, kind, r, text, {{"clock", ToString(c.kind)}}, now);
      ++sent;
    }
  }
  return sent;
}

std::optional<Instant> RequestService::FirstDelivery(const std::vector<Deliverable>& ds) {
  std::optional<Instant> first;
  for (const Deliverable& d : ds) {
    if (d.kind == "deliverable" && d.delivered_at && (!first || *d.delivered_at < *first)) {
      first = d.delivered_at;
    }
  }
  return first;
}

std::vector<StateChange> RequestService::ClockHistory(const std::vector<StateChangeRecord>& h) {
  std::vector<StateChange> out;
  for (const StateChangeRecord& c : h) out.push_back({c.to, c.at});
  std::stable_sort(out.begin(), out.end(),
                   [](const StateChange& a, const StateChange& b) { return a.at < b.at; });
  return out;
}

}  // namespace connex::domain
