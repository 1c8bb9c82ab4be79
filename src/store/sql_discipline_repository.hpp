// SqlDisciplineRepository: the disciplines codelist, in SQL both backends accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/shared/discipline_repository.hpp"

namespace connex::store {

class SqlDisciplineRepository : public domain::DisciplineRepository {
 public:
  explicit SqlDisciplineRepository(soci::session& sql) : sql_(sql) {}

  std::vector<domain::Discipline> All() override;
  void Save(const domain::Discipline& d) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
