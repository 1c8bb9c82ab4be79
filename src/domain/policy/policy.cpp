#include "domain/policy/policy.hpp"

namespace connex::domain {

bool IsStaff(const Principal& p) { return p.role == Role::kCoordinator || p.role == Role::kAdmin; }

bool Allows(Access access, const Principal& p) {
  switch (access) {
    case Access::kPublic:
    case Access::kParticipant:
      return true;
    case Access::kSignedIn:
      return p.role != Role::kPublic && !p.user_id.empty();
    case Access::kCaseWork:
      return !p.user_id.empty() &&
             (p.role == Role::kGovernment || p.role == Role::kExpert || IsStaff(p));
    case Access::kStaff:
      return IsStaff(p);
    case Access::kReports:
      return !p.user_id.empty() && (IsStaff(p) || p.role == Role::kFunder);
    case Access::kAdmin:
      return p.role == Role::kAdmin;
  }
  return false;
}

bool CanSeeUser(const Principal& p, const User& target) {
  if (IsStaff(p)) return true;
  if (p.user_id.empty()) return false;
  if (target.id == p.user_id) return true;
  return !p.organisation_id.empty() && target.organisation_id == p.organisation_id;
}

bool CanSeeOrganisation(const Principal& p, const Organisation& o) {
  if (IsStaff(p)) return true;
  return !p.organisation_id.empty() && o.id == p.organisation_id;
}

bool CanSeeRequest(const Principal& p, const RequestFacts& r) {
  switch (p.role) {
    case Role::kCoordinator:
    case Role::kAdmin:
      return r.submitted;
    case Role::kGovernment:
      return !p.organisation_id.empty() && p.organisation_id == r.organisation_id;
    case Role::kExpert:
      return r.team_confirmed && r.member;
    case Role::kPublic:
    case Role::kFunder:
      return false;
  }
  return false;
}

}  // namespace connex::domain
