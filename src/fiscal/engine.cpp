#include "fiscal/engine.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "fiscal/cash_flow.hpp"
#include "fiscal/depreciation.hpp"

namespace connex::fiscal {

bool Regime::UsesInvestorIrr() const {
  auto uses = [](const Rate& r) { return r.Uses(RateDriver::kInvestorIrr); };
  if (surface_rent && uses(surface_rent->rate)) return true;
  for (const Royalty& r : royalties) {
    if (uses(r.rate)) return true;
  }
  if (ftp && uses(ftp->rate)) return true;
  if (cost_recovery && uses(cost_recovery->ceiling)) return true;
  if (profit_split && uses(profit_split->state_share)) return true;
  if (income_tax && uses(income_tax->rate)) return true;
  return false;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Losses of one year, usable until (and including) year index `expires`.
struct LossVintage {
  double amount;
  int expires;
};

// Carries losses forward under the regime's rule; returns the loss used.
class LossPool {
 public:
  // Copies the rule: the pool may outlive a temporary IncomeTax.
  explicit LossPool(const IncomeTax& tax)
      : rule_(tax.losses), years_(tax.loss_years), cap_(tax.loss_cap) {}

  // income: taxable income before losses in year t (may be negative).
  double Apply(double income, int t) {
    switch (rule_) {
      case LossCarryForward::kNone:
        return 0;
      case LossCarryForward::kUnlimited:
      case LossCarryForward::kCappedShare: {
        if (income <= 0) {
          balance_ -= income;
          return 0;
        }
        const double room = rule_ == LossCarryForward::kCappedShare ? cap_ * income : income;
        const double used = std::min(balance_, room);
        balance_ -= used;
        return used;
      }
      case LossCarryForward::kLimitedYears: {
        // Expired vintages drop out first; the oldest losses are used first.
        while (!vintages_.empty() && vintages_.front().expires < t) {
          vintages_.erase(vintages_.begin());
        }
        if (income <= 0) {
          if (income < 0) vintages_.push_back({-income, t + years_});
          return 0;
        }
        double used = 0;
        while (!vintages_.empty() && used < income) {
          LossVintage& v = vintages_.front();
          const double take = std::min(v.amount, income - used);
          used += take;
          v.amount -= take;
          if (v.amount <= 0) vintages_.erase(vintages_.begin());
        }
        return used;
      }
    }
    return 0;
  }

  double Balance() const {
    if (rule_ != LossCarryForward::kLimitedYears) return balance_;
    double sum = 0;
    for (const LossVintage& v : vintages_) sum += v.amount;
    return sum;
  }

 private:
  LossCarryForward rule_;
  int years_;
  double cap_;
  double balance_ = 0;
  std::vector<LossVintage> vintages_;
};

bool InHoliday(const IncomeTax& tax, const ProjectSeries& s, int t) {
  if (tax.holiday_first_production_years > 0 && s.first_production_index >= 0 &&
      t >= s.first_production_index &&
      t < s.first_production_index + tax.holiday_first_production_years) {
    return true;
  }
  const int year = s.first_year + t;
  return std::find(tax.holiday_years.begin(), tax.holiday_years.end(), year) !=
         tax.holiday_years.end();
}

// IRR of cash flows to date, mapped to a driver value even when undefined:
// never positive -> -100%; never negative -> +infinity.
double IrrToDate(const double* cf, int n) {
  if (n == 0) return -1.0;
  const Irr irr = InternalRateOfReturn(cf, n);
  if (irr.defined) return irr.value;
  double sum = 0;
  for (int t = 0; t < n; ++t) sum += cf[t];
  return sum > 0 ? kInf : -1.0;
}

// Cash-flow account balances of a multi-tier rent tax; returns the tax of year t.
double RentTaxYear(const ResourceRentTax& rrt, double base, double* balances) {
  double paid = 0;
  for (size_t i = 0; i < rrt.tiers.size(); ++i) {
    const RentTaxTier& tier = rrt.tiers[i];
    // Each tier sees the cash flow net of the lower tiers' tax.
    balances[i] = balances[i] * (1.0 + tier.threshold) + (base - paid);
    if (balances[i] > 0) {
      paid += tier.rate * balances[i];
      balances[i] = 0;
    }
  }
  return paid;
}

}  // namespace

void Evaluate(const ProjectSeries& s, const Regime& regime, Ledger& out, double price_factor) {
  const int n = s.years;
  const int np = s.products();
  out.Reset(n);

  double price[kMaxProducts];
  double daily[kMaxProducts];
  double cumulative[kMaxProducts] = {};
  double rrt_balance[kMaxRentTaxTiers] = {};

  if (regime.income_tax) TaxDepreciation(s, *regime.income_tax, out.line(kDepreciation));
  // The capex share of recoverable costs is known up front; the loop adds the rest.
  if (regime.cost_recovery) RecoverableCapex(s, *regime.cost_recovery, out.line(kCostRecoverable));

  LossPool losses(regime.income_tax ? *regime.income_tax : IncomeTax{});
  const bool irr_driver = regime.UsesInvestorIrr();
  double cost_balance = 0;     // unrecovered costs brought forward
  double carry_balance = 0;    // state carry owed to the investor
  double cum_entitlement = 0;  // R-factor numerator to date
  double cum_costs = 0;        // R-factor denominator to date

  for (int t = 0; t < n; ++t) {
    // --- Project cash flow ---
    double revenue = 0, variable = 0, charges = 0;
    for (int p = 0; p < np; ++p) {
      const double q = s.production[p][t];
      price[p] = s.price[p][t] * price_factor;
      daily[p] = q / s.days_per_year;
      revenue += price[p] * q;
      variable += s.variable_opex[p][t] * q;
      charges += s.charges[p][t] * q;
    }
    const double fixed = s.fixed_opex[t];
    const double opex = fixed + variable + charges;
    const double capex_e = s.capex[0][t], capex_d = s.capex[1][t], capex_s = s.capex[2][t];
    const double capex = capex_e + capex_d + capex_s;
    const double closure = s.closure[t];
    const double pretax = revenue - opex - capex - closure;

    out.at(kGrossRevenue, t) = revenue;
    out.at(kFixedOpex, t) = fixed;
    out.at(kVariableOpex, t) = variable;
    out.at(kCharges, t) = charges;
    out.at(kOpex, t) = opex;
    out.at(kCapexExploration, t) = capex_e;
    out.at(kCapexDevelopment, t) = capex_d;
    out.at(kCapexSustaining, t) = capex_s;
    out.at(kCapex, t) = capex;
    out.at(kClosure, t) = closure;
    out.at(kPretaxCashFlow, t) = pretax;

    // --- Drivers (cumulative ones stop at the end of the previous year) ---
    DriverValues d;
    d.year_index = t;
    d.price = price;
    d.daily_production = daily;
    d.cumulative_production = cumulative;
    d.r_factor = cum_costs > 0 ? cum_entitlement / cum_costs : 0.0;
    d.investor_irr = irr_driver ? IrrToDate(out.line(kInvestorCashFlow), t) : 0.0;
    const double all_costs = opex + capex + closure;
    d.profitability = all_costs > 0 ? revenue / all_costs : (revenue > 0 ? kInf : 0.0);
    out.at(kRFactor, t) = d.r_factor;

    // --- Bonuses and rents ---
    double bonus = 0;
    if (regime.bonuses) {
      for (const SignatureBonus& b : regime.bonuses->signature) {
        if (b.year == s.first_year + t) bonus += b.amount;
      }
      for (const ProductionBonus& b : regime.bonuses->production) {
        const double before = cumulative[b.product];
        const double after = before + s.production[b.product][t];
        if (before < b.cumulative && after >= b.cumulative) bonus += b.amount;
      }
    }
    const double rent =
        regime.surface_rent ? regime.surface_rent->area * regime.surface_rent->rate.At(d) : 0.0;

    // --- Royalties ---
    double royalty = 0, royalty_deductible = 0;
    for (const Royalty& r : regime.royalties) {
      const int lo = r.product < 0 ? 0 : r.product;
      const int hi = r.product < 0 ? np : r.product + 1;
      double base = 0;
      for (int p = lo; p < hi; ++p) {
        const double q = s.production[p][t];
        switch (r.base) {
          case RoyaltyBase::kGrossValue:
            base += price[p] * q;
            break;
          case RoyaltyBase::kNetSmelterReturn:
            base += std::max(0.0, (price[p] - s.charges[p][t]) * q);
            break;
          case RoyaltyBase::kVolume:
            base += q;
            break;
        }
      }
      const double amount = base > 0 ? r.rate.At(d) * base : 0.0;
      royalty += amount;
      if (r.deductible) royalty_deductible += amount;
    }

    // --- Production sharing ---
    const double state_share = regime.profit_split ? regime.profit_split->state_share.At(d) : 0.0;
    double ftp = 0, ftp_state = 0;
    if (regime.ftp) {
      ftp = std::max(0.0, regime.ftp->rate.At(d) * revenue);
      ftp_state = regime.ftp->shared && regime.profit_split ? state_share * ftp : ftp;
    }
    const double after_levies = std::max(0.0, revenue - royalty - ftp);
    double recovered = 0;
    if (regime.cost_recovery) {
      const CostRecovery& cr = *regime.cost_recovery;
      const double recoverable = cost_balance + out.at(kCostRecoverable, t) + opex + closure;
      const double ceiling_base =
          cr.ceiling_base == CeilingBase::kGrossValue ? revenue : after_levies;
      const double ceiling = std::max(0.0, cr.ceiling.At(d) * ceiling_base);
      recovered = std::min({recoverable, ceiling, after_levies});
      cost_balance = recoverable - recovered;
      out.at(kCostRecoverable, t) = recoverable;
      out.at(kCostCeiling, t) = ceiling;
      out.at(kCostRecovered, t) = recovered;
      out.at(kCostCarriedForward, t) = cost_balance;
    }
    double profit_state = 0;
    if (regime.profit_split) {
      const double profit = after_levies - recovered;
      profit_state = state_share * profit;
      out.at(kProfitPetroleum, t) = profit;
      out.at(kStateShareRate, t) = state_share;
      out.at(kProfitState, t) = profit_state;
      out.at(kProfitContractor, t) = profit - profit_state;
    }
    double entitlement = revenue - royalty - ftp_state - profit_state;

    double dmo = 0;
    if (regime.dmo && s.first_production_index >= 0 &&
        t >= s.first_production_index + regime.dmo->holiday_years && entitlement > 0) {
      dmo = regime.dmo->share * entitlement * (1.0 - regime.dmo->price_fraction);
      entitlement -= dmo;
    }

    // Cash flow to the company before income tax, RRT and windfall.
    const double before_taxes = entitlement - opex - capex - closure - bonus - rent;

    // --- Resource rent tax on the pre-income-tax base comes first: income tax may deduct it ---
    double rrt = 0;
    if (regime.rrt && regime.rrt->base == RentTaxBase::kPreIncomeTax) {
      rrt = RentTaxYear(*regime.rrt, before_taxes, rrt_balance);
    }

    // --- Income tax ---
    double income_tax = 0;
    if (regime.income_tax) {
      const IncomeTax& it = *regime.income_tax;
      const double depreciation = out.at(kDepreciation, t);
      double income = revenue - royalty_deductible - ftp_state - profit_state - dmo - opex -
                      depreciation - (it.deduct_closure ? closure : 0.0);
      if (regime.bonuses && regime.bonuses->deductible) income -= bonus;
      if (regime.surface_rent && regime.surface_rent->deductible) income -= rent;
      if (regime.rrt && regime.rrt->deductible_for_income_tax) income -= rrt;
      const double used = losses.Apply(income, t);
      const double taxable = std::max(0.0, income - used);
      const bool holiday = InHoliday(it, s, t);
      const double rate = holiday ? 0.0 : it.rate.At(d);
      income_tax = rate * taxable;
      if (!holiday && it.minimum_tax_on_turnover > 0) {
        income_tax = std::max(income_tax, it.minimum_tax_on_turnover * revenue);
      }
      out.at(kTaxableBeforeLosses, t) = income;
      out.at(kLossUsed, t) = used;
      out.at(kLossCarriedForward, t) = losses.Balance();
      out.at(kTaxableIncome, t) = taxable;
      out.at(kIncomeTaxRate, t) = rate;
      out.at(kIncomeTax, t) = income_tax;
    }

    if (regime.rrt && regime.rrt->base == RentTaxBase::kPostIncomeTax) {
      rrt = RentTaxYear(*regime.rrt, before_taxes - income_tax, rrt_balance);
    }

    // --- Windfall tax ---
    double windfall = 0;
    if (regime.windfall) {
      const WindfallTax& w = *regime.windfall;
      if (w.base == WindfallBase::kPrice) {
        windfall =
            w.rate * std::max(0.0, price[w.product] - w.trigger) * s.production[w.product][t];
      } else {
        windfall = w.rate * std::max(0.0, before_taxes - income_tax - rrt - w.trigger);
      }
    }

    // --- State participation and dividends ---
    const double company = before_taxes - income_tax - rrt - windfall;
    double equity = 0;
    if (regime.participation) {
      const StateParticipation& sp = *regime.participation;
      switch (sp.mode) {
        case ParticipationMode::kPaid:
          equity = sp.share * company;
          break;
        case ParticipationMode::kFree:
          equity = sp.share * std::max(0.0, company);
          break;
        case ParticipationMode::kCarried: {
          carry_balance *= 1.0 + sp.carry_interest;
          if (company < 0) {
            carry_balance += sp.share * -company;
          } else {
            const double entitled = sp.share * company;
            const double repay = std::min(entitled, carry_balance);
            carry_balance -= repay;
            equity = entitled - repay;
          }
          break;
        }
      }
      out.at(kCarryBalance, t) = carry_balance;
    }
    const double withholding =
        regime.withholding ? regime.withholding->rate * std::max(0.0, company - equity) : 0.0;

    const double government = bonus + rent + royalty + ftp_state + profit_state + dmo + income_tax +
                              rrt + windfall + equity + withholding;
    out.at(kBonus, t) = bonus;
    out.at(kSurfaceRent, t) = rent;
    out.at(kRoyalty, t) = royalty;
    out.at(kFtp, t) = ftp;
    out.at(kFtpState, t) = ftp_state;
    out.at(kFtpContractor, t) = ftp - ftp_state;
    out.at(kDmo, t) = dmo;
    out.at(kRentTax, t) = rrt;
    out.at(kWindfallTax, t) = windfall;
    out.at(kCompanyCashFlow, t) = company;
    out.at(kStateEquity, t) = equity;
    out.at(kWithholdingTax, t) = withholding;
    out.at(kGovernmentReceipts, t) = government;
    out.at(kInvestorCashFlow, t) = pretax - government;

    // --- Carry the year's results forward ---
    for (int p = 0; p < np; ++p) cumulative[p] += s.production[p][t];
    cum_entitlement += entitlement;
    cum_costs += all_costs;
  }
}

}  // namespace connex::fiscal
