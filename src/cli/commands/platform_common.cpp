#include "cli/commands/platform_common.hpp"

#include <iostream>

#include "core/crypto.hpp"
#include "store/migrations.hpp"

namespace connex::cli {

void AddDataOption(CLI::App* cmd, std::string& data_dir) {
  cmd->add_option("--data", data_dir, "Data directory holding connex.db")
      ->default_val("var")
      ->type_name("DIR");
}

std::unique_ptr<store::Database> OpenData(const std::string& data_dir, bool migrate) {
  if (!InitCrypto()) {
    std::cerr << "error: libsodium could not start\n";
    return nullptr;
  }
  auto db = store::Database::OpenSqlite(data_dir + "/connex.db", 1);
  if (!db.ok()) {
    std::cerr << "error: " << db.error().ToString() << "\n";
    return nullptr;
  }
  if (!migrate) return std::move(db).value();
  if (auto applied = store::ApplyMigrations(**db); !applied.ok()) {
    std::cerr << "error: migrating " << data_dir << "/connex.db: " << applied.error().ToString()
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
