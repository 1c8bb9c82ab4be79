#include "fiscal/project_years.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "fiscal/cash_flow.hpp"

namespace connex::fiscal::internal {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

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

bool OnHoliday(const IndirectTaxHoliday& h, const ProjectSeries& s, int t) {
  if (h.before_first_production && (s.first_production_index < 0 || t < s.first_production_index))
    return true;
  return std::find(h.years.begin(), h.years.end(), s.first_year + t) != h.years.end();
}

double VatRate(const ValueAddedTax& v, const ProjectSeries& s, TaxedCost cost, int t) {
  if (v.exempt[static_cast<int>(cost)] || OnHoliday(v.holiday, s, t)) return 0;
  return v.rate * (cost == TaxedCost::kOpex ? v.opex_share : v.capex_share);
}

double DutyRate(const ImportDuty& d, const ProjectSeries& s, TaxedCost cost, int t) {
  if (cost == TaxedCost::kOpex || d.exempt[static_cast<int>(cost)] || OnHoliday(d.holiday, s, t))
    return 0;
  return d.rate * d.imported_share;
}

double CapitalisedTaxRate(const Regime& r, const ProjectSeries& s, int capex_class, int t) {
  const auto cost = static_cast<TaxedCost>(capex_class + 1);
  double rate = 0;
  if (r.vat && !r.vat->recoverable) rate += VatRate(*r.vat, s, cost, t);
  if (r.import_duty) rate += DutyRate(*r.import_duty, s, cost, t);
  return rate;
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

}  // namespace connex::fiscal::internal
