// The uncertainty section of a model document: price processes, cost and
// production multipliers, and their correlation.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "fiscal/io/model_walker.hpp"

namespace connex::fiscal::io {

Uncertainty ModelWalker::ReadUncertainty(const json& j, const std::string& path) {
  Uncertainty u;
  if (!Object(
          j, path,
          {"scenarios", "seed", "government_pv_floor", "prices", "multipliers", "correlation"})) {
    return u;
  }
  u.scenarios = Integer(j, "scenarios", path, 10000, 1, 1000000000);
  if (const json* seed = Field(j, "seed", path, false)) {
    if (seed->is_number_unsigned()) {
      u.seed = seed->get<std::uint64_t>();
    } else {
      Fail(At(path, "seed"), "must be a whole number >= 0, got " + Describe(*seed));
    }
  }
  if (const json* floor = Field(j, "government_pv_floor", path, false)) {
    u.government_pv_floor = NumberValue(*floor, At(path, "government_pv_floor"), -kInf, kInf, 0);
  }
  if (const json* prices = Field(j, "prices", path, false)) {
    const std::string pp = At(path, "prices");
    if (!prices->is_array()) {
      Fail(pp, "must be an array of price processes");
    } else {
      std::set<int> seen;
      for (size_t i = 0; i < prices->size(); ++i) {
        const json& e = (*prices)[i];
        const std::string ep = At(pp, i);
        if (!Object(e, ep, {"product", "process", "volatility", "drift", "reversion"})) continue;
        PriceUncertainty pu;
        pu.product = ProductIndex(Text(e, "product", ep, "", true), At(ep, "product"));
        if (!seen.insert(pu.product).second) {
          Fail(At(ep, "product"), "already has a price process");
        }
        pu.process =
            static_cast<PriceProcess>(Choice(e, "process", ep, kPriceProcessNames.All(), 0, true));
        pu.volatility = Number(e, "volatility", ep, 0, 0, 5, true);
        const bool gbm = pu.process == PriceProcess::kGbm;
        if (gbm && e.contains("reversion"))
          Fail(At(ep, "reversion"), "applies to mean_reverting only");
        if (!gbm && e.contains("drift")) Fail(At(ep, "drift"), "applies to gbm only");
        pu.drift = Number(e, "drift", ep, 0, -1, 1);
        pu.reversion = Number(e, "reversion", ep, 0, 0, 50, !gbm);
        u.prices.push_back(pu);
      }
    }
  }
  if (const json* mult = Field(j, "multipliers", path, false)) {
    const std::string mp = At(path, "multipliers");
    if (Object(*mult, mp, {"capex", "opex", "production"})) {
      for (int k = 0; k < kMultiplierKinds; ++k) {
        const char* name = ToString(static_cast<MultiplierOf>(k));
        if (const json* m = Field(*mult, name, mp, false)) {
          u.multipliers[k] = ReadMultiplier(*m, At(mp, name));
        }
      }
    }
  }
  if (const json* c = Field(j, "correlation", path, false)) {
    ReadCorrelation(*c, At(path, "correlation"), u);
  }
  return u;
}

MultiplierUncertainty ModelWalker::ReadMultiplier(const json& j, const std::string& path) {
  MultiplierUncertainty m;
  if (!Object(j, path, {"distribution", "mean", "sd", "low", "mode", "high"})) return m;
  m.spread = static_cast<Spread>(Choice(j, "distribution", path, kSpreadNames.All(), 0, true));
  if (m.spread == Spread::kTriangular) {
    for (const char* k : {"mean", "sd"}) {
      if (j.contains(k)) Fail(At(path, k), "applies to normal and lognormal only");
    }
    m.low = Number(j, "low", path, 1, 0, 100, true);
    m.mode = Number(j, "mode", path, 1, 0, 100, true);
    m.high = Number(j, "high", path, 1, 0, 100, true);
    if (m.mode < m.low) Fail(At(path, "mode"), "must not be below low");
    if (m.high < m.mode) Fail(At(path, "high"), "must not be below mode");
    return m;
  }
  for (const char* k : {"low", "mode", "high"}) {
    if (j.contains(k)) Fail(At(path, k), "applies to triangular only");
  }
  m.mean = Number(j, "mean", path, 1, 1e-6, 100);
  m.sd = Number(j, "sd", path, 0, 0, 100, true);
  return m;
}

void ModelWalker::ReadCorrelation(const json& j, const std::string& path, Uncertainty& u) {
  if (!Object(j, path, {"inputs", "matrix"})) return;
  // Sampler order: prices as listed, then capex, opex, production when present.
  std::vector<std::string> order;
  for (const PriceUncertainty& p : u.prices) order.push_back("price:" + product_names_[p.product]);
  for (int k = 0; k < kMultiplierKinds; ++k) {
    if (u.multipliers[k]) order.push_back(ToString(static_cast<MultiplierOf>(k)));
  }
  const json* inputs = Field(j, "inputs", path, true);
  const json* matrix = Field(j, "matrix", path, true);
  if (!inputs || !matrix) return;
  const std::string ip = At(path, "inputs");
  if (!inputs->is_array() || inputs->size() < 2) {
    Fail(ip, "must list at least two uncertain inputs");
    return;
  }
  std::vector<int> at;  // position of each listed input in Sampler order
  for (size_t i = 0; i < inputs->size(); ++i) {
    const json& e = (*inputs)[i];
    const auto found =
        e.is_string() ? std::find(order.begin(), order.end(), e.get<std::string>()) : order.end();
    if (found == order.end()) {
      std::string known;
      for (const auto& o : order) known += (known.empty() ? "" : ", ") + o;
      Fail(At(ip, i), "must name an uncertain input (" + (known.empty() ? "none declared" : known) +
                          "), got " + Describe(e));
      return;
    }
    const int k = static_cast<int>(found - order.begin());
    if (std::find(at.begin(), at.end(), k) != at.end()) {
      Fail(At(ip, i), "repeats " + Describe(e));
      return;
    }
    at.push_back(k);
  }
  const std::string mp = At(path, "matrix");
  const size_t n = at.size();
  if (!matrix->is_array() || matrix->size() != n) {
    Fail(mp, "must be a " + std::to_string(n) + " x " + std::to_string(n) +
                 " array of rows, one per input");
    return;
  }
  std::vector<std::vector<double>> c(n, std::vector<double>(n, 0.0));
  for (size_t r = 0; r < n; ++r) {
    const json& row = (*matrix)[r];
    if (!row.is_array() || row.size() != n) {
      Fail(At(mp, r), "must be a row of " + std::to_string(n) + " numbers");
      return;
    }
    for (size_t k = 0; k < n; ++k) c[r][k] = NumberValue(row[k], At(At(mp, r), k), -1, 1, 0);
  }
  for (size_t r = 0; r < n; ++r) {
    if (c[r][r] != 1) Fail(At(At(mp, r), r), "must be 1 (an input's correlation with itself)");
    for (size_t k = 0; k < r; ++k) {
      if (std::fabs(c[r][k] - c[k][r]) > 1e-12) {
        Fail(At(At(mp, r), k), "must equal matrix[" + std::to_string(k) + "][" + std::to_string(r) +
                                   "] (the matrix is symmetric)");
      }
    }
  }
  if (!errors().empty()) return;
  // Factorised as entered, so a failing row is numbered as the user wrote it
  // (positive semi-definiteness does not depend on the order).
  const Cholesky chol = Factor(c);
  if (chol.error) {
    Fail(mp, *chol.error);
    return;
  }
  // Inputs not listed are independent of every other.
  const size_t all = order.size();
  u.correlation.assign(all, std::vector<double>(all, 0.0));
  for (size_t r = 0; r < all; ++r) u.correlation[r][r] = 1;
  for (size_t r = 0; r < n; ++r) {
    for (size_t k = 0; k < n; ++k) u.correlation[at[r]][at[k]] = c[r][k];
  }
}

}  // namespace connex::fiscal::io
