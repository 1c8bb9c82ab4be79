// The metadata CSV of a bulk import (`connex hub import`): one row per PDF of
// the folder, the columns named after the metadata fields. Lists (resources,
// companies) are separated by ";". Every row's problems are reported with
// its line and column; valid rows import even when others are wrong.
//
// Columns: file and title (required), kind, identifier, country, resources,
// contract_type, document_type, language, signature_date, government_entity,
// companies, project, concession, source_url, disclosure_mode, stage,
// summary, confidential (true/false).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "domain/hub/hub_document.hpp"

namespace connex::domain {

struct HubImportRow {
  int line = 0;      // of the CSV file, the header being line 1
  std::string file;  // relative to the CSV's folder
  HubMetadata meta;
};
struct HubImportError {
  int line = 0;  // 0: the whole file
  std::string field;
  std::string message;
};
struct HubImportPlan {
  std::vector<HubImportRow> rows;
  std::vector<HubImportError> errors;
};

HubImportPlan ReadHubImportCsv(const std::string& text);

}  // namespace connex::domain
