// CSV as spreadsheets write it (RFC 4180, UTF-8, comma-separated, an
// optional byte-order mark), lists within a cell separated by ";". Shared by
// the imports (roster, hub metadata) and the exports.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace connex::domain {

// Cells of each record; kInvalidInput naming the line of an unclosed quote.
Result<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text);

// One cell as CSV writes it: quoted when it holds a comma, quote or line break;
// a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it.
std::string CsvCell(const std::string& value);

// A file whose first line names the columns.
struct CsvTable {
  std::map<std::string, size_t> columns;       // name (lower case, trimmed) -> position
  std::vector<std::vector<std::string>> rows;  // every record, the header first: line = index + 1
  // The cell of `column` in rows[row]; "" when the column or the cell is missing.
  std::string Cell(size_t row, const std::string& column) const;
  bool Blank(size_t row) const;
};
// Errors: an unclosed quote (field "file"); an empty file (field "header").
Result<CsvTable> ReadCsvTable(const std::string& text);

// "a; b;;c" -> ["a", "b", "c"]
nlohmann::json SplitList(const std::string& cell);

}  // namespace connex::domain
