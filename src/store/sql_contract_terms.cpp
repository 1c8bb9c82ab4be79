// The fiscal terms of hub documents and their history (SqlHubRepository).
// Terms, products and citations are stored as the JSON the domain writes,
// and read back through the domain's reader, so what is stored is what was
// validated.
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "store/sql_hub_repository.hpp"
#include "store/sql_rows.hpp"

namespace connex::store {

using domain::ContractTerms;
using domain::ContractTermsChange;

namespace {

constexpr const char* kTermsColumns =
    "SELECT document_id, terms_json, currency, products_json, base_year, citations_json, status, "
    "updated_by, reviewed_by, created_at, updated_at, version FROM hub_contract_terms ";

ContractTerms TermsFromRow(const soci::row& row) {
  nlohmann::json stored = {
      {"terms", nlohmann::json::parse(Text(row, 1), nullptr, false)},
      {"currency", Text(row, 2)},
      {"products", nlohmann::json::parse(Text(row, 3), nullptr, false)},
      {"citations", nlohmann::json::parse(Text(row, 5), nullptr, false)},
  };
  if (const long long year = Integer(row, 4); year != 0) stored["base_year"] = year;
  auto read = domain::ReadContractTerms(stored);
  ContractTerms t = read ? std::move(*read) : ContractTerms{};
  t.document_id = Text(row, 0);
  t.status = Text(row, 6);
  t.updated_by = Text(row, 7);
  t.reviewed_by = Text(row, 8);
  t.created_at = At(row, 9);
  t.updated_at = At(row, 10);
  t.version = static_cast<int>(Integer(row, 11));
  return t;
}

struct TermsText {
  std::string terms, products, citations, created, updated;
};
TermsText TextOf(const ContractTerms& t) {
  const nlohmann::json j = domain::ToJson(t);
  return {t.terms.dump(), j["products"].dump(), j["citations"].dump(), ToIso(t.created_at),
          ToIso(t.updated_at)};
}

}  // namespace

std::optional<ContractTerms> SqlHubRepository::FindTerms(const std::string& document_id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kTermsColumns) + "WHERE document_id = :d",
       soci::use(document_id));
  for (const soci::row& row : rows) return TermsFromRow(row);
  return std::nullopt;
}

void SqlHubRepository::InsertTerms(const ContractTerms& t) {
  const TermsText x = TextOf(t);
  sql_ << "INSERT INTO hub_contract_terms (document_id, terms_json, currency, products_json, "
          "base_year, citations_json, status, updated_by, reviewed_by, created_at, updated_at, "
          "version) VALUES (:d, :t, :c, :p, :y, :ci, :s, :ub, :rb, :ca, :ua, :v)",
      soci::use(t.document_id), soci::use(x.terms), soci::use(t.currency), soci::use(x.products),
      soci::use(t.base_year), soci::use(x.citations), soci::use(t.status), soci::use(t.updated_by),
      soci::use(t.reviewed_by), soci::use(x.created), soci::use(x.updated), soci::use(t.version);
}

bool SqlHubRepository::UpdateTerms(const ContractTerms& t, int expected_version) {
  const TermsText x = TextOf(t);
  soci::statement st =
      (sql_.prepare << "UPDATE hub_contract_terms SET terms_json = :t, currency = :c, "
                       "products_json = :p, base_year = :y, citations_json = :ci, status = :s, "
                       "updated_by = :ub, reviewed_by = :rb, updated_at = :ua, version = :v "
                       "WHERE document_id = :d AND version = :expected",
       soci::use(x.terms), soci::use(t.currency), soci::use(x.products), soci::use(t.base_year),
       soci::use(x.citations), soci::use(t.status), soci::use(t.updated_by),
       soci::use(t.reviewed_by), soci::use(x.updated), soci::use(t.version),
       soci::use(t.document_id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void SqlHubRepository::DeleteTerms(const std::string& document_id) {
  sql_ << "DELETE FROM hub_contract_terms WHERE document_id = :d", soci::use(document_id);
}

std::vector<ContractTerms> SqlHubRepository::AllTerms() {
  std::vector<ContractTerms> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kTermsColumns) + "ORDER BY document_id");
  for (const soci::row& row : rows) out.push_back(TermsFromRow(row));
  return out;
}

void SqlHubRepository::InsertTermsChange(const std::string& document_id,
                                         const ContractTermsChange& c) {
  const std::string id = NewId("trm"), at = ToIso(c.at), snapshot = c.snapshot.dump();
  sql_ << "INSERT INTO hub_contract_terms_history (id, document_id, version, action, actor, at, "
          "snapshot_json) VALUES (:id, :d, :v, :a, :by, :at, :s)",
      soci::use(id), soci::use(document_id), soci::use(c.version), soci::use(c.action),
      soci::use(c.actor), soci::use(at), soci::use(snapshot);
}

std::vector<ContractTermsChange> SqlHubRepository::TermsHistory(const std::string& document_id) {
  std::vector<ContractTermsChange> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT version, action, actor, at, snapshot_json FROM "
                       "hub_contract_terms_history WHERE document_id = :d ORDER BY at, version, id",
       soci::use(document_id));
  for (const soci::row& row : rows) {
    out.push_back({static_cast<int>(Integer(row, 0)), Text(row, 1), Text(row, 2), At(row, 3),
                   nlohmann::json::parse(Text(row, 4), nullptr, false)});
  }
  return out;
}

}  // namespace connex::store
