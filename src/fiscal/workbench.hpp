// The workbench: the questions every front end asks of one model file —
// analyse its term sheets, compare two, sweep the price — answered one way for
// the command line, the portal's API and the golden cases. Reports of the
// answers (JSON values, tables, CSV, workbooks) are in fiscal/io.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "fiscal/analysis.hpp"
#include "fiscal/model.hpp"

namespace connex::fiscal {

// The index of the term sheet named `name` (empty: the first). The error is on
// `field` and lists the names the model has.
Result<int> FindRegime(const Model& model, const std::string& name,
                       const std::string& field = "regime");

// The term sheets named (all of them, in the file's order, when `names` is
// empty) analysed on the model's project. Errors: a name the model lacks.
Result<std::vector<Analysis>> AnalyzeRegimes(const Model& model,
                                             const std::vector<std::string>& names = {});

// Two term sheets analysed on one project and compared: what `b` adds to `a`.
struct Compared {
  Analysis a, b;
  Comparison c;
};
// REQUIRES: both regimes are evaluated on `model`'s project and discounting.
Compared CompareRegimes(const Model& model, const Regime& a, const Regime& b);
// By name; errors on "from" and "to".
Result<Compared> CompareNamed(const Model& model, const std::string& from, const std::string& to);

// Each term sheet named (all when empty) over a range of price factors.
struct SweepSeries {
  std::string regime;
  std::vector<SweepPoint> points;
};
Result<std::vector<SweepSeries>> SweepRegimes(const Model& model, const SweepOptions& range,
                                              const std::vector<std::string>& names = {});

}  // namespace connex::fiscal
