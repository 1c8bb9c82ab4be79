// The response-time policy in force: read by the Support Unit, changed by
// administrators only, every change audited. Clocks are computed from the
// policy at read time, so a change applies to every request's history at once.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"
#include "domain/sla/clocks.hpp"

namespace connex::domain {

class SlaPolicyService {
 public:
  SlaPolicy Current(Stores& s) const;
  // Replaces the policy if it is still at `expected_version` (kConflict
  // naming "version" otherwise); administrators only (kForbidden).
  Result<SlaPolicy> Change(Stores& s, const Principal& p, SlaPolicy policy,
                           int expected_version) const;
};

}  // namespace connex::domain
