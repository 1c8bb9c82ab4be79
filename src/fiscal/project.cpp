#include "fiscal/project.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace connex::fiscal {

namespace {

std::vector<double> Inflated(const std::vector<double>& real, const std::vector<double>& index,
                             int years) {
  std::vector<double> out(static_cast<size_t>(years), 0.0);
  if (real.empty()) return out;
  for (int t = 0; t < years; ++t) out[t] = real[t] * index[t];
  return out;
}

}  // namespace

ProjectSeries Resolve(const Project& project) {
  ProjectSeries s;
  const int n = project.years;
  s.first_year = project.first_year;
  s.years = n;
  s.days_per_year = project.days_per_year;
  s.economic_limit = project.economic_limit;
  s.inflation = project.inflation;

  const int base_year = project.cost_base_year == 0 ? project.first_year : project.cost_base_year;
  std::vector<double> index(static_cast<size_t>(n));
  for (int t = 0; t < n; ++t) {
    index[t] = std::pow(1.0 + project.inflation, project.first_year + t - base_year);
  }

  for (const Product& p : project.products) {
    s.production.push_back(p.production);
    std::vector<double> price(static_cast<size_t>(n));
    std::vector<double> var(static_cast<size_t>(n));
    std::vector<double> charges(static_cast<size_t>(n));
    for (int t = 0; t < n; ++t) {
      price[t] = p.price.deck.empty() ? p.price.base * std::pow(1.0 + p.price.escalation, t)
                                      : p.price.deck[t];
      var[t] = p.variable_opex * index[t];
      charges[t] = (p.transport + p.refining) * index[t];
    }
    s.price.push_back(std::move(price));
    s.variable_opex.push_back(std::move(var));
    s.charges.push_back(std::move(charges));
  }
  for (int c = 0; c < kCapexClasses; ++c) s.capex[c] = Inflated(project.capex[c], index, n);
  s.fixed_opex = Inflated(project.fixed_opex, index, n);
  s.closure = Inflated(project.closure, index, n);

  for (int t = 0; t < n; ++t) {
    for (const auto& prod : s.production) {
      if (prod[t] > 0) {
        if (s.first_production_index < 0) s.first_production_index = t;
        s.last_production_index = t;
        break;
      }
    }
  }
  s.planned_last_production_index = s.last_production_index;
  for (double c : s.closure) s.planned_closure += c;
  return s;
}

void StopAfter(const ProjectSeries& s, int last, ProjectSeries& out) {
  assert(last >= -1 && last < s.years && s.last_production_index > last);
  out = s;  // reuses out's buffers when a thread cuts one project many times
  out.economic_limit = false;
  const int n = s.years;
  // Closure planned after the last production year moves earlier by the
  // production years cut; what fell in those years (progressive
  // rehabilitation, closure in the last production year) comes the year
  // after the stop. Each amount is re-costed to the year it lands in.
  const int cut = s.last_production_index - last;
  for (int t = last + 1; t < n; ++t) out.closure[t] = 0;
  for (int t = last + 1; t < n; ++t) {
    if (s.closure[t] == 0) continue;
    const int to = std::max(last + 1, t - cut);
    out.closure[to] += s.closure[t] * std::pow(1.0 + s.inflation, -(t - to));
  }
  for (int t = last + 1; t < n; ++t) {
    for (auto& prod : out.production) prod[t] = 0;
    out.fixed_opex[t] = 0;
    out.capex[static_cast<int>(CapexClass::kSustaining)][t] = 0;
  }
  // The planned first production stays: holidays and depreciation that count
  // from it must not move the years before the stop.
  out.last_production_index = std::min(s.last_production_index, last);
}

}  // namespace connex::fiscal
