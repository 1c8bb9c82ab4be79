#include "domain/audit/audit_service.hpp"

namespace connex::domain {

namespace {

Error AdminsOnly() { return {ErrorCode::kForbidden, "the audit log is for administrators", ""}; }

}  // namespace

Result<std::vector<AuditRecordView>> AuditService::Newest(Stores& s, const Principal& p, int limit,
                                                          std::int64_t before) const {
  if (p.role != Role::kAdmin) return AdminsOnly();
  return s.audit.Newest(limit, before);
}

Result<AuditCheck> AuditService::Verify(Stores& s, const Principal& p) const {
  if (p.role != Role::kAdmin) return AdminsOnly();
  return s.audit.Verify();
}

}  // namespace connex::domain
