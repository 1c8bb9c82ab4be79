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
// Thread-safety: one object per project and evaluation; never copied or
// moved (its schedules and drivers point into it).
#pragma once

#include <cmath>
#include <initializer_list>
#include <limits>
#include <vector>

#include "fiscal/engine.hpp"
#include "fiscal/tax_pools.hpp"

namespace connex::fiscal::internal {

bool InHoliday(const IncomeTax& tax, const ProjectSeries& s, int t);
// Indirect taxes (regime.hpp): whether a holiday covers year t; the rate
// of VAT or duty on one kind of cost in year t (0 when exempt or on
// holiday); and the share of capex of a class that the taxes added to its
// cost make (non-recoverable VAT and duty), which the capex schedules carry.
bool OnHoliday(const IndirectTaxHoliday& h, const ProjectSeries& s, int t);
double VatRate(const ValueAddedTax& v, const ProjectSeries& s, TaxedCost cost, int t);
double DutyRate(const ImportDuty& d, const ProjectSeries& s, TaxedCost cost, int t);
double CapitalisedTaxRate(const Regime& r, const ProjectSeries& s, int capex_class, int t);
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

  // `in.schedules`, when set, are this project's. Of a taxpayer's projects,
  // the first (`pays_contract`) pays the contract's signature bonuses and
  // surface rent.
  ProjectYears(const ProjectSeries& s, const Regime& sheet, const ScenarioInputs<W>& in,
               Ledger& out, bool pays_contract = true)
      : losses(sheet.income_tax ? *sheet.income_tax : NoIncomeTax()),
        pays_contract_(pays_contract),
        s_(s),
        sheet_(sheet),
        in_(in),
        out_(out),
        change_(kChanges ? &*sheet.later : nullptr),
        change_index_(change_ != nullptr ? change_->year - s.first_year : s.years),
        later_(change_ != nullptr ? *change_->terms : sheet) {
    // Every line of every year is written, so the buffer is not zeroed first.
    out.Shape(s.years, W, s.products());
    for (V& c : cumulative_) c = V::Fill(0);
    for (V& b : rrt_balance) b = V::Fill(0);
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
    auto refunds = [](const Regime& r) { return r.vat && r.vat->recoverable; };
    if (refunds(sheet) || refunds(later_))
      vat_due_.assign(static_cast<size_t>(s.years), V::Fill(0));
    any_credit_ = !schedules_->credit.empty();
    auto indirect = [](const Regime& r) { return r.vat || r.import_duty; };
    any_indirect_ = indirect(sheet) || indirect(later_);
    any_split_ = sheet.gross_split || later_.gross_split;
    // Values of instruments no terms hold stay zero for every year.
    for (V* v : {&year.vat, &year.vat_cost, &year.duty, &year.split_state, &year.kept}) {
      *v = V::Fill(0);
    }
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
    const V zero = V::Fill(0);
    // An investment credit is no cost: it never becomes a loss.
    const V unrecovered = cost_balance - credit_pending_ + schedules_->deferred * in_.capex;
    if (change_->unrecovered == UnrecoveredCost::kDeductible) pool.Add(unrecovered, t);
    if (change_->unrecovered != UnrecoveredCost::kRecoverable) {
      cost_balance = zero;
      credit_pending_ = zero;
    }
  }

  // The project's cash flow, the fund, drivers, bonuses, rents, royalties and
  // FTP; then what cost recovery may take this year: `recoverable`
  // (brought forward and new) and `ceiling`, out of `after_levies`.
  // Each stage computes in locals and keeps what later stages need at its
  // end: a store to the ledger may alias any double, so members read
  // between stores would be read again from memory.
  void Costs(int t, const Regime& regime) {
    const V zero = V::Fill(0);
    const int n = s_.years;
    const int np = s_.products();
    const DecommissioningFund* fund =
        regime.decommissioning_fund ? &*regime.decommissioning_fund : nullptr;
    const DecommissioningFund* treatment = fund;  // of the fund's flows for tax and cost recovery
    const double sinking = !kChanges || t < change_index_ ? sinking_early_ : sinking_late_;
    V fund_balance = fund_balance_;

    // --- Project cash flow ---
    V revenue = zero, variable = zero, charges = zero;
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
    const V opex = fixed + variable + charges;
    const V capex_e = s_.capex[0][t] * in_.capex, capex_d = s_.capex[1][t] * in_.capex,
            capex_s = s_.capex[2][t] * in_.capex;
    const V capex = capex_e + capex_d + capex_s;
    const V closure = V::Fill(s_.closure[t]);

    // --- Decommissioning fund: what the company pays for closure this year ---
    V contribution = zero, interest = zero, draw = zero, shortfall = closure, release = zero;
    if (fund != nullptr) {
      interest = fund->interest * fund_balance;
      if (fund->contribution == FundContribution::kPerUnit) {
        contribution = fund->per_unit * quantity_[fund->product];
      } else if (t >= s_.first_production_index && t <= s_.last_production_index) {
        contribution = V::Fill(sinking);
      }
      fund_balance += interest + contribution;
      draw = Min(fund_balance, closure);
      shortfall = closure - draw;
      fund_balance -= draw;
      if (t == release_index_) {
        release = fund_balance;
        fund_balance = zero;
      }
    } else if (t == change_index_) {
      // Later terms without a fund: what it holds returns to the company,
      // taxed and recovered as the earlier fund's contributions were.
      release = fund_balance;
      fund_balance = zero;
      treatment = sheet_.decommissioning_fund ? &*sheet_.decommissioning_fund : nullptr;
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

    // --- Indirect taxes on the year's purchases (year.vat, vat_cost, duty) ---
    if (any_indirect_) IndirectTaxes(t, regime, opex, capex_e, capex_d, capex_s);

    // --- Drivers (cumulative ones stop at the end of the previous year) ---
    Drivers<W> drivers;
    drivers.year_index = t;
    drivers.price = price_;
    drivers.daily_production = daily_;
    drivers.cumulative_production = cumulative_;
    drivers.r_factor = Select(cum_costs_ > 0.0, cum_entitlement_ / cum_costs_, zero);
    if (irr_driver_) {
      for (int lane = 0; lane < W; ++lane) {
        for (int u = 0; u < t; ++u) investor_to_date_[u] = out_.Lane(kInvestorCashFlow, u, lane);
        drivers.investor_irr.Set(lane, IrrToDate(investor_to_date_.data(), t));
      }
    }
    const V all_costs = opex + capex + closure_paid;
    if (profitability_driver_) {
      constexpr double kInf = std::numeric_limits<double>::infinity();
      drivers.profitability =
          Select(all_costs > 0.0, revenue / all_costs, Select(revenue > 0.0, V::Fill(kInf), zero));
    }

    // --- Bonuses and rents ---
    V bonus = zero;
    if (regime.bonuses) {
      double signature = 0;
      for (const SignatureBonus& b : regime.bonuses->signature) {
        if (pays_contract_ && b.year == s_.first_year + t) signature += b.amount;
      }
      bonus = V::Fill(signature);
      for (const ProductionBonus& b : regime.bonuses->production) {
        const V before = cumulative_[b.product];
        const V after = before + quantity_[b.product];
        bonus = Select(before < b.cumulative && after >= b.cumulative, bonus + b.amount, bonus);
      }
    }
    const V rent = regime.surface_rent && pays_contract_
                       ? regime.surface_rent->area * regime.surface_rent->rate.At(drivers)
                       : zero;

    // --- Royalties ---
    V royalty = zero, royalty_deductible = zero;
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
      const V amount = Select(base > 0.0, r.rate.At(drivers) * base, zero);
      royalty += amount;
      if (r.deductible) royalty_deductible += amount;
    }

    // --- Production sharing: what cost recovery may take ---
    const V state_share = regime.profit_split ? regime.profit_split->state_share.At(drivers) : zero;
    V ftp = zero, ftp_state = zero;
    if (regime.ftp) {
      ftp = Max(0.0, regime.ftp->rate.At(drivers) * revenue);
      ftp_state = regime.ftp->shared && regime.profit_split ? state_share * ftp : ftp;
    }
    // --- Gross split (year.split_state, year.kept) ---
    if (any_split_) SplitRevenue(regime, drivers);
    const V after_levies = Max(0.0, revenue - royalty - ftp);
    V recoverable = zero, ceiling = zero;
    if (regime.cost_recovery) {
      const CostRecovery& cr = *regime.cost_recovery;
      V credit = zero;
      if (any_credit_) {
        credit = schedules_->credit[t] * in_.capex;
        credit_pending_ += credit;
      }
      recoverable = cost_balance + schedules_->recoverable[t] * in_.capex + credit + opex +
                    closure_recoverable;
      if (any_indirect_) recoverable += year.vat_cost;
      const V& ceiling_base = cr.ceiling_base == CeilingBase::kGrossValue ? revenue : after_levies;
      ceiling = Max(0.0, cr.ceiling.At(drivers) * ceiling_base);
    }

    Put(kGrossRevenue, t, revenue);
    for (int p = 0; p < np; ++p) Put(Ledger::ProductRevenue(p), t, price_[p] * quantity_[p]);
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
      Put(kFundBalance, t, fund_balance);
    }
    Put(kPretaxCashFlow, t, pretax);
    Put(kRFactor, t, drivers.r_factor);

    fund_balance_ = fund_balance;
    d = drivers;
    Year& y = year;
    y.revenue = revenue;
    y.opex = opex;
    y.capex = capex;
    y.closure_paid = closure_paid;
    y.pretax = pretax;
    y.closure_deduction = closure_deduction;
    y.all_costs = all_costs;
    y.bonus = bonus;
    y.rent = rent;
    y.royalty = royalty;
    y.royalty_deductible = royalty_deductible;
    y.state_share = state_share;
    y.ftp = ftp;
    y.ftp_state = ftp_state;
    y.after_levies = after_levies;
    y.recoverable = recoverable;
    y.ceiling = ceiling;
  }

  // What this project's own costs recover from its own revenue: the most
  // its ceiling and revenue allow.
  V OwnRecovery() const { return Min(Min(year.recoverable, year.ceiling), year.after_levies); }

  // Cost recovery settled: `recovered` is taken from this project's revenue,
  // of which `in` is other projects' cost; `out` is this project's cost
  // recovered from other projects' revenue.
  void SetRecovered(int t, const V& recovered, const V& in, const V& out) {
    const V recoverable = year.recoverable, ceiling = year.ceiling;
    const V balance = recoverable - (recovered - in) - out;
    // Costs are recovered first, the investment credit last.
    V credit = V::Fill(0);
    if (any_credit_) {
      const V own = recovered - in + out;
      credit = Min(credit_pending_, Max(0.0, own - (recoverable - credit_pending_)));
      credit_pending_ -= credit;
    }
    if (any_credit_) Put(kInvestmentCredit, t, credit);
    Put(kCostRecoverable, t, recoverable);
    Put(kCostCeiling, t, ceiling);
    Put(kCostRecovered, t, recovered);
    Put(kCostTransferredIn, t, in);
    Put(kCostTransferredOut, t, out);
    Put(kCostCarriedForward, t, balance);
    cost_balance = balance;
    year.recovered = recovered;
    year.credit = credit;
  }

  // Profit split, DMO and the cash flow to the company before income tax,
  // rent tax and windfall tax (`before_taxes`).
  void BeforeTaxes(int t, const Regime& regime) {
    const V zero = V::Fill(0);
    const Year& y = year;
    const V state_share = y.state_share;
    V profit = zero, profit_state = zero;
    if (regime.profit_split) {
      profit = y.after_levies - y.recovered;
      profit_state = state_share * profit;
    }
    V entitlement = y.revenue - y.royalty - y.ftp_state - profit_state - y.split_state;
    V dmo = zero, dmo_volume = zero;
    if (regime.dmo && s_.first_production_index >= 0 &&
        t >= s_.first_production_index + regime.dmo->holiday_years) {
      const DomesticMarketObligation& o = *regime.dmo;
      if (o.product < 0) {
        dmo = Select(entitlement > 0.0, o.share * entitlement * (1.0 - o.price_fraction), zero);
      } else {
        // The product's part of the entitlement, in its units: share x
        // entitlement x (p q / R) / p; under a gross split, the contractor's
        // own value of each product (its split of p q) apportions it.
        const V& price = price_[o.product];
        const V units =
            regime.gross_split ? split_[o.product] * quantity_[o.product] : quantity_[o.product];
        const V& whole = regime.gross_split ? y.kept : y.revenue;
        dmo_volume =
            Select(entitlement > 0.0 && whole > 0.0, o.share * entitlement * units / whole, zero);
        const V paid = o.unit_price >= 0 ? V::Fill(o.unit_price) : o.price_fraction * price;
        dmo = dmo_volume * (price - paid);
      }
      entitlement -= dmo;
    }
    const V before_taxes =
        entitlement - y.opex - y.capex - y.closure_paid - y.bonus - y.rent - y.vat - y.duty;
    Put(kDmoVolume, t, dmo_volume);
    Put(kProfitPetroleum, t, profit);
    Put(kStateShareRate, t, state_share);
    Put(kProfitState, t, profit_state);
    Put(kProfitContractor, t, profit - profit_state);
    year.profit = profit;
    year.profit_state = profit_state;
    year.entitlement = entitlement;
    year.dmo = dmo;
    year.before_taxes = before_taxes;
    year.rrt = zero;
  }

  // The income-tax base of the year before losses (`income`), once a rent
  // tax on the pre-income-tax base is set.
  void Income(int t, const Regime& regime) {
    const V zero = V::Fill(0);
    const Year& y = year;
    V dep = zero, income = zero;
    if (regime.income_tax) {
      income =
          y.revenue - y.royalty_deductible - y.ftp_state - y.profit_state - y.split_state - y.dmo;
      if (regime.income_tax->base == IncomeTaxBase::kCostsAsRecovered) {
        // Costs are deducted as, and when, they are recovered; the
        // investment credit recovered is income.
        income -= y.recovered - y.credit;
      } else {
        dep = schedules_->depreciation[t] * in_.capex;
        income -= y.opex + y.vat_cost + dep + y.closure_deduction;
      }
      if (regime.bonuses && regime.bonuses->deductible) income -= y.bonus;
      if (regime.surface_rent && regime.surface_rent->deductible) income -= y.rent;
      if (regime.rrt && regime.rrt->deductible_for_income_tax) income -= y.rrt;
    }
    year.dep = dep;
    year.income = income;
  }

  // Income tax of this project alone, with its own losses.
  void IncomeTaxAlone(int t, const Regime& regime) {
    const V zero = V::Fill(0);
    V tax = zero, used = zero, balance = zero, taxable = zero, rate = zero;
    if (regime.income_tax) {
      const IncomeTax& it = *regime.income_tax;
      const V income = year.income;
      losses.Apply(income, t, used, balance);
      taxable = Max(0.0, income - used);
      const bool holiday = InHoliday(it, s_, t);
      rate = holiday ? zero : it.rate.At(d);
      tax = rate * taxable;
      if (!holiday && it.minimum_tax_on_turnover > 0) {
        tax = Max(tax, it.minimum_tax_on_turnover * year.revenue);
      }
    }
    SetIncomeTax(t, tax, used, balance, taxable, rate);
  }

  void SetIncomeTax(int t, const V& tax, const V& used, const V& balance, const V& taxable,
                    const V& rate) {
    const V dep = year.dep, income = year.income;
    year.income_tax = tax;
    Put(kDepreciation, t, dep);
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
    const V zero = V::Fill(0);
    const Year& y = year;
    V windfall = zero;
    if (regime.windfall) {
      const WindfallTax& w = *regime.windfall;
      if (w.base == WindfallBase::kPrice) {
        windfall = w.rate * Max(0.0, price_[w.product] - w.trigger) * quantity_[w.product];
      } else {
        windfall = w.rate * Max(0.0, y.before_taxes - y.income_tax - y.rrt - w.trigger);
      }
    }

    // --- State participation and dividends ---
    const V company = y.before_taxes - y.income_tax - y.rrt - windfall;
    V equity = zero, carry = carry_balance_;
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
          carry *= 1.0 + sp.carry_interest;
          const Mask<W> funding = company < 0.0;
          const V entitled = sp.share * company;
          const V repay = Min(entitled, carry);
          carry = Select(funding, carry + sp.share * -company, carry - repay);
          equity = Select(funding, zero, entitled - repay);
          break;
        }
      }
    }
    const V withholding =
        regime.withholding ? regime.withholding->rate * Max(0.0, company - equity) : zero;

    const V government = y.bonus + y.rent + y.vat + y.duty + y.royalty + y.ftp_state +
                         y.profit_state + y.split_state + y.dmo + y.income_tax + y.rrt + windfall +
                         equity + withholding;
    const V bonus = y.bonus, rent = y.rent, royalty = y.royalty, ftp = y.ftp,
            ftp_state = y.ftp_state, dmo = y.dmo, rrt = y.rrt, split_state = y.split_state;
    const V split_contractor = regime.gross_split ? y.revenue - split_state : zero;
    // A gross split is a levy on gross revenue, as a royalty is: it brings the stop forward.
    const V operating = y.revenue - y.opex - royalty - split_state;
    const V investor = y.pretax - government;
    cum_entitlement_ += y.entitlement;
    cum_costs_ += y.all_costs;
    carry_balance_ = carry;
    Put(kCarryBalance, t, carry);
    Put(kBonus, t, bonus);
    Put(kSurfaceRent, t, rent);
    Put(kRoyalty, t, royalty);
    Put(kOperatingCashFlow, t, operating);
    Put(kFtp, t, ftp);
    Put(kFtpState, t, ftp_state);
    Put(kFtpContractor, t, ftp - ftp_state);
    if (any_split_) {
      Put(kSplitContractor, t, split_contractor);
      Put(kSplitState, t, split_state);
    }
    Put(kDmo, t, dmo);
    Put(kRentTax, t, rrt);
    Put(kWindfallTax, t, windfall);
    Put(kCompanyCashFlow, t, company);
    Put(kStateEquity, t, equity);
    Put(kWithholdingTax, t, withholding);
    Put(kGovernmentReceipts, t, government);
    Put(kInvestorCashFlow, t, investor);

    for (int p = 0; p < s_.products(); ++p) cumulative_[p] += quantity_[p];
  }

  // The lines of instruments no terms hold were left unwritten year by
  // year (most models have none of them): they are zero.
  void End() {
    const size_t cells = static_cast<size_t>(s_.years) * W;
    auto zero = [&](std::initializer_list<Line> lines) {
      for (Line l : lines) std::fill_n(out_.row(l, 0), cells, 0.0);
    };
    if (!any_indirect_) zero({kVatPaid, kVatRefunded, kVat, kImportDuty});
    if (!any_credit_) zero({kInvestmentCredit});
    if (!any_split_) zero({kSplitContractor, kSplitState});
    if (any_fund_) return;
    // Nothing moves through a fund, and all of the closure is unfunded.
    zero({kFundContribution, kFundInterest, kFundDraw, kFundRelease, kFundBalance});
    std::copy_n(out_.row(kClosure, 0), cells, out_.row(kClosureShortfall, 0));
  }

  // Values of the current year that later stages and the taxpayer read or
  // set between stages.
  struct Year {
    V revenue, opex, capex, closure_paid, pretax, closure_deduction, all_costs;
    V bonus, rent, royalty, royalty_deductible, state_share, ftp, ftp_state, split_state;
    V kept;                 // gross split: the contractor's split of the year's revenue
    V vat, vat_cost, duty;  // VAT net of refunds; VAT that is a cost (on opex); import duty
    V after_levies, recoverable, ceiling;  // cost recovery: room, what waits, the limit
    V recovered, credit, profit, profit_state, entitlement, dmo, before_taxes, rrt, dep, income,
        income_tax;
  };
  Year year;
  Drivers<W> d;
  // Carried from year to year.
  V cost_balance = V::Fill(0);      // unrecovered costs brought forward
  V rrt_balance[kMaxRentTaxTiers];  // the rent tax's accounts when ring-fenced
  LossPool<W> losses;               // when income tax is ring-fenced

 private:
  // VAT and import duty of year t (docs/fiscal-methodology.md, "Indirect
  // taxes and incentives"), into `year` and the ledger. Apart from the rest
  // of Costs, so that models without them carry none of their values.
  void IndirectTaxes(int t, const Regime& regime, const V& opex, const V& capex_e, const V& capex_d,
                     const V& capex_s) {
    const V zero = V::Fill(0);
    V vat_paid = zero, vat_cost = zero, duty = zero;
    if (regime.vat) {
      const ValueAddedTax& v = *regime.vat;
      const V on_opex = VatRate(v, s_, TaxedCost::kOpex, t) * opex;
      vat_paid = on_opex + VatRate(v, s_, TaxedCost::kExploration, t) * capex_e +
                 VatRate(v, s_, TaxedCost::kDevelopment, t) * capex_d +
                 VatRate(v, s_, TaxedCost::kSustaining, t) * capex_s;
      if (v.recoverable) {
        // Refunded after the delay; a refund due after the last year comes in it.
        const int due = std::min(t + v.refund_delay_years, s_.years - 1);
        vat_due_[static_cast<size_t>(due)] += vat_paid;
      } else {
        vat_cost = on_opex;  // on capex, it is capitalised (ScheduleCapex)
      }
    }
    if (regime.import_duty) {
      const ImportDuty& id = *regime.import_duty;
      duty = DutyRate(id, s_, TaxedCost::kExploration, t) * capex_e +
             DutyRate(id, s_, TaxedCost::kDevelopment, t) * capex_d +
             DutyRate(id, s_, TaxedCost::kSustaining, t) * capex_s;
    }
    const V refunded = vat_due_.empty() ? zero : vat_due_[static_cast<size_t>(t)];
    const V vat = vat_paid - refunded;
    Put(kVatPaid, t, vat_paid);
    Put(kVatRefunded, t, refunded);
    Put(kVat, t, vat);
    Put(kImportDuty, t, duty);
    year.vat = vat;
    year.vat_cost = vat_cost;
    year.duty = duty;
  }

  // The state's share of each product's gross revenue under a gross split,
  // and the contractor's (year.split_state, year.kept, split_).
  void SplitRevenue(const Regime& regime, const Drivers<W>& drivers) {
    const V zero = V::Fill(0);
    V split_state = zero, kept = zero;
    if (regime.gross_split) {
      const GrossSplit& g = *regime.gross_split;
      V added = zero;
      for (const SplitComponent& c : g.variable) added += c.split;
      for (const ProgressiveComponent& c : g.progressive) added += c.split.At(drivers);
      for (int p = 0; p < s_.products(); ++p) {
        const V contractor = Min(V::Fill(1.0), Max(0.0, g.base[p].At(drivers) + added));
        const V value = price_[p] * quantity_[p];
        split_[p] = contractor;
        kept += contractor * value;
        split_state += value - contractor * value;
      }
    }
    year.split_state = split_state;
    year.kept = kept;
  }

  double SinkingOf(const Regime& r) const {
    const auto& f = r.decommissioning_fund;
    return f && f->contribution == FundContribution::kSinkingFund
               ? SinkingFundContribution(s_, f->interest)
               : 0.0;
  }
  void Put(Line l, int t, const V& v) { v.Store(out_.row(l, t)); }

  bool pays_contract_;
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
  V split_[kMaxProducts];          // gross split: the contractor's share of each product
  V carry_balance_ = V::Fill(0);   // state carry owed to the investor
  V credit_pending_ = V::Fill(0);  // investment credit not yet recovered
  bool any_credit_ = false, any_indirect_ = false, any_split_ = false;
  std::vector<V> vat_due_;          // VAT refunds by the year they are paid
  V fund_balance_ = V::Fill(0);     // decommissioning fund
  V cum_entitlement_ = V::Fill(0);  // R-factor numerator to date
  V cum_costs_ = V::Fill(0);        // R-factor denominator to date
};

}  // namespace connex::fiscal::internal
