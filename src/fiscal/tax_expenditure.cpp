#include "fiscal/tax_expenditure.hpp"

#include <memory>

#include "fiscal/engine.hpp"
#include "fiscal/ledger.hpp"

namespace connex::fiscal {

namespace {

// The incentives of one set of terms.
void Collect(const Regime& r, bool later, std::vector<Incentive>& out) {
  auto add = [&](IncentiveKind kind, int index = 0) { out.push_back({kind, later, index}); };
  if (r.income_tax) {
    const IncomeTax& t = *r.income_tax;
    if (!t.holiday_years.empty() || t.holiday_first_production_years > 0) {
      add(IncentiveKind::kIncomeTaxHoliday);
    }
    if (t.standard_rate >= 0) add(IncentiveKind::kReducedIncomeTaxRate);
  }
  for (size_t i = 0; i < r.royalties.size(); ++i) {
    if (r.royalties[i].standard_rate >= 0) {
      add(IncentiveKind::kReducedRoyaltyRate, static_cast<int>(i));
    }
  }
  if (r.vat) {
    for (int c = 0; c < kTaxedCosts; ++c) {
      if (r.vat->exempt[c]) add(IncentiveKind::kVatExemption, c);
    }
    if (!r.vat->holiday.years.empty() || r.vat->holiday.before_first_production) {
      add(IncentiveKind::kVatHoliday);
    }
  }
  if (r.import_duty) {
    for (int c = 0; c < kTaxedCosts; ++c) {
      if (r.import_duty->exempt[c]) add(IncentiveKind::kImportDutyExemption, c);
    }
    const IndirectTaxHoliday& h = r.import_duty->holiday;
    if (!h.years.empty() || h.before_first_production) add(IncentiveKind::kImportDutyHoliday);
  }
  if (r.cost_recovery) {
    if (r.cost_recovery->investment_credit > 0) add(IncentiveKind::kInvestmentCredit);
    if (r.cost_recovery->uplift > 0) add(IncentiveKind::kUplift);
  }
  if (r.dmo && r.dmo->holiday_years > 0) add(IncentiveKind::kDmoHoliday);
}

// Removes one incentive from one set of terms.
void Remove(Regime& r, const Incentive& i) {
  switch (i.kind) {
    case IncentiveKind::kIncomeTaxHoliday:
      r.income_tax->holiday_years.clear();
      r.income_tax->holiday_first_production_years = 0;
      break;
    case IncentiveKind::kReducedIncomeTaxRate:
      r.income_tax->rate = Rate::Constant(r.income_tax->standard_rate);
      break;
    case IncentiveKind::kReducedRoyaltyRate: {
      Royalty& royalty = r.royalties[static_cast<size_t>(i.index)];
      royalty.rate = Rate::Constant(royalty.standard_rate);
      break;
    }
    case IncentiveKind::kVatExemption:
      r.vat->exempt[i.index] = false;
      break;
    case IncentiveKind::kVatHoliday:
      r.vat->holiday = {};
      break;
    case IncentiveKind::kImportDutyExemption:
      r.import_duty->exempt[i.index] = false;
      break;
    case IncentiveKind::kImportDutyHoliday:
      r.import_duty->holiday = {};
      break;
    case IncentiveKind::kInvestmentCredit:
      r.cost_recovery->investment_credit = 0;
      break;
    case IncentiveKind::kUplift:
      r.cost_recovery->uplift = 0;
      break;
    case IncentiveKind::kDmoHoliday:
      r.dmo->holiday_years = 0;
      break;
  }
}

// The government's receipts of a regime: nominal and present value.
struct Receipts {
  double nominal = 0, pv = 0;
};
Receipts ReceiptsOf(const ProjectSeries& s, const Regime& r, const Discounting& d, Ledger& l) {
  Evaluate(s, r, l);
  return {l.Total(kGovernmentReceipts),
          PresentValue(l.line(kGovernmentReceipts), s.years, s.first_year, d)};
}

}  // namespace

std::vector<Incentive> IncentivesOf(const Regime& regime) {
  std::vector<Incentive> out;
  Collect(regime, false, out);
  if (regime.later && regime.later->terms) Collect(*regime.later->terms, true, out);
  return out;
}

Regime Without(const Regime& regime, const Incentive& incentive) {
  Regime out = regime;
  if (!incentive.later) {
    Remove(out, incentive);
  } else {
    Regime later = *regime.later->terms;
    Remove(later, incentive);
    out.later->terms = std::make_shared<const Regime>(std::move(later));
  }
  return out;
}

Regime Plain(const Regime& regime) {
  Regime out = regime;
  for (const Incentive& i : IncentivesOf(regime)) out = Without(out, i);
  return out;
}

TaxExpenditure ComputeTaxExpenditure(const ProjectSeries& s, const Regime& regime,
                                     const Discounting& d) {
  TaxExpenditure out;
  const std::vector<Incentive> incentives = IncentivesOf(regime);
  if (incentives.empty()) return out;
  Ledger scratch;
  const Receipts with = ReceiptsOf(s, regime, d, scratch);
  double sum_nominal = 0, sum_pv = 0;
  for (const Incentive& i : incentives) {
    const Regime& terms = i.later ? *regime.later->terms : regime;
    TaxExpenditureItem item;
    item.incentive = i;
    item.terms = terms.name;
    if (i.kind == IncentiveKind::kReducedRoyaltyRate) {
      item.detail = terms.royalties[static_cast<size_t>(i.index)].name;
    } else if (i.kind == IncentiveKind::kVatExemption ||
               i.kind == IncentiveKind::kImportDutyExemption) {
      item.detail = kTaxedCostNames[static_cast<TaxedCost>(i.index)];
    }
    const Receipts without = ReceiptsOf(s, Without(regime, i), d, scratch);
    item.nominal = without.nominal - with.nominal;
    item.pv = without.pv - with.pv;
    sum_nominal += item.nominal;
    sum_pv += item.pv;
    out.items.push_back(std::move(item));
  }
  const Receipts plain = ReceiptsOf(s, Plain(regime), d, scratch);
  out.total_nominal = plain.nominal - with.nominal;
  out.total_pv = plain.pv - with.pv;
  out.interaction_nominal = out.total_nominal - sum_nominal;
  out.interaction_pv = out.total_pv - sum_pv;
  return out;
}

}  // namespace connex::fiscal
