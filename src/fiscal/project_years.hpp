// One project's years under one sheet of terms, for W scenarios: the
// engine's evaluation of a year (docs/fiscal-methodology.md), split at the
// three points where the projects of one taxpayer meet when an instrument is
// consolidated: cost recovery, resource rent tax and income tax. The
// taxpayer (engine.cpp) runs the stages of every project in order each year
// and settles those three between them, for each project alone when the
// instrument is ring-fenced.
//
// Each year, in order: Costs; SetRecovered; BeforeTaxes; rent tax on the
// pre-income-tax base (SetRentTax); Income; SetIncomeTax; rent tax on the
// post-income-tax base; Finish. After the last year, End.
//
// Thread-safety: one object per project and evaluation; not copied or moved
// once a year has begun (the drivers point into it).
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "fiscal/engine.hpp"
#include "fiscal/tax_pools.hpp"

namespace connex::fiscal::internal {

bool InHoliday(const IncomeTax& tax, const ProjectSeries& s, int t);
// IRR of cash flows to date, mapped to a driver value even when undefined:
// never positive -> -100%; never negative -> +infinity.
double IrrToDate(const double* cf, int n);
// Year index in which what is left in the fund returns to the company.
int FundReleaseIndex(const ProjectSeries& s);
// The sinking-fund contribution of each production year.
double SinkingFundContribution(const ProjectSeries& s, double interest);

template <int W, bool kChanges>
class ProjectYears {
 public:
  using V = Lanes<W>;

  // `in.schedules`, when set, are this project's.
  ProjectYears(const ProjectSeries& s, const Regime& sheet, const ScenarioInputs<W>& in,
               Ledger& out)
      : losses(sheet.income_tax ? *sheet.income_tax : NoTax()),
        s_(s),
        sheet_(sheet),
        in_(in),
        out_(out),
        change_(kChanges ? &*sheet.later : nullptr),
        change_index_(change_ != nullptr ? change_->year - s.first_year : s.years),
        later_(change_ != nullptr ? *change_->terms : sheet) {
    // Every line of every year is written, so the buffer is not zeroed first.
    out.Shape(s.years, W);
    for (V& c : cumulative_) c = zero;
    for (V& b : rrt_balance) b = zero;
    // Depreciation and the capex share of recoverable costs are linear in
    // capex: computed once for the project and scaled by each scenario's
    // capex multiplier.
    if (in.schedules == nullptr) own_ = ScheduleCapex(s, sheet);
    schedules_ = in.schedules != nullptr ? in.schedules : &own_;
    irr_driver_ = sheet.Uses(RateDriver::kInvestorIrr);
    daily_driver_ = sheet.Uses(RateDriver::kDailyProduction);
    profitability_driver_ = sheet.Uses(RateDriver::kProfitability);
    investor_to_date_.resize(irr_driver_ ? static_cast<size_t>(s.years) : 0);
    any_fund_ = sheet.decommissioning_fund || later_.decommissioning_fund;
    release_index_ = any_fund_ ? FundReleaseIndex(s) : -1;
    sinking_early_ = SinkingOf(sheet);
    sinking_late_ = SinkingOf(later_);
  }

  const ProjectSeries& series() const { return s_; }
  Ledger& ledger() { return out_; }

  // The terms in force in year t: the sheet's until its later terms take over.
  const Regime& TermsOf(int t) const { return !kChanges || t < change_index_ ? sheet_ : later_; }
  bool ChangesAt(int t) const { return kChanges && t == change_index_; }

  // At the change of terms: the earlier terms' unrecovered cost stays
  // recoverable, becomes a loss in `pool` (this project's or its
  // taxpayer's), or is lost. The caller has adopted the later loss rule.
  void ChangeCosts(int t, LossPool<W>& pool) {
    const V unrecovered = cost_balance + schedules_->deferred * in_.capex;
    if (change_->unrecovered == UnrecoveredCost::kDeductible) pool.Add(unrecovered, t);
    if (change_->unrecovered != UnrecoveredCost::kRecoverable) cost_balance = zero;
  }

  // The project's cash flow, the fund, drivers, bonuses, rents, royalties and
  // FTP; then what cost recovery may take this year: `recoverable`
  // (brought forward and new) and `ceiling`, out of `after_levies`.
  void Costs(int t, const Regime& regime) {
    const int n = s_.years;
    const int np = s_.products();
    const DecommissioningFund* fund =
        regime.decommissioning_fund ? &*regime.decommissioning_fund : nullptr;
    const DecommissioningFund* treatment = fund;  // of the fund's flows for tax and cost recovery
    const double sinking = !kChanges || t < change_index_ ? sinking_early_ : sinking_late_;

    // --- Project cash flow ---
    V variable = zero, charges = zero;
    revenue = zero;
    for (int p = 0; p < np; ++p) {
      const V q = s_.production[p][t] * in_.production;
      V price_p = s_.price[p][t] * in_.price;
      if (in_.price_path != nullptr) price_p *= in_.price_path[p * n + t];
      price_[p] = price_p;
      quantity_[p] = q;
      if (daily_driver_) daily_[p] = q / s_.days_per_year;
      revenue += price_p * q;
      variable += s_.variable_opex[p][t] * in_.opex * q;
      charges += s_.charges[p][t] * in_.opex * q;
    }
    const V fixed = s_.fixed_opex[t] * in_.opex;
    opex = fixed + variable + charges;
    const V capex_e = s_.capex[0][t] * in_.capex, capex_d = s_.capex[1][t] * in_.capex,
            capex_s = s_.capex[2][t] * in_.capex;
    capex = capex_e + capex_d + capex_s;
    const V closure = V::Fill(s_.closure[t]);

    // --- Decommissioning fund: what the company pays for closure this year ---
    V contribution = zero, interest = zero, draw = zero, shortfall = closure, release = zero;
    if (fund != nullptr) {
      interest = fund->interest * fund_balance_;
      if (fund->contribution == FundContribution::kPerUnit) {
        contribution = fund->per_unit * quantity_[fund->product];
      } else if (t >= s_.first_production_index && t <= s_.last_production_index) {
        contribution = V::Fill(sinking);
      }
      fund_balance_ += interest + contribution;
      draw = Min(fund_balance_, closure);
      shortfall = closure - draw;
      fund_balance_ -= draw;
      if (t == release_index_) {
        release = fund_balance_;
        fund_balance_ = zero;
      }
    } else if (t == change_index_) {
      // Later terms without a fund: what it holds returns to the company,
      // taxed and recovered as the earlier fund's contributions were.
      release = fund_balance_;
      fund_balance_ = zero;
      treatment = sheet_.decommissioning_fund ? &*sheet_.decommissioning_fund : nullptr;
    }
    // Without a fund this is the closure itself.
    closure_paid_ = contribution + shortfall - release;
    pretax_ = revenue - opex - capex - closure_paid_;
    // Closure is recovered and deducted when spent, or through the fund
    // when paid in (a release then counts against it).
    const V closure_recoverable =
        treatment != nullptr && treatment->recoverable ? closure_paid_ : closure;
    const bool deduct_closure = regime.income_tax && regime.income_tax->deduct_closure;
    closure_deduction_ = treatment != nullptr && treatment->deductible
                             ? contribution - release + (deduct_closure ? shortfall : zero)
                             : (deduct_closure ? closure : zero);

    Put(kGrossRevenue, t, revenue);
    Put(kFixedOpex, t, fixed);
    Put(kVariableOpex, t, variable);
    Put(kCharges, t, charges);
    Put(kOpex, t, opex);
    Put(kCapexExploration, t, capex_e);
    Put(kCapexDevelopment, t, capex_d);
    Put(kCapexSustaining, t, capex_s);
    Put(kCapex, t, capex);
    Put(kClosure, t, closure);
    if (any_fund_) {
      Put(kFundContribution, t, contribution);
      Put(kFundInterest, t, interest);
      Put(kFundDraw, t, draw);
      Put(kClosureShortfall, t, shortfall);
      Put(kFundRelease, t, release);
      Put(kFundBalance, t, fund_balance_);
    }
    Put(kPretaxCashFlow, t, pretax_);

    // --- Drivers (cumulative ones stop at the end of the previous year) ---
    d = Drivers<W>{};
    d.year_index = t;
    d.price = price_;
    d.daily_production = daily_;
    d.cumulative_production = cumulative_;
    d.r_factor = Select(cum_costs_ > 0.0, cum_entitlement_ / cum_costs_, zero);
    if (irr_driver_) {
      for (int lane = 0; lane < W; ++lane) {
        for (int u = 0; u < t; ++u) investor_to_date_[u] = out_.Lane(kInvestorCashFlow, u, lane);
        d.investor_irr.Set(lane, IrrToDate(investor_to_date_.data(), t));
      }
    }
    all_costs_ = opex + capex + closure_paid_;
    if (profitability_driver_) {
      constexpr double kInf = std::numeric_limits<double>::infinity();
      d.profitability = Select(all_costs_ > 0.0, revenue / all_costs_,
                               Select(revenue > 0.0, V::Fill(kInf), zero));
    }
    Put(kRFactor, t, d.r_factor);

    // --- Bonuses and rents ---
    bonus_ = zero;
    if (regime.bonuses) {
      double signature = 0;
      for (const SignatureBonus& b : regime.bonuses->signature) {
        if (b.year == s_.first_year + t) signature += b.amount;
      }
      bonus_ = V::Fill(signature);
      for (const ProductionBonus& b : regime.bonuses->production) {
        const V before = cumulative_[b.product];
        const V after = before + quantity_[b.product];
        bonus_ = Select(before < b.cumulative && after >= b.cumulative, bonus_ + b.amount, bonus_);
      }
    }
    rent_ =
        regime.surface_rent ? regime.surface_rent->area * regime.surface_rent->rate.At(d) : zero;

    // --- Royalties ---
    royalty_ = zero;
    royalty_deductible_ = zero;
    for (const Royalty& r : regime.royalties) {
      const int lo = r.product < 0 ? 0 : r.product;
      const int hi = r.product < 0 ? np : r.product + 1;
      V base = zero;
      for (int p = lo; p < hi; ++p) {
        const V& q = quantity_[p];
        switch (r.base) {
          case RoyaltyBase::kGrossValue:
            base += price_[p] * q;
            break;
          case RoyaltyBase::kNetSmelterReturn:
            base += Max(0.0, (price_[p] - s_.charges[p][t] * in_.opex) * q);
            break;
          case RoyaltyBase::kVolume:
            base += q;
            break;
        }
      }
      const V amount = Select(base > 0.0, r.rate.At(d) * base, zero);
      royalty_ += amount;
      if (r.deductible) royalty_deductible_ += amount;
    }

    // --- Production sharing: what cost recovery may take ---
    state_share_ = regime.profit_split ? regime.profit_split->state_share.At(d) : zero;
    ftp_ = ftp_state_ = zero;
    if (regime.ftp) {
      ftp_ = Max(0.0, regime.ftp->rate.At(d) * revenue);
      ftp_state_ = regime.ftp->shared && regime.profit_split ? state_share_ * ftp_ : ftp_;
    }
    after_levies = Max(0.0, revenue - royalty_ - ftp_);
    recoverable = ceiling = zero;
    if (regime.cost_recovery) {
      const CostRecovery& cr = *regime.cost_recovery;
      recoverable =
          cost_balance + schedules_->recoverable[t] * in_.capex + opex + closure_recoverable;
      const V& ceiling_base = cr.ceiling_base == CeilingBase::kGrossValue ? revenue : after_levies;
      ceiling = Max(0.0, cr.ceiling.At(d) * ceiling_base);
    }
  }

  // What this project's own costs recover from its own revenue: the most
  // its ceiling and revenue allow.
  V OwnRecovery() const { return Min(Min(recoverable, ceiling), after_levies); }

  // Cost recovery settled: `recovered` is taken from this project's revenue,
  // of which `in` is other projects' cost; `out` is this project's cost
  // recovered from other projects' revenue.
  void SetRecovered(int t, const V& recovered, const V& in, const V& out) {
    recovered_ = recovered;
    cost_balance = recoverable - (recovered - in) - out;
    Put(kCostRecoverable, t, recoverable);
    Put(kCostCeiling, t, ceiling);
    Put(kCostRecovered, t, recovered);
    Put(kCostTransferredIn, t, in);
    Put(kCostTransferredOut, t, out);
    Put(kCostCarriedForward, t, cost_balance);
  }

  // Profit split, DMO and the cash flow to the company before income tax,
  // rent tax and windfall tax (`before_taxes`).
  void BeforeTaxes(int t, const Regime& regime) {
    profit_ = profit_state_ = zero;
    if (regime.profit_split) {
      profit_ = after_levies - recovered_;
      profit_state_ = state_share_ * profit_;
    }
    Put(kProfitPetroleum, t, profit_);
    Put(kStateShareRate, t, state_share_);
    Put(kProfitState, t, profit_state_);
    Put(kProfitContractor, t, profit_ - profit_state_);
    entitlement_ = revenue - royalty_ - ftp_state_ - profit_state_;

    dmo_ = zero;
    if (regime.dmo && s_.first_production_index >= 0 &&
        t >= s_.first_production_index + regime.dmo->holiday_years) {
      dmo_ = Select(entitlement_ > 0.0,
                    regime.dmo->share * entitlement_ * (1.0 - regime.dmo->price_fraction), zero);
      entitlement_ -= dmo_;
    }
    before_taxes = entitlement_ - opex - capex - closure_paid_ - bonus_ - rent_;
    rrt = zero;
  }

  // The income-tax base of the year before losses (`income`), once a rent
  // tax on the pre-income-tax base is set.
  void Income(int t, const Regime& regime) {
    dep_ = income = zero;
    if (regime.income_tax) {
      dep_ = schedules_->depreciation[t] * in_.capex;
      income = revenue - royalty_deductible_ - ftp_state_ - profit_state_ - dmo_ - opex - dep_ -
               closure_deduction_;
      if (regime.bonuses && regime.bonuses->deductible) income -= bonus_;
      if (regime.surface_rent && regime.surface_rent->deductible) income -= rent_;
      if (regime.rrt && regime.rrt->deductible_for_income_tax) income -= rrt;
    }
  }

  // Income tax of this project alone, with its own losses.
  void IncomeTaxAlone(int t, const Regime& regime) {
    V tax = zero, used = zero, balance = zero, taxable = zero, rate = zero;
    if (regime.income_tax) {
      const IncomeTax& it = *regime.income_tax;
      losses.Apply(income, t, used, balance);
      taxable = Max(0.0, income - used);
      const bool holiday = InHoliday(it, s_, t);
      rate = holiday ? zero : it.rate.At(d);
      tax = rate * taxable;
      if (!holiday && it.minimum_tax_on_turnover > 0) {
        tax = Max(tax, it.minimum_tax_on_turnover * revenue);
      }
    }
    SetIncomeTax(t, tax, used, balance, taxable, rate);
  }

  void SetIncomeTax(int t, const V& tax, const V& used, const V& balance, const V& taxable,
                    const V& rate) {
    income_tax = tax;
    Put(kDepreciation, t, dep_);
    Put(kTaxableBeforeLosses, t, income);
    Put(kLossUsed, t, used);
    Put(kLossCarriedForward, t, balance);
    Put(kTaxableIncome, t, taxable);
    Put(kIncomeTaxRate, t, rate);
    Put(kIncomeTax, t, tax);
  }

  // Windfall tax, state participation, withholding and the year's totals;
  // then the year's results carried forward.
  void Finish(int t, const Regime& regime) {
    V windfall = zero;
    if (regime.windfall) {
      const WindfallTax& w = *regime.windfall;
      if (w.base == WindfallBase::kPrice) {
        windfall = w.rate * Max(0.0, price_[w.product] - w.trigger) * quantity_[w.product];
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
          carry_balance_ *= 1.0 + sp.carry_interest;
          const Mask<W> funding = company < 0.0;
          const V entitled = sp.share * company;
          const V repay = Min(entitled, carry_balance_);
          carry_balance_ =
              Select(funding, carry_balance_ + sp.share * -company, carry_balance_ - repay);
          equity = Select(funding, zero, entitled - repay);
          break;
        }
      }
    }
    Put(kCarryBalance, t, carry_balance_);
    const V withholding =
        regime.withholding ? regime.withholding->rate * Max(0.0, company - equity) : zero;

    const V government = bonus_ + rent_ + royalty_ + ftp_state_ + profit_state_ + dmo_ +
                         income_tax + rrt + windfall + equity + withholding;
    Put(kBonus, t, bonus_);
    Put(kSurfaceRent, t, rent_);
    Put(kRoyalty, t, royalty_);
    Put(kOperatingCashFlow, t, revenue - opex - royalty_);
    Put(kFtp, t, ftp_);
    Put(kFtpState, t, ftp_state_);
    Put(kFtpContractor, t, ftp_ - ftp_state_);
    Put(kDmo, t, dmo_);
    Put(kRentTax, t, rrt);
    Put(kWindfallTax, t, windfall);
    Put(kCompanyCashFlow, t, company);
    Put(kStateEquity, t, equity);
    Put(kWithholdingTax, t, withholding);
    Put(kGovernmentReceipts, t, government);
    Put(kInvestorCashFlow, t, pretax_ - government);

    for (int p = 0; p < s_.products(); ++p) cumulative_[p] += quantity_[p];
    cum_entitlement_ += entitlement_;
    cum_costs_ += all_costs_;
  }

  void End() {
    if (any_fund_) return;
    // Nothing moves through a fund, and all of the closure is unfunded.
    const size_t cells = static_cast<size_t>(s_.years) * W;
    for (Line l : {kFundContribution, kFundInterest, kFundDraw, kFundRelease, kFundBalance}) {
      std::fill_n(out_.row(l, 0), cells, 0.0);
    }
    std::copy_n(out_.row(kClosure, 0), cells, out_.row(kClosureShortfall, 0));
  }

  // Values of the year that the taxpayer reads or sets between stages.
  V revenue, opex, capex;
  V after_levies, recoverable, ceiling;  // cost recovery: room, what waits, the limit
  V before_taxes, rrt, income, income_tax;
  Drivers<W> d;
  // Carried from year to year.
  V cost_balance = V::Fill(0);      // unrecovered costs brought forward
  V rrt_balance[kMaxRentTaxTiers];  // the rent tax's accounts when ring-fenced
  LossPool<W> losses;               // when income tax is ring-fenced

 private:
  static const IncomeTax& NoTax() {
    static const IncomeTax none;
    return none;
  }
  double SinkingOf(const Regime& r) const {
    const auto& f = r.decommissioning_fund;
    return f && f->contribution == FundContribution::kSinkingFund
               ? SinkingFundContribution(s_, f->interest)
               : 0.0;
  }
  void Put(Line l, int t, const V& v) { v.Store(out_.row(l, t)); }

  const V zero = V::Fill(0);
  const ProjectSeries& s_;
  const Regime& sheet_;
  const ScenarioInputs<W>& in_;
  Ledger& out_;
  const LaterTerms* change_;
  int change_index_;
  const Regime& later_;
  CapexSchedules own_;
  const CapexSchedules* schedules_ = nullptr;
  bool irr_driver_ = false, daily_driver_ = false, profitability_driver_ = false;
  std::vector<double> investor_to_date_;
  bool any_fund_ = false;
  int release_index_ = -1;
  double sinking_early_ = 0, sinking_late_ = 0;

  V price_[kMaxProducts];
  V quantity_[kMaxProducts];
  V daily_[kMaxProducts];
  V cumulative_[kMaxProducts];
  V carry_balance_ = V::Fill(0);    // state carry owed to the investor
  V fund_balance_ = V::Fill(0);     // decommissioning fund
  V cum_entitlement_ = V::Fill(0);  // R-factor numerator to date
  V cum_costs_ = V::Fill(0);        // R-factor denominator to date

  // The year's values between stages.
  V closure_paid_, pretax_, closure_deduction_, all_costs_;
  V bonus_, rent_, royalty_, royalty_deductible_, state_share_, ftp_, ftp_state_;
  V recovered_, profit_, profit_state_, entitlement_, dmo_, dep_;
};

}  // namespace connex::fiscal::internal
