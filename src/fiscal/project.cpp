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

// Per-unit values of the whole: weighted by each part's volume, or the
// first part's in a year nothing is produced.
void Weighted(const std::vector<ProjectSeries>& parts,
              std::vector<std::vector<double>> ProjectSeries::*of, ProjectSeries& whole) {
  auto& out = whole.*of;
  out = parts[0].*of;
  for (int p = 0; p < whole.products(); ++p) {
    for (int t = 0; t < whole.years; ++t) {
      const double volume = whole.production[p][t];
      if (volume <= 0) continue;
      double sum = 0;
      for (const ProjectSeries& part : parts) sum += (part.*of)[p][t] * part.production[p][t];
      out[p][t] = sum / volume;
    }
  }
}

void AddInto(std::vector<double>& sum, const std::vector<double>& v) {
  for (size_t t = 0; t < sum.size(); ++t) sum[t] += v[t];
}

// The series of a taxpayer's projects together.
ProjectSeries Combine(std::vector<ProjectSeries> parts) {
  ProjectSeries s = parts[0];
  for (size_t i = 1; i < parts.size(); ++i) {
    const ProjectSeries& part = parts[i];
    for (int p = 0; p < s.products(); ++p) AddInto(s.production[p], part.production[p]);
    for (int c = 0; c < kCapexClasses; ++c) AddInto(s.capex[c], part.capex[c]);
    AddInto(s.fixed_opex, part.fixed_opex);
    AddInto(s.closure, part.closure);
    s.planned_closure += part.planned_closure;
    auto earliest = [](int a, int b) { return a < 0 ? b : (b < 0 ? a : std::min(a, b)); };
    s.first_production_index = earliest(s.first_production_index, part.first_production_index);
    s.last_production_index = std::max(s.last_production_index, part.last_production_index);
    s.planned_last_production_index =
        std::max(s.planned_last_production_index, part.planned_last_production_index);
  }
  Weighted(parts, &ProjectSeries::price, s);
  Weighted(parts, &ProjectSeries::variable_opex, s);
  Weighted(parts, &ProjectSeries::charges, s);
  s.economic_limit = false;
  s.parts = std::move(parts);
  return s;
}

}  // namespace

ProjectSeries Resolve(const Project& project) {
  if (!project.parts.empty()) {
    std::vector<ProjectSeries> parts;
    for (const Project& part : project.parts) parts.push_back(Resolve(part));
    return Combine(std::move(parts));
  }
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
