// Reports of a benchmark (fiscal/benchmark.hpp): JSON for programs and the
// portal, an aligned table and CSV for the terminal, and a workbook in the
// reader's language. Every report states its conventions and how ranks,
// percentiles and quartiles are counted.
//
// Thread-safety: pure functions writing to the given stream or file.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "core/result.hpp"
#include "fiscal/benchmark.hpp"
#include "fiscal/io/report.hpp"

namespace connex::fiscal::io {

// How ranks, percentiles, quartiles and the median comparator are counted.
extern const char* const kBenchmarkRankingConvention;

// "connex.fiscal.benchmark/1": the draft's metrics and standing per metric,
// each comparator's metrics (or why it was not evaluated), the AETR band and
// what the median and upper-quartile comparators would add.
nlohmann::ordered_json BenchmarkJson(const Model& model, const BenchmarkResult& r);

// Table: standing per metric, additions, comparators, band. CSV: one row per
// term sheet (the draft first). JSON: BenchmarkJson.
void WriteBenchmark(std::ostream& out, const Model& model, const BenchmarkResult& r, Format format);

// Sheets "Benchmark" (standing and additions), "Comparators" (one row each,
// with the reason for those not evaluated) and "AETR band" (with its chart),
// in `language` (WorkbookWords).
Result<bool> WriteBenchmarkXlsx(const std::string& path, const Model& model,
                                const BenchmarkResult& r, const std::string& language = "en");

}  // namespace connex::fiscal::io
