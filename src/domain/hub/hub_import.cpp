#include "domain/hub/hub_import.hpp"

#include <algorithm>

#include "domain/shared/csv.hpp"

namespace connex::domain {

namespace {

const std::vector<std::string> kTextColumns = {
    "title",           "kind",           "identifier",
    "country",         "contract_type",  "document_type",
    "language",        "signature_date", "government_entity",
    "project",         "concession",     "source_url",
    "disclosure_mode", "stage",          "summary"};
const std::vector<std::string> kOtherColumns = {"file", "resources", "companies", "confidential"};

}  // namespace

HubImportPlan ReadHubImportCsv(const std::string& text) {
  HubImportPlan plan;
  auto table = ReadCsvTable(text);
  if (!table) {
    plan.errors.push_back({table.error().field == "header" ? 1 : 0, "file", table.error().message});
    return plan;
  }
  for (const auto& [name, at] : table->columns) {
    if (std::find(kTextColumns.begin(), kTextColumns.end(), name) == kTextColumns.end() &&
        std::find(kOtherColumns.begin(), kOtherColumns.end(), name) == kOtherColumns.end()) {
      plan.errors.push_back({1, name, "is not a known column"});
    }
  }
  for (const char* required : {"file", "title"}) {
    if (!table->columns.count(required)) {
      plan.errors.push_back({1, required, "the column is missing from the first line"});
    }
  }
  if (!plan.errors.empty()) return plan;
  for (size_t r = 1; r < table->rows.size(); ++r) {
    if (table->Blank(r)) continue;
    const int line = static_cast<int>(r) + 1;
    auto cell = [&](const std::string& column) { return table->Cell(r, column); };
    nlohmann::json j = nlohmann::json::object();
    for (const std::string& column : kTextColumns) {
      if (!cell(column).empty()) j[column] = cell(column);
    }
    j["resources"] = SplitList(cell("resources"));
    nlohmann::json companies = nlohmann::json::array();
    for (const auto& name : SplitList(cell("companies"))) companies.push_back({{"name", name}});
    j["companies"] = companies;
    std::string confidential = cell("confidential");
    std::transform(confidential.begin(), confidential.end(), confidential.begin(), ::tolower);
    if (confidential == "true" || confidential == "yes" || confidential == "1") {
      j["confidential"] = true;
    } else if (!confidential.empty() && confidential != "false" && confidential != "no" &&
               confidential != "0") {
      plan.errors.push_back({line, "confidential", "must be true or false"});
      continue;
    }
    const std::string file = cell("file");
    bool ok = true;
    if (file.empty()) {
      plan.errors.push_back({line, "file", "is required: the PDF's name in the folder"});
      ok = false;
    } else if (file.find("..") != std::string::npos || file[0] == '/') {
      plan.errors.push_back({line, "file", "must name a file inside the folder"});
      ok = false;
    }
    auto meta = ReadHubMetadata(j);
    if (!meta) {
      for (const Error& e : meta.errors()) plan.errors.push_back({line, e.field, e.message});
      ok = false;
    }
    if (ok) plan.rows.push_back({line, file, *meta});
  }
  return plan;
}

}  // namespace connex::domain
