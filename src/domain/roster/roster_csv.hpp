// The roster as CSV (RFC 4180, UTF-8, comma-separated, lists within a cell
// separated by ";"): exported for spreadsheets, imported with a report of
// every row's problems. Columns: email, seniority, disciplines, languages,
// countries, commodities, day_rate, readiness, bio (name is exported for
// reading and ignored on import: it belongs to the account).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/roster/expert.hpp"

namespace connex::domain {

std::string RosterCsv(const std::vector<ExpertProfile>& profiles,
                      const std::vector<std::string>& emails);

struct RosterRow {
  int line = 0;  // 1-based line of the file (the header is line 1)
  std::string email;
  ExpertProfile profile;
};
struct RowError {
  int line = 0;
  std::string field;
  std::string message;
};
struct RosterImport {
  std::vector<RosterRow> valid;
  std::vector<RowError> errors;
};

// Reads every row; a missing required column is an error of line 1.
RosterImport ReadRosterCsv(const std::string& text);

}  // namespace connex::domain
