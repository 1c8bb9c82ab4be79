// The disciplines codelist as operations: anyone reads it; administrators
// add, relabel, reorder and retire entries, every change audited.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/discipline.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

class DisciplineService {
 public:
  // In the codelist's order, retired entries included.
  std::vector<Discipline> List(Stores& s) const;
  Result<Discipline> Save(Stores& s, const Principal& p, Discipline d, Instant now) const;
};

}  // namespace connex::domain
