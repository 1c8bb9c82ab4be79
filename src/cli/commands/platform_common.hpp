// What the operator commands (user, organisation, audit, backup) share:
// the --data option and opening the database with its migrations applied.
// Internal to the CLI.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "api/mail_delivery.hpp"
#include "store/database.hpp"

namespace connex::cli {

// Exit codes of the operator commands.
inline constexpr int kOperatorInvalid = 2;  // bad arguments or refused input
inline constexpr int kOperatorFailed = 1;   // the database could not be used, or a check failed

// Where the data is: the embedded database DIR/connex.db, or a PostgreSQL
// server when `db` is set; and the audit key and anchor files.
struct DataOptions {
  std::string dir = "var";
  std::string db;            // postgresql://user@host:port/database; empty: SQLite in `dir`
  std::string audit_key;     // empty: DIR/audit.key
  std::string audit_anchor;  // empty: DIR/audit.anchor
};

// "" for a PostgreSQL URL, else why not (a CLI11 check).
std::string PostgresqlUrl(const std::string& url);
// Adds --audit-key FILE (also CONNEX_AUDIT_KEY).
void AddAuditKeyOption(CLI::App* cmd, DataOptions& data);
// Adds --data DIR (default "var"), --db URL, --audit-key FILE and --audit-anchor FILE.
void AddDataOption(CLI::App* cmd, DataOptions& data);
// Loads the audit key and anchor this process seals and checks the log of
// `db` with (DataOptions). The embedded database's own key is made only
// for a log never sealed. With a null `db`, a key that cannot be had is no
// obstacle (the caller writes no entry). False, with why printed, otherwise.
bool SealAudit(const DataOptions& data, store::Database* db);
// Opens the database with `pool` sessions, applying pending migrations unless
// `migrate` is false, and seals the audit entries this process writes with
// the audit key. The embedded database's key, DIR/audit.key, is created the
// first time; a key given by name, or one for PostgreSQL (which instances
// share, so each must be given the same), must exist. Prints why and returns
// null when it cannot; without `migrate` (schema and copy commands, which
// write no audit entry) a missing key is no obstacle.
std::unique_ptr<store::Database> OpenData(const DataOptions& data, bool migrate = true,
                                          int pool = 1);

// Adds --smtp URL and --mail-from ADDRESS (also CONNEX_SMTP, CONNEX_MAIL_FROM).
void AddMailOptions(CLI::App* cmd, api::MailConfig& mail);
// "" when the relay settings can be used; else why not, naming the option.
std::string CheckMailOptions(const api::MailConfig& mail);

// Who the audit log names for a command run at the console: "cli:<login>".
std::string OperatorActor();

// `connex user`, `connex organisation`, `connex audit`, `connex migrate`,
// `connex backup`, `connex restore`, `connex db copy`.
void AddPlatformCommands(CLI::App& app, int& exit_code);

}  // namespace connex::cli
