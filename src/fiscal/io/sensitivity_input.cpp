#include "fiscal/io/sensitivity_input.hpp"

#include <cmath>
#include <cstdlib>

#include "fiscal/engine.hpp"
#include "fiscal/io/term.hpp"

namespace connex::fiscal::io {

std::vector<InputRange> DefaultInputs() {
  return {{"price", 0.7, 1.3, "inputs"},
          {"capex", 0.8, 1.2, "inputs"},
          {"opex", 0.8, 1.2, "inputs"},
          {"production", 0.8, 1.2, "inputs"}};
}

Result<InputRange> ParseInputSpec(const std::string& spec, const std::string& field) {
  const size_t eq = spec.rfind('=');
  const size_t colon = spec.rfind(':');
  auto bad = [&](const std::string& why) {
    return Error{ErrorCode::kInvalidInput, why + ", got \"" + spec + "\"", field};
  };
  if (eq == std::string::npos || colon == std::string::npos || colon < eq || eq == 0) {
    return bad("must be NAME=LOW:HIGH (NAME: price, capex, opex, production or a term path)");
  }
  InputRange in{spec.substr(0, eq), 0, 0, field};
  char* end = nullptr;
  const std::string low = spec.substr(eq + 1, colon - eq - 1), high = spec.substr(colon + 1);
  in.low = std::strtod(low.c_str(), &end);
  if (low.empty() || *end != '\0') return bad("LOW must be a number");
  in.high = std::strtod(high.c_str(), &end);
  if (high.empty() || *end != '\0') return bad("HIGH must be a number");
  return in;
}

Result<Target> ParseTarget(const std::string& name, const std::string& field) {
  std::optional<Target> t = TargetFromName(name);
  if (!t) {
    return Error{ErrorCode::kInvalidInput,
                 "must be one of " + TargetNames() + ", got \"" + name + "\"", field};
  }
  return *t;
}

Result<std::vector<SensitivityInput>> BindInputs(std::string_view model_text, const Model& model,
                                                 int regime, Target target,
                                                 const std::vector<InputRange>& ranges) {
  const Regime& r = model.regimes.at(static_cast<size_t>(regime));
  const ProjectSeries series = Resolve(model.project);
  std::vector<SensitivityInput> out;
  Errors errors;
  for (const InputRange& range : ranges) {
    auto bad = [&](const std::string& why) {
      errors.push_back({ErrorCode::kInvalidInput, why, range.field});
    };
    if (!std::isfinite(range.low) || !std::isfinite(range.high) || !(range.high > range.low)) {
      bad("HIGH must be above LOW (" + range.name + ")");
      continue;
    }
    SensitivityInput in;
    in.name = range.name;
    in.low = range.low;
    in.high = range.high;
    if (IsMultiplierName(range.name)) {
      if (range.low < 0) {
        bad("a multiplier must be >= 0 (" + range.name + ")");
        continue;
      }
      in.base = 1;
      in.evaluate = MultiplierInput(series, r, model.discounting, target, range.name);
      out.push_back(std::move(in));
      continue;
    }
    Result<Term> term = BindTerm(model_text, range.name, r.name, target);
    if (!term.ok()) {
      for (const Error& e : term.errors()) bad(e.field + ": " + e.message);
      continue;
    }
    in.base = term.value().base;
    in.evaluate = term.value().evaluate;
    out.push_back(std::move(in));
  }
  if (!errors.empty()) return errors;
  return out;
}

Result<Tornado> TornadoOf(std::string_view model_text, const Model& model, int regime,
                          Target target, const std::vector<InputRange>& ranges) {
  auto inputs = BindInputs(model_text, model, regime, target, ranges);
  if (!inputs.ok()) return inputs.errors();
  const ProjectSeries series = Resolve(model.project);
  Ledger ledger;
  Evaluate(series, model.regimes.at(static_cast<size_t>(regime)), ledger);
  const Metric base = Measure(series, ledger, model.discounting, target);
  return RunTornado(target, base, std::move(inputs).value());
}

Result<Solution> SolveTerm(std::string_view model_text, const Model& model, int regime,
                           SolveRequest& request) {
  const std::string& name = model.regimes.at(static_cast<size_t>(regime)).name;
  Result<Term> term = BindTerm(model_text, request.term, name, request.target);
  if (!term.ok()) {
    Errors errors;
    for (const Error& e : term.errors()) {
      errors.push_back({e.code, e.field + ": " + e.message, "term"});
    }
    return errors;
  }
  request.current = term.value().base;
  return SolveFor(term.value().evaluate, request.target_value, request.lo, request.hi);
}

}  // namespace connex::fiscal::io
