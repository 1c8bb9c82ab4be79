// SqlBlobStore: content by SHA-256 in the blobs table (BLOB on SQLite, bytea
// on PostgreSQL).
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/shared/blob_store.hpp"

namespace connex::store {

class SqlBlobStore : public domain::BlobStore {
 public:
  explicit SqlBlobStore(soci::session& sql) : sql_(sql) {}

  void Put(const std::string& sha256, const std::string& bytes) override;
  std::optional<std::string> Get(const std::string& sha256) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
