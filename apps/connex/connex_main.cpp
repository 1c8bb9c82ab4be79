// connex: the CONNEX platform's command line. `connex fiscal ...` runs here,
// in a program that links only the fiscal engine, so that a researcher who
// runs thousands of models pays a few milliseconds of start-up for each, not
// the fifty that loading the portal's libraries (database, mail, PDF, OCR)
// costs. Every other command (and `connex --help`) is handed, in the same
// process, to connex-platform next to this program.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/app.hpp"
#include "cli/commands/fiscal.hpp"

namespace {

// The directory this program was run from, with its trailing '/'.
std::string OwnDirectory() {
  char path[4096];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return "";
  const std::string self(path, static_cast<size_t>(n));
  return self.substr(0, self.rfind('/') + 1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "fiscal") {
    return connex::cli::RunCommandLine(argc, argv, connex::cli::AddFiscalCommands);
  }
  const std::string dir = OwnDirectory();
  const std::string platform = dir + "connex-platform";
  if (!dir.empty()) execv(platform.c_str(), argv);  // returns only on failure
  std::fprintf(stderr,
               "connex: cannot run %s, which carries every command but `fiscal` (install it "
               "beside connex): %s\n",
               dir.empty() ? "connex-platform" : platform.c_str(),
               dir.empty() ? "this program's own path is unknown" : std::strerror(errno));
  // EX_TEMPFAIL (sysexits.h): an installation to mend, after which the same
  // command succeeds; a mail server piping to `connex mail receive` retries.
  return 75;
}
