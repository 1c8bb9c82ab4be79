// Content stored once per SHA-256, however many records name it: a request's
// confidential documents and the hub's files (store/sql_blob_store.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction.
#pragma once

#include <optional>
#include <string>

namespace connex::domain {

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores `bytes` under `sha256` unless content with that hash is there.
  virtual void Put(const std::string& sha256, const std::string& bytes) = 0;
  virtual std::optional<std::string> Get(const std::string& sha256) = 0;
};

}  // namespace connex::domain
