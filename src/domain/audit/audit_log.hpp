// The audit log as the domain sees it: every change appends who did what to
// which object, with the object before and after, in the transaction of the
// change itself (store/audit_log.hpp keeps the chain of hashes that makes the
// log tamper-evident).
//
// REQUIRES: Record runs on the transaction of the change it records.
#pragma once

#include <string>

namespace connex::domain {

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // `before_json` and `after_json` are JSON texts; empty for none.
  virtual void Record(const std::string& actor, const std::string& action,
                      const std::string& object_type, const std::string& object_id,
                      const std::string& before_json, const std::string& after_json) = 0;
};

}  // namespace connex::domain
