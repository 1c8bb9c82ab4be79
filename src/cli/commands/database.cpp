// `connex migrate status|up`, `connex backup FILE`, `connex restore FILE`: the
// schema and the copies of a data directory's database, for the operator.
#include <filesystem>
#include <iostream>

#include "cli/commands/platform_common.hpp"
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

void BackupCommands(CLI::App& app, int& exit_code) {
  auto data = std::make_shared<DataOptions>();
  auto file = std::make_shared<std::string>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Write a consistent copy of the database while the portal keeps running");
  AddDataOption(backup, *data);
  backup->add_option("file", *file, "New file to write (must not exist)")->required();
  backup->callback([data, file, &exit_code] {
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
      "restore", "Put a backup in place of the data directory's database (stop the portal first)");
  AddDataOption(restore, *data);
  restore->add_option("file", *file, "A file written by connex backup")
      ->required()
      ->check(CLI::ExistingFile);
  restore->add_flag("--replace", *replace, "Replace an existing database");
  restore->callback([data, file, replace, &exit_code] {
    namespace fs = std::filesystem;
    if (!data->db.empty()) {
      std::cerr << "error: a PostgreSQL database is restored with pg_restore (docs/deploy.md)\n";
      return void(exit_code = kOperatorInvalid);
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
              << "; newer migrations apply when the portal starts)\n";
  });
}

}  // namespace

void AddDatabaseCommands(CLI::App& app, int& exit_code) {
  MigrateCommands(app, exit_code);
  BackupCommands(app, exit_code);
}

}  // namespace connex::cli
