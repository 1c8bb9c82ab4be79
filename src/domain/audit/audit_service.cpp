#include "domain/audit/audit_service.hpp"

namespace connex::domain {

namespace {

Error AdminsOnly() { return {ErrorCode::kForbidden, "the audit log is for administrators", ""}; }

}  // namespace

Result<std::vector<AuditRecordView>> AuditService::Newest(Stores& s, const Principal& p, int limit,
                                                          std::int64_t before) const {
  if (p.role != Role::kAdmin) return AdminsOnly();
  std::vector<AuditRecordView> entries = s.audit.Newest(limit, before);
  for (AuditRecordView& e : entries) {
    if (AuditKeepsContent(e.object_type)) continue;
    e.withheld = true;  // entries from before content was left out still hold it
    e.fields = AuditedFields(e.before_json, e.after_json);
    e.before_json.clear();
    e.after_json.clear();
  }
  return entries;
}

Result<AuditCheck> AuditService::Verify(Stores& s, const Principal& p) const {
  if (p.role != Role::kAdmin) return AdminsOnly();
  return s.audit.Verify();
}

}  // namespace connex::domain
