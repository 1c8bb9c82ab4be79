#include "domain/requests/referral.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_repository.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/requests/request_repository.hpp"
#include "domain/shared/discipline.hpp"
#include "domain/shared/discipline_repository.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kReferralParts = {"whole", "discipline", "phase"};
const std::vector<std::string> kReferralStates = {"proposed", "accepted", "declined", "completed"};

namespace {

Error NoSuchReferral() { return {ErrorCode::kNotFound, "no such referral", "id"}; }

// A request is referred once the Support Unit has looked at it: from due
// diligence on, declined ones included (out of scope is a reason to refer).
bool MayRefer(RequestState s) {
  return s != RequestState::kDraft && s != RequestState::kSubmitted &&
         s != RequestState::kAcknowledged && s != RequestState::kWithdrawn;
}

std::string Snapshot(const Referral& r) { return ToJson(r).dump(); }

}  // namespace

Result<Referral> ReadReferral(const nlohmann::json& j) {
  Errors errors;
  Referral out;
  ObjectReader r(j, "",
                 {"provider_id", "part", "discipline", "phase", "note", "consent_given", "consent"},
                 errors);
  out.provider_id = r.RequiredText("provider_id", 64);
  out.part = r.RequiredText("part", 20, &kReferralParts);
  out.discipline = r.Text("discipline", 64);
  out.phase = r.Text("phase", 20, &kPhases);
  if (out.part == "discipline" && out.discipline.empty()) {
    r.Fail("discipline", "is required when a discipline is referred");
  }
  if (out.part == "phase" && out.phase.empty()) {
    r.Fail("phase", "is required when a phase is referred");
  }
  if (out.part != "discipline") out.discipline.clear();
  if (out.part != "phase") out.phase.clear();
  out.note = r.Text("note", 2000);
  if (!r.Bool("consent_given", false)) {
    r.Fail("consent_given", "the government must consent before its request is referred");
  }
  out.consent = r.RequiredText("consent", 500);
  if (!errors.empty()) return errors;
  return out;
}

nlohmann::json ToJson(const Referral& r) {
  const auto at = [](const std::optional<Instant>& t) {
    return t ? nlohmann::json(ToIso(*t)) : nlohmann::json();
  };
  return {{"id", r.id},
          {"request_id", r.request_id},
          {"provider_id", r.provider_id},
          {"part", r.part},
          {"discipline", r.discipline},
          {"phase", r.phase},
          {"note", r.note},
          {"consent", r.consent},
          {"state", r.state},
          {"outcome", r.outcome},
          {"proposed_at", ToIso(r.proposed_at)},
          {"responded_at", at(r.responded_at)},
          {"completed_at", at(r.completed_at)},
          {"version", r.version}};
}

bool CanMoveReferral(const std::string& from, const std::string& to) {
  if (from == "proposed") return to == "accepted" || to == "declined";
  return from == "accepted" && to == "completed";
}

std::optional<double> ResponseDays(const Referral& r) {
  if (!r.responded_at) return std::nullopt;
  return std::chrono::duration<double>(*r.responded_at - r.proposed_at).count() / 86400.0;
}

Result<std::vector<Referral>> ReferralService::Referrals(Stores& s, const Principal& p,
                                                         const std::string& request_id) const {
  auto r = VisibleRequest(s, p, request_id);
  if (!r) return r.errors();
  return s.requests.Referrals(r->id);
}

Result<Referral> ReferralService::Refer(Stores& s, const Principal& p,
                                        const std::string& request_id, Referral ref,
                                        Instant now) const {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  if (!MayRefer(r->position.state)) {
    return Error{ErrorCode::kConflict, "a request is referred from due diligence on", "state"};
  }
  Errors errors;
  if (!s.hub.FindProvider(ref.provider_id)) {
    errors.push_back(
        {ErrorCode::kInvalidInput, "is not a provider of the directory", "provider_id"});
  }
  if (!ref.discipline.empty()) {
    CheckDisciplines({ref.discipline}, s.disciplines.All(), {}, "discipline", errors);
    for (Error& e : errors) {
      if (e.field == "discipline[0]") e.field = "discipline";
    }
  }
  if (!errors.empty()) return errors;
  ref.id = NewId("ref");
  ref.request_id = r->id;
  ref.state = "proposed";
  ref.outcome.clear();
  ref.created_by = p.user_id;
  ref.proposed_at = ref.updated_at = now;
  ref.responded_at = ref.completed_at = std::nullopt;
  ref.version = 1;
  s.requests.InsertReferral(ref);
  s.audit.Record(p.user_id, "referral.propose", "request", r->id, "", Snapshot(ref));
  return ref;
}

Result<Referral> ReferralService::Move(Stores& s, const Principal& p, const std::string& id,
                                       const std::string& to, const std::string& outcome,
                                       int version, Instant now) const {
  auto before = s.requests.FindReferral(id);
  if (!before) return NoSuchReferral();
  auto r = VisibleRequestToStaff(s, p, before->request_id);
  if (!r) return r.errors();
  if (!CanMoveReferral(before->state, to)) {
    return Error{ErrorCode::kConflict,
                 "a proposed referral is accepted or declined, an accepted one completed", "to"};
  }
  if (to == "declined" && outcome.empty()) {
    return Error{ErrorCode::kInvalidInput, "say why the provider declined", "outcome"};
  }
  Referral after = *before;
  after.state = to;
  if (!outcome.empty()) after.outcome = outcome;
  if (to == "completed") {
    after.completed_at = now;
  } else {
    after.responded_at = now;
  }
  after.updated_at = now;
  after.version = version + 1;
  if (!s.requests.UpdateReferral(after, version)) {
    return Error{ErrorCode::kConflict, "the referral was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, "referral." + to, "request", after.request_id, Snapshot(*before),
                 Snapshot(after));
  return after;
}

}  // namespace connex::domain
