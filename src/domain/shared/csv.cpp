#include "domain/shared/csv.hpp"

#include <algorithm>
#include <string_view>

namespace connex::domain {

Result<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  int line = 1, quote_line = 0;
  size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark from Excel
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
      quote_line = line;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
      } else {
        rows.emplace_back();  // an empty line keeps its number
      }
      row.clear();
      cell.clear();
      any = false;
      ++line;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    return Error{ErrorCode::kInvalidInput,
                 "line " + std::to_string(quote_line) + ": a quoted cell is never closed", "file"};
  }
  if (any || !cell.empty()) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string CsvCell(const std::string& value) {
  std::string v = value;
  // A spreadsheet runs a cell starting with one of these as a formula
  // (OWASP's list: tab and carriage return too): prefixed so it reads as text.
  if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvTable::Cell(size_t row, const std::string& column) const {
  const auto it = columns.find(column);
  if (it == columns.end() || row >= rows.size() || it->second >= rows[row].size()) return "";
  return rows[row][it->second];
}

bool CsvTable::Blank(size_t row) const {
  const auto& cells = rows[row];
  return cells.empty() || (cells.size() == 1 && cells[0].empty());
}

Result<CsvTable> ReadCsvTable(const std::string& text) {
  auto rows = ParseCsv(text);
  if (!rows) return rows.errors();
  if (rows->empty()) {
    return Error{ErrorCode::kInvalidInput, "the file is empty; the first line names the columns",
                 "header"};
  }
  CsvTable table;
  for (size_t i = 0; i < (*rows)[0].size(); ++i) {
    std::string name = (*rows)[0][i];
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    table.columns[name] = i;
  }
  table.rows = std::move(*rows);
  return table;
}

nlohmann::json SplitList(const std::string& cell) {
  nlohmann::json out = nlohmann::json::array();
  size_t pos = 0;
  while (pos <= cell.size()) {
    const size_t semi = cell.find(';', pos);
    std::string part = cell.substr(pos, semi == std::string::npos ? std::string::npos : semi - pos);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) out.push_back(part);
    if (semi == std::string::npos) break;
    pos = semi + 1;
  }
  return out;
}

}  // namespace connex::domain
