// Who may see a support request, read from the stored request and its team
// and decided by the one policy (policy.hpp, CanSeeRequest). Every
// area that acts on a request (engagements, teams, fiscal models, feedback)
// reaches it through here, so the rule is stated once.
//
// Thread-safety: pure functions over the caller's transaction.
#pragma once

#include <string>
#include <vector>

#include "domain/policy/policy.hpp"
#include "domain/requests/request.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// Whether the team of a request in `state` sees it (from confirmation on).
bool TeamMaySee(RequestState state);
bool IsMember(const std::vector<TeamMember>& team, const std::string& user_id);

bool CanSeeRequest(const Principal& p, const SupportRequest& r,
                   const std::vector<TeamMember>& team);
// The request if `p` may see it; kNotFound (as for an unknown id) otherwise.
Result<SupportRequest> VisibleRequest(Stores& s, const Principal& p, const std::string& id);
// VisibleRequest, and `p` is of the Support Unit (kForbidden otherwise).
Result<SupportRequest> VisibleRequestToStaff(Stores& s, const Principal& p, const std::string& id);

}  // namespace connex::domain
