// PostgreSQL's own tools (pg_dump, pg_restore) run for `connex backup` and
// `connex restore` on a PostgreSQL database: they know every object of the
// server's format, which a copy of our own would have to keep up with.
// Internal to the CLI.
#pragma once

#include <string>
#include <vector>

namespace connex::cli {

// Runs `tool` (found on PATH) with `args` and the database `url` (none when
// empty): the password
// of the URL goes to the tool in PGPASSWORD, not on its command line where
// every user of the machine could read it. The tool's errors go to stderr;
// its standard output to `output` when given. Returns the exit status, or -1
// when the tool could not start (with the reason on stderr).
int RunPgTool(const std::string& tool, const std::string& url, std::vector<std::string> args,
              std::string* output = nullptr);

// "postgresql://user:secret@host/db" -> {"postgresql://user@host/db", "secret"},
// the password percent-decoded as libpq reads it.
std::pair<std::string, std::string> SplitPassword(const std::string& url);

}  // namespace connex::cli
