// The audit log as the domain sees it: every change appends who did what to
// which object, in the transaction of the change itself (store/audit_log.hpp
// seals the chain that makes the log tamper-evident). For what administrators
// manage themselves (accounts, organisations, the SLA policy, courses, ...)
// the entry holds the object before and after; for everything else (a
// government's requests and messages, advisors' models, documents,
// obligations) only the names of the fields that changed, never what they
// hold. Administrators read it, newest first, and check the chain.
//
// REQUIRES: Record runs on the transaction of the change it records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace connex::domain {

// One entry as stored, with its place in the chain.
struct AuditRecordView {
  std::int64_t seq = 0;
  std::string at;  // ISO 8601
  std::string actor, action, object_type, object_id;
  std::string before_json, after_json;  // JSON texts; empty for none
  std::string hash;
  // Set by AuditService for objects whose content is not the reader's to
  // see: before_json and after_json are emptied and only the names of the
  // fields that changed are kept.
  bool withheld = false;
  std::vector<std::string> fields;
};

// The chain recomputed: how many entries, and the first that does not hold.
struct AuditCheck {
  std::int64_t entries = 0;
  std::int64_t unkeyed = 0;   // entries from before the audit key (plain SHA-256)
  std::int64_t anchored = 0;  // entries the anchor file vouches for (0: none)
  std::string anchored_at;
  std::optional<std::int64_t> first_broken;  // its sequence number
  std::string reason;
};

// True for the kinds of object administrators manage themselves, whose
// content the log keeps and shows.
bool AuditKeepsContent(const std::string& object_type);

// The top-level fields an entry says changed: those named by an entry kept
// without content, else those that differ between before and after (all of
// either when the other is absent).
std::vector<std::string> AuditedFields(const std::string& before_json,
                                       const std::string& after_json);

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // At most `limit` entries, newest first, below sequence `before` (0: the newest).
  virtual std::vector<AuditRecordView> Newest(int limit, std::int64_t before) = 0;
  virtual AuditCheck Verify() = 0;
  // `before_json` and `after_json` are JSON texts; empty for none. Kept as
  // they are when AuditKeepsContent(object_type), else reduced to the names
  // of the fields that changed.
  void Record(const std::string& actor, const std::string& action, const std::string& object_type,
              const std::string& object_id, const std::string& before_json,
              const std::string& after_json);

 protected:
  virtual void Append(const std::string& actor, const std::string& action,
                      const std::string& object_type, const std::string& object_id,
                      const std::string& before_json, const std::string& after_json) = 0;
};

}  // namespace connex::domain
