#include "fiscal/engine.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <span>
#include <vector>

#include "fiscal/depreciation.hpp"
#include "fiscal/project_years.hpp"

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
  if (gross_split) {
    for (const Rate& r : gross_split->base) {
      if (uses(r)) return true;
    }
    for (const ProgressiveComponent& c : gross_split->progressive) {
      if (uses(c.split)) return true;
    }
  }
  if (income_tax && uses(income_tax->rate)) return true;
  return later && later->terms && later->terms->Uses(driver);
}

namespace {

// Depreciation and recoverable capex of `taxed` (the capex with the taxes
// that are part of it); the investment credit on `as_entered`.
CapexSchedules ScheduleCosts(const ProjectSeries& taxed, const ProjectSeries& as_entered,
                             const Regime& regime) {
  CapexSchedules out;
  const size_t n = static_cast<size_t>(taxed.years);
  if (regime.income_tax) {
    out.depreciation.assign(n, 0.0);
    TaxDepreciation(taxed, *regime.income_tax, out.depreciation.data());
  }
  if (regime.cost_recovery) {
    out.recoverable.assign(n, 0.0);
    RecoverableCapex(taxed, *regime.cost_recovery, out.recoverable.data());
    if (regime.cost_recovery->investment_credit > 0) {
      out.credit.assign(n, 0.0);
      InvestmentCredit(as_entered, *regime.cost_recovery, out.credit.data());
    }
  }
  return out;
}

// The schedules of one set of terms, on every capex of `s`. Import duty and
// VAT that is not refunded are part of the capex they fall on: depreciated
// and recovered with it.
CapexSchedules ScheduleTerms(const ProjectSeries& s, const Regime& regime) {
  const bool capitalised = regime.import_duty || (regime.vat && !regime.vat->recoverable);
  if (!capitalised) return ScheduleCosts(s, s, regime);
  ProjectSeries taxed = s;
  for (int c = 0; c < kCapexClasses; ++c) {
    for (int t = 0; t < s.years; ++t) {
      taxed.capex[c][t] *= 1.0 + internal::CapitalisedTaxRate(regime, s, c, t);
    }
  }
  return ScheduleCosts(taxed, s, regime);
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
  // An investment credit the earlier terms had not yet made recoverable
  // goes with them unless the later terms take over their costs.
  if (later.unrecovered != UnrecoveredCost::kRecoverable && !early.credit.empty()) {
    std::fill(early.credit.begin() + k, early.credit.end(), 0.0);
  }
  out.depreciation = Sum(early.depreciation, late.depreciation, n);
  out.recoverable = Sum(early.recoverable, late.recoverable, n);
  out.credit = Sum(early.credit, late.credit, n);
  return out;
}

namespace {

using internal::LossPool;
using internal::NoIncomeTax;
using internal::ProjectYears;

// What a taxpayer holds for the instruments it consolidates: one loss pool
// and one set of rent-tax accounts for all its projects, and the pool's
// use year by year for the whole's ledger.
template <int W>
struct TaxpayerPools {
  explicit TaxpayerPools(const IncomeTax& tax) : losses(tax) {
    for (auto& b : rrt_balance) b = Lanes<W>::Fill(0);
  }
  LossPool<W> losses;
  Lanes<W> rrt_balance[kMaxRentTaxTiers];
  std::vector<Lanes<W>> loss_used, loss_balance;  // per year, when income tax is consolidated
};

// Cost recovery of the year. Ring-fenced, each project recovers its own
// costs from its own revenue. Consolidated, each still recovers its own
// first; what is left unrecovered anywhere is then recovered from the room
// the others leave, in proportion to what is left and to the room, so the
// taxpayer recovers what one account for all would.
template <int W, bool kChanges>
void RecoverCosts(std::span<ProjectYears<W, kChanges>> ps, const Regime& regime, int t) {
  using V = Lanes<W>;
  const V zero = V::Fill(0);
  if (!regime.cost_recovery) {
    for (auto& p : ps) p.SetRecovered(t, zero, zero, zero);
    return;
  }
  if (!regime.cost_recovery->consolidated || ps.size() == 1) {
    for (auto& p : ps) p.SetRecovered(t, p.OwnRecovery(), zero, zero);
    return;
  }
  V own[kMaxProjects], left[kMaxProjects], room[kMaxProjects];
  V all_left = zero, all_room = zero;
  for (size_t i = 0; i < ps.size(); ++i) {
    own[i] = ps[i].OwnRecovery();
    left[i] = ps[i].year.recoverable - own[i];
    room[i] = Min(ps[i].year.ceiling, ps[i].year.after_levies) - own[i];
    all_left += left[i];
    all_room += room[i];
  }
  const V moved = Min(all_left, all_room);
  for (size_t i = 0; i < ps.size(); ++i) {
    const V out = Select(all_left > 0.0, left[i] * (moved / all_left), zero);
    const V in = Select(all_room > 0.0, room[i] * (moved / all_room), zero);
    ps[i].SetRecovered(t, own[i] + in, in, out);
  }
}

// Resource rent tax of the year on `base` of each project. Consolidated,
// one set of accounts takes the sum of the projects' cash flows, and the
// tax is shared among the projects with a positive cash flow in proportion
// to it.
template <int W, bool kChanges, typename Base>
void RentTax(std::span<ProjectYears<W, kChanges>> ps, const ResourceRentTax& rrt,
             TaxpayerPools<W>& pools, Base base) {
  using V = Lanes<W>;
  if (!rrt.consolidated || ps.size() == 1) {
    for (auto& p : ps) p.year.rrt = internal::RentTaxYear(rrt, base(p), p.rrt_balance);
    return;
  }
  V all = V::Fill(0), positive = V::Fill(0);
  for (auto& p : ps) {
    all += base(p);
    positive += Max(0.0, base(p));
  }
  const V tax = internal::RentTaxYear(rrt, all, pools.rrt_balance);
  for (auto& p : ps)
    p.year.rrt = Select(positive > 0.0, tax * (Max(0.0, base(p)) / positive), V::Fill(0));
}

// Income tax of the year. Consolidated, the taxpayer is taxed on the sum of
// its projects' income with one loss pool, and the tax is shared among the
// projects with positive income in proportion to it (a minimum tax on
// turnover, when no project has income, in proportion to revenue).
template <int W, bool kChanges>
void IncomeTaxes(std::span<ProjectYears<W, kChanges>> ps, const ProjectSeries& whole,
                 const Regime& regime, TaxpayerPools<W>& pools, int t) {
  using V = Lanes<W>;
  const V zero = V::Fill(0);
  if (!regime.income_tax || !regime.income_tax->consolidated || ps.size() == 1) {
    for (auto& p : ps) p.IncomeTaxAlone(t, regime);
    return;
  }
  const IncomeTax& it = *regime.income_tax;
  V income = zero, positive = zero, revenue = zero;
  for (auto& p : ps) {
    income += p.year.income;
    positive += Max(0.0, p.year.income);
    revenue += p.year.revenue;
  }
  V used = zero, balance = zero;
  pools.losses.Apply(income, t, used, balance);
  pools.loss_used[static_cast<size_t>(t)] = used;
  pools.loss_balance[static_cast<size_t>(t)] = balance;
  const V taxable = Max(0.0, income - used);
  const bool holiday = internal::InHoliday(it, whole, t);
  // The reader allows a consolidated rate only where no project's drivers
  // matter: a constant or a schedule by year.
  const V rate = holiday ? zero : it.rate.At(ps[0].d);
  V tax = rate * taxable;
  if (!holiday && it.minimum_tax_on_turnover > 0) {
    tax = Max(tax, it.minimum_tax_on_turnover * revenue);
  }
  const V even = V::Fill(1.0 / static_cast<double>(ps.size()));
  for (auto& p : ps) {
    const V share = Select(positive > 0.0, Max(0.0, p.year.income) / positive,
                           Select(revenue > 0.0, p.year.revenue / revenue, even));
    p.SetIncomeTax(t, share * tax, zero, zero, share * taxable, rate);
  }
}

// Every year of the taxpayer's projects as given, whatever their economic
// limit; with kChanges, under the sheet's terms and then its later terms.
template <int W, bool kChanges>
void RunYears(std::span<ProjectYears<W, kChanges>> ps, const ProjectSeries& whole,
              const Regime& sheet, TaxpayerPools<W>& pools) {
  const int n = whole.years;
  for (int t = 0; t < n; ++t) {
    const Regime& regime = ps[0].TermsOf(t);
    if (ps[0].ChangesAt(t)) {
      // Tax losses go on under the later rule or are lost, in the pool that
      // holds them (the later terms consolidate as the earlier did).
      const LaterTerms& change = *sheet.later;
      const IncomeTax& rule = regime.income_tax ? *regime.income_tax : NoIncomeTax();
      const bool together = regime.income_tax && regime.income_tax->consolidated && ps.size() > 1;
      for (auto& p : ps) {
        LossPool<W>& pool = together ? pools.losses : p.losses;
        if (!together || &p == &ps[0]) {
          pool.Adopt(rule, t);
          if (!change.losses_kept) pool.Clear();
        }
        p.ChangeCosts(t, pool);
      }
    }
    for (auto& p : ps) p.Costs(t, regime);
    RecoverCosts(ps, regime, t);
    for (auto& p : ps) p.BeforeTaxes(t, regime);
    if (regime.rrt && regime.rrt->base == RentTaxBase::kPreIncomeTax) {
      RentTax(ps, *regime.rrt, pools, [](const auto& p) { return p.year.before_taxes; });
    }
    for (auto& p : ps) p.Income(t, regime);
    IncomeTaxes(ps, whole, regime, pools, t);
    if (regime.rrt && regime.rrt->base == RentTaxBase::kPostIncomeTax) {
      RentTax(ps, *regime.rrt, pools,
              [](const auto& p) { return p.year.before_taxes - p.year.income_tax; });
    }
    for (auto& p : ps) p.Finish(t, regime);
  }
  for (auto& p : ps) p.End();
}

// The whole's ledger: the sum of its projects', with the consolidated loss
// pool and with rates and the R-factor of the sums.
template <int W>
void SumLedgers(const std::vector<Ledger>& parts, const TaxpayerPools<W>& pools, Ledger& whole) {
  using V = Lanes<W>;
  const int n = parts[0].years();
  whole.Shape(n, W, parts[0].products());
  for (int l = 0; l < whole.rows(); ++l) {
    const Line line = static_cast<Line>(l);
    for (int t = 0; t < n; ++t) {
      V sum = V::Fill(0);
      for (const Ledger& p : parts) sum += V::Load(p.row(line, t));
      sum.Store(whole.row(line, t));
    }
  }
  auto at = [&whole](Line l, int t) { return V::Load(whole.row(l, t)); };
  const V zero = V::Fill(0);
  V receipts = zero, costs = zero;  // to the end of the previous year
  for (int t = 0; t < n; ++t) {
    if (!pools.loss_used.empty()) {
      pools.loss_used[static_cast<size_t>(t)].Store(whole.row(kLossUsed, t));
      pools.loss_balance[static_cast<size_t>(t)].Store(whole.row(kLossCarriedForward, t));
    }
    auto ratio = [&](Line line, Line of, Line base) {
      const V b = at(base, t);
      Select(b > 0.0, at(of, t) / b, zero).Store(whole.row(line, t));
    };
    ratio(kStateShareRate, kProfitState, kProfitPetroleum);
    ratio(kIncomeTaxRate, kIncomeTax, kTaxableIncome);
    Select(costs > 0.0, receipts / costs, zero).Store(whole.row(kRFactor, t));
    receipts += at(kGrossRevenue, t) - at(kRoyalty, t) - at(kFtpState, t) - at(kProfitState, t) -
                at(kSplitState, t) - at(kDmo, t);
    costs += at(kOpex, t) + at(kCapex, t) + at(kFundContribution, t) + at(kClosureShortfall, t) -
             at(kFundRelease, t);
  }
}

// `parts`, when given, keeps each project's ledger.
template <int W, bool kChanges>
void EvaluateTaxpayer(const ProjectSeries& s, const Regime& sheet, const ScenarioInputs<W>& in,
                      Ledger& out, std::vector<Ledger>* parts) {
  TaxpayerPools<W> pools(sheet.income_tax ? *sheet.income_tax : NoIncomeTax());
  if (s.parts.empty()) {
    ProjectYears<W, kChanges> one(s, sheet, in, out);
    RunYears(std::span(&one, 1), s, sheet, pools);
    return;
  }
  // Each project's schedules are its own: those of the whole do not apply.
  ScenarioInputs<W> part_in = in;
  part_in.schedules = nullptr;
  thread_local std::vector<Ledger> scratch;
  std::vector<Ledger>& ledgers = parts != nullptr ? *parts : scratch;
  ledgers.resize(s.parts.size());
  // Reserved: a project's years point into themselves and must not move.
  assert(s.parts.size() <= static_cast<size_t>(kMaxProjects));
  std::vector<ProjectYears<W, kChanges>> ps;
  ps.reserve(s.parts.size());
  for (size_t i = 0; i < s.parts.size(); ++i) {
    ps.emplace_back(s.parts[i], sheet, part_in, ledgers[i], i == 0);
  }
  const Regime* later = kChanges ? sheet.later->terms.get() : nullptr;
  const bool consolidated_tax =
      (sheet.income_tax && sheet.income_tax->consolidated) ||
      (later != nullptr && later->income_tax && later->income_tax->consolidated);
  if (consolidated_tax) {
    pools.loss_used.assign(static_cast<size_t>(s.years), Lanes<W>::Fill(0));
    pools.loss_balance.assign(static_cast<size_t>(s.years), Lanes<W>::Fill(0));
  }
  RunYears(std::span(ps), s, sheet, pools);
  SumLedgers(ledgers, pools, out);
}

template <int W>
void EvaluateYears(const ProjectSeries& s, const Regime& sheet, const ScenarioInputs<W>& in,
                   Ledger& out, std::vector<Ledger>* parts = nullptr) {
  if (sheet.later && sheet.later->terms) {
    EvaluateTaxpayer<W, true>(s, sheet, in, out, parts);
  } else {
    EvaluateTaxpayer<W, false>(s, sheet, in, out, parts);
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
  // Nothing produced, nothing to cut; a taxpayer's projects have no limit.
  if (!s.economic_limit || s.last_production_index < 0 || !s.parts.empty()) return;
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
      for (int l = 0; l < out.rows(); ++l) {
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

void EvaluateProjects(const ProjectSeries& s, const Regime& regime, std::vector<Ledger>& parts) {
  Ledger whole;
  EvaluateYears(s, regime, ScenarioInputs<1>{}, whole, &parts);
}

}  // namespace connex::fiscal
