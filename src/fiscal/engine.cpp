#include "fiscal/engine.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "fiscal/cash_flow.hpp"
#include "fiscal/depreciation.hpp"

namespace connex::fiscal {

bool Regime::Uses(RateDriver driver) const {
  auto uses = [driver](const Rate& r) { return r.Uses(driver); };
  if (surface_rent && uses(surface_rent->rate)) return true;
  for (const Royalty& r : royalties) {
    if (uses(r.rate)) return true;
  }
  if (ftp && uses(ftp->rate)) return true;
  if (cost_recovery && uses(cost_recovery->ceiling)) return true;
  if (profit_split && uses(profit_split->state_share)) return true;
  if (income_tax && uses(income_tax->rate)) return true;
  return later && later->terms && later->terms->Uses(driver);
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Losses of one year, usable until (and including) year index `expires`.
struct LossVintage {
  double amount;
  int expires;
};

// Carries losses forward under the regime's rule, for W scenarios.
template <int W>
class LossPool {
 public:
  using V = Lanes<W>;

  // Copies the rule: the pool may outlive a temporary IncomeTax.
  explicit LossPool(const IncomeTax& tax)
      : rule_(tax.losses), years_(tax.loss_years), cap_(tax.loss_cap) {}

  // The later terms' rule from year t on, for the losses carried: a balance
  // becomes one loss of the year before, vintages one balance.
  void Adopt(const IncomeTax& tax, int t) {
    const bool was_limited = rule_ == LossCarryForward::kLimitedYears;
    const bool limited = tax.losses == LossCarryForward::kLimitedYears;
    const V carried = Balance();  // under the rule they were kept by
    rule_ = tax.losses;
    years_ = tax.loss_years;
    cap_ = tax.loss_cap;
    if (was_limited == limited) return;
    Clear();
    Add(carried, t);
  }

  void Clear() {
    balance_ = V::Fill(0);
    for (auto& v : vintages_) v.clear();
  }

  // A loss that arose before year t (costs carried across from earlier terms).
  void Add(const V& amount, int t) {
    if (rule_ != LossCarryForward::kLimitedYears) {
      balance_ += amount;
      return;
    }
    for (int lane = 0; lane < W; ++lane) {
      if (amount[lane] > 0) vintages_[lane].push_back({amount[lane], t - 1 + years_});
    }
  }

  // income: taxable income before losses in year t (may be negative).
  // Sets the loss used this year and the balance carried to the next.
  void Apply(const V& income, int t, V& used, V& balance) {
    switch (rule_) {
      case LossCarryForward::kNone:
        used = balance = V::Fill(0);
        return;
      case LossCarryForward::kUnlimited:
      case LossCarryForward::kCappedShare: {
        const Mask<W> loss = income <= 0.0;
        const V room = rule_ == LossCarryForward::kCappedShare ? cap_ * income : income;
        used = Select(loss, V::Fill(0), Min(balance_, room));
        balance_ = Select(loss, balance_ - income, balance_ - used);
        balance = balance_;
        return;
      }
      case LossCarryForward::kLimitedYears:
        for (int lane = 0; lane < W; ++lane) {
          used.Set(lane, ApplyLimited(vintages_[lane], income[lane], t));
          double sum = 0;
          for (const LossVintage& v : vintages_[lane]) sum += v.amount;
          balance.Set(lane, sum);
        }
        return;
    }
  }

 private:
  // Expired vintages drop out first; the oldest losses are used first.
  double ApplyLimited(std::vector<LossVintage>& vintages, double income, int t) const {
    // After a change of terms vintages are not in order of expiry.
    std::erase_if(vintages, [t](const LossVintage& v) { return v.expires < t; });
    if (income <= 0) {
      if (income < 0) vintages.push_back({-income, t + years_});
      return 0;
    }
    double used = 0;
    while (!vintages.empty() && used < income) {
      LossVintage& v = vintages.front();
      const double take = std::min(v.amount, income - used);
      used += take;
      v.amount -= take;
      if (v.amount <= 0) vintages.erase(vintages.begin());
    }
    return used;
  }

  V Balance() const {
    if (rule_ != LossCarryForward::kLimitedYears) return balance_;
    V sum = V::Fill(0);
    for (int lane = 0; lane < W; ++lane) {
      double s = 0;
      for (const LossVintage& v : vintages_[lane]) s += v.amount;
      sum.Set(lane, s);
    }
    return sum;
  }

  LossCarryForward rule_;
  int years_;
  double cap_;
  V balance_ = V::Fill(0);
  std::vector<LossVintage> vintages_[W];
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
template <int W>
Lanes<W> RentTaxYear(const ResourceRentTax& rrt, const Lanes<W>& base, Lanes<W>* balances) {
  using V = Lanes<W>;
  V paid = V::Fill(0);
  for (size_t i = 0; i < rrt.tiers.size(); ++i) {
    const RentTaxTier& tier = rrt.tiers[i];
    // Each tier sees the cash flow net of the lower tiers' tax.
    const V balance = balances[i] * (1.0 + tier.threshold) + (base - paid);
    const Mask<W> due = balance > 0.0;
    paid = Select(due, paid + tier.rate * balance, paid);
    balances[i] = Select(due, V::Fill(0), balance);
  }
  return paid;
}

// Year index in which what is left in the fund returns to the company: the
// last year that spends on closure or that was planned to produce (so that
// the economic limit moves no year up to the stop; the last year when
// neither happens).
int FundReleaseIndex(const ProjectSeries& s) {
  for (int t = s.years - 1; t >= 0; --t) {
    if (s.closure[t] != 0 || t == s.planned_last_production_index) return t;
  }
  return s.years - 1;
}

// The sinking-fund contribution of each production year: equal amounts that,
// with the fund's interest, reach the whole closure cost of the project as
// entered at the end of its last production year. A project the economic
// limit stops sooner stops paying in, and its fund falls short.
double SinkingFundContribution(const ProjectSeries& s, double interest) {
  if (s.first_production_index < 0) return 0;
  const double target = s.planned_closure;
  const int n = s.planned_last_production_index - s.first_production_index + 1;
  if (interest == 0) return target / n;
  return target * interest / (std::pow(1 + interest, n) - 1);
}

}  // namespace

namespace {

// The schedules of one set of terms, on every capex of `s`.
CapexSchedules ScheduleTerms(const ProjectSeries& s, const Regime& regime) {
  CapexSchedules out;
  const size_t n = static_cast<size_t>(s.years);
  if (regime.income_tax) {
    out.depreciation.assign(n, 0.0);
    TaxDepreciation(s, *regime.income_tax, out.depreciation.data());
  }
  if (regime.cost_recovery) {
    out.recoverable.assign(n, 0.0);
    RecoverableCapex(s, *regime.cost_recovery, out.recoverable.data());
  }
  return out;
}

// a + b, year by year; empty when both are.
std::vector<double> Sum(const std::vector<double>& a, const std::vector<double>& b, size_t n) {
  if (a.empty() && b.empty()) return {};
  std::vector<double> out(n, 0.0);
  for (size_t t = 0; t < n; ++t) {
    out[t] = (a.empty() ? 0 : a[t]) + (b.empty() ? 0 : b[t]);
  }
  return out;
}

}  // namespace

CapexSchedules ScheduleCapex(const ProjectSeries& s, const Regime& regime) {
  if (!regime.later || !regime.later->terms) return ScheduleTerms(s, regime);
  // Capex spent before the change keeps the earlier terms' schedules; capex
  // from the change on takes the later terms'. Both are linear in capex.
  const LaterTerms& later = *regime.later;
  const int k = later.year - s.first_year;
  ProjectSeries before = s, after = s;
  for (int c = 0; c < kCapexClasses; ++c) {
    for (int t = 0; t < s.years; ++t) (t < k ? after : before).capex[c][t] = 0;
  }
  CapexSchedules early = ScheduleTerms(before, regime);
  const CapexSchedules late = ScheduleTerms(after, *later.terms);
  const size_t n = static_cast<size_t>(s.years);
  CapexSchedules out;
  if (later.unrecovered != UnrecoveredCost::kRecoverable && !early.recoverable.empty()) {
    for (size_t t = static_cast<size_t>(k); t < n; ++t) {
      out.deferred += early.recoverable[t];
      early.recoverable[t] = 0;
    }
  }
  out.depreciation = Sum(early.depreciation, late.depreciation, n);
  out.recoverable = Sum(early.recoverable, late.recoverable, n);
  return out;
}

namespace {

// Every year of the project as given, whatever its economic limit; with
// kChanges, under the sheet's terms and then its later terms.
template <int W, bool kChanges>
void EvaluateTerms(const ProjectSeries& s, const Regime& sheet, const ScenarioInputs<W>& in,
                   Ledger& out) {
  using V = Lanes<W>;
  const int n = s.years;
  const int np = s.products();
  // Every line of every year is written below, so the buffer is not zeroed first.
  out.Shape(n, W);
  const V zero = V::Fill(0);
  auto put = [&out](Line l, int t, const V& v) { v.Store(out.row(l, t)); };

  V price[kMaxProducts];
  V quantity[kMaxProducts];
  V daily[kMaxProducts];
  V cumulative[kMaxProducts];
  V rrt_balance[kMaxRentTaxTiers];
  for (V& c : cumulative) c = zero;
  for (V& b : rrt_balance) b = zero;

  // Depreciation and the capex share of recoverable costs are linear in capex:
  // computed once for the project and scaled by each scenario's capex multiplier.
  CapexSchedules own;
  if (in.schedules == nullptr) own = ScheduleCapex(s, sheet);
  const CapexSchedules& schedules = in.schedules != nullptr ? *in.schedules : own;
  const std::vector<double>& depreciation = schedules.depreciation;
  const std::vector<double>& recoverable_capex = schedules.recoverable;

  // The terms in force: the sheet's until the year its later terms take over.
  const LaterTerms* change = kChanges ? &*sheet.later : nullptr;
  const int change_index = change != nullptr ? change->year - s.first_year : n;
  const Regime& later = change != nullptr ? *change->terms : sheet;

  const IncomeTax no_tax;
  LossPool<W> losses(sheet.income_tax ? *sheet.income_tax : no_tax);
  const bool irr_driver = sheet.Uses(RateDriver::kInvestorIrr);
  const bool daily_driver = sheet.Uses(RateDriver::kDailyProduction);
  const bool profitability_driver = sheet.Uses(RateDriver::kProfitability);
  std::vector<double> investor_to_date(irr_driver ? static_cast<size_t>(n) : 0);
  // Without a fund its lines are written once, after the years.
  const bool any_fund = sheet.decommissioning_fund || later.decommissioning_fund;
  const int release_index = any_fund ? FundReleaseIndex(s) : -1;
  auto sinking_of = [&s](const Regime& r) {
    const auto& f = r.decommissioning_fund;
    return f && f->contribution == FundContribution::kSinkingFund
               ? SinkingFundContribution(s, f->interest)
               : 0.0;
  };
  V cost_balance = zero;     // unrecovered costs brought forward
  V carry_balance = zero;    // state carry owed to the investor
  V fund_balance = zero;     // decommissioning fund
  V cum_entitlement = zero;  // R-factor numerator to date
  V cum_costs = zero;        // R-factor denominator to date

  const double sinking_early = sinking_of(sheet), sinking_late = sinking_of(later);
  for (int t = 0; t < n; ++t) {
    // Without a change the terms are the sheet's every year, which the
    // compiler then knows.
    const Regime& regime = !kChanges || t < change_index ? sheet : later;
    if (kChanges && t == change_index) {
      // Earlier terms' pools as the change says: unrecovered cost stays
      // recoverable, becomes a tax loss, or is lost; tax losses go on under
      // the later rule or are lost. Rent-tax accounts, the carry and the
      // fund go on.
      const V unrecovered = cost_balance + schedules.deferred * in.capex;
      losses.Adopt(later.income_tax ? *later.income_tax : no_tax, t);
      if (!change->losses_kept) losses.Clear();
      if (change->unrecovered == UnrecoveredCost::kDeductible) losses.Add(unrecovered, t);
      if (change->unrecovered != UnrecoveredCost::kRecoverable) cost_balance = zero;
    }
    const DecommissioningFund* fund =
        regime.decommissioning_fund ? &*regime.decommissioning_fund : nullptr;
    const DecommissioningFund* treatment = fund;  // of the fund's flows for tax and cost recovery
    const double sinking = !kChanges || t < change_index ? sinking_early : sinking_late;

    // --- Project cash flow ---
    V revenue = zero, variable = zero, charges = zero;
    for (int p = 0; p < np; ++p) {
      const V q = s.production[p][t] * in.production;
      V price_p = s.price[p][t] * in.price;
      if (in.price_path != nullptr) price_p *= in.price_path[p * n + t];
      price[p] = price_p;
      quantity[p] = q;
      if (daily_driver) daily[p] = q / s.days_per_year;
      revenue += price_p * q;
      variable += s.variable_opex[p][t] * in.opex * q;
      charges += s.charges[p][t] * in.opex * q;
    }
    const V fixed = s.fixed_opex[t] * in.opex;
    const V opex = fixed + variable + charges;
    const V capex_e = s.capex[0][t] * in.capex, capex_d = s.capex[1][t] * in.capex,
            capex_s = s.capex[2][t] * in.capex;
    const V capex = capex_e + capex_d + capex_s;
    const V closure = V::Fill(s.closure[t]);

    // --- Decommissioning fund: what the company pays for closure this year ---
    V contribution = zero, interest = zero, draw = zero, shortfall = closure, release = zero;
    if (fund != nullptr) {
      interest = fund->interest * fund_balance;
      if (fund->contribution == FundContribution::kPerUnit) {
        contribution = fund->per_unit * quantity[fund->product];
      } else if (t >= s.first_production_index && t <= s.last_production_index) {
        contribution = V::Fill(sinking);
      }
      fund_balance += interest + contribution;
      draw = Min(fund_balance, closure);
      shortfall = closure - draw;
      fund_balance -= draw;
      if (t == release_index) {
        release = fund_balance;
        fund_balance = zero;
      }
    } else if (t == change_index) {
      // Later terms without a fund: what it holds returns to the company,
      // taxed and recovered as the earlier fund's contributions were.
      release = fund_balance;
      fund_balance = zero;
      treatment = sheet.decommissioning_fund ? &*sheet.decommissioning_fund : nullptr;
    }
    // Without a fund this is the closure itself.
    const V closure_paid = contribution + shortfall - release;
    const V pretax = revenue - opex - capex - closure_paid;
    // Closure is recovered and deducted when spent, or through the fund
    // when paid in (a release then counts against it).
    const V closure_recoverable =
        treatment != nullptr && treatment->recoverable ? closure_paid : closure;
    const bool deduct_closure = regime.income_tax && regime.income_tax->deduct_closure;
    const V closure_deduction = treatment != nullptr && treatment->deductible
                                    ? contribution - release + (deduct_closure ? shortfall : zero)
                                    : (deduct_closure ? closure : zero);

    put(kGrossRevenue, t, revenue);
    put(kFixedOpex, t, fixed);
    put(kVariableOpex, t, variable);
    put(kCharges, t, charges);
    put(kOpex, t, opex);
    put(kCapexExploration, t, capex_e);
    put(kCapexDevelopment, t, capex_d);
    put(kCapexSustaining, t, capex_s);
    put(kCapex, t, capex);
    put(kClosure, t, closure);
    if (any_fund) {
      put(kFundContribution, t, contribution);
      put(kFundInterest, t, interest);
      put(kFundDraw, t, draw);
      put(kClosureShortfall, t, shortfall);
      put(kFundRelease, t, release);
      put(kFundBalance, t, fund_balance);
    }
    put(kPretaxCashFlow, t, pretax);

    // --- Drivers (cumulative ones stop at the end of the previous year) ---
    Drivers<W> d;
    d.year_index = t;
    d.price = price;
    d.daily_production = daily;
    d.cumulative_production = cumulative;
    d.r_factor = Select(cum_costs > 0.0, cum_entitlement / cum_costs, zero);
    if (irr_driver) {
      for (int lane = 0; lane < W; ++lane) {
        for (int u = 0; u < t; ++u) investor_to_date[u] = out.Lane(kInvestorCashFlow, u, lane);
        d.investor_irr.Set(lane, IrrToDate(investor_to_date.data(), t));
      }
    }
    const V all_costs = opex + capex + closure_paid;
    if (profitability_driver) {
      d.profitability =
          Select(all_costs > 0.0, revenue / all_costs, Select(revenue > 0.0, V::Fill(kInf), zero));
    }
    put(kRFactor, t, d.r_factor);

    // --- Bonuses and rents ---
    V bonus = zero;
    if (regime.bonuses) {
      double signature = 0;
      for (const SignatureBonus& b : regime.bonuses->signature) {
        if (b.year == s.first_year + t) signature += b.amount;
      }
      bonus = V::Fill(signature);
      for (const ProductionBonus& b : regime.bonuses->production) {
        const V before = cumulative[b.product];
        const V after = before + quantity[b.product];
        bonus = Select(before < b.cumulative && after >= b.cumulative, bonus + b.amount, bonus);
      }
    }
    const V rent =
        regime.surface_rent ? regime.surface_rent->area * regime.surface_rent->rate.At(d) : zero;

    // --- Royalties ---
    V royalty = zero, royalty_deductible = zero;
    for (const Royalty& r : regime.royalties) {
      const int lo = r.product < 0 ? 0 : r.product;
      const int hi = r.product < 0 ? np : r.product + 1;
      V base = zero;
      for (int p = lo; p < hi; ++p) {
        const V& q = quantity[p];
        switch (r.base) {
          case RoyaltyBase::kGrossValue:
            base += price[p] * q;
            break;
          case RoyaltyBase::kNetSmelterReturn:
            base += Max(0.0, (price[p] - s.charges[p][t] * in.opex) * q);
            break;
          case RoyaltyBase::kVolume:
            base += q;
            break;
        }
      }
      const V amount = Select(base > 0.0, r.rate.At(d) * base, zero);
      royalty += amount;
      if (r.deductible) royalty_deductible += amount;
    }

    // --- Production sharing ---
    const V state_share = regime.profit_split ? regime.profit_split->state_share.At(d) : zero;
    V ftp = zero, ftp_state = zero;
    if (regime.ftp) {
      ftp = Max(0.0, regime.ftp->rate.At(d) * revenue);
      ftp_state = regime.ftp->shared && regime.profit_split ? state_share * ftp : ftp;
    }
    const V after_levies = Max(0.0, revenue - royalty - ftp);
    V recoverable = zero, ceiling = zero, recovered = zero;
    if (regime.cost_recovery) {
      const CostRecovery& cr = *regime.cost_recovery;
      recoverable = cost_balance + recoverable_capex[t] * in.capex + opex + closure_recoverable;
      const V& ceiling_base = cr.ceiling_base == CeilingBase::kGrossValue ? revenue : after_levies;
      ceiling = Max(0.0, cr.ceiling.At(d) * ceiling_base);
      recovered = Min(Min(recoverable, ceiling), after_levies);
      cost_balance = recoverable - recovered;
    }
    put(kCostRecoverable, t, recoverable);
    put(kCostCeiling, t, ceiling);
    put(kCostRecovered, t, recovered);
    put(kCostCarriedForward, t, cost_balance);
    V profit = zero, profit_state = zero;
    if (regime.profit_split) {
      profit = after_levies - recovered;
      profit_state = state_share * profit;
    }
    put(kProfitPetroleum, t, profit);
    put(kStateShareRate, t, state_share);
    put(kProfitState, t, profit_state);
    put(kProfitContractor, t, profit - profit_state);
    V entitlement = revenue - royalty - ftp_state - profit_state;

    V dmo = zero;
    if (regime.dmo && s.first_production_index >= 0 &&
        t >= s.first_production_index + regime.dmo->holiday_years) {
      dmo = Select(entitlement > 0.0,
                   regime.dmo->share * entitlement * (1.0 - regime.dmo->price_fraction), zero);
      entitlement -= dmo;
    }

    // Cash flow to the company before income tax, RRT and windfall.
    const V before_taxes = entitlement - opex - capex - closure_paid - bonus - rent;

    // --- Resource rent tax on the pre-income-tax base comes first: income tax may deduct it ---
    V rrt = zero;
    if (regime.rrt && regime.rrt->base == RentTaxBase::kPreIncomeTax) {
      rrt = RentTaxYear(*regime.rrt, before_taxes, rrt_balance);
    }

    // --- Income tax ---
    V income_tax = zero, dep = zero, income = zero, used = zero, balance = zero, taxable = zero,
      tax_rate = zero;
    if (regime.income_tax) {
      const IncomeTax& it = *regime.income_tax;
      dep = depreciation[t] * in.capex;
      income = revenue - royalty_deductible - ftp_state - profit_state - dmo - opex - dep -
               closure_deduction;
      if (regime.bonuses && regime.bonuses->deductible) income -= bonus;
      if (regime.surface_rent && regime.surface_rent->deductible) income -= rent;
      if (regime.rrt && regime.rrt->deductible_for_income_tax) income -= rrt;
      losses.Apply(income, t, used, balance);
      taxable = Max(0.0, income - used);
      const bool holiday = InHoliday(it, s, t);
      tax_rate = holiday ? zero : it.rate.At(d);
      income_tax = tax_rate * taxable;
      if (!holiday && it.minimum_tax_on_turnover > 0) {
        income_tax = Max(income_tax, it.minimum_tax_on_turnover * revenue);
      }
    }
    put(kDepreciation, t, dep);
    put(kTaxableBeforeLosses, t, income);
    put(kLossUsed, t, used);
    put(kLossCarriedForward, t, balance);
    put(kTaxableIncome, t, taxable);
    put(kIncomeTaxRate, t, tax_rate);
    put(kIncomeTax, t, income_tax);

    if (regime.rrt && regime.rrt->base == RentTaxBase::kPostIncomeTax) {
      rrt = RentTaxYear(*regime.rrt, before_taxes - income_tax, rrt_balance);
    }

    // --- Windfall tax ---
    V windfall = zero;
    if (regime.windfall) {
      const WindfallTax& w = *regime.windfall;
      if (w.base == WindfallBase::kPrice) {
        windfall = w.rate * Max(0.0, price[w.product] - w.trigger) * quantity[w.product];
      } else {
        windfall = w.rate * Max(0.0, before_taxes - income_tax - rrt - w.trigger);
      }
    }

    // --- State participation and dividends ---
    const V company = before_taxes - income_tax - rrt - windfall;
    V equity = zero;
    if (regime.participation) {
      const StateParticipation& sp = *regime.participation;
      switch (sp.mode) {
        case ParticipationMode::kPaid:
          equity = sp.share * company;
          break;
        case ParticipationMode::kFree:
          equity = sp.share * Max(0.0, company);
          break;
        case ParticipationMode::kCarried: {
          carry_balance *= 1.0 + sp.carry_interest;
          const Mask<W> funding = company < 0.0;
          const V entitled = sp.share * company;
          const V repay = Min(entitled, carry_balance);
          carry_balance =
              Select(funding, carry_balance + sp.share * -company, carry_balance - repay);
          equity = Select(funding, zero, entitled - repay);
          break;
        }
      }
    }
    put(kCarryBalance, t, carry_balance);
    const V withholding =
        regime.withholding ? regime.withholding->rate * Max(0.0, company - equity) : zero;

    const V government = bonus + rent + royalty + ftp_state + profit_state + dmo + income_tax +
                         rrt + windfall + equity + withholding;
    put(kBonus, t, bonus);
    put(kSurfaceRent, t, rent);
    put(kRoyalty, t, royalty);
    put(kOperatingCashFlow, t, revenue - opex - royalty);
    put(kFtp, t, ftp);
    put(kFtpState, t, ftp_state);
    put(kFtpContractor, t, ftp - ftp_state);
    put(kDmo, t, dmo);
    put(kRentTax, t, rrt);
    put(kWindfallTax, t, windfall);
    put(kCompanyCashFlow, t, company);
    put(kStateEquity, t, equity);
    put(kWithholdingTax, t, withholding);
    put(kGovernmentReceipts, t, government);
    put(kInvestorCashFlow, t, pretax - government);

    // --- Carry the year's results forward ---
    for (int p = 0; p < np; ++p) cumulative[p] += quantity[p];
    cum_entitlement += entitlement;
    cum_costs += all_costs;
  }
  if (!any_fund) {
    // Nothing moves through a fund, and all of the closure is unfunded.
    const size_t cells = static_cast<size_t>(n) * W;
    for (Line l : {kFundContribution, kFundInterest, kFundDraw, kFundRelease, kFundBalance}) {
      std::fill_n(out.row(l, 0), cells, 0.0);
    }
    std::copy_n(out.row(kClosure, 0), cells, out.row(kClosureShortfall, 0));
  }
}

template <int W>
void EvaluateYears(const ProjectSeries& s, const Regime& sheet, const ScenarioInputs<W>& in,
                   Ledger& out) {
  if (sheet.later && sheet.later->terms) {
    EvaluateTerms<W, true>(s, sheet, in, out);
  } else {
    EvaluateTerms<W, false>(s, sheet, in, out);
  }
}

// The last year of `lane` whose operating cash flow is positive; when none
// is, the year before the first production, so that nothing is produced.
int LastOperatingYear(const ProjectSeries& s, const Ledger& l, int lane) {
  for (int t = s.last_production_index; t >= 0; --t) {
    if (l.Lane(kOperatingCashFlow, t, lane) > 0) return t;
  }
  return std::max(-1, s.first_production_index - 1);
}

}  // namespace

// The limit moves no year before the stop, so the project evaluated in full
// tells each scenario where it stops; scenarios stopping earlier are
// evaluated again on the project cut there (several scenarios stopping in
// the same year share one evaluation).
template <int W>
void EvaluateBatch(const ProjectSeries& s, const Regime& regime, const ScenarioInputs<W>& in,
                   Ledger& out) {
  EvaluateYears(s, regime, in, out);
  if (!s.economic_limit || s.last_production_index < 0) return;  // nothing produced, nothing to cut
  int stop[W];
  for (int lane = 0; lane < W; ++lane) stop[lane] = LastOperatingYear(s, out, lane);
  thread_local Ledger cut;
  thread_local ProjectSeries shorter;
  ScenarioInputs<W> cut_in = in;
  cut_in.schedules = nullptr;  // sustaining capex, and so depreciation, change with the cut
  for (int lane = 0; lane < W; ++lane) {
    if (stop[lane] >= s.last_production_index) continue;
    if (std::find(stop, stop + lane, stop[lane]) != stop + lane) continue;  // already cut there
    StopAfter(s, stop[lane], shorter);
    EvaluateYears(shorter, regime, cut_in, cut);
    for (int k = lane; k < W; ++k) {
      if (stop[k] != stop[lane]) continue;
      for (int l = 0; l < kLineCount; ++l) {
        for (int t = 0; t < s.years; ++t) {
          out.row(static_cast<Line>(l), t)[k] = cut.row(static_cast<Line>(l), t)[k];
        }
      }
    }
  }
}

template void EvaluateBatch<1>(const ProjectSeries&, const Regime&, const ScenarioInputs<1>&,
                               Ledger&);
template void EvaluateBatch<kLanes>(const ProjectSeries&, const Regime&,
                                    const ScenarioInputs<kLanes>&, Ledger&);

void Evaluate(const ProjectSeries& s, const Regime& regime, Ledger& out, double price_factor) {
  ScenarioInputs<1> in;
  in.price = Lanes<1>::Fill(price_factor);
  EvaluateBatch(s, regime, in, out);
}

}  // namespace connex::fiscal
