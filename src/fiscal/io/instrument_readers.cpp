// One reader per instrument type, and the table that lists them.
#include <algorithm>
#include <string>
#include <vector>

#include "fiscal/io/model_walker.hpp"

namespace connex::fiscal::io {

bool ModelWalker::Once(const std::string& path, const std::string& type, bool present) {
  if (present) Fail(At(path, "type"), "a regime may hold only one " + type);
  return !present;
}

int ModelWalker::ProductOf(const json& o, const std::string& path) {
  return ProductIndex(Text(o, "product", path, "", true), At(path, "product"));
}

Depreciation ModelWalker::ReadDepreciation(const json& j, const std::string& path) {
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

// The law's rate stands above a reduced one; of a rate that varies, the
// reader cannot tell, and the report then shows what the difference costs.
void ModelWalker::CheckStandardRate(const Rate& rate, double standard, const std::string& path) {
  if (standard >= 0 && rate.kind() == Rate::Kind::kConstant && standard < rate.constant()) {
    Fail(At(path, "standard_rate"), "must be at least the rate these terms grant (" +
                                        Str(rate.constant()) +
                                        "): it is the law's rate they reduce");
  }
}

void ModelWalker::ReadBonus(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "signature", "production", "deductible"}) ||
      !Once(path, "bonus", r.bonuses.has_value()))
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
      s.year =
          Integer((*sig)[i], "year", ip, first_year_, first_year_, first_year_ + years_ - 1, true);
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
      pb.product = ProductOf((*prod)[i], ip);
      pb.cumulative = Number((*prod)[i], "cumulative", ip, 0.0, 0.0, kInf, true);
      pb.amount = Number((*prod)[i], "amount", ip, 0.0, 0.0, kInf, true);
      b.production.push_back(pb);
    }
  }
  r.bonuses = b;
}

void ModelWalker::ReadSurfaceRent(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "area_km2", "rate_per_km2", "deductible"}) ||
      !Once(path, "surface_rent", r.surface_rent.has_value()))
    return;
  SurfaceRent s;
  s.area = Number(j, "area_km2", path, 0.0, 0.0, kInf, true);
  if (const json* rate = Field(j, "rate_per_km2", path, true))
    s.rate = ReadRate(*rate, At(path, "rate_per_km2"), 0.0, kInf);
  s.deductible = Bool(j, "deductible", path, true);
  r.surface_rent = s;
}

void ModelWalker::ReadRoyalty(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path,
              {"type", "name", "product", "base", "rate", "unit", "deductible", "standard_rate"}))
    return;
  Royalty roy;
  roy.name = Text(j, "name", path, "royalty");
  roy.base = static_cast<RoyaltyBase>(
      Choice(j, "base", path, {"gross_value", "net_smelter_return", "volume"}, 0));
  if (j.contains("product")) roy.product = ProductOf(j, path);
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
  roy.standard_rate = Number(j, "standard_rate", path, -1.0, 0.0, specific ? kInf : 1.0);
  CheckStandardRate(roy.rate, roy.standard_rate, path);
  r.royalties.push_back(roy);
}

void ModelWalker::ReadFirstTranchePetroleum(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "rate", "shared"}) ||
      !Once(path, "first_tranche_petroleum", r.ftp.has_value()))
    return;
  FirstTranche f;
  if (const json* rate = Field(j, "rate", path, true))
    f.rate = ReadRate(*rate, At(path, "rate"), 0.0, 1.0);
  f.shared = Bool(j, "shared", path, true);
  r.ftp = f;
}

void ModelWalker::ReadCostRecovery(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path,
              {"type", "ceiling", "ceiling_base", "capex_recovery_years", "uplift",
               "investment_credit", "consolidated"}) ||
      !Once(path, "cost_recovery", r.cost_recovery.has_value())) {
    return;
  }
  CostRecovery c;
  if (const json* rate = Field(j, "ceiling", path, true))
    c.ceiling = ReadRate(*rate, At(path, "ceiling"), 0.0, 1.0);
  c.ceiling_base = static_cast<CeilingBase>(
      Choice(j, "ceiling_base", path, {"gross_value", "net_of_royalty_and_ftp"}, 0));
  c.capex_recovery_years = Integer(j, "capex_recovery_years", path, 0, 0, 100);
  c.uplift = Number(j, "uplift", path, 0.0, 0.0, 10.0);
  c.investment_credit = Number(j, "investment_credit", path, 0.0, 0.0, 10.0);
  c.consolidated = Bool(j, "consolidated", path, false);
  r.cost_recovery = c;
}

void ModelWalker::ReadProfitSplit(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "state_share"}) ||
      !Once(path, "profit_split", r.profit_split.has_value()))
    return;
  ProfitSplit p;
  if (const json* rate = Field(j, "state_share", path, true))
    p.state_share = ReadRate(*rate, At(path, "state_share"), 0.0, 1.0);
  r.profit_split = p;
}

void ModelWalker::ReadGrossSplit(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "base", "variable", "progressive"}) ||
      !Once(path, "gross_split", r.gross_split.has_value()))
    return;
  GrossSplit g;
  const size_t products = product_names_.size();
  // One base for every product (a rate), or one per product by name.
  if (const json* base = Field(j, "base", path, true)) {
    const std::string bp = At(path, "base");
    const bool one = !base->is_object() || base->contains("driver") || base->contains("schedule");
    if (one) {
      g.base.assign(products, ReadRate(*base, bp, 0.0, 1.0));
    } else if (Object(*base, bp, product_names_)) {
      for (const std::string& name : product_names_) {
        if (const json* b = Field(*base, name, bp, true)) {
          g.base.push_back(ReadRate(*b, At(bp, name), 0.0, 1.0));
        }
      }
    }
  }
  if (const json* variable = Field(j, "variable", path, false)) {
    const std::string vp = At(path, "variable");
    if (!variable->is_array())
      Fail(vp, "must be an array of {\"component\", \"choice\", \"split\"}");
    for (size_t i = 0; variable->is_array() && i < variable->size(); ++i) {
      const std::string ip = At(vp, i);
      if (!Object((*variable)[i], ip, {"component", "choice", "split"})) continue;
      SplitComponent c;
      c.name = Text((*variable)[i], "component", ip, "", true);
      // One row of each characteristic's table: a second would count it twice.
      for (const SplitComponent& other : g.variable) {
        if (!c.name.empty() && other.name == c.name) {
          Fail(At(ip, "component"), "names a characteristic given already: \"" + c.name + "\"");
        }
      }
      c.choice = Text((*variable)[i], "choice", ip, "", true);
      c.split = Number((*variable)[i], "split", ip, 0.0, -1.0, 1.0, true);
      g.variable.push_back(c);
    }
  }
  if (const json* progressive = Field(j, "progressive", path, false)) {
    const std::string pp = At(path, "progressive");
    if (!progressive->is_array()) Fail(pp, "must be an array of {\"component\", \"split\"}");
    for (size_t i = 0; progressive->is_array() && i < progressive->size(); ++i) {
      const std::string ip = At(pp, i);
      if (!Object((*progressive)[i], ip, {"component", "split"})) continue;
      ProgressiveComponent c;
      c.name = Text((*progressive)[i], "component", ip, "", true);
      if (const json* split = Field((*progressive)[i], "split", ip, true)) {
        c.split = ReadRate(*split, At(ip, "split"), -1.0, 1.0);
      }
      g.progressive.push_back(c);
    }
  }
  // A missing base is an error already; the rest of the regime is still checked.
  g.base.resize(products);
  r.gross_split = g;
}

void ModelWalker::ReadExempt(const json& j, const std::string& path,
                             const std::vector<std::string>& costs, bool* exempt) {
  const json* list = Field(j, "exempt", path, false);
  if (list == nullptr) return;
  const std::string ep = At(path, "exempt");
  std::string known;
  for (const std::string& c : costs) known += (known.empty() ? "" : ", ") + c;
  if (!list->is_array()) {
    Fail(ep, "must be an array of the costs exempt (" + known + ")");
    return;
  }
  for (size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const std::string name = item.is_string() ? item.get<std::string>() : "";
    const auto at = std::find(costs.begin(), costs.end(), name);
    if (at == costs.end()) {
      Fail(At(ep, i), "must be one of " + known + ", got " + Describe(item));
      continue;
    }
    for (int k = 0; k < kTaxedCosts; ++k) {
      if (name == kTaxedCostNames[static_cast<TaxedCost>(k)]) exempt[k] = true;
    }
  }
}

std::vector<int> ModelWalker::HolidayYears(const json& holiday, const std::string& hp) {
  std::vector<int> years;
  const json* ys = Field(holiday, "years", hp, false);
  if (ys == nullptr) return years;
  if (!ys->is_array()) Fail(At(hp, "years"), "must be an array of calendar years");
  for (size_t i = 0; ys->is_array() && i < ys->size(); ++i) {
    const json& y = (*ys)[i];
    if (!y.is_number_integer() || y.get<long long>() < first_year_ ||
        y.get<long long>() >= first_year_ + years_) {
      Fail(At(At(hp, "years"), i), "must be a project year (" + std::to_string(first_year_) + "-" +
                                       std::to_string(first_year_ + years_ - 1) + "), got " +
                                       Describe(y));
    } else {
      years.push_back(y.get<int>());
    }
  }
  return years;
}

IndirectTaxHoliday ModelWalker::ReadIndirectHoliday(const json& j, const std::string& path) {
  IndirectTaxHoliday h;
  const json* holiday = Field(j, "holiday", path, false);
  const std::string hp = At(path, "holiday");
  if (holiday == nullptr || !Object(*holiday, hp, {"years", "before_first_production"})) return h;
  h.before_first_production = Bool(*holiday, "before_first_production", hp, false);
  h.years = HolidayYears(*holiday, hp);
  return h;
}

void ModelWalker::ReadVat(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path,
              {"type", "rate", "opex_share", "capex_share", "recoverable", "refund_delay_years",
               "exempt", "holiday"}) ||
      !Once(path, "vat", r.vat.has_value()))
    return;
  ValueAddedTax v;
  v.rate = Number(j, "rate", path, 0.0, 0.0, 1.0, true);
  v.opex_share = Number(j, "opex_share", path, 1.0, 0.0, 1.0);
  v.capex_share = Number(j, "capex_share", path, 1.0, 0.0, 1.0);
  v.recoverable = Bool(j, "recoverable", path, true);
  if (!v.recoverable && j.contains("refund_delay_years")) {
    Fail(At(path, "refund_delay_years"), "applies to recoverable VAT only");
  }
  v.refund_delay_years = Integer(j, "refund_delay_years", path, 0, 0, 50);
  ReadExempt(j, path, {"opex", "exploration", "development", "sustaining"}, v.exempt);
  v.holiday = ReadIndirectHoliday(j, path);
  r.vat = v;
}

void ModelWalker::ReadImportDuty(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "rate", "imported_share", "exempt", "holiday"}) ||
      !Once(path, "import_duty", r.import_duty.has_value()))
    return;
  ImportDuty d;
  d.rate = Number(j, "rate", path, 0.0, 0.0, 1.0, true);
  d.imported_share = Number(j, "imported_share", path, 1.0, 0.0, 1.0);
  ReadExempt(j, path, {"exploration", "development", "sustaining"}, d.exempt);
  d.holiday = ReadIndirectHoliday(j, path);
  r.import_duty = d;
}

void ModelWalker::ReadDomesticMarketObligation(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "share", "price_fraction", "holiday_years", "product", "price"}) ||
      !Once(path, "domestic_market_obligation", r.dmo.has_value()))
    return;
  DomesticMarketObligation d;
  d.share = Number(j, "share", path, 0.0, 0.0, 1.0, true);
  d.holiday_years = Integer(j, "holiday_years", path, 0, 0, 200);
  if (j.contains("product"))
    d.product = ProductIndex(Text(j, "product", path, ""), At(path, "product"));
  // Paid a fraction of the market price or, by volume of one product, a price per unit.
  if (const json* price = Field(j, "price", path, false)) {
    const std::string pp = At(path, "price");
    if (d.product < 0) Fail(pp, "needs the product whose units it is paid for");
    if (j.contains("price_fraction")) Fail(pp, "cannot be given with price_fraction: choose one");
    if (Object(*price, pp, {"value", "unit"})) {
      CheckUnit(*price, pp, d.product);
      d.unit_price = Number(*price, "value", pp, 0.0, 0.0, kInf, true);
    }
  } else {
    d.price_fraction = Number(j, "price_fraction", path, 0.0, 0.0, 1.0, true);
  }
  r.dmo = d;
}

void ModelWalker::ReadStateParticipation(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "share", "mode", "carry_interest"}) ||
      !Once(path, "state_participation", r.participation.has_value()))
    return;
  StateParticipation s;
  s.share = Number(j, "share", path, 0.0, 0.0, 1.0, true);
  s.mode =
      static_cast<ParticipationMode>(Choice(j, "mode", path, {"paid", "carried", "free"}, 0, true));
  if (j.contains("carry_interest") && s.mode != ParticipationMode::kCarried) {
    Fail(At(path, "carry_interest"), "applies to carried participation only");
  }
  s.carry_interest = Number(j, "carry_interest", path, 0.0, 0.0, 1.0);
  r.participation = s;
}

void ModelWalker::ReadIncomeTax(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path,
              {"type", "base", "rate", "depreciation", "depreciation_start", "deduct_closure",
               "losses", "holiday", "minimum_tax_on_turnover", "consolidated", "standard_rate"}) ||
      !Once(path, "income_tax", r.income_tax.has_value())) {
    return;
  }
  IncomeTax t;
  t.base = static_cast<IncomeTaxBase>(
      Choice(j, "base", path, {"costs_as_incurred", "costs_as_recovered"}, 0));
  if (t.base == IncomeTaxBase::kCostsAsRecovered) {
    for (const char* unused : {"depreciation", "depreciation_start", "deduct_closure"}) {
      if (j.contains(unused)) {
        Fail(At(path, unused),
             "is not used when costs are deducted as they are recovered (base "
             "\"costs_as_recovered\")");
      }
    }
  }
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
      t.holiday_years = HolidayYears(*h, hp);
    }
  }
  t.minimum_tax_on_turnover = Number(j, "minimum_tax_on_turnover", path, 0.0, 0.0, 1.0);
  t.standard_rate = Number(j, "standard_rate", path, -1.0, 0.0, 1.0);
  CheckStandardRate(t.rate, t.standard_rate, path);
  t.consolidated = Bool(j, "consolidated", path, false);
  if (t.consolidated && t.rate.kind() == Rate::Kind::kTiered) {
    Fail(At(path, "rate"),
         "must be the same for all projects when the tax is consolidated: a number, or one per "
         "year");
  }
  r.income_tax = t;
}

void ModelWalker::ReadResourceRentTax(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "base", "tiers", "deductible_for_income_tax", "consolidated"}) ||
      !Once(path, "resource_rent_tax", r.rrt.has_value()))
    return;
  ResourceRentTax t;
  t.base =
      static_cast<RentTaxBase>(Choice(j, "base", path, {"pre_income_tax", "post_income_tax"}, 0));
  t.deductible_for_income_tax = Bool(j, "deductible_for_income_tax", path, false);
  t.consolidated = Bool(j, "consolidated", path, false);
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
                                        std::to_string(i) + "'s " + Str(t.tiers.back().threshold));
        }
        t.tiers.push_back(tier);
      }
    }
  }
  r.rrt = t;
}

void ModelWalker::ReadWindfallTax(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "base", "product", "trigger", "rate"}) ||
      !Once(path, "windfall_tax", r.windfall.has_value()))
    return;
  WindfallTax w;
  w.base = static_cast<WindfallBase>(Choice(j, "base", path, {"price", "profit"}, 0));
  if (w.base == WindfallBase::kPrice) {
    w.product = ProductOf(j, path);
  } else if (j.contains("product")) {
    Fail(At(path, "product"), "applies to the price base only");
  }
  w.trigger = Number(j, "trigger", path, 0.0, 0.0, kInf, true);
  w.rate = Number(j, "rate", path, 0.0, 0.0, 1.0, true);
  r.windfall = w;
}

void ModelWalker::ReadDividendWithholding(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path, {"type", "rate"}) ||
      !Once(path, "dividend_withholding", r.withholding.has_value()))
    return;
  r.withholding = DividendWithholding{Number(j, "rate", path, 0.0, 0.0, 1.0, true)};
}

void ModelWalker::ReadDecommissioningFund(const json& j, const std::string& path, Regime& r) {
  if (!Object(j, path,
              {"type", "contribution", "product", "per_unit", "unit", "interest", "deductible",
               "recoverable"}) ||
      !Once(path, "decommissioning_fund", r.decommissioning_fund.has_value()))
    return;
  DecommissioningFund f;
  f.contribution = static_cast<FundContribution>(
      Choice(j, "contribution", path, {"per_unit", "sinking_fund"}, 0, true));
  if (f.contribution == FundContribution::kPerUnit) {
    f.product = ProductOf(j, path);
    if (j.contains("unit")) CheckUnit(j, path, f.product);
    f.per_unit = Number(j, "per_unit", path, 0.0, 0.0, kInf, true);
  } else {
    for (const char* key : {"product", "per_unit", "unit"}) {
      if (j.contains(key)) Fail(At(path, key), "applies to per-unit contributions only");
    }
  }
  f.interest = Number(j, "interest", path, 0.0, 0.0, 1.0);
  f.deductible = Bool(j, "deductible", path, true);
  f.recoverable = Bool(j, "recoverable", path, true);
  r.decommissioning_fund = f;
}

const std::vector<InstrumentReader>& InstrumentReaders() {
  static const std::vector<InstrumentReader> readers = {
      {"bonus", &ModelWalker::ReadBonus},
      {"surface_rent", &ModelWalker::ReadSurfaceRent},
      {"royalty", &ModelWalker::ReadRoyalty},
      {"first_tranche_petroleum", &ModelWalker::ReadFirstTranchePetroleum},
      {"cost_recovery", &ModelWalker::ReadCostRecovery},
      {"profit_split", &ModelWalker::ReadProfitSplit},
      {"gross_split", &ModelWalker::ReadGrossSplit},
      {"domestic_market_obligation", &ModelWalker::ReadDomesticMarketObligation},
      {"vat", &ModelWalker::ReadVat},
      {"import_duty", &ModelWalker::ReadImportDuty},
      {"state_participation", &ModelWalker::ReadStateParticipation},
      {"income_tax", &ModelWalker::ReadIncomeTax},
      {"resource_rent_tax", &ModelWalker::ReadResourceRentTax},
      {"windfall_tax", &ModelWalker::ReadWindfallTax},
      {"dividend_withholding", &ModelWalker::ReadDividendWithholding},
      {"decommissioning_fund", &ModelWalker::ReadDecommissioningFund},
  };
  return readers;
}

}  // namespace connex::fiscal::io
