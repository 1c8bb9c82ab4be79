#include "cli/commands/platform_common.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "core/crypto.hpp"
#include "store/audit_log.hpp"
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
  cmd->add_option("--audit-key", data.audit_key,
                  "The file holding the key that seals the audit log (default DIR/audit.key; "
                  "instances sharing a PostgreSQL database each need the same file)")
      ->envname("CONNEX_AUDIT_KEY")
      ->type_name("FILE");
  cmd->add_option("--audit-anchor", data.audit_anchor,
                  "The file recording how far the audit log reached (default DIR/audit.anchor)")
      ->envname("CONNEX_AUDIT_ANCHOR")
      ->type_name("FILE");
}

std::string PostgresqlUrl(const std::string& url) {
  auto keywords = store::PostgresqlKeywords(url);
  return keywords ? "" : "not a PostgreSQL address: " + keywords.error().message;
}

namespace {

// The audit key and anchor this process uses; false (and why, printed) when
// the key is needed and cannot be had.
bool SealAudit(const DataOptions& data, bool needed) {
  const std::string dir = data.dir.empty() ? "" : data.dir + "/";
  const std::string path = !data.audit_key.empty() ? data.audit_key
                           : dir.empty()           ? ""
                                                   : dir + "audit.key";
  if (path.empty() && !needed) return true;
  // Only the embedded database's own key is made here: one named by the
  // operator, or PostgreSQL's, is shared and must come from the operator.
  const bool own = data.audit_key.empty() && data.db.empty();
  auto key = own ? store::ReadOrCreateAuditKey(path) : store::ReadAuditKey(path);
  if (!key) {
    if (!needed) return true;
    std::cerr << "error: " << key.error().ToString() << "\n";
    if (!data.db.empty()) {
      std::cerr << "Instances sharing a PostgreSQL database seal its audit log with one key: "
                   "create it once with `connex audit key new FILE`, copy the file to every "
                   "instance and give --audit-key FILE (or CONNEX_AUDIT_KEY).\n";
    }
    return false;
  }
  const std::string anchor = !data.audit_anchor.empty() ? data.audit_anchor
                             : dir.empty()              ? ""
                                                        : dir + "audit.anchor";
  if (!anchor.empty()) {
    std::error_code ec;  // a directory that cannot be made shows when the anchor is written
    const std::filesystem::path parent = std::filesystem::path(anchor).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  store::UseAuditSeal({std::move(key).value(), anchor});
  return true;
}

}  // namespace

std::string OperatorActor() {
  const char* login = getlogin();
  return std::string("cli:") + (login != nullptr ? login : "operator");
}

std::unique_ptr<store::Database> OpenData(const DataOptions& data, bool migrate, int pool) {
  if (!InitCrypto()) {
    std::cerr << "error: libsodium could not start\n";
    return nullptr;
  }
  if (data.db.empty() && !data.dir.empty()) {
    std::error_code ec;  // the key is made there before the database is
    std::filesystem::create_directories(data.dir, ec);
  }
  if (!SealAudit(data, migrate)) return nullptr;
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
