#include "domain/sla/sla_policy_service.hpp"

#include <string>

#include "domain/audit/audit_log.hpp"
#include "domain/sla/policy_json.hpp"
#include "domain/sla/sla_policy_repository.hpp"

namespace connex::domain {

SlaPolicy SlaPolicyService::Current(Stores& s) const { return s.sla_policy.Current(); }

Result<SlaPolicy> SlaPolicyService::Change(Stores& s, const Principal& p, SlaPolicy policy,
                                           int expected_version) const {
  if (p.role != Role::kAdmin) {
    return Error{ErrorCode::kForbidden, "administrators set the response-time policy", ""};
  }
  const SlaPolicy before = s.sla_policy.Current();
  policy.id = before.id;
  policy.version = expected_version + 1;
  if (!s.sla_policy.Update(policy, expected_version)) {
    return Error{ErrorCode::kConflict,
                 "the policy changed since you read it (version " + std::to_string(before.version) +
                     "); reload it",
                 "version"};
  }
  s.audit.Record(p.user_id, "sla_policy.update", "sla_policy", policy.id, ToJson(before).dump(),
                 ToJson(policy).dump());
  return policy;
}

}  // namespace connex::domain
