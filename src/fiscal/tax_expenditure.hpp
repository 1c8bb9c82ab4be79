// Tax expenditure (docs/fiscal-methodology.md, "Tax expenditure"): what each
// incentive of a regime costs the state, against the same regime without
// that incentive, in nominal money and at present value; the list a
// ministry of finance publishes. Incentives rarely add up: removing two
// together differs from removing each alone (a holiday is worth more with a
// higher rate), so the report also gives the interaction, and items plus
// interaction always make the difference between the plain regime (every
// incentive removed) and the regime as written.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "fiscal/cash_flow.hpp"
#include "fiscal/project.hpp"
#include "fiscal/regime.hpp"

namespace connex::fiscal {

enum class IncentiveKind {
  kIncomeTaxHoliday,      // holiday years of the income tax
  kReducedIncomeTaxRate,  // a rate below the income tax's standard_rate
  kReducedRoyaltyRate,    // a royalty's rate below its standard_rate
  kVatExemption,          // one cost exempt from VAT
  kVatHoliday,
  kImportDutyExemption,  // one capex class exempt from import duty
  kImportDutyHoliday,
  kInvestmentCredit,
  kUplift,
  kDmoHoliday,  // first production years without DMO
};
inline constexpr EnumNames<IncentiveKind, 10> kIncentiveKindNames{
    {"income_tax_holiday", "reduced_income_tax_rate", "reduced_royalty_rate", "vat_exemption",
     "vat_holiday", "import_duty_exemption", "import_duty_holiday", "investment_credit", "uplift",
     "dmo_holiday"}};

// One incentive of a regime or of its later terms.
struct Incentive {
  IncentiveKind kind = IncentiveKind::kIncomeTaxHoliday;
  bool later = false;  // granted by the later terms (regime.later)
  int index = 0;       // the royalty, or the cost exempt (TaxedCost)
};

// The incentives a regime grants, in a fixed order: the sheet's, then its
// later terms'.
std::vector<Incentive> IncentivesOf(const Regime& regime);

// The regime without one incentive, or without all of them (plain).
Regime Without(const Regime& regime, const Incentive& incentive);
Regime Plain(const Regime& regime);

struct TaxExpenditureItem {
  Incentive incentive;
  std::string terms;   // the name of the term sheet that grants it
  std::string detail;  // the royalty's name, or the cost exempt; empty otherwise
  double nominal = 0;  // government receipts without it less with it
  double pv = 0;
};

struct TaxExpenditure {
  std::vector<TaxExpenditureItem> items;
  double total_nominal = 0, total_pv = 0;  // the plain regime's receipts less the regime's
  double interaction_nominal = 0, interaction_pv = 0;  // total less the items' sum
};

// Empty (no items, zeros) for a regime without incentives.
TaxExpenditure ComputeTaxExpenditure(const ProjectSeries& s, const Regime& regime,
                                     const Discounting& d);

}  // namespace connex::fiscal
