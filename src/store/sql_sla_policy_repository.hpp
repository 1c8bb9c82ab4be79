// SqlSlaPolicyRepository: the response-time policy in force (one row, id
// "standard"), in SQL both backends accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/sla/sla_policy_repository.hpp"

namespace connex::store {

class SqlSlaPolicyRepository : public domain::SlaPolicyRepository {
 public:
  explicit SqlSlaPolicyRepository(soci::session& sql) : sql_(sql) {}

  domain::SlaPolicy Current() override;
  bool Update(const domain::SlaPolicy& p, int expected_version) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
