// The audit anchor: how many entries the audit log held and the seal of the
// last one, written to a file outside the database by the portal as the log
// grows. The log may only grow past its anchor: a log shorter than the
// anchor, or one whose anchored entry is another, was cut or rewritten, which
// the seals alone cannot show (removing entries from the end leaves a chain
// that holds).
//
// A break found after the anchor stays in the file (`alarm`, and `seen`, the
// newest entry the portal saw), so that removing the entries from the break
// on, later, does not make the log look whole again; only an operator's
// reanchor, itself recorded in the log, clears it.
//
// The file is one JSON object: {"entries":N,"head":"<seal>","key_id":"...",
// "at":"<ISO 8601>","seen":M,"alarm":"...","broken":K,"unkeyed":U}, replaced atomically (written
// beside it, synced, renamed).
//
// Thread-safety: free functions; concurrent writers each leave a whole file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace connex::store {

struct AuditAnchor {
  std::int64_t entries = 0;
  std::string head;       // the seal (hash) of entry `entries`
  std::string key_id;     // the key that entry was sealed with; empty for an entry from before keys
  std::string at;         // when the anchor was written
  std::int64_t seen = 0;  // the newest entry the portal saw, whether it held or not
  std::string alarm;      // the first break found after the anchor, with its time; empty: none
  std::int64_t broken = 0;   // the entry the alarm names
  std::int64_t unkeyed = 0;  // entries from before the key at the start of the log
};

// Holds the anchor at `path` for one process's read, check and write: the
// others wait (an exclusive lock on `<path>.lock`), so two processes sharing
// one anchor never undo each other's move or alarm.
class AnchorLock {
 public:
  explicit AnchorLock(const std::string& path);
  ~AnchorLock();
  AnchorLock(const AnchorLock&) = delete;
  AnchorLock& operator=(const AnchorLock&) = delete;

 private:
  int fd_ = -1;
};

// The anchor in `path`; nullopt when there is no file; an error when it cannot be read.
Result<std::optional<AuditAnchor>> ReadAuditAnchor(const std::string& path);
// Replaces the anchor in `path` with `anchor`, atomically and durably.
Result<Done> WriteAuditAnchor(const std::string& path, const AuditAnchor& anchor);

}  // namespace connex::store
