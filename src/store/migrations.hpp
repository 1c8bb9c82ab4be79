// Numbered schema migrations, embedded in the binary from migrations/*.sql and
// applied in order at start. The schema_migrations table records each one, so
// a database is brought up to date exactly once per version.
//
// Thread-safety: Migrations() is immutable; ApplyMigrations() takes the write lock.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace connex::store {

class Database;

struct Migration {
  int version;
  std::string name;
  std::string backend;  // "" for every backend, else the one that applies it ("sqlite")
  std::string sql;      // statements end with ';' at the end of a line
};

const std::vector<Migration>& Migrations();

struct MigrationStatus {
  int version;
  std::string name;
  std::string applied_at;  // empty when pending
};

// Applies every pending migration of the database's backend, each in its own
// schema-change transaction (Database::WriteSchema); returns how many ran.
// `through`: the last version to apply (tests of an upgrade stop before a change).
Result<int> ApplyMigrations(Database& db, int through = std::numeric_limits<int>::max());
Result<std::vector<MigrationStatus>> ListMigrations(Database& db);

// The statements of one migration file, split at ';' ending a line, comments dropped.
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace connex::store
