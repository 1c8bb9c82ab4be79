#include "store/database.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
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

namespace {

// The connection string without its password, for logs and messages:
// postgresql://user:secret@host/db -> postgresql://user:***@host/db, and
// "password=secret" -> "password=***".
std::string WithoutPassword(std::string url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string::npos) {
    const size_t at = url.find('@', scheme), colon = url.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      url.replace(colon + 1, at - colon - 1, "***");
    }
    return url;
  }
  const size_t key = url.find("password=");
  if (key != std::string::npos) {
    const size_t end = url.find(' ', key);
    url.replace(key + 9, (end == std::string::npos ? url.size() : end) - key - 9, "***");
  }
  return url;
}

}  // namespace

Result<std::string> PostgresqlKeywords(const std::string& address) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(address.c_str(), &error);
  if (!options) {
    std::string why = error ? error : "not a PostgreSQL address";
    PQfreemem(error);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return Error{ErrorCode::kInvalidInput, why, "db"};
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    out += (out.empty() ? "" : " ") + std::string(o->keyword) + "='" + value + "'";
  }
  PQconninfoFree(options);
  return out;
}

Result<std::unique_ptr<Database>> Database::OpenPostgresql(const std::string& url, int pool_size) {
  if (pool_size < 1) return Error{ErrorCode::kInvalidInput, "must be at least 1", "pool_size"};
  // SOCI misreads some URIs (postgresql://u@h:5432/name asks for database
  // "name="): it is given libpq's own reading of the address instead.
  auto keywords = PostgresqlKeywords(url);
  if (!keywords) return keywords.errors();
  std::unique_ptr<Database> db(new Database(Backend::kPostgresql, WithoutPassword(url), pool_size));
  try {
    for (int i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_.at(static_cast<size_t>(i));
      s.open(soci::postgresql, *keywords);
      // Notices (CREATE ... IF NOT EXISTS skipping) are not the operator's business.
      s << "SET client_min_messages TO WARNING";
    }
  } catch (const soci::soci_error& e) {
    return Error{ErrorCode::kIo,
                 "cannot connect to PostgreSQL at " + db->location_ + ": " + e.what(), ""};
  }
  return db;
}

void Database::Begin(soci::session& sql, bool write) {
  if (backend_ == Backend::kSqlite) {
    sql << (write ? "BEGIN IMMEDIATE" : "BEGIN");
  } else if (write) {
    // Read committed: every write of the platform checks the version it read
    // in its UPDATE ... WHERE version = :expected, so a concurrent change is
    // caught there, not by serialization failures.
    sql << "BEGIN ISOLATION LEVEL READ COMMITTED";
  } else {
    sql << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";  // one snapshot per read
  }
}

Result<bool> Database::WriteSchema(const std::function<Result<bool>(soci::session&)>& fn) {
  if (backend_ == Backend::kPostgresql) {
    // PostgreSQL alters constraints in place, in a transaction, with foreign keys on.
    return Run(true, fn);
  }
  soci::session sql(pool_);
  // The pragma is a no-op inside a transaction, so it comes first, and it is
  // restored whatever happens: this session goes back to the pool.
  sql << "PRAGMA foreign_keys=OFF";
  struct Restore {
    soci::session& sql;
    ~Restore() {
      try {
        sql << "PRAGMA foreign_keys=ON";
      } catch (const soci::soci_error&) {
        // The connection itself failed; its next user gets that error.
      }
    }
  } restore{sql};
  Begin(sql, true);
  try {
    Result<bool> result = fn(sql);
    if (result.ok()) {
      std::string table;
      soci::indicator ind = soci::i_null;
      sql << "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1", soci::into(table, ind);
      if (sql.got_data()) {
        RollbackQuietly(sql);
        return Error{ErrorCode::kConflict,
                     "the schema change leaves rows of " + table + " pointing at nothing", ""};
      }
    }
    sql << (result.ok() ? "COMMIT" : "ROLLBACK");
    return result;
  } catch (...) {
    RollbackQuietly(sql);
    throw;
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
  if (backend_ == Backend::kPostgresql) {
    return Error{ErrorCode::kUnavailable,
                 "a PostgreSQL database is copied with pg_dump (docs/deploy.md)", "file"};
  }
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

bool TryLockForTransaction(soci::session& sql, const std::string& name) {
  if (sql.get_backend_name() != "postgresql") return true;
  int taken = 0;
  sql << "SELECT CASE WHEN pg_try_advisory_xact_lock(hashtext(:n)) THEN 1 ELSE 0 END",
      soci::use(name), soci::into(taken);
  return taken == 1;
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
