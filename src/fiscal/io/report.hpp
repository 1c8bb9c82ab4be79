// Reports of fiscal results for people and programs: an aligned terminal
// table, JSON (also as a value, for the portal's API), CSV, and an Excel workbook. Every report
// states the conventions it used (discounting, timing, what counts as government receipts).
//
// Thread-safety: pure functions writing to the given stream or file.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "fiscal/analysis.hpp"
#include "fiscal/model.hpp"
#include "fiscal/workbench.hpp"

namespace connex::fiscal::io {

enum class Format { kTable, kJson, kCsv };

// What counts as government receipts, in words, for every report.
extern const char* const kGovernmentReceiptsConvention;

// The JSON reports as values, in the order a person reads them; the text
// forms below print these for Format::kJson.
nlohmann::ordered_json RunJson(const Model& model, const std::vector<Analysis>& analyses);
nlohmann::ordered_json ComparisonJson(const Model& model, const Analysis& a, const Analysis& b,
                                      const Comparison& c);
nlohmann::ordered_json SweepJson(const Model& model, const std::vector<SweepSeries>& sweeps);

// An analysis's "metrics" as every JSON report names them.
nlohmann::ordered_json MetricsJson(const Analysis& a);

// One or more regimes analysed on the model's project.
void WriteRun(std::ostream& out, const Model& model, const std::vector<Analysis>& analyses,
              Format format);
void WriteComparison(std::ostream& out, const Model& model, const Analysis& a, const Analysis& b,
                     const Comparison& c, Format format);
void WriteSweep(std::ostream& out, const Model& model, const std::vector<SweepSeries>& sweeps,
                Format format);

// A workbook with a Summary sheet, one Ledger sheet per regime, and (when
// given) a Comparison sheet with its chart and a Sweep sheet. Numbers are
// written as numbers.
struct Workbook {
  const Model* model = nullptr;
  std::vector<const Analysis*> analyses;
  const Comparison* comparison = nullptr;
  std::vector<SweepSeries> sweeps;
  std::string language = "en";  // of its words (WorkbookWords); its numbers are Excel's
};
Result<bool> WriteXlsx(const std::string& path, const Workbook& book);

}  // namespace connex::fiscal::io
