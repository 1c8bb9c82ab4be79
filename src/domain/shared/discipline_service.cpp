#include "domain/shared/discipline_service.hpp"

#include <algorithm>

#include "domain/audit/audit_log.hpp"
#include "domain/shared/discipline_repository.hpp"

namespace connex::domain {

std::vector<Discipline> DisciplineService::List(Stores& s) const { return s.disciplines.All(); }

Result<Discipline> DisciplineService::Save(Stores& s, const Principal& p, Discipline d,
                                           Instant now) const {
  if (p.role != Role::kAdmin) {
    return Error{ErrorCode::kForbidden, "administrators keep the disciplines codelist", ""};
  }
  const std::vector<Discipline> all = s.disciplines.All();
  const auto before =
      std::find_if(all.begin(), all.end(), [&](const Discipline& x) { return x.code == d.code; });
  d.updated_at = now;
  d.updated_by = p.user_id;
  s.disciplines.Save(d);
  s.audit.Record(p.user_id, before == all.end() ? "discipline.add" : "discipline.change",
                 "discipline", d.code, before == all.end() ? "" : ToJson(*before).dump(),
                 ToJson(d).dump());
  return d;
}

}  // namespace connex::domain
