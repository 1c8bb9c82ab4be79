#include "store/database.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>

#include "store/sqlite_rank.hpp"

namespace connex::store {

Database::Database(Backend backend, std::string location, int pool_size)
    : backend_(backend), location_(std::move(location)), pool_(static_cast<size_t>(pool_size)) {}

Result<std::unique_ptr<Database>> Database::OpenSqlite(const std::string& path, int pool_size) {
  if (pool_size < 1) return Error{ErrorCode::kInvalidInput, "must be at least 1", "pool_size"};
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return Error{ErrorCode::kIo,
                 "cannot create the data directory " + parent.string() + ": " + ec.message(), ""};
  }
  std::unique_ptr<Database> db(new Database(Backend::kSqlite, path, pool_size));
  try {
    for (int i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_.at(static_cast<size_t>(i));
      s.open(soci::sqlite3, "db=" + path + " timeout=10");
      s << "PRAGMA journal_mode=WAL";
      s << "PRAGMA synchronous=FULL";
      s << "PRAGMA foreign_keys=ON";
      s << "PRAGMA busy_timeout=10000";
      if (!RegisterHubRank(s)) {
        return Error{ErrorCode::kIo, "SQLite without FTS5 cannot search the hub: " + path, ""};
      }
    }
  } catch (const soci::soci_error& e) {
    return Error{ErrorCode::kIo, "cannot open the database " + path + ": " + e.what(), ""};
  }
  return db;
}

void Database::Begin(soci::session& sql, bool write) {
  if (backend_ == Backend::kSqlite) {
    sql << (write ? "BEGIN IMMEDIATE" : "BEGIN");
  } else {
    sql << "BEGIN";
  }
}

void Database::RollbackQuietly(soci::session& sql) {
  try {
    sql << "ROLLBACK";
  } catch (const soci::soci_error&) {
    // The transaction is already gone (the failure ended it); nothing to undo.
  }
}

Result<Done> Database::Backup(const std::string& target) {
  if (std::filesystem::exists(target)) {
    return Error{ErrorCode::kInvalidInput, "already exists; choose a new file name", "file"};
  }
  try {
    soci::session sql(pool_);
    // VACUUM INTO copies one read snapshot: consistent while writers continue.
    sql << "VACUUM INTO :target", soci::use(target);
  } catch (const soci::soci_error& e) {
    return Error{ErrorCode::kIo, "backup to " + target + " failed: " + e.what(), "file"};
  }
  return Done{};
}

bool Database::Ping() {
  try {
    soci::session sql(pool_);
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const soci::soci_error&) {
    return false;
  }
}

}  // namespace connex::store
