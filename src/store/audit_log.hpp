// The audit log: every mutation appends who did what to which object, with the
// object before and after, to an append-only table where each entry carries
// the SHA-256 of its content and of the entry before it. Changing, removing or
// reordering any entry breaks every link after it; VerifyAuditChain finds the
// first broken one.
//
// REQUIRES: AppendAudit runs inside the write transaction of the mutation it
// records (Database::Write), so the entry exists if and only if the change does.
// On SQLite the write lock taken at BEGIN orders appends.
//
// Thread-safety: functions over a session owned by the caller.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/audit/audit_log.hpp"

namespace connex::store {

struct AuditEntry {
  std::string actor;        // user id, "system", or "cli:<operator>"
  std::string action;       // "session.create", "user.invite", ...
  std::string object_type;  // "user", "session", "invitation", ...
  std::string object_id;
  std::string before_json;  // empty: none (a creation)
  std::string after_json;   // empty: none (a deletion)
};

struct AuditRecord {
  std::int64_t seq = 0;
  std::string at;
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

// Appends `e` at the current time; returns its sequence number.
std::int64_t AppendAudit(soci::session& sql, const AuditEntry& e);

// The hash an entry must carry, from its content and the hash before it.
std::string AuditHash(const AuditRecord& r);

struct AuditVerdict {
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken;  // sequence number of the first bad entry
  std::string reason;
};
AuditVerdict VerifyAuditChain(soci::session& sql);

// The newest entries first, at most `limit`, starting below `before_seq` (0: the newest).
std::vector<AuditRecord> ListAudit(soci::session& sql, int limit, std::int64_t before_seq);

// The domain's audit log over one transaction's session (AppendAudit).
class SqlAuditLog : public domain::AuditLog {
 public:
  explicit SqlAuditLog(soci::session& sql) : sql_(sql) {}
  void Record(const std::string& actor, const std::string& action, const std::string& object_type,
              const std::string& object_id, const std::string& before_json,
              const std::string& after_json) override {
    AppendAudit(sql_, {actor, action, object_type, object_id, before_json, after_json});
  }
  std::vector<domain::AuditRecordView> Newest(int limit, std::int64_t before) override;
  domain::AuditCheck Verify() override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
