#include "domain/policy/request_access.hpp"

#include <algorithm>

#include "domain/requests/request_repository.hpp"

namespace connex::domain {

bool TeamMaySee(RequestState s) {
  using S = RequestState;
  return s == S::kTeamConfirmed || s == S::kActive || s == S::kClosed || s == S::kEvaluated;
}

bool IsMember(const std::vector<TeamMember>& team, const std::string& user_id) {
  return std::any_of(team.begin(), team.end(),
                     [&](const TeamMember& m) { return m.user_id == user_id; });
}

bool CanSeeRequest(const Principal& p, const SupportRequest& r,
                   const std::vector<TeamMember>& team) {
  return CanSeeRequest(p, RequestFacts{r.organisation_id, r.position.state != RequestState::kDraft,
                                       TeamMaySee(r.position.state), IsMember(team, p.user_id)});
}

Result<SupportRequest> VisibleRequest(Stores& s, const Principal& p, const std::string& id) {
  auto r = s.requests.FindRequest(id);
  if (!r) return Error{ErrorCode::kNotFound, "no such request", "id"};
  // The team is read only when it can matter, so the common cases stay one query.
  const std::vector<TeamMember> team =
      p.role == Role::kExpert ? s.requests.Team(id) : std::vector<TeamMember>{};
  if (!CanSeeRequest(p, *r, team)) return Error{ErrorCode::kNotFound, "no such request", "id"};
  return *r;
}

Result<SupportRequest> VisibleRequestToStaff(Stores& s, const Principal& p, const std::string& id) {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r;
  if (!IsStaff(p)) return Error{ErrorCode::kForbidden, "only the Support Unit does this", ""};
  return r;
}

}  // namespace connex::domain
