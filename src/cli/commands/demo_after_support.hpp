// Demonstration content for what follows the support: Ghana's register of the
// Asante Ridge sample contract (obligations drawn from its annotations, one
// payment recorded with its receipt shown to the public, one overdue;
// the register published on the contract's hub page) and a published course with two sessions,
// one official nominated. Dates are set from `now`, so the demo shows due,
// overdue and upcoming items on the day it is first started.
// Internal to the CLI.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::cli {

// REQUIRES: the demo hub is seeded (DemoHub) in the same transaction.
Result<Done> DemoMonitoring(domain::Stores& stores, const domain::Principal& government,
                            Instant now);
Result<Done> DemoTraining(domain::Stores& stores, const domain::Principal& coordinator,
                          const domain::Principal& government, Instant now);

}  // namespace connex::cli
