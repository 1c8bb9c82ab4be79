// What the operator commands (user, organisation, audit, backup) share:
// the --data option and opening the database with its migrations applied.
// Internal to the CLI.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/database.hpp"

namespace connex::cli {

// Exit codes of the operator commands.
inline constexpr int kOperatorInvalid = 2;  // bad arguments or refused input
inline constexpr int kOperatorFailed = 1;   // the database could not be used, or a check failed

// Adds --data DIR (default "var"): where connex.db lives.
void AddDataOption(CLI::App* cmd, std::string& data_dir);
// Opens DIR/connex.db, applying pending migrations unless `migrate` is false;
// prints why and returns null when it cannot.
std::unique_ptr<store::Database> OpenData(const std::string& data_dir, bool migrate = true);

// `connex user`, `connex organisation`, `connex audit`, `connex migrate`,
// `connex backup`, `connex restore`.
void AddPlatformCommands(CLI::App& app, int& exit_code);

}  // namespace connex::cli
