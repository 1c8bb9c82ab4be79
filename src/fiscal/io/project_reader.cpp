// The project of a model document: products and their prices, capex and
// opex series, and rates (constant, by year or tiered).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "fiscal/io/model_walker.hpp"
#include "fiscal/production_profile.hpp"

namespace connex::fiscal::io {

// A per-year series: exactly one number per project year.
std::vector<double> ModelWalker::Series(const json& obj, const char* key, const std::string& path,
                                        double min, bool required) {
  const json* j = Field(obj, key, path, required);
  if (!j) return {};
  return SeriesValue(*j, At(path, key), min);
}

std::vector<double> ModelWalker::SeriesValue(const json& j, const std::string& path, double min) {
  if (!j.is_array()) {
    Fail(path, "must be an array of " + std::to_string(years_) + " numbers (one per year)");
    return {};
  }
  if (static_cast<int>(j.size()) != years_) {
    Fail(path, "has " + std::to_string(j.size()) + " values but the project has " +
                   std::to_string(years_) + " years (" + std::to_string(first_year_) + "-" +
                   std::to_string(first_year_ + years_ - 1) + ")");
    return {};
  }
  std::vector<double> out(j.size());
  for (size_t i = 0; i < j.size(); ++i) {
    out[i] = NumberValue(j[i], At(path, i) + " (year " + std::to_string(first_year_ + i) + ")", min,
                         kInf, 0.0);
  }
  return out;
}

int ModelWalker::ProductIndex(const std::string& name, const std::string& path) {
  for (size_t i = 0; i < product_names_.size(); ++i) {
    if (product_names_[i] == name) return static_cast<int>(i);
  }
  std::string known;
  for (const auto& n : product_names_) known += (known.empty() ? "" : ", ") + n;
  Fail(path, "names no product of the project (products: " + known + "), got \"" + name + "\"");
  return 0;
}

// A unit "CUR/unit" that must match the model's currency and the product's unit.
void ModelWalker::CheckUnit(const json& obj, const std::string& path, int product) {
  const std::string unit = Text(obj, "unit", path, "", true);
  if (unit.empty() || product < 0 || product >= static_cast<int>(product_units_.size())) return;
  const std::string expected = currency_ + "/" + product_units_[product];
  if (unit != expected) {
    Fail(At(path, "unit"), "must be \"" + expected + "\" (model currency per unit of " +
                               product_names_[product] + "), got \"" + unit + "\"");
  }
}

Rate ModelWalker::ReadRate(const json& j, const std::string& path, double min, double max) {
  if (j.is_number()) return Rate::Constant(NumberValue(j, path, min, max, 0.0));
  if (!j.is_object()) {
    Fail(path,
         "must be a number, {\"schedule\": [...]} or {\"driver\": ..., \"tiers\": [...]}, got " +
             Describe(j));
    return {};
  }
  if (j.contains("schedule")) {
    if (!Object(j, path, {"schedule"})) return {};
    std::vector<double> values = SeriesValue(j["schedule"], At(path, "schedule"), min);
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i] > max)
        Fail(At(At(path, "schedule"), i),
             "must be at most " + Str(max) + ", got " + Str(values[i]));
    }
    return Rate::Schedule(std::move(values));
  }
  if (!Object(j, path, {"driver", "product", "mode", "tiers"})) return {};
  const int driver = Choice(j, "driver", path, kRateDriverNames.All(), 0, true);
  const auto rd = static_cast<RateDriver>(driver);
  int product = 0;
  const bool per_product = rd == RateDriver::kPrice || rd == RateDriver::kDailyProduction ||
                           rd == RateDriver::kCumulativeProduction;
  if (j.contains("product")) {
    if (!per_product)
      Fail(At(path, "product"), std::string("is not used by the ") + ToString(rd) + " driver");
    product = ProductIndex(Text(j, "product", path, ""), At(path, "product"));
  }
  const int mode = Choice(j, "mode", path, {"stepped", "incremental"}, 0);
  const json* tiers_json = Field(j, "tiers", path, true);
  std::vector<Tier> tiers;
  if (tiers_json) {
    const std::string tpath = At(path, "tiers");
    if (!tiers_json->is_array() || tiers_json->empty()) {
      Fail(tpath, "must be a non-empty array of {\"from\", \"to\", \"rate\"}");
      return {};
    }
    for (size_t i = 0; i < tiers_json->size(); ++i) {
      const json& tj = (*tiers_json)[i];
      const std::string p = At(tpath, i);
      if (!Object(tj, p, {"from", "to", "rate"})) continue;
      Tier t;
      t.from = Number(tj, "from", p, 0.0, -kInf, kInf, i > 0);
      const bool last = i + 1 == tiers_json->size();
      t.to = Number(tj, "to", p, kInf, -kInf, kInf, !last);
      t.rate = Number(tj, "rate", p, 0.0, min, max, true);
      tiers.push_back(t);
    }
    if (tiers.size() == tiers_json->size()) {
      if (auto problem = ValidateTiers(tiers)) Fail(tpath, *problem);
    }
  }
  if (tiers.empty()) return {};
  return Rate::Tiered(rd, mode == 1 ? TierMode::kIncremental : TierMode::kStepped, std::move(tiers),
                      product);
}

// A production profile (production_profile.hpp): the yearly production it fills.
std::vector<double> ModelWalker::ReadProfile(const json& j, const std::string& path,
                                             double days_per_year) {
  if (!Object(j, path,
              {"start_year", "ramp_up_years", "peak_rate", "rate_per", "reserves", "plateau_years",
               "decline", "hyperbolic_exponent"})) {
    return {};
  }
  const int last_year = first_year_ + years_ - 1;
  ProductionProfile profile;
  profile.start =
      Integer(j, "start_year", path, first_year_, first_year_, last_year, true) - first_year_;
  profile.ramp_up_years = Integer(j, "ramp_up_years", path, 0, 0, kMaxYears);
  const bool per_day = Choice(j, "rate_per", path, {"year", "day"}, 0) == 1;
  profile.peak = Number(j, "peak_rate", path, 0.0, 0.0, kInf, true) * (per_day ? days_per_year : 1);
  // Zero is in range for the reader but no profile: said once, not after a range error.
  auto zero = [&j](const char* key) {
    return j.contains(key) && j[key].is_number() && j[key] == 0;
  };
  if (zero("peak_rate")) Fail(At(path, "peak_rate"), "must be more than 0");
  profile.reserves = Number(j, "reserves", path, 0.0, 0.0, kInf, true);
  if (zero("reserves")) Fail(At(path, "reserves"), "must be more than 0");
  profile.plateau_years = Integer(j, "plateau_years", path, -1, 0, kMaxYears);
  profile.decline = Number(j, "decline", path, 0.0, 0.0, 0.99, true);
  profile.hyperbolic = Number(j, "hyperbolic_exponent", path, 0.0, 0.0, 1.0);
  return ProfileProduction(profile, years_);
}

Product ModelWalker::ReadProduct(const json& j, const std::string& path, double days_per_year) {
  Product p;
  if (!Object(j, path,
              {"name", "unit", "production", "price", "variable_opex", "transport", "refining"})) {
    return p;
  }
  p.name = Text(j, "name", path, "", true);
  p.unit = Text(j, "unit", path, "", true);
  for (const auto& n : product_names_) {
    if (!p.name.empty() && n == p.name) Fail(At(path, "name"), "repeats product \"" + n + "\"");
  }
  product_names_.push_back(p.name);
  product_units_.push_back(p.unit);
  const int index = static_cast<int>(product_names_.size()) - 1;
  if (const json* production = Field(j, "production", path, true)) {
    p.production = production->is_object()
                       ? ReadProfile(*production, At(path, "production"), days_per_year)
                       : SeriesValue(*production, At(path, "production"), 0.0);
  }

  if (const json* price = Field(j, "price", path, true)) {
    const std::string pp = At(path, "price");
    if (Object(*price, pp, {"unit", "deck", "base", "escalation"})) {
      CheckUnit(*price, pp, index);
      const bool deck = price->contains("deck");
      const bool base = price->contains("base");
      if (deck == base) {
        Fail(pp,
             "needs exactly one of \"deck\" (a price per year) or \"base\" (with optional "
             "\"escalation\")");
      } else if (deck) {
        if (price->contains("escalation")) Fail(At(pp, "escalation"), "applies to \"base\" only");
        p.price.deck = Series(*price, "deck", pp, 0.0, true);
      } else {
        p.price.base = Number(*price, "base", pp, 0.0, 0.0, kInf, true);
        p.price.escalation = Number(*price, "escalation", pp, 0.0, -0.99, 10.0);
      }
    }
  }
  auto per_unit = [&](const char* key) {
    const json* c = Field(j, key, path, false);
    if (!c) return 0.0;
    const std::string cp = At(path, key);
    if (!Object(*c, cp, {"value", "unit"})) return 0.0;
    CheckUnit(*c, cp, index);
    return Number(*c, "value", cp, 0.0, 0.0, kInf, true);
  };
  p.variable_opex = per_unit("variable_opex");
  p.transport = per_unit("transport");
  p.refining = per_unit("refining");
  return p;
}

Project ModelWalker::ReadProject(const json& j, const std::string& path) {
  Project p;
  if (!Object(j, path,
              {"name", "first_year", "years", "days_per_year", "inflation", "cost_base_year",
               "products", "capex", "fixed_opex", "closure", "economic_limit"})) {
    return p;
  }
  p.name = Text(j, "name", path, "");
  p.first_year = Integer(j, "first_year", path, 2000, 1900, 2300, true);
  p.years = Integer(j, "years", path, 0, 1, kMaxYears, true);
  first_year_ = p.first_year;
  years_ = p.years;
  p.days_per_year = Number(j, "days_per_year", path, 365.0, 1.0, 366.0);
  p.inflation = Number(j, "inflation", path, 0.0, -0.5, 10.0);
  p.cost_base_year = Integer(j, "cost_base_year", path, p.first_year, 1900, 2300);
  p.economic_limit = Bool(j, "economic_limit", path, false);
  if (p.years == 0) return p;  // series lengths cannot be checked without years

  if (const json* products = Field(j, "products", path, true)) {
    const std::string pp = At(path, "products");
    if (!products->is_array() || products->empty() ||
        products->size() > static_cast<size_t>(kMaxProducts)) {
      Fail(pp, "must be an array of 1 to " + std::to_string(kMaxProducts) + " products");
    } else {
      for (size_t i = 0; i < products->size(); ++i) {
        p.products.push_back(ReadProduct((*products)[i], At(pp, i), p.days_per_year));
      }
    }
  }
  if (const json* capex = Field(j, "capex", path, false)) {
    const std::string cp = At(path, "capex");
    if (Object(*capex, cp, {"exploration", "development", "sustaining"})) {
      for (int c = 0; c < kCapexClasses; ++c) {
        p.capex[c] = Series(*capex, ToString(static_cast<CapexClass>(c)), cp, 0.0, false);
      }
    }
  }
  p.fixed_opex = Series(j, "fixed_opex", path, 0.0, false);
  p.closure = Series(j, "closure", path, 0.0, false);
  return p;
}

namespace {

// a += b, year by year, either possibly empty (zeros).
void AddSeries(std::vector<double>& a, const std::vector<double>& b, int years) {
  if (b.empty()) return;
  if (a.empty()) a.assign(static_cast<size_t>(years), 0.0);
  // Years that differ are reported; the sum then stops at the shorter.
  for (size_t t = 0; t < std::min(a.size(), b.size()); ++t) a[t] += b[t];
}

}  // namespace

Project ModelWalker::ReadProjects(const json& j, const std::string& path) {
  Project whole;
  if (!j.is_array() || j.size() < 2 || j.size() > static_cast<size_t>(kMaxProjects)) {
    Fail(path, "must be an array of 2 to " + std::to_string(kMaxProjects) +
                   " projects; a model of one project gives it as \"project\"");
    return whole;
  }
  std::vector<Product> all;  // every product of every project, in order of first mention
  std::set<std::string> names;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string pp = At(path, i);
    product_names_.clear();
    product_units_.clear();
    Project part = ReadProject(j[i], pp);
    if (j[i].is_object() && !j[i].contains("name")) Fail(At(pp, "name"), "is required");
    if (!part.name.empty() && !names.insert(part.name).second) {
      Fail(At(pp, "name"), "repeats project name \"" + part.name + "\"");
    }
    if (i > 0 && part.first_year != whole.parts[0].first_year) {
      Fail(At(pp, "first_year"), "must be " + std::to_string(whole.parts[0].first_year) +
                                     ", as in the first project: projects share their years");
    }
    if (i > 0 && part.years != whole.parts[0].years) {
      Fail(At(pp, "years"), "must be " + std::to_string(whole.parts[0].years) +
                                ", as in the first project: projects share their years");
    }
    if (part.economic_limit) {
      Fail(At(pp, "economic_limit"), "applies only to a model of one project");
    }
    for (size_t k = 0; k < part.products.size(); ++k) {
      const Product& product = part.products[k];
      const auto same = std::find_if(all.begin(), all.end(),
                                     [&](const Product& o) { return o.name == product.name; });
      if (same == all.end()) {
        all.push_back(product);
      } else if (same->unit != product.unit) {
        Fail(At(At(At(pp, "products"), k), "unit"), "must be \"" + same->unit + "\", the unit of " +
                                                        product.name + " in an earlier project");
      }
    }
    whole.parts.push_back(std::move(part));
  }
  if (all.size() > static_cast<size_t>(kMaxProducts)) {
    Fail(path, "name " + std::to_string(all.size()) + " products together; a model may hold " +
                   std::to_string(kMaxProducts));
  }
  const Project& first = whole.parts[0];
  whole.first_year = first.first_year;
  whole.years = first.years;
  whole.days_per_year = first.days_per_year;
  whole.inflation = first.inflation;
  whole.cost_base_year = first.cost_base_year;
  // Each project over the products of all, producing none of those it does
  // not list; the whole produces what they do together.
  for (Product& product : all) product.production.assign(static_cast<size_t>(whole.years), 0.0);
  for (Project& part : whole.parts) {
    std::vector<Product> aligned;
    for (const Product& product : all) {
      const auto own = std::find_if(part.products.begin(), part.products.end(),
                                    [&](const Product& o) { return o.name == product.name; });
      if (own == part.products.end()) {
        // The product as another project sells it (its price), none of it produced.
        Product none = product;
        none.production.assign(static_cast<size_t>(whole.years), 0.0);
        none.variable_opex = none.transport = none.refining = 0;
        aligned.push_back(std::move(none));
      } else {
        aligned.push_back(*own);
      }
    }
    part.products = std::move(aligned);
    for (size_t k = 0; k < all.size(); ++k) {
      AddSeries(all[k].production, part.products[k].production, whole.years);
    }
    for (int c = 0; c < kCapexClasses; ++c) AddSeries(whole.capex[c], part.capex[c], whole.years);
    AddSeries(whole.fixed_opex, part.fixed_opex, whole.years);
    AddSeries(whole.closure, part.closure, whole.years);
  }
  whole.products = all;
  first_year_ = whole.first_year;
  years_ = whole.years;
  product_names_.clear();
  product_units_.clear();
  for (const Product& product : all) {
    product_names_.push_back(product.name);
    product_units_.push_back(product.unit);
  }
  return whole;
}

}  // namespace connex::fiscal::io
