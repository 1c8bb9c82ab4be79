// The words of the model workbook (sheet names, column heads, metric and
// ledger line labels, conventions) in the reader's language, from
// workbook_words.json, so that an analyst in Maputo opens "Resumo" and
// "Óleo-lucro" where one in Accra opens "Summary" and "Profit petroleum".
// Programs read the CSV and JSON reports, whose names never change.
//
// Thread-safety: the catalog is parsed once and only read.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace connex::fiscal::io {

class WorkbookWords {
 public:
  // `language`: en, fr, es or pt; any other reads as English.
  explicit WorkbookWords(const std::string& language);

  // The text at `path` ("sheet/summary", "line/royalty"), each {name} in it
  // replaced by params' value; English where the language lacks the entry.
  std::string operator()(const std::string& path,
                         const std::map<std::string, std::string>& params = {}) const;

  // Every language's catalog, for the check that each has the keys of English.
  static const nlohmann::json& Catalog();

 private:
  std::string language_;
};

}  // namespace connex::fiscal::io
