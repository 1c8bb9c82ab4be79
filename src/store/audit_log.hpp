// The audit log: every mutation appends who did what to which object to an
// append-only table where each entry is sealed with an HMAC-SHA-256, under
// the audit key (store/audit_key.hpp), of its content and of the seal before
// it. Without the key nobody can change, remove or reorder an entry and
// re-seal the entries after it; the anchor file (store/audit_anchor.hpp)
// shows what sealing cannot: entries cut from the end.
//
// Entries written before the portal had a key (key_id empty) keep their plain
// SHA-256 chain; they may only come first, and the first keyed entry seals
// the last of them, so they cannot be changed afterwards either.
//
// REQUIRES: AppendAudit runs inside the write transaction of the mutation it
// records (Database::Write), so the entry exists if and only if the change
// does. On SQLite the write lock taken at BEGIN orders appends; on PostgreSQL
// the primary key on seq refuses the second of two appends at one place.
//
// Thread-safety: UseAuditSeal once before any thread appends or verifies;
// the other functions run over a session owned by the caller.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/audit/audit_log.hpp"
#include "store/audit_anchor.hpp"
#include "store/audit_key.hpp"

namespace connex::store {

class Database;

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
  std::string key_id;  // empty: sealed with plain SHA-256, before the portal had a key
};

// The key this process seals entries with, and the anchor file it keeps.
struct AuditSeal {
  AuditKey key;
  std::string anchor_path;  // empty: no anchor
};
void UseAuditSeal(AuditSeal seal);
// Null until UseAuditSeal.
const AuditSeal* CurrentAuditSeal();

// Appends `e` at the current time, sealed with the process's key; returns its
// sequence number. Throws std::logic_error when no key was given (an entry
// must never be written unsealed).
std::int64_t AppendAudit(soci::session& sql, const AuditEntry& e);

// The seal `r` must carry: HMAC-SHA-256 under `key` for a keyed entry, plain
// SHA-256 for one from before keys.
std::string AuditSealOf(const AuditRecord& r, const AuditKey& key);

struct AuditVerdict {
  std::int64_t entries = 0;
  std::int64_t unkeyed = 0;   // entries from before the key, at the start of the log
  std::int64_t anchored = 0;  // entries the anchor vouches for; 0 when there is none
  std::string anchored_at;
  // The sequence number of the first bad entry; 0 when the log could not be
  // checked at all (its anchor unreadable).
  std::optional<std::int64_t> first_broken;
  std::string reason;
};

// Every entry re-sealed with the process's key and checked in order, then
// the log compared with the anchor file (unless `with_anchor` is false).
AuditVerdict VerifyAuditChain(soci::session& sql, bool with_anchor = true);

// Moves the anchor to the newest entry after checking the entries since the
// anchored one (the whole chain when there is no anchor yet; the first
// anchor is written even for an empty log, and from it on every entry must
// carry the key). The anchor is never moved back or over an entry that does
// not hold: the verdict names it, and the anchor keeps the alarm until an
// operator replaces it. Nothing happens without an anchor path; an anchor
// file that cannot be read or written is an error, not a verdict.
Result<AuditVerdict> AdvanceAuditAnchor(soci::session& sql);

// Why a log starting with `unkeyed` entries from before the key cannot be
// this data's (the anchor recorded fewer: they were rewritten to look old);
// "" when it can, or there is no anchor.
std::string UnkeyedRunGrew(std::int64_t unkeyed);

// After the database was legitimately rolled back (a restore from a backup):
// checks the chain alone, records in the log itself that the anchor was
// replaced (which anchor, by whom, why), keeps the old anchor file beside the
// new one (`<anchor>.replaced-<time>`), and anchors the log as it is now.
Result<AuditVerdict> ReplaceAuditAnchor(Database& db, const std::string& actor,
                                        const std::string& reason);

// The newest entries first, at most `limit`, starting below `before_seq` (0: the newest).
std::vector<AuditRecord> ListAudit(soci::session& sql, int limit, std::int64_t before_seq);

// The domain's audit log over one transaction's session (AppendAudit).
class SqlAuditLog : public domain::AuditLog {
 public:
  explicit SqlAuditLog(soci::session& sql) : sql_(sql) {}
  std::vector<domain::AuditRecordView> Newest(int limit, std::int64_t before) override;
  domain::AuditCheck Verify() override;

 protected:
  void Append(const std::string& actor, const std::string& action, const std::string& object_type,
              const std::string& object_id, const std::string& before_json,
              const std::string& after_json) override {
    AppendAudit(sql_, {actor, action, object_type, object_id, before_json, after_json});
  }

 private:
  soci::session& sql_;
};

}  // namespace connex::store
