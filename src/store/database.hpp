// Database: the one way to reach stored data. A pool of SOCI sessions on one
// database; every read and write runs inside a transaction through Read() or
// Write(), so one request is one transaction and a failure leaves nothing
// half-written.
//
// Backend quirks live here and in nowhere else: SQLite opens in WAL mode with
// synchronous=FULL (an acknowledged write survives kill -9), foreign keys on,
// a busy timeout, and write transactions that take the write lock at BEGIN
// (BEGIN IMMEDIATE) so two writers never deadlock upgrading a read lock.
//
// Thread-safety: Database is shared by all request threads; each call leases
// its own session from the pool.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "core/enum_names.hpp"
#include "core/result.hpp"

namespace connex::store {

enum class Backend { kSqlite, kPostgresql };
// "sqlite", "postgresql": as migration file names say it.
inline constexpr EnumNames<Backend, 2> kBackendNames{{"sqlite", "postgresql"}};
inline const char* ToString(Backend v) { return kBackendNames[v]; }

// A PostgreSQL address as libpq reads it, URI
// (postgresql://user:secret@host:5432/name?sslmode=require) or keywords (host=... dbname=...),
// written as keywords, the form every connector takes whole; the reason when libpq cannot read it.
Result<std::string> PostgresqlKeywords(const std::string& address);

class Database {
 public:
  // Opens (creating if absent) the SQLite database at `path` with `pool_size` sessions.
  static Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size);
  // Connects `pool_size` sessions to PostgreSQL (`url`: postgresql://user@host:port/db
  // or a libpq keyword string).
  static Result<std::unique_ptr<Database>> OpenPostgresql(const std::string& url, int pool_size);

  Backend backend() const { return backend_; }
  // The file, or the server's address without its password: safe to log.
  const std::string& location() const { return location_; }

  // fn(soci::session&) -> Result<T>, in one write transaction: committed when
  // fn returns a value; rolled back when it returns errors or throws.
  template <typename F>
  auto Write(F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    return Run(true, std::forward<F>(fn));
  }
  // The same in a read transaction (a consistent snapshot).
  template <typename F>
  auto Read(F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    return Run(false, std::forward<F>(fn));
  }

  // The same for a schema change (a migration). SQLite cannot alter a
  // constraint in place; it rebuilds the table, which needs foreign keys off
  // while it runs (sqlite.org/lang_altertable.html, "other kinds of table
  // schema changes"); they are checked before the commit, so a change that
  // leaves a dangling reference is rolled back with an error.
  Result<bool> WriteSchema(const std::function<Result<bool>(soci::session&)>& fn);

  // A consistent copy of the live database to `target` (which must not exist),
  // taken while requests keep running.
  Result<Done> Backup(const std::string& target);

  // True when a trivial query answers: the readiness probe.
  bool Ping();

 private:
  Database(Backend backend, std::string location, int pool_size);

  template <typename F>
  auto Run(bool write, F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    soci::session sql(pool_);
    Begin(sql, write);
    try {
      auto result = fn(sql);
      if (result.ok()) {
        sql << "COMMIT";
      } else {
        sql << "ROLLBACK";
      }
      return result;
    } catch (...) {
      RollbackQuietly(sql);
      throw;
    }
  }
  void Begin(soci::session& sql, bool write);
  static void RollbackQuietly(soci::session& sql);

  Backend backend_;
  std::string location_;
  soci::connection_pool pool_;
};

// For work that one instance at a time should do (the minute's sweep of
// clocks and reminders): true when this transaction holds the lock `name`
// until it ends, false when another transaction holds it. SQLite's write
// transactions already run one at a time: always true there.
bool TryLockForTransaction(soci::session& sql, const std::string& name);

}  // namespace connex::store
