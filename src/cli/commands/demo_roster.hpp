// The demonstration roster (data/demo/roster.json, carried by the binary):
// the Code of Conduct in force, and experts of every discipline and working
// language, each with an account, a profile, an attestation of the Code, and
// for some a declared interest or a period away. Internal to the CLI.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::cli {

// Experts whose e-mail already has an account keep it; the others get one
// with `password_hash` (one hash for all: hashing is slow by design).
// Periods away are counted in days from `now`, so the demo has experts who
// are away in the coming weeks whatever day it is first started.
Result<Done> DemoRoster(domain::Stores& stores, const domain::Principal& admin,
                        const std::string& password_hash, Instant now);

}  // namespace connex::cli
