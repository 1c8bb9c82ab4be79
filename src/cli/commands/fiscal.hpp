// `connex fiscal ...`: the fiscal engine from the command line.
//
// Exit codes: 0 success; 2 invalid input (bad arguments, invalid model; the
// errors go to stderr and nothing is written to stdout); 1 an output could
// not be written.
#pragma once

#include <CLI/CLI.hpp>

namespace connex::cli {

// Registers the fiscal subcommands; `exit_code` receives the result of the one that runs.
void AddFiscalCommands(CLI::App& app, int& exit_code);

}  // namespace connex::cli
