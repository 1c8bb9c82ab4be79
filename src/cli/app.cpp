#include "cli/app.hpp"

namespace connex::cli {

int RunCommandLine(int argc, char** argv, const AddCommands& add) {
  CLI::App app(
      "connex — negotiation support for extractive-industry contracts (CONNEX).\n"
      "Helps governments see what mining, oil and gas contract terms give the state,\n"
      "and what better terms would add.",
      "connex");
  app.set_version_flag("--version", "connex 0.1.0");
  app.require_subcommand(1);
  app.footer(
      "Run `connex COMMAND --help` for a command's options.\n"
      "Documentation: docs/fiscal-model-format.md (model files), docs/fiscal-methodology.md\n"
      "(definitions and conventions).");
  int exit_code = 0;
  add(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // invalid arguments, as for an invalid model
  }
  return exit_code;
}

}  // namespace connex::cli
