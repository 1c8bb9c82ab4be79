// Storage of the response-time policy in force (store/sql_sla_policy_repository.hpp).
#pragma once

#include "domain/sla/clocks.hpp"

namespace connex::domain {

class SlaPolicyRepository {
 public:
  virtual ~SlaPolicyRepository() = default;
  virtual SlaPolicy Current() = 0;
  // Stores `p` if the stored policy still has `expected_version`; false when
  // another change came first.
  virtual bool Update(const SlaPolicy& p, int expected_version) = 0;
};

}  // namespace connex::domain
