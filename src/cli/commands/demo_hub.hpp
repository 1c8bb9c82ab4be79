// The resource hub's demonstration content (data/demo/hub.json, carried by
// the binary): sample contracts and guides with their text and reviewed
// annotations, published, and sample entries of the provider directory.
// Internal to the CLI.
#pragma once

#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::cli {

// `editor` writes and sends to review; `reviewer`, another member of the
// Support Unit, reviews and publishes. Every record is marked as a sample.
Result<Done> DemoHub(domain::Stores& stores, const domain::Principal& editor,
                     const domain::Principal& reviewer);

}  // namespace connex::cli
