// The hub's downloads: search results as CSV, and one annotation category
// compared across contracts as CSV or xlsx (one row per annotation).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/hub/hub_document.hpp"

namespace connex::api {

using ComparedClause = std::pair<domain::HubDocument, domain::Annotation>;

std::string SearchCsv(const std::vector<domain::HubDocument>& documents,
                      const std::vector<int>& pages);
std::string CompareCsv(const std::string& category, const std::vector<ComparedClause>& rows);
// The comparison as a workbook whose heads, clause category, contract types
// and commodities are in `language`; the CSV keeps the codes, for programs.
Result<std::string> CompareXlsx(const std::string& category,
                                const std::vector<ComparedClause>& rows,
                                const std::string& language);

}  // namespace connex::api
