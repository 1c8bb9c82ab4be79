// The fiscal engine: project + regime -> ledger.
//
// Evaluate() fills one ledger line per item, year by year, in the fixed order
// documented in regime.hpp and docs/fiscal-methodology.md. It is pure (no I/O)
// and allocation-free when `out` is reused with the same year count and the
// regime has no limited-life loss carry-forward.
//
// Thread-safety: reentrant; concurrent calls need distinct ledgers.
#pragma once

#include "fiscal/ledger.hpp"
#include "fiscal/project.hpp"
#include "fiscal/regime.hpp"

namespace connex::fiscal {

// Projects may have at most this many products (drivers live on the stack).
inline constexpr int kMaxProducts = 16;

// REQUIRES: series.products() <= kMaxProducts; every product index and schedule
// length in `regime` is valid for `series` (the model reader checks both).
// price_factor multiplies every price (breakeven, sweeps); 1 = as entered.
void Evaluate(const ProjectSeries& series, const Regime& regime, Ledger& out,
              double price_factor = 1.0);

}  // namespace connex::fiscal
