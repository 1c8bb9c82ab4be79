// The audit key: 32 secret bytes that seal every audit entry (HMAC-SHA-256),
// kept in a file outside the database so that whoever can write the database
// alone cannot forge or recompute the chain. Instances sharing one database
// hold the same key file; entries name the key by an identifier derived from
// it, so an instance given another key is noticed.
//
// The file holds the key as 64 hex digits and a newline, mode 0600.
//
// Thread-safety: free functions; no shared state.
#pragma once

#include <string>

#include "core/result.hpp"

namespace connex::store {

struct AuditKey {
  std::string secret;  // 32 bytes
  std::string id;      // 16 hex digits derived from the secret; reveals nothing of it
};

// The key in `path`; an error naming the file and what is wrong with it.
Result<AuditKey> ReadAuditKey(const std::string& path);
// A new random key written to `path` (mode 0600); refused if `path` exists.
Result<AuditKey> CreateAuditKey(const std::string& path);
// The key in `path`, created first when there is no such file.
Result<AuditKey> ReadOrCreateAuditKey(const std::string& path);

}  // namespace connex::store
