#include "store/sql_sla_policy_repository.hpp"

#include "domain/sla/policy_json.hpp"
#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

SlaPolicy SqlSlaPolicyRepository::Current() {
  std::string id, json;
  int version = 1;
  sql_ << "SELECT id, policy_json, version FROM sla_policies WHERE id = 'standard'", soci::into(id),
      soci::into(json), soci::into(version);
  auto p = PolicyFromJson(nlohmann::json::parse(json, nullptr, false));
  SlaPolicy policy = p ? *p : SlaPolicy{};
  policy.id = id;
  policy.version = version;
  if (policy.name.empty()) policy.name = "Standard response times";
  return policy;
}

bool SqlSlaPolicyRepository::Update(const SlaPolicy& p, int expected_version) {
  nlohmann::json j = ToJson(p);
  j.erase("id");
  j.erase("version");
  const std::string json = j.dump(), now = ToIso(Now());
  soci::statement st =
      (sql_.prepare << "UPDATE sla_policies SET name = :n, policy_json = :j, version = :v, "
                       "updated_at = :at WHERE id = 'standard' AND version = :expected",
       soci::use(p.name), soci::use(json), soci::use(p.version), soci::use(now),
       soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace connex::store
