#include "domain/roster/roster_csv.hpp"

#include <algorithm>
#include <map>

namespace connex::domain {

namespace {

const std::vector<std::string> kColumns = {"email",     "name",      "seniority",   "disciplines",
                                           "languages", "countries", "commodities", "day_rate",
                                           "readiness", "bio"};

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
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

}  // namespace

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
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string RosterCsv(const std::vector<ExpertProfile>& profiles,
                      const std::vector<std::string>& emails) {
  std::string out;
  for (size_t i = 0; i < kColumns.size(); ++i) out += (i ? "," : "") + kColumns[i];
  out += "\r\n";
  for (size_t k = 0; k < profiles.size(); ++k) {
    const ExpertProfile& p = profiles[k];
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.2f", p.day_rate);
    const std::vector<std::string> cells = {k < emails.size() ? emails[k] : "",
                                            p.name,
                                            p.seniority,
                                            Join(p.disciplines),
                                            Join(p.languages),
                                            Join(p.countries),
                                            Join(p.commodities),
                                            rate,
                                            p.readiness,
                                            p.bio};
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
    out += "\r\n";
  }
  return out;
}

RosterImport ReadRosterCsv(const std::string& text) {
  RosterImport out;
  auto rows = ParseCsv(text);
  if (!rows) {
    out.errors.push_back({0, "file", rows.error().message});
    return out;
  }
  if (rows->empty()) {
    out.errors.push_back({1, "file", "the file is empty; the first line names the columns"});
    return out;
  }
  std::map<std::string, size_t> at;
  for (size_t i = 0; i < (*rows)[0].size(); ++i) {
    std::string name = (*rows)[0][i];
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    at[name] = i;
  }
  for (const char* required : {"email", "seniority", "disciplines", "languages", "day_rate"}) {
    if (!at.count(required)) {
      out.errors.push_back({1, required, "the column is missing from the first line"});
    }
  }
  if (!out.errors.empty()) return out;
  for (size_t r = 1; r < rows->size(); ++r) {
    const std::vector<std::string>& cells = (*rows)[r];
    const int line = static_cast<int>(r) + 1;
    if (cells.empty() || (cells.size() == 1 && cells[0].empty())) continue;
    auto cell = [&](const std::string& column) -> std::string {
      auto it = at.find(column);
      return it == at.end() || it->second >= cells.size() ? "" : cells[it->second];
    };
    nlohmann::json j = {{"seniority", cell("seniority")},
                        {"disciplines", SplitList(cell("disciplines"))},
                        {"languages", SplitList(cell("languages"))},
                        {"countries", SplitList(cell("countries"))},
                        {"commodities", SplitList(cell("commodities"))},
                        {"bio", cell("bio")}};
    if (!cell("readiness").empty()) j["readiness"] = cell("readiness");
    const std::string rate = cell("day_rate");
    char* end = nullptr;
    const double value = std::strtod(rate.c_str(), &end);
    if (rate.empty() || end != rate.c_str() + rate.size()) {
      out.errors.push_back({line, "day_rate", "\"" + rate + "\" is not a number"});
      continue;
    }
    j["day_rate"] = value;
    auto profile = ReadProfile(j);
    const std::string email = cell("email");
    if (email.empty()) out.errors.push_back({line, "email", "is required"});
    if (!profile) {
      for (const Error& e : profile.errors()) out.errors.push_back({line, e.field, e.message});
      continue;
    }
    if (!email.empty()) out.valid.push_back({line, email, *profile});
  }
  return out;
}

}  // namespace connex::domain
