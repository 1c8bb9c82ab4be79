// `connex migrate status|up`, `connex backup FILE`, `connex restore FILE`,
// `connex db copy`: the schema, the copies of the database (SQLite's own
// online backup; pg_dump and pg_restore for PostgreSQL) and the move from the
// embedded database to PostgreSQL, for the operator.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/commands/pg_tools.hpp"
#include "cli/commands/platform_common.hpp"
#include "store/audit_log.hpp"
#include "store/database_copy.hpp"
#include "store/migrations.hpp"

namespace connex::cli {

namespace {

// The newest schema version this binary knows.
int LatestVersion() {
  int latest = 0;
  for (const store::Migration& m : store::Migrations()) latest = std::max(latest, m.version);
  return latest;
}

void MigrateCommands(CLI::App& app, int& exit_code) {
  auto data = std::make_shared<DataOptions>();
  CLI::App* migrate = app.add_subcommand("migrate", "Show or apply the schema migrations");
  migrate->require_subcommand(1);
  CLI::App* status = migrate->add_subcommand("status", "List each migration, applied or pending");
  AddDataOption(status, *data);
  status->callback([data, &exit_code] {
    auto db = OpenData(*data, false);
    if (!db) return void(exit_code = kOperatorFailed);
    auto list = store::ListMigrations(*db);
    if (!list) {
      std::cerr << "error: " << list.error().ToString() << "\n";
      return void(exit_code = kOperatorFailed);
    }
    int pending = 0;
    for (const store::MigrationStatus& m : *list) {
      std::cout << m.version << " " << m.name << " "
                << (m.applied_at.empty() ? "pending" : "applied " + m.applied_at) << "\n";
      pending += m.applied_at.empty() ? 1 : 0;
    }
    std::cout << pending << " pending\n";
  });
  auto to = std::make_shared<int>(0);
  CLI::App* up =
      migrate->add_subcommand("up", "Apply the pending migrations (all, or --to a version)");
  AddDataOption(up, *data);
  up->add_option("--to", *to, "The last version to apply")->check(CLI::Range(1, 9999));
  up->callback([data, to, &exit_code] {
    auto db = OpenData(*data, false);
    if (!db) return void(exit_code = kOperatorFailed);
    auto applied = *to > 0 ? store::ApplyMigrations(*db, *to) : store::ApplyMigrations(*db);
    if (!applied) {
      std::cerr << "error: " << applied.error().ToString() << "\n";
      return void(exit_code = kOperatorFailed);
    }
    std::cout << "applied " << *applied << " migration(s)\n";
  });
}

// pg_dump's custom format: compressed, consistent (one snapshot), and
// restorable table by table.
int PgDump(const std::string& url, const std::string& file) {
  if (std::filesystem::exists(file)) {
    std::cerr << "error: file: already exists; choose a new file name\n";
    return kOperatorInvalid;
  }
  if (RunPgTool("pg_dump", url, {"--format=custom", "--no-owner", "--file=" + file}) != 0) {
    std::cerr << "error: pg_dump could not write " << file << "\n";
    std::error_code ec;
    std::filesystem::remove(file, ec);
    return kOperatorFailed;
  }
  std::cout << "backup written to " << file << " (pg_dump custom format)\n";
  return 0;
}

// The newest schema version in a pg_dump archive (its schema_migrations rows),
// or -1 when the archive holds none: read before anything is restored.
int ArchiveSchemaVersion(const std::string& file) {
  std::string rows;
  if (RunPgTool("pg_restore", "", {"--data-only", "--table=schema_migrations", "--file=-", file},
                &rows) != 0) {
    return -1;
  }
  int newest = -1;
  bool in_copy = false;
  std::istringstream lines(rows);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("COPY ", 0) == 0) {
      in_copy = true;
    } else if (line == "\\.") {
      in_copy = false;
    } else if (in_copy) {
      newest = std::max(newest, std::atoi(line.c_str()));
    }
  }
  return newest;
}

int PgRestore(const std::string& url, const std::string& file, bool replace) {
  const int version = ArchiveSchemaVersion(file);
  if (version < 0 || version > LatestVersion()) {
    std::cerr << "error: " << file << " is not a backup this version can restore: "
              << (version < 0 ? "not a pg_dump archive of a CONNEX database"
                              : "its schema version " + std::to_string(version) +
                                    " is newer than " + std::to_string(LatestVersion()))
              << "\n";
    return kOperatorInvalid;
  }
  auto db = OpenData({.dir = "", .db = url, .audit_key = "", .audit_anchor = ""}, false);
  if (!db) return kOperatorFailed;
  auto tables = db->Read([](soci::session& sql) -> Result<long long> {
    long long n = 0;
    sql << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        soci::into(n);
    return n;
  });
  db.reset();
  if (!tables) {
    std::cerr << "error: " << tables.error().ToString() << "\n";
    return kOperatorFailed;
  }
  if (*tables > 0 && !replace) {
    std::cerr << "error: the database holds tables; stop the portal and add --replace to "
                 "overwrite them\n";
    return kOperatorInvalid;
  }
  // One transaction: a restore that fails half-way leaves the database as it was.
  std::vector<std::string> args = {"--no-owner", "--single-transaction", "--exit-on-error"};
  if (replace) args.insert(args.end(), {"--clean", "--if-exists"});
  args.push_back(file);
  if (RunPgTool("pg_restore", url, args) != 0) {
    std::cerr << "error: pg_restore failed; the database is unchanged\n";
    return kOperatorFailed;
  }
  std::cout << "restored " << file << " (schema version " << version << ")\n";
  return 0;
}

// Why the audit log of the embedded database `file` cannot be taken as this
// data's own, or "" when it holds with this data's key.
std::string CheckStagedAuditLog(const DataOptions& data, const std::string& file) {
  auto db = store::Database::OpenSqlite(file, 1);
  if (!db) return db.error().ToString();
  if (auto applied = store::ApplyMigrations(**db); !applied) return applied.error().ToString();
  if (!SealAudit(data, db->get())) return "its audit log cannot be checked without the key";
  auto v = (*db)->Read([](soci::session& sql) -> Result<store::AuditVerdict> {
    return store::VerifyAuditChain(sql, false);
  });
  if (!v) return v.error().ToString();
  if (v->first_broken) return "its audit log does not hold: " + v->reason;
  return store::UnkeyedRunGrew(v->unkeyed);
}

// A restore takes the audit log back to the backup's end, behind its anchor:
// the log records the restore and is anchored again where it now ends.
// Pending migrations are applied first, as the portal would on start.
int AnchorRestored(const DataOptions& data, const std::string& file) {
  auto db = OpenData(data);
  if (!db) return kOperatorFailed;
  auto v = store::ReplaceAuditAnchor(*db, OperatorActor(), "restored from " + file);
  if (!v) {
    std::cerr << "error: the restored audit log could not be anchored: " << v.error().ToString()
              << "\n";
    return kOperatorFailed;
  }
  std::cout << "audit log anchored at entry " << v->anchored << " (the restore is entry "
            << v->entries << ")\n";
  return 0;
}

void BackupCommands(CLI::App& app, int& exit_code) {
  auto data = std::make_shared<DataOptions>();
  auto file = std::make_shared<std::string>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Write a consistent copy of the database while the portal keeps running");
  AddDataOption(backup, *data);
  backup->add_option("file", *file, "New file to write (must not exist)")->required();
  backup->callback([data, file, &exit_code] {
    if (!data->db.empty()) return void(exit_code = PgDump(data->db, *file));
    auto db = OpenData(*data);
    if (!db) return void(exit_code = kOperatorFailed);
    if (auto r = db->Backup(*file); !r) {
      std::cerr << "error: " << r.error().ToString() << "\n";
      return void(exit_code = r.error().code == ErrorCode::kInvalidInput ? kOperatorInvalid
                                                                         : kOperatorFailed);
    }
    std::cout << "backup written to " << *file << "\n";
  });

  auto replace = std::make_shared<bool>(false);
  CLI::App* restore = app.add_subcommand(
      "restore", "Put a backup in place of the database (stop the portal first)");
  AddDataOption(restore, *data);
  restore->add_option("file", *file, "A file written by connex backup")
      ->required()
      ->check(CLI::ExistingFile);
  restore->add_flag("--replace", *replace, "Replace an existing database");
  restore->callback([data, file, replace, &exit_code] {
    namespace fs = std::filesystem;
    if (!data->db.empty()) {
      exit_code = PgRestore(data->db, *file, *replace);
      if (exit_code == 0) exit_code = AnchorRestored(*data, *file);
      return;
    }
    const fs::path target = fs::path(data->dir) / "connex.db";
    if (fs::exists(target) && !*replace) {
      std::cerr << "error: " << target.string()
                << " exists; stop the portal and add --replace to overwrite it\n";
      return void(exit_code = kOperatorInvalid);
    }
    // Checked on a private copy first, so a damaged or newer backup leaves
    // the current database untouched.
    const fs::path staged = fs::path(data->dir) / "connex.db.restoring";
    std::error_code ec;
    fs::create_directories(data->dir, ec);
    fs::remove(staged, ec);
    fs::copy_file(*file, staged, ec);
    if (ec) {
      std::cerr << "error: cannot copy " << *file << ": " << ec.message() << "\n";
      return void(exit_code = kOperatorFailed);
    }
    std::string verdict;
    int newest = 0;
    {
      auto db = store::Database::OpenSqlite(staged.string(), 1);
      if (!db) {
        std::cerr << "error: " << db.error().ToString() << "\n";
        fs::remove(staged, ec);
        return void(exit_code = kOperatorInvalid);
      }
      auto checked = (*db)->Read([&](soci::session& sql) -> Result<Done> {
        sql << "PRAGMA integrity_check", soci::into(verdict);
        soci::indicator ind = soci::i_null;
        sql << "SELECT MAX(version) FROM schema_migrations", soci::into(newest, ind);
        return Done{};
      });
      if (!checked) verdict = checked.error().ToString();
    }
    if (verdict != "ok" || newest > LatestVersion()) {
      std::cerr << "error: " << *file << " is not a backup this version can restore: "
                << (verdict != "ok" ? "integrity check says " + verdict
                                    : "its schema version " + std::to_string(newest) +
                                          " is newer than " + std::to_string(LatestVersion()))
                << "\n";
      fs::remove(staged, ec);
      return void(exit_code = kOperatorInvalid);
    }
    // The backup's audit log must hold by itself with this data's key before
    // it replaces anything (its schema brought up to date on the private copy).
    if (std::string refused = CheckStagedAuditLog(*data, staged.string()); !refused.empty()) {
      std::cerr << "error: " << *file << " cannot be restored: " << refused
                << "; the database is unchanged\n";
      fs::remove(staged, ec);
      return void(exit_code = kOperatorInvalid);
    }
    for (const char* suffix : {"-wal", "-shm"}) {
      fs::remove(staged.string() + suffix, ec);
      fs::remove(target.string() + suffix, ec);
    }
    fs::rename(staged, target, ec);
    if (ec) {
      std::cerr << "error: cannot move the backup into place: " << ec.message() << "\n";
      return void(exit_code = kOperatorFailed);
    }
    std::cout << "restored " << *file << " to " << target.string() << " (schema version " << newest
              << ")\n";
    exit_code = AnchorRestored(*data, *file);
  });
}

}  // namespace

void CopyCommand(CLI::App& app, int& exit_code) {
  auto data = std::make_shared<DataOptions>();
  auto to = std::make_shared<std::string>();
  CLI::App* db = app.add_subcommand("db", "Move the data between database backends");
  db->require_subcommand(1);
  CLI::App* copy = db->add_subcommand(
      "copy",
      "Copy the embedded database into an empty PostgreSQL database (stop the portal first)");
  copy->add_option("--data", data->dir, "Data directory holding connex.db")
      ->default_val("var")
      ->type_name("DIR");
  AddAuditKeyOption(copy, *data);
  copy->add_option("--to", *to, "The PostgreSQL database (postgresql://user@host:port/name)")
      ->required()
      ->type_name("URL")
      ->check(PostgresqlUrl);
  copy->callback([data, to, &exit_code] {
    const std::string file = data->dir + "/connex.db";
    if (!std::filesystem::exists(file)) {
      std::cerr << "error: --data: " << file << " does not exist\n";
      return void(exit_code = kOperatorInvalid);
    }
    auto from = OpenData(*data);
    if (!from) return void(exit_code = kOperatorFailed);
    auto target = OpenData({.dir = "", .db = *to, .audit_key = "", .audit_anchor = ""}, false);
    if (!target) return void(exit_code = kOperatorFailed);
    const auto start = std::chrono::steady_clock::now();
    auto report = store::CopyDatabase(*from, *target, [](const std::string& step, long long n) {
      if (step == "search index") {
        std::cout << "search index built for " << n << " documents\n";
      } else {
        std::cout << step << " " << n << " rows\n" << std::flush;
      }
    });
    if (!report) {
      std::cerr << "error: " << report.error().ToString()
                << "\nnothing was copied; the target is unchanged\n";
      return void(exit_code = report.error().code == ErrorCode::kInvalidInput ? kOperatorInvalid
                                                                              : kOperatorFailed);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char took[64];
    std::snprintf(took, sizeof took, "%.1f", seconds);
    std::cout << "copied " << report->rows << " rows of " << report->tables.size() << " tables to "
              << target->location() << " in " << took
              << " s; start the portal with --db to serve from it\n";
  });
}

void AddDatabaseCommands(CLI::App& app, int& exit_code) {
  MigrateCommands(app, exit_code);
  BackupCommands(app, exit_code);
  CopyCommand(app, exit_code);
}

}  // namespace connex::cli
