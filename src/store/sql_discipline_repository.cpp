#include "store/sql_discipline_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

std::vector<Discipline> SqlDisciplineRepository::All() {
  std::vector<Discipline> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT code, label_en, label_fr, active, position, updated_at, "
                       "updated_by, label_es, label_pt FROM disciplines ORDER BY position, code");
  for (const soci::row& row : rows) {
    Discipline d;
    d.code = Text(row, 0);
    d.label_en = Text(row, 1);
    d.label_fr = Text(row, 2);
    d.active = Integer(row, 3) != 0;
    d.position = static_cast<int>(Integer(row, 4));
    d.updated_at = At(row, 5);
    d.updated_by = Text(row, 6);
    d.label_es = Text(row, 7);
    d.label_pt = Text(row, 8);
    out.push_back(std::move(d));
  }
  return out;
}

void SqlDisciplineRepository::Save(const Discipline& d) {
  const int active = d.active ? 1 : 0;
  const std::string at = ToIso(d.updated_at);
  sql_ << "DELETE FROM disciplines WHERE code = :c", soci::use(d.code);
  sql_ << "INSERT INTO disciplines (code, label_en, label_fr, label_es, label_pt, active, "
          "position, updated_at, updated_by) VALUES (:c, :en, :fr, :es, :pt, :a, :p, :at, :by)",
      soci::use(d.code), soci::use(d.label_en), soci::use(d.label_fr), soci::use(d.label_es),
      soci::use(d.label_pt), soci::use(active), soci::use(d.position), soci::use(at),
      soci::use(d.updated_by);
}

}  // namespace connex::store
