// Depreciation schedules: how capital expenditure becomes a tax deduction
// (income tax) or a recoverable cost (cost recovery) over the years.
// They depend on the project's costs and volumes only, never on prices.
//
// Thread-safety: pure functions.
#pragma once

#include "fiscal/project.hpp"
#include "fiscal/regime.hpp"

namespace connex::fiscal {

// Adds to out[0..years) the deduction of capex spent per `method`, starting
// in the year it is spent or, for kFirstProduction, with capex spent before
// first production pooled into the first production year. Whatever remains
// undepreciated at the end of the project is deducted in the last year, so
// the schedule always sums to the capex.
// REQUIRES: out has series.years entries; capex has series.years entries.
void AddDepreciation(const ProjectSeries& series, const double* capex, const Depreciation& method,
                     DepreciationStart start, double* out);

// Income-tax depreciation of every capex class, written into out.
void TaxDepreciation(const ProjectSeries& series, const IncomeTax& tax, double* out);

// Capex that becomes recoverable each year under cost recovery (uplift included).
void RecoverableCapex(const ProjectSeries& series, const CostRecovery& terms, double* out);

// The investment credit that becomes recoverable each year: its share of
// development capex, on that capex's recovery schedule (uplift excluded).
void InvestmentCredit(const ProjectSeries& series, const CostRecovery& terms, double* out);

}  // namespace connex::fiscal
