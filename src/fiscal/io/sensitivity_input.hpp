// The inputs a tornado or a spider moves and the metric it reads, as the
// command line (--input NAME=LOW:HIGH, --metric) and the portal's API
// (inputs: [{name, low, high}], metric) name them. One binding for both, so
// a term means the same thing wherever it is asked for.
//
// NAME is a project multiplier (price, capex, opex, production; values are
// factors, 1 = as entered) or a term path of the model file such as
// "regimes[0].instruments[1].rate" (values as in the file).
//
// Thread-safety: pure functions; the bound inputs own copies of what they read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "fiscal/io/uncertainty_report.hpp"
#include "fiscal/model.hpp"
#include "fiscal/sensitivity.hpp"

namespace connex::fiscal::io {

struct InputRange {
  std::string name;
  double low = 0, high = 0;
  std::string field;  // where it was given, for errors: "--input", "inputs[2]"
};

// price 0.7-1.3, capex, opex and production 0.8-1.2: the usual tornado.
std::vector<InputRange> DefaultInputs();

// "NAME=LOW:HIGH" (the command line's form); errors name `field`.
Result<InputRange> ParseInputSpec(const std::string& spec, const std::string& field);

// The metric named `name`, or an error on `field` listing the names.
Result<Target> ParseTarget(const std::string& name, const std::string& field);

// Each range checked (HIGH above LOW, multipliers >= 0) and bound to the
// regime `regime` of `model` (read from `model_text`). Errors name the
// range's field ("inputs[1].name: regimes[0].x names nothing ...").
Result<std::vector<SensitivityInput>> BindInputs(std::string_view model_text, const Model& model,
                                                 int regime, Target target,
                                                 const std::vector<InputRange>& ranges);

// The tornado of `target` over `ranges` for regime `regime`, from its base value.
Result<Tornado> TornadoOf(std::string_view model_text, const Model& model, int regime,
                          Target target, const std::vector<InputRange>& ranges);

// The value of the term `request.term` of regime `regime` that brings
// `request.target` to `request.target_value` within [lo, hi]; sets
// `request.current` to the value in the file. Errors name "term".
Result<Solution> SolveTerm(std::string_view model_text, const Model& model, int regime,
                           SolveRequest& request);

}  // namespace connex::fiscal::io
