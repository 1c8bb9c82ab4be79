#include "fiscal/depreciation.hpp"

#include <algorithm>

namespace connex::fiscal {

namespace {

void StraightLine(const double* capex, int years, int life, int first_start, double* out) {
  for (int s = 0; s < years; ++s) {
    if (capex[s] == 0) continue;
    const int begin = std::max(s, first_start);
    const double slice = capex[s] / life;
    int t = begin;
    for (; t < begin + life && t < years; ++t) out[t] += slice;
    const int remaining = begin + life - t;
    if (remaining > 0) out[years - 1] += slice * remaining;
  }
}

}  // namespace

void AddDepreciation(const ProjectSeries& series, const double* capex, const Depreciation& method,
                     DepreciationStart start, double* out) {
  const int n = series.years;
  const int first_start =
      (start == DepreciationStart::kFirstProduction && series.first_production_index >= 0)
          ? series.first_production_index
          : 0;
  switch (method.method) {
    case DepreciationMethod::kImmediate:
      StraightLine(capex, n, 1, first_start, out);
      return;
    case DepreciationMethod::kStraightLine:
      StraightLine(capex, n, std::max(1, method.years), first_start, out);
      return;
    case DepreciationMethod::kDecliningBalance: {
      double book = 0;
      for (int t = 0; t < n; ++t) {
        book += capex[t];
        if (t < first_start) continue;
        const double dep = t == n - 1 ? book : method.rate * book;
        out[t] += dep;
        book -= dep;
      }
      return;
    }
    case DepreciationMethod::kUnitsOfProduction: {
      const std::vector<double>& q = series.production[static_cast<size_t>(method.product)];
      double remaining = 0;
      for (int t = 0; t < n; ++t) remaining += q[t];
      double book = 0;
      for (int t = 0; t < n; ++t) {
        book += capex[t];
        double dep = 0;
        if (t >= first_start && remaining > 0) dep = book * q[t] / remaining;
        if (t == n - 1) dep = book;
        remaining -= q[t];
        out[t] += dep;
        book -= dep;
      }
      return;
    }
  }
}

void TaxDepreciation(const ProjectSeries& series, const IncomeTax& tax, double* out) {
  for (int c = 0; c < kCapexClasses; ++c) {
    AddDepreciation(series, series.capex[c].data(), tax.depreciation[c], tax.start, out);
  }
}

namespace {

// Capex becomes recoverable when spent, or straight line over n years.
Depreciation RecoverySchedule(const CostRecovery& terms) {
  Depreciation method;
  method.method = terms.capex_recovery_years > 0 ? DepreciationMethod::kStraightLine
                                                 : DepreciationMethod::kImmediate;
  method.years = terms.capex_recovery_years;
  return method;
}

}  // namespace

void InvestmentCredit(const ProjectSeries& series, const CostRecovery& terms, double* out) {
  const auto& development = series.capex[static_cast<int>(CapexClass::kDevelopment)];
  AddDepreciation(series, development.data(), RecoverySchedule(terms),
                  DepreciationStart::kWhenIncurred, out);
  for (int t = 0; t < series.years; ++t) out[t] *= terms.investment_credit;
}

void RecoverableCapex(const ProjectSeries& series, const CostRecovery& terms, double* out) {
  const Depreciation method = RecoverySchedule(terms);
  for (int c = 0; c < kCapexClasses; ++c) {
    AddDepreciation(series, series.capex[c].data(), method, DepreciationStart::kWhenIncurred, out);
  }
  if (terms.uplift != 0) {
    for (int t = 0; t < series.years; ++t) out[t] *= 1.0 + terms.uplift;
  }
}

}  // namespace connex::fiscal
