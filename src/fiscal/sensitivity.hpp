// Sensitivity analysis (docs/fiscal-methodology.md, "Uncertainty and sensitivity"): tornado, spider
// and solve-for, over any input that maps a value to a metric.
//
// An input is a function: the project multipliers (price, capex, opex,
// production) come from MultiplierInput; any scalar term of a model file
// (a royalty rate, a tier, a ceiling) from io::TermInput. The algorithms do
// not care which.
//
// Thread-safety: pure functions; inputs are called from the calling thread.
#pragma once

#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "fiscal/metrics.hpp"
#include "fiscal/regime.hpp"
#include "fiscal/uncertainty.hpp"

namespace connex::fiscal {

// The metric a sensitivity reads or a solve-for targets.
enum class Target { kGovernmentPv, kInvestorNpv, kAetr, kInvestorIrr, kGovernmentTake };
const char* ToString(Target t);
std::optional<Target> TargetFromName(const std::string& name);
// Every name TargetFromName accepts, comma-separated (for error messages).
std::string TargetNames();

// The target metric of one evaluated single-lane ledger.
Metric Measure(const ProjectSeries& s, const Ledger& ledger, const Discounting& d, Target target);

// The metric at a value of the input; an error when the value is not allowed.
using InputFunction = std::function<Result<Metric>(double value)>;

struct SensitivityInput {
  std::string name;
  double base = 1;  // the value as entered
  double low = 0;
  double high = 0;
  InputFunction evaluate;
};

// One multiplier of the project (price, capex, opex, production; base 1).
// The function keeps its own copy of the series and regime.
InputFunction MultiplierInput(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                              Target target, const std::string& multiplier);
// The multiplier names MultiplierInput accepts.
bool IsMultiplierName(const std::string& name);

struct TornadoBar {
  std::string input;
  double low = 0, high = 0;  // input values
  Metric at_low, at_high;
  double swing = 0;  // |at_high - at_low|; 0 when either is undefined
};

struct Tornado {
  Target target = Target::kGovernmentPv;
  Metric base;
  std::vector<TornadoBar> bars;  // largest swing first; ties keep the input order
};

Result<Tornado> RunTornado(Target target, const Metric& base, std::vector<SensitivityInput> inputs);

struct SpiderLine {
  std::string input;
  std::vector<double> values;
  std::vector<Metric> metrics;
};

// Each input at `points` values evenly spread over [low, high] (points >= 2).
Result<std::vector<SpiderLine>> RunSpider(const std::vector<SensitivityInput>& inputs, int points);

struct Solution {
  bool found = false;
  double value = 0;  // the input value that reaches the target
  Metric achieved;   // the metric at `value`
  int evaluations = 0;
  // When not found: the range the metric spans over [lo, hi] (lowest and
  // highest NaN when it is undefined everywhere there), and why in words.
  double lowest = std::nan(""), lowest_at = 0, highest = std::nan(""), highest_at = 0;
  std::string message;
};

// The value in [lo, hi] where the metric equals `target_value`: a sign change
// is bracketed (the ends first, then a scan of kSolveScan steps) and refined
// by Brent's method to `tolerance` in the input.
inline constexpr int kSolveScan = 40;
Result<Solution> SolveFor(const InputFunction& f, double target_value, double lo, double hi,
                          double tolerance = 1e-10);

}  // namespace connex::fiscal
