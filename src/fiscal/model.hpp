// Model: everything one model file holds — a project, how to discount it, the
// price sweep for progressivity, and one or more regimes to evaluate on it.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fiscal/analysis.hpp"
#include "fiscal/cash_flow.hpp"
#include "fiscal/project.hpp"
#include "fiscal/regime.hpp"
#include "fiscal/uncertainty.hpp"

namespace connex::fiscal {

struct Model {
  std::string name;
  std::string currency = "USD";
  Project project;
  Discounting discounting;
  SweepOptions sweep;
  std::vector<Regime> regimes;             // at least one
  std::optional<Uncertainty> uncertainty;  // what a Monte Carlo run draws
};

}  // namespace connex::fiscal
