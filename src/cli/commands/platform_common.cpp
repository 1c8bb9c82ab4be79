#include "cli/commands/platform_common.hpp"

#include <iostream>

#include "core/crypto.hpp"
#include "store/migrations.hpp"

namespace connex::cli {

void AddDataOption(CLI::App* cmd, DataOptions& data) {
  cmd->add_option("--data", data.dir, "Data directory holding connex.db")
      ->default_val("var")
      ->type_name("DIR");
  cmd->add_option("--db", data.db,
                  "A PostgreSQL database instead of connex.db (postgresql://user@host:port/name, "
                  "or libpq keywords: \"host=... dbname=...\")")
      ->type_name("URL")
      ->check(PostgresqlUrl);
}

std::string PostgresqlUrl(const std::string& url) {
  auto keywords = store::PostgresqlKeywords(url);
  return keywords ? "" : "not a PostgreSQL address: " + keywords.error().message;
}

std::unique_ptr<store::Database> OpenData(const DataOptions& data, bool migrate, int pool) {
  if (!InitCrypto()) {
    std::cerr << "error: libsodium could not start\n";
    return nullptr;
  }
  auto db = data.db.empty() ? store::Database::OpenSqlite(data.dir + "/connex.db", pool)
                            : store::Database::OpenPostgresql(data.db, pool);
  if (!db.ok()) {
    std::cerr << "error: " << db.error().ToString() << "\n";
    return nullptr;
  }
  if (!migrate) return std::move(db).value();
  if (auto applied = store::ApplyMigrations(**db); !applied.ok()) {
    std::cerr << "error: migrating " << (*db)->location() << ": " << applied.error().ToString()
              << "\n";
    return nullptr;
  }
  return std::move(db).value();
}

}  // namespace connex::cli

namespace connex::cli {

void AddUserCommands(CLI::App& app, int& exit_code);
void AddOrganisationCommands(CLI::App& app, int& exit_code);
void AddAuditCommands(CLI::App& app, int& exit_code);
void AddDatabaseCommands(CLI::App& app, int& exit_code);
void AddServeCommands(CLI::App& app, int& exit_code);
void AddHubCommands(CLI::App& app, int& exit_code);

void AddPlatformCommands(CLI::App& app, int& exit_code) {
  AddUserCommands(app, exit_code);
  AddOrganisationCommands(app, exit_code);
  AddAuditCommands(app, exit_code);
  AddDatabaseCommands(app, exit_code);
  AddServeCommands(app, exit_code);
  AddHubCommands(app, exit_code);
}

}  // namespace connex::cli
