// The support-provider directory's rows of SqlHubRepository.
#include "store/sql_hub_repository.hpp"
#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr const char* kProviderColumns =
    "SELECT provider_json, id, updated_by, updated_at, version FROM hub_providers ";

SupportProvider ProviderFromRow(const soci::row& row) {
  // Stored records were validated when written; read them back the same way.
  nlohmann::json j = nlohmann::json::parse(Text(row, 0), nullptr, false);
  for (const char* server_side : {"id", "updated_by", "updated_at"}) j.erase(server_side);
  auto read = ReadSupportProvider(j);
  SupportProvider p = read ? *read : SupportProvider{};
  p.id = Text(row, 1);
  p.updated_by = Text(row, 2);
  p.updated_at = ParseIso(Text(row, 3)).value_or(Instant{});
  p.version = static_cast<int>(Integer(row, 4));
  return p;
}

}  // namespace

void SqlHubRepository::InsertProvider(const SupportProvider& p) {
  const std::string json = ToJson(p).dump(), at = ToIso(p.updated_at);
  sql_ << "INSERT INTO hub_providers (id, name, provider_json, updated_by, updated_at, version) "
          "VALUES (:id, :n, :j, :by, :at, :v)",
      soci::use(p.id), soci::use(p.name), soci::use(json), soci::use(p.updated_by), soci::use(at),
      soci::use(p.version);
}

bool SqlHubRepository::UpdateProvider(const SupportProvider& p, int expected_version) {
  const std::string json = ToJson(p).dump(), at = ToIso(p.updated_at);
  soci::statement st =
      (sql_.prepare << "UPDATE hub_providers SET name = :n, provider_json = :j, updated_by = :by, "
                       "updated_at = :at, version = :v WHERE id = :id AND version = :expected",
       soci::use(p.name), soci::use(json), soci::use(p.updated_by), soci::use(at),
       soci::use(p.version), soci::use(p.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void SqlHubRepository::DeleteProvider(const std::string& id) {
  sql_ << "DELETE FROM hub_providers WHERE id = :id", soci::use(id);
}

std::optional<SupportProvider> SqlHubRepository::FindProvider(const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kProviderColumns) + "WHERE id = :id", soci::use(id));
  for (const soci::row& row : rows) return ProviderFromRow(row);
  return std::nullopt;
}

std::vector<SupportProvider> SqlHubRepository::Providers() {
  std::vector<SupportProvider> out;
  soci::rowset<soci::row> rows = sql_.prepare << std::string(kProviderColumns) + "ORDER BY name";
  for (const soci::row& row : rows) out.push_back(ProviderFromRow(row));
  return out;
}

}  // namespace connex::store
