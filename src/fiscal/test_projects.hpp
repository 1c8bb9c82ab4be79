// Small projects for unit and property tests of the engine.
#pragma once

#include <vector>

#include "fiscal/project.hpp"

namespace connex::fiscal::testing {

// One product "oil" (bbl) over `production.size()` years from 2025 at a price deck.
inline ProjectSeries OneProduct(std::vector<double> production, std::vector<double> price,
                                std::vector<double> capex, std::vector<double> opex) {
  Project p;
  p.first_year = 2025;
  p.years = static_cast<int>(production.size());
  Product oil;
  oil.name = "oil";
  oil.unit = "bbl";
  oil.production = std::move(production);
  oil.price.deck = std::move(price);
  p.products.push_back(oil);
  p.capex[1] = std::move(capex);
  p.fixed_opex = std::move(opex);
  return Resolve(p);
}

}  // namespace connex::fiscal::testing
