// The `connex` command line: its description, version and exit codes, shared
// by the program that runs every command and the one that runs only the
// fiscal commands (apps/connex).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace connex::cli {

// Adds subcommands to the app; the one that runs sets `exit_code`.
using AddCommands = std::function<void(CLI::App& app, int& exit_code)>;

// Parses argv with the commands `add` registers and runs the chosen one.
// Returns the process exit code: the command's, or 2 for invalid arguments.
int RunCommandLine(int argc, char** argv, const AddCommands& add);

}  // namespace connex::cli
