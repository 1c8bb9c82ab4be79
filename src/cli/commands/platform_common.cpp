#include "cli/commands/platform_common.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "core/crypto.hpp"
#include "domain/accounts/account.hpp"
#include "mail/smtp_client.hpp"
#include "store/audit_log.hpp"
#include "store/migrations.hpp"

namespace connex::cli {

void AddAuditKeyOption(CLI::App* cmd, DataOptions& data) {
  cmd->add_option("--audit-key", data.audit_key,
                  "The file holding the key that seals the audit log (default DIR/audit.key; "
                  "instances sharing a PostgreSQL database each need the same file)")
      ->envname("CONNEX_AUDIT_KEY")
      ->type_name("FILE");
}

void AddDataOption(CLI::App* cmd, DataOptions& data) {
  cmd->add_option("--data", data.dir, "Data directory holding connex.db")
      ->default_val("var")
      ->type_name("DIR");
  cmd->add_option("--db", data.db,
                  "A PostgreSQL database instead of connex.db (postgresql://user@host:port/name, "
                  "or libpq keywords: \"host=... dbname=...\")")
      ->type_name("URL")
      ->check(PostgresqlUrl);
  AddAuditKeyOption(cmd, data);
  cmd->add_option("--audit-anchor", data.audit_anchor,
                  "The file recording how far the audit log reached (default DIR/audit.anchor)")
      ->envname("CONNEX_AUDIT_ANCHOR")
      ->type_name("FILE");
}

void AddMailOptions(CLI::App* cmd, api::MailConfig& mail) {
  cmd->add_option("--smtp", mail.smtp_url,
                  "The relay mails go through: smtp://host:port (STARTTLS when offered) or "
                  "smtps://user:password@host:465; without it mails stay queued")
      ->envname("CONNEX_SMTP")
      ->type_name("URL");
  cmd->add_option("--mail-from", mail.from,
                  "The address mails come from; replies to it come back as request messages")
      ->envname("CONNEX_MAIL_FROM")
      ->type_name("ADDRESS");
  cmd->add_option_function<int>(
         "--mail-retry", [&mail](int seconds) { mail.first_retry = std::chrono::seconds(seconds); },
         "Seconds a mail waits after its first failed attempt (then twice as long each time, "
         "up to an hour; default 30)")
      ->check(CLI::Range(1, 3600));
}

std::string CheckMailOptions(const api::MailConfig& mail) {
  if (mail.smtp_url.empty()) return "";
  if (mail.smtp_url.rfind("smtp://", 0) != 0 && mail.smtp_url.rfind("smtps://", 0) != 0) {
    return "--smtp: \"" + mail::RedactedUrl(mail.smtp_url) +
           "\" is not an smtp:// or smtps:// address";
  }
  if (mail.from.empty()) return "--mail-from: the address mails come from is needed with --smtp";
  if (auto why = domain::CheckEmail(mail.from)) return "--mail-from: " + *why;
  return "";
}

std::string PostgresqlUrl(const std::string& url) {
  auto keywords = store::PostgresqlKeywords(url);
  return keywords ? "" : "not a PostgreSQL address: " + keywords.error().message;
}

namespace {

// True when the log behind `db` was sealed with a key already (an anchor
// exists, or an entry names a key): its key must be found, never made anew.
bool SealedBefore(store::Database& db, const std::string& anchor) {
  if (!anchor.empty() && std::filesystem::exists(anchor)) return true;
  auto keyed = db.Read([](soci::session& sql) -> Result<bool> {
    std::string id;
    soci::indicator ind = soci::i_null;
    sql << "SELECT key_id FROM audit_log WHERE key_id IS NOT NULL LIMIT 1", soci::into(id, ind);
    return sql.got_data();
  });
  return !keyed || *keyed;
}

}  // namespace

bool SealAudit(const DataOptions& data, store::Database* db) {
  const std::string dir = data.dir.empty() ? "" : data.dir + "/";
  const std::string path = !data.audit_key.empty() ? data.audit_key
                           : dir.empty()           ? ""
                                                   : dir + "audit.key";
  const std::string anchor = !data.audit_anchor.empty() ? data.audit_anchor
                             : dir.empty()              ? ""
                                                        : dir + "audit.anchor";
  if (path.empty() && db == nullptr) return true;
  // Only the embedded database's own key is made here, and only for a log
  // never sealed: one named by the operator, or PostgreSQL's, is shared and
  // must come from the operator, and a lost key must be put back, not replaced.
  const bool make = db != nullptr && data.audit_key.empty() && data.db.empty() &&
                    !std::filesystem::exists(path) && !SealedBefore(*db, anchor);
  auto key = make ? store::ReadOrCreateAuditKey(path) : store::ReadAuditKey(path);
  if (!key) {
    if (db == nullptr) return true;
    std::cerr << "error: " << key.error().ToString() << "\n";
    if (!data.db.empty()) {
      std::cerr << "Instances sharing a PostgreSQL database seal its audit log with one key: "
                   "create it once with `connex audit key new FILE` (or, for a database copied "
                   "from the embedded one, take its audit.key), copy the file to every instance "
                   "and give --audit-key FILE (or CONNEX_AUDIT_KEY).\n";
    } else if (data.audit_key.empty()) {
      std::cerr << "This audit log was sealed with a key: do not make a new one (nothing "
                   "would verify); put its key file back at "
                << path << " (it is kept apart from the backups).\n";
    }
    return false;
  }
  if (!anchor.empty()) {
    std::error_code ec;  // a directory that cannot be made shows when the anchor is written
    const std::filesystem::path parent = std::filesystem::path(anchor).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  store::UseAuditSeal({std::move(key).value(), anchor});
  return true;
}

std::string OperatorActor() {
  const char* login = getlogin();
  return std::string("cli:") + (login != nullptr ? login : "operator");
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
  if (!migrate) {
    SealAudit(data, nullptr);
    return std::move(db).value();
  }
  if (auto applied = store::ApplyMigrations(**db); !applied.ok()) {
    std::cerr << "error: migrating " << (*db)->location() << ": " << applied.error().ToString()
              << "\n";
    return nullptr;
  }
  if (!SealAudit(data, db->get())) return nullptr;
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
void AddMailCommands(CLI::App& app, int& exit_code);

void AddPlatformCommands(CLI::App& app, int& exit_code) {
  AddUserCommands(app, exit_code);
  AddOrganisationCommands(app, exit_code);
  AddAuditCommands(app, exit_code);
  AddDatabaseCommands(app, exit_code);
  AddServeCommands(app, exit_code);
  AddHubCommands(app, exit_code);
  AddMailCommands(app, exit_code);
}

}  // namespace connex::cli
