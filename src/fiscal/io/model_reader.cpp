#include "fiscal/io/model_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "fiscal/engine.hpp"

namespace connex::fiscal::io {

namespace {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();

std::string Str(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// Walks one model document, collecting every error with its JSON path; the
// fields are read by the shared strict reader, with its messages.
class Reader : public JsonReader {
 public:
  explicit Reader(Errors& errors) : JsonReader(errors) {}
  Model Read(const json& root);

 private:
  // A per-year series: exactly one number per project year.
  std::vector<double> Series(const json& obj, const char* key, const std::string& path, double min,
                             bool required) {
    const json* j = Field(obj, key, path, required);
    if (!j) return {};
    return SeriesValue(*j, At(path, key), min);
  }

  std::vector<double> SeriesValue(const json& j, const std::string& path, double min) {
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
      out[i] = NumberValue(j[i], At(path, i) + " (year " + std::to_string(first_year_ + i) + ")",
                           min, kInf, 0.0);
    }
    return out;
  }

  int ProductIndex(const std::string& name, const std::string& path) {
    for (size_t i = 0; i < product_names_.size(); ++i) {
      if (product_names_[i] == name) return static_cast<int>(i);
    }
    std::string known;
    for (const auto& n : product_names_) known += (known.empty() ? "" : ", ") + n;
    Fail(path, "names no product of the project (products: " + known + "), got \"" + name + "\"");
    return 0;
  }

  // A unit "CUR/unit" that must match the model's currency and the product's unit.
  void CheckUnit(const json& obj, const std::string& path, int product) {
    const std::string unit = Text(obj, "unit", path, "", true);
    if (unit.empty() || product < 0 || product >= static_cast<int>(product_units_.size())) return;
    const std::string expected = currency_ + "/" + product_units_[product];
    if (unit != expected) {
      Fail(At(path, "unit"), "must be \"" + expected + "\" (model currency per unit of " +
                                 product_names_[product] + "), got \"" + unit + "\"");
    }
  }

  Rate ReadRate(const json& j, const std::string& path, double min, double max);
  Product ReadProduct(const json& j, const std::string& path);
  Project ReadProject(const json& j, const std::string& path);
  Regime ReadRegime(const json& j, const std::string& path);
  void ReadInstrument(const json& j, const std::string& path, Regime& regime);
  Depreciation ReadDepreciation(const json& j, const std::string& path);
  Uncertainty ReadUncertainty(const json& j, const std::string& path);
  MultiplierUncertainty ReadMultiplier(const json& j, const std::string& path);
  void ReadCorrelation(const json& j, const std::string& path, Uncertainty& u);

  int years_ = 0;
  int first_year_ = 0;
  std::string currency_ = "USD";
  std::vector<std::string> product_names_;
  std::vector<std::string> product_units_;
};

Rate Reader::ReadRate(const json& j, const std::string& path, double min, double max) {
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
  const int driver = Choice(j, "driver", path,
                            {"price", "daily_production", "cumulative_production", "r_factor",
                             "investor_irr", "profitability"},
                            0, true);
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

Product Reader::ReadProduct(const json& j, const std::string& path) {
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
  p.production = Series(j, "production", path, 0.0, true);

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

Project Reader::ReadProject(const json& j, const std::string& path) {
  Project p;
  if (!Object(j, path,
              {"first_year", "years", "days_per_year", "inflation", "cost_base_year", "products",
               "capex", "fixed_opex", "closure"})) {
    return p;
  }
  p.first_year = Integer(j, "first_year", path, 2000, 1900, 2300, true);
  p.years = Integer(j, "years", path, 0, 1, kMaxYears, true);
  first_year_ = p.first_year;
  years_ = p.years;
  p.days_per_year = Number(j, "days_per_year", path, 365.0, 1.0, 366.0);
  p.inflation = Number(j, "inflation", path, 0.0, -0.5, 10.0);
  p.cost_base_year = Integer(j, "cost_base_year", path, p.first_year, 1900, 2300);
  if (p.years == 0) return p;  // series lengths cannot be checked without years

  if (const json* products = Field(j, "products", path, true)) {
    const std::string pp = At(path, "products");
    if (!products->is_array() || products->empty() ||
        products->size() > static_cast<size_t>(kMaxProducts)) {
      Fail(pp, "must be an array of 1 to " + std::to_string(kMaxProducts) + " products");
    } else {
      for (size_t i = 0; i < products->size(); ++i) {
        p.products.push_back(ReadProduct((*products)[i], At(pp, i)));
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

Depreciation Reader::ReadDepreciation(const json& j, const std::string& path) {
  Depreciation d;
  if (!Object(j, path, {"method", "years", "rate", "product"})) return d;
  const int method =
      Choice(j, "method", path,
             {"straight_line", "declining_balance", "units_of_production", "immediate"}, 0, true);
  d.method = static_cast<DepreciationMethod>(method);
  const bool sl = d.method == DepreciationMethod::kStraightLine;
  const bool db = d.method == DepreciationMethod::kDecliningBalance;
  const bool uop = d.method == DepreciationMethod::kUnitsOfProduction;
  if (!sl && j.contains("years")) Fail(At(path, "years"), "applies to straight_line only");
  if (!db && j.contains("rate")) Fail(At(path, "rate"), "applies to declining_balance only");
  if (!uop && j.contains("product"))
    Fail(At(path, "product"), "applies to units_of_production only");
  if (sl) d.years = Integer(j, "years", path, 5, 1, 100, true);
  if (db) d.rate = Number(j, "rate", path, 0.25, 0.0, 1.0, true);
  if (uop && j.contains("product")) {
    d.product = ProductIndex(Text(j, "product", path, ""), At(path, "product"));
  }
  return d;
}

void Reader::ReadInstrument(const json& j, const std::string& path, Regime& r) {
  if (!j.is_object()) {
    Fail(path, "must be an object with a \"type\"");
    return;
  }
  const std::string type = Text(j, "type", path, "", true);
  auto once = [&](bool present) {
    if (present) Fail(At(path, "type"), "a regime may hold only one " + type);
    return !present;
  };
  auto product_of = [&](const json& o, const std::string& p) {
    return ProductIndex(Text(o, "product", p, "", true), At(p, "product"));
  };

  if (type == "bonus") {
    if (!Object(j, path, {"type", "signature", "production", "deductible"}) ||
        !once(r.bonuses.has_value()))
      return;
    Bonuses b;
    b.deductible = Bool(j, "deductible", path, false);
    if (const json* sig = Field(j, "signature", path, false)) {
      const std::string sp = At(path, "signature");
      if (!sig->is_array()) Fail(sp, "must be an array of {\"year\", \"amount\"}");
      for (size_t i = 0; sig->is_array() && i < sig->size(); ++i) {
        const std::string ip = At(sp, i);
        if (!Object((*sig)[i], ip, {"year", "amount"})) continue;
        SignatureBonus s;
        s.year = Integer((*sig)[i], "year", ip, first_year_, first_year_, first_year_ + years_ - 1,
                         true);
        s.amount = Number((*sig)[i], "amount", ip, 0.0, 0.0, kInf, true);
        b.signature.push_back(s);
      }
    }
    if (const json* prod = Field(j, "production", path, false)) {
      const std::string pp = At(path, "production");
      if (!prod->is_array())
        Fail(pp, "must be an array of {\"product\", \"cumulative\", \"amount\"}");
      for (size_t i = 0; prod->is_array() && i < prod->size(); ++i) {
        const std::string ip = At(pp, i);
        if (!Object((*prod)[i], ip, {"product", "cumulative", "amount"})) continue;
        ProductionBonus pb;
        pb.product = product_of((*prod)[i], ip);
        pb.cumulative = Number((*prod)[i], "cumulative", ip, 0.0, 0.0, kInf, true);
        pb.amount = Number((*prod)[i], "amount", ip, 0.0, 0.0, kInf, true);
        b.production.push_back(pb);
      }
    }
    r.bonuses = b;
  } else if (type == "surface_rent") {
    if (!Object(j, path, {"type", "area_km2", "rate_per_km2", "deductible"}) ||
        !once(r.surface_rent.has_value()))
      return;
    SurfaceRent s;
    s.area = Number(j, "area_km2", path, 0.0, 0.0, kInf, true);
    if (const json* rate = Field(j, "rate_per_km2", path, true))
      s.rate = ReadRate(*rate, At(path, "rate_per_km2"), 0.0, kInf);
    s.deductible = Bool(j, "deductible", path, true);
    r.surface_rent = s;
  } else if (type == "royalty") {
    if (!Object(j, path, {"type", "name", "product", "base", "rate", "unit", "deductible"})) return;
    Royalty roy;
    roy.name = Text(j, "name", path, "royalty");
    roy.base = static_cast<RoyaltyBase>(
        Choice(j, "base", path, {"gross_value", "net_smelter_return", "volume"}, 0));
    if (j.contains("product")) roy.product = product_of(j, path);
    const bool specific = roy.base == RoyaltyBase::kVolume;
    if (specific) {
      if (!j.contains("product"))
        Fail(At(path, "product"), "is required for a specific (volume) royalty");
      CheckUnit(j, path, roy.product);
    } else if (j.contains("unit")) {
      Fail(At(path, "unit"),
           "applies to a specific (volume) royalty only; ad valorem rates are shares");
    }
    if (const json* rate = Field(j, "rate", path, true)) {
      roy.rate = ReadRate(*rate, At(path, "rate"), 0.0, specific ? kInf : 1.0);
    }
    roy.deductible = Bool(j, "deductible", path, true);
    r.royalties.push_back(roy);
  } else if (type == "first_tranche_petroleum") {
    if (!Object(j, path, {"type", "rate", "shared"}) || !once(r.ftp.has_value())) return;
    FirstTranche f;
    if (const json* rate = Field(j, "rate", path, true))
      f.rate = ReadRate(*rate, At(path, "rate"), 0.0, 1.0);
    f.shared = Bool(j, "shared", path, true);
    r.ftp = f;
  } else if (type == "cost_recovery") {
    if (!Object(j, path, {"type", "ceiling", "ceiling_base", "capex_recovery_years", "uplift"}) ||
        !once(r.cost_recovery.has_value())) {
      return;
    }
    CostRecovery c;
    if (const json* rate = Field(j, "ceiling", path, true))
      c.ceiling = ReadRate(*rate, At(path, "ceiling"), 0.0, 1.0);
    c.ceiling_base = static_cast<CeilingBase>(
        Choice(j, "ceiling_base", path, {"gross_value", "net_of_royalty_and_ftp"}, 0));
    c.capex_recovery_years = Integer(j, "capex_recovery_years", path, 0, 0, 100);
    c.uplift = Number(j, "uplift", path, 0.0, 0.0, 10.0);
    r.cost_recovery = c;
  } else if (type == "profit_split") {
    if (!Object(j, path, {"type", "state_share"}) || !once(r.profit_split.has_value())) return;
    ProfitSplit p;
    if (const json* rate = Field(j, "state_share", path, true))
      p.state_share = ReadRate(*rate, At(path, "state_share"), 0.0, 1.0);
    r.profit_split = p;
  } else if (type == "domestic_market_obligation") {
    if (!Object(j, path, {"type", "share", "price_fraction", "holiday_years"}) ||
        !once(r.dmo.has_value()))
      return;
    DomesticMarketObligation d;
    d.share = Number(j, "share", path, 0.0, 0.0, 1.0, true);
    d.price_fraction = Number(j, "price_fraction", path, 0.0, 0.0, 1.0, true);
    d.holiday_years = Integer(j, "holiday_years", path, 0, 0, 200);
    r.dmo = d;
  } else if (type == "state_participation") {
    if (!Object(j, path, {"type", "share", "mode", "carry_interest"}) ||
        !once(r.participation.has_value()))
      return;
    StateParticipation s;
    s.share = Number(j, "share", path, 0.0, 0.0, 1.0, true);
    s.mode = static_cast<ParticipationMode>(
        Choice(j, "mode", path, {"paid", "carried", "free"}, 0, true));
    if (j.contains("carry_interest") && s.mode != ParticipationMode::kCarried) {
      Fail(At(path, "carry_interest"), "applies to carried participation only");
    }
    s.carry_interest = Number(j, "carry_interest", path, 0.0, 0.0, 1.0);
    r.participation = s;
  } else if (type == "income_tax") {
    if (!Object(j, path,
                {"type", "rate", "depreciation", "depreciation_start", "deduct_closure", "losses",
                 "holiday", "minimum_tax_on_turnover"}) ||
        !once(r.income_tax.has_value())) {
      return;
    }
    IncomeTax t;
    if (const json* rate = Field(j, "rate", path, true))
      t.rate = ReadRate(*rate, At(path, "rate"), 0.0, 1.0);
    if (const json* dep = Field(j, "depreciation", path, false)) {
      const std::string dp = At(path, "depreciation");
      if (dep->is_object() && dep->contains("method")) {
        const Depreciation all = ReadDepreciation(*dep, dp);
        for (auto& d : t.depreciation) d = all;
      } else if (Object(*dep, dp, {"exploration", "development", "sustaining"})) {
        for (int c = 0; c < kCapexClasses; ++c) {
          const char* name = ToString(static_cast<CapexClass>(c));
          if (dep->contains(name)) t.depreciation[c] = ReadDepreciation((*dep)[name], At(dp, name));
        }
      }
    }
    t.start = static_cast<DepreciationStart>(
        Choice(j, "depreciation_start", path, {"when_incurred", "first_production"}, 0));
    t.deduct_closure = Bool(j, "deduct_closure", path, true);
    if (const json* losses = Field(j, "losses", path, false)) {
      const std::string lp = At(path, "losses");
      if (Object(*losses, lp, {"carry_forward", "years", "cap"})) {
        t.losses = static_cast<LossCarryForward>(
            Choice(*losses, "carry_forward", lp,
                   {"none", "unlimited", "limited_years", "capped_share"}, 1, true));
        const bool limited = t.losses == LossCarryForward::kLimitedYears;
        const bool capped = t.losses == LossCarryForward::kCappedShare;
        if (!limited && losses->contains("years"))
          Fail(At(lp, "years"), "applies to limited_years only");
        if (!capped && losses->contains("cap")) Fail(At(lp, "cap"), "applies to capped_share only");
        if (limited) t.loss_years = Integer(*losses, "years", lp, 0, 1, 200, true);
        if (capped) t.loss_cap = Number(*losses, "cap", lp, 1.0, 0.0, 1.0, true);
      }
    }
    if (const json* h = Field(j, "holiday", path, false)) {
      const std::string hp = At(path, "holiday");
      if (Object(*h, hp, {"years", "first_production_years"})) {
        t.holiday_first_production_years = Integer(*h, "first_production_years", hp, 0, 0, 200);
        if (const json* ys = Field(*h, "years", hp, false)) {
          if (!ys->is_array()) Fail(At(hp, "years"), "must be an array of calendar years");
          for (size_t i = 0; ys->is_array() && i < ys->size(); ++i) {
            const json& y = (*ys)[i];
            if (!y.is_number_integer() || y.get<long long>() < first_year_ ||
                y.get<long long>() >= first_year_ + years_) {
              Fail(At(At(hp, "years"), i),
                   "must be a project year (" + std::to_string(first_year_) + "-" +
                       std::to_string(first_year_ + years_ - 1) + "), got " + Describe(y));
            } else {
              t.holiday_years.push_back(y.get<int>());
            }
          }
        }
      }
    }
    t.minimum_tax_on_turnover = Number(j, "minimum_tax_on_turnover", path, 0.0, 0.0, 1.0);
    r.income_tax = t;
  } else if (type == "resource_rent_tax") {
    if (!Object(j, path, {"type", "base", "tiers", "deductible_for_income_tax"}) ||
        !once(r.rrt.has_value()))
      return;
    ResourceRentTax t;
    t.base =
        static_cast<RentTaxBase>(Choice(j, "base", path, {"pre_income_tax", "post_income_tax"}, 0));
    t.deductible_for_income_tax = Bool(j, "deductible_for_income_tax", path, false);
    if (t.deductible_for_income_tax && t.base == RentTaxBase::kPostIncomeTax) {
      Fail(At(path, "deductible_for_income_tax"),
           "cannot be true with a post_income_tax base: the two would depend on each other");
    }
    if (const json* tiers = Field(j, "tiers", path, true)) {
      const std::string tp = At(path, "tiers");
      if (!tiers->is_array() || tiers->empty() ||
          tiers->size() > static_cast<size_t>(kMaxRentTaxTiers)) {
        Fail(tp, "must be an array of 1 to " + std::to_string(kMaxRentTaxTiers) +
                     " {\"threshold\", \"rate\"}");
      } else {
        for (size_t i = 0; i < tiers->size(); ++i) {
          const std::string ip = At(tp, i);
          if (!Object((*tiers)[i], ip, {"threshold", "rate"})) continue;
          RentTaxTier tier;
          tier.threshold = Number((*tiers)[i], "threshold", ip, 0.0, -0.99, 10.0, true);
          tier.rate = Number((*tiers)[i], "rate", ip, 0.0, 0.0, 1.0, true);
          if (!t.tiers.empty() && !(tier.threshold > t.tiers.back().threshold)) {
            Fail(At(ip, "threshold"), "tier " + std::to_string(i + 1) + " threshold " +
                                          Str(tier.threshold) + " must be above tier " +
                                          std::to_string(i) + "'s " +
                                          Str(t.tiers.back().threshold));
          }
          t.tiers.push_back(tier);
        }
      }
    }
    r.rrt = t;
  } else if (type == "windfall_tax") {
    if (!Object(j, path, {"type", "base", "product", "trigger", "rate"}) ||
        !once(r.windfall.has_value()))
      return;
    WindfallTax w;
    w.base = static_cast<WindfallBase>(Choice(j, "base", path, {"price", "profit"}, 0));
    if (w.base == WindfallBase::kPrice) {
      w.product = product_of(j, path);
    } else if (j.contains("product")) {
      Fail(At(path, "product"), "applies to the price base only");
    }
    w.trigger = Number(j, "trigger", path, 0.0, 0.0, kInf, true);
    w.rate = Number(j, "rate", path, 0.0, 0.0, 1.0, true);
    r.windfall = w;
  } else if (type == "dividend_withholding") {
    if (!Object(j, path, {"type", "rate"}) || !once(r.withholding.has_value())) return;
    r.withholding = DividendWithholding{Number(j, "rate", path, 0.0, 0.0, 1.0, true)};
  } else if (!type.empty()) {
    Fail(At(path, "type"),
         "unknown instrument \"" + type +
             "\" (known: bonus, surface_rent, royalty, first_tranche_petroleum, cost_recovery, "
             "profit_split, domestic_market_obligation, state_participation, income_tax, "
             "resource_rent_tax, windfall_tax, dividend_withholding)");
  }
}

Regime Reader::ReadRegime(const json& j, const std::string& path) {
  Regime r;
  if (!Object(j, path, {"name", "instruments"})) return r;
  r.name = Text(j, "name", path, "", true);
  const json* instruments = Field(j, "instruments", path, true);
  if (!instruments) return r;
  const std::string ip = At(path, "instruments");
  if (!instruments->is_array()) {
    Fail(ip, "must be an array of instruments");
    return r;
  }
  for (size_t i = 0; i < instruments->size(); ++i) ReadInstrument((*instruments)[i], At(ip, i), r);
  if (r.ftp && r.ftp->shared && !r.profit_split) {
    Fail(ip, "a shared first_tranche_petroleum needs a profit_split to share it by");
  }
  return r;
}

Model Reader::Read(const json& root) {
  Model m;
  if (!Object(root, "",
              {"schema", "name", "currency", "project", "discounting", "sweep", "regimes",
               "uncertainty"})) {
    return m;
  }
  const std::string schema = Text(root, "schema", "", "", true);
  if (!schema.empty() && schema != kModelSchema) {
    Fail("schema", std::string("must be \"") + kModelSchema + "\", got \"" + schema + "\"");
    return m;
  }
  m.name = Text(root, "name", "", "");
  m.currency = Text(root, "currency", "", "USD");
  currency_ = m.currency;
  const json* project = Field(root, "project", "", true);
  if (!project) return m;
  m.project = ReadProject(*project, "project");

  m.discounting.valuation_year = m.project.first_year;
  if (const json* d = Field(root, "discounting", "", false)) {
    if (Object(*d, "discounting", {"rate", "valuation_year", "timing"})) {
      m.discounting.rate = Number(*d, "rate", "discounting", 0.10, -0.99, 10.0);
      m.discounting.valuation_year =
          Integer(*d, "valuation_year", "discounting", m.project.first_year, 1900, 2300);
      m.discounting.timing =
          static_cast<Timing>(Choice(*d, "timing", "discounting", {"end_of_year", "mid_year"}, 0));
    }
  }
  if (const json* s = Field(root, "sweep", "", false)) {
    if (Object(*s, "sweep", {"from", "to", "step"})) {
      m.sweep.from = Number(*s, "from", "sweep", 0.5, 0.0, 100.0);
      m.sweep.to = Number(*s, "to", "sweep", 2.0, 0.0, 100.0);
      m.sweep.step = Number(*s, "step", "sweep", 0.1, 1e-4, 100.0);
      if (m.sweep.to < m.sweep.from) Fail("sweep.to", "must not be below sweep.from");
    }
  }
  if (m.project.years == 0 || m.project.products.empty()) return m;

  const json* regimes = Field(root, "regimes", "", true);
  if (!regimes) return m;
  if (!regimes->is_array() || regimes->empty()) {
    Fail("regimes", "must be a non-empty array of regimes");
    return m;
  }
  std::set<std::string> names;
  for (size_t i = 0; i < regimes->size(); ++i) {
    m.regimes.push_back(ReadRegime((*regimes)[i], At("regimes", i)));
    const std::string& name = m.regimes.back().name;
    if (!name.empty() && !names.insert(name).second) {
      Fail(At(At("regimes", i), "name"), "repeats regime name \"" + name + "\"");
    }
  }
  if (const json* u = Field(root, "uncertainty", "", false)) {
    m.uncertainty = ReadUncertainty(*u, "uncertainty");
  }
  return m;
}

Uncertainty Reader::ReadUncertainty(const json& j, const std::string& path) {
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
  if (j.contains("government_pv_floor")) {
    u.government_pv_floor = Number(j, "government_pv_floor", path, 0, -kInf, kInf);
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
            static_cast<PriceProcess>(Choice(e, "process", ep, {"gbm", "mean_reverting"}, 0, true));
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

MultiplierUncertainty Reader::ReadMultiplier(const json& j, const std::string& path) {
  MultiplierUncertainty m;
  if (!Object(j, path, {"distribution", "mean", "sd", "low", "mode", "high"})) return m;
  m.spread = static_cast<Spread>(
      Choice(j, "distribution", path, {"normal", "lognormal", "triangular"}, 0, true));
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

void Reader::ReadCorrelation(const json& j, const std::string& path, Uncertainty& u) {
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

}  // namespace

Result<Model> ReadModel(std::string_view text) {
  // nlohmann reports some failures (a number too large for a double) by
  // exception even when asked not to, so exceptions are the one path here.
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    return Error{ErrorCode::kInvalidInput, std::string("not valid JSON: ") + e.what(), ""};
  }
  Errors errors;
  Reader reader(errors);
  Model model = reader.Read(root);
  if (!errors.empty()) return errors;
  return model;
}

Result<Model> ReadModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIo, "cannot open model file \"" + path + "\"", ""};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{ErrorCode::kIo, "cannot read model file \"" + path + "\"", ""};
  return ReadModel(text.str());
}

}  // namespace connex::fiscal::io
