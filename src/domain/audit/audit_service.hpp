// Reading the audit log: administrators only, as every route to it says too.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

class AuditService {
 public:
  // Newest first, at most `limit`, below `before` (0: from the newest); kForbidden but for admins.
  Result<std::vector<AuditRecordView>> Newest(Stores& s, const Principal& p, int limit,
                                              std::int64_t before) const;
  // The chain recomputed; kForbidden but for admins.
  Result<AuditCheck> Verify(Stores& s, const Principal& p) const;
};

}  // namespace connex::domain
