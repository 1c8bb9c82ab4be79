// connex-platform: every `connex` command, the portal's included. `connex`
// runs the fiscal commands itself and hands every other command to this
// program (connex_main.cpp), so that a fiscal run never loads the portal's
// libraries.
#include "cli/app.hpp"
#include "cli/commands/fiscal.hpp"
#include "cli/commands/platform_common.hpp"

int main(int argc, char** argv) {
  return connex::cli::RunCommandLine(argc, argv, [](CLI::App& app, int& exit_code) {
    connex::cli::AddFiscalCommands(app, exit_code);
    connex::cli::AddPlatformCommands(app, exit_code);
  });
}
