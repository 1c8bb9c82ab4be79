#include "domain/roster/roster_csv.hpp"

#include <algorithm>
#include <map>

#include "domain/shared/csv.hpp"

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

}  // namespace

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
  auto table = ReadCsvTable(text);
  if (!table) {
    out.errors.push_back({table.error().field == "file" ? 0 : 1, "file", table.error().message});
    return out;
  }
  for (const char* required : {"email", "seniority", "disciplines", "languages", "day_rate"}) {
    if (!table->columns.count(required)) {
      out.errors.push_back({1, required, "the column is missing from the first line"});
    }
  }
  if (!out.errors.empty()) return out;
  for (size_t r = 1; r < table->rows.size(); ++r) {
    const int line = static_cast<int>(r) + 1;
    if (table->Blank(r)) continue;
    auto cell = [&](const std::string& column) { return table->Cell(r, column); };
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
