// Project: what is produced, sold and spent, year by year, before any fiscal
// term applies. ProjectSeries is the same project resolved into nominal
// per-year series, which is what the engine evaluates.
//
// Conventions (docs/fiscal-methodology.md):
// - years are first_year .. first_year + years - 1; every series has one value per year;
// - prices are nominal: a deck is taken as given; a base price escalates as
//   base * (1 + escalation)^(year - first_year);
// - costs are entered in real terms of cost_base_year and inflated as
//   cost * (1 + inflation)^(year - cost_base_year);
// - per-unit charges (variable opex, transport, refining) are costs like opex.
//
// Thread-safety: plain values.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/enum_names.hpp"

namespace connex::fiscal {

// Longest project the engine evaluates (the model reader enforces it); lets
// per-year scratch live on the stack.
inline constexpr int kMaxYears = 200;

enum class CapexClass { kExploration = 0, kDevelopment = 1, kSustaining = 2 };
inline constexpr int kCapexClasses = 3;
inline constexpr EnumNames<CapexClass, 3> kCapexClassNames{
    {"exploration", "development", "sustaining"}};
inline const char* ToString(CapexClass v) { return kCapexClassNames[v]; }

struct PriceSpec {
  std::vector<double> deck;  // per year; when empty, base and escalation apply
  double base = 0;
  double escalation = 0;
};

struct Product {
  std::string name;
  std::string unit;                // e.g. "bbl", "t", "oz"
  std::vector<double> production;  // units per year, >= 0
  PriceSpec price;                 // model currency per unit
  double variable_opex = 0;        // per unit, real terms
  double transport = 0;            // per unit, real terms; deducted for net smelter return
  double refining = 0;             // per unit, real terms; deducted for net smelter return
};

struct Project {
  std::string name;  // of one of several projects
  int first_year = 0;
  int years = 0;
  std::vector<Product> products;
  std::array<std::vector<double>, kCapexClasses> capex;  // per year each, empty = zeros
  std::vector<double> fixed_opex;                        // per year, empty = zeros
  std::vector<double> closure;                           // per year, empty = zeros
  double inflation = 0;
  int cost_base_year = 0;  // 0 = first_year
  double days_per_year = 365;
  // Production, operating costs and sustaining capex stop after the last
  // year whose operating cash flow is positive; closure follows the stop.
  bool economic_limit = false;
  // Several projects of one taxpayer (docs/fiscal-methodology.md, "Several
  // projects, one taxpayer"): each is a whole project over the same years and
  // the same list of products; the series above are then their sums.
  std::vector<Project> parts;
};

// Nominal per-year series. Product p, year t: production[p][t] etc.
// Invariant: every vector has `years` entries (per product where nested).
struct ProjectSeries {
  int first_year = 0;
  int years = 0;
  double days_per_year = 365;
  std::vector<std::vector<double>> production;
  std::vector<std::vector<double>> price;
  std::vector<std::vector<double>> variable_opex;  // per unit
  std::vector<std::vector<double>> charges;        // transport + refining per unit
  std::array<std::vector<double>, kCapexClasses> capex;
  std::vector<double> fixed_opex;
  std::vector<double> closure;
  int first_production_index = -1;  // -1 when nothing is ever produced
  int last_production_index = -1;
  // The project as entered, which the economic limit does not change: what a
  // sinking fund is sized on (its last production year and whole closure cost).
  int planned_last_production_index = -1;
  double planned_closure = 0;
  bool economic_limit = false;
  double inflation = 0;  // of costs, to re-cost closure moved earlier
  // A taxpayer's projects, each evaluated as a project; the series above are
  // their sums, with prices and per-unit costs weighted by volume.
  std::vector<ProjectSeries> parts;

  int products() const { return static_cast<int>(production.size()); }
  // Same project, year by year: what a comparison of two regimes requires.
  bool operator==(const ProjectSeries&) const = default;
};

// REQUIRES: project.years >= 1 and every non-empty series has project.years entries;
// parts share first_year, years and products, and have no economic limit
// (the model reader checks this and names the offending field).
ProjectSeries Resolve(const Project& project);

// The project stopped after year index `last` (its economic limit,
// docs/fiscal-methodology.md): no production, operating cost or sustaining
// capex after it. Closure planned after the last production year moves
// earlier by the production years cut; closure that fell in the years cut
// comes the year after the stop; each amount is re-costed at the inflation
// rate to the year it lands in. Exploration and development capex stay as
// entered, and so does the first production year. The result has no limit
// of its own.
// REQUIRES: -1 <= last < s.last_production_index; `out` is not `s`.
void StopAfter(const ProjectSeries& s, int last, ProjectSeries& out);

}  // namespace connex::fiscal
