// Storage of the disciplines codelist (store/sql_discipline_repository.hpp).
#pragma once

#include <vector>

#include "domain/shared/discipline.hpp"

namespace connex::domain {

class DisciplineRepository {
 public:
  virtual ~DisciplineRepository() = default;
  // The codelist in its order, retired entries included.
  virtual std::vector<Discipline> All() = 0;
  // Inserts the entry of d.code, or replaces it.
  virtual void Save(const Discipline& d) = 0;
};

}  // namespace connex::domain
