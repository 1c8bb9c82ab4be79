// The support-provider directory as operations: everyone reads it; the
// Support Unit keeps it. Expertise codes come from the disciplines codelist.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <string>
#include <vector>

#include "domain/hub/support_provider.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

class ProviderDirectory {
 public:
  // The providers matching `f`, by name.
  std::vector<SupportProvider> List(Stores& s, const ProviderFilter& f) const;
  Result<SupportProvider> Find(Stores& s, const std::string& id) const;
  Result<SupportProvider> Add(Stores& s, const Principal& p, SupportProvider provider,
                              Instant now) const;
  // `provider.version` must be the stored one.
  Result<SupportProvider> Change(Stores& s, const Principal& p, const std::string& id,
                                 SupportProvider provider, Instant now) const;
  Result<Done> Remove(Stores& s, const Principal& p, const std::string& id) const;
};

}  // namespace connex::domain
