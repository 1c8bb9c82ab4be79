#include "store/sql_enquiry_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

void SqlEnquiryRepository::Insert(const Enquiry& e) {
  const std::string at = ToIso(e.at);
  sql_ << "INSERT INTO enquiries (id, name, email, organisation, country, message, client, at) "
          "VALUES (:id, :n, :e, :o, :c, :m, :cl, :at)",
      soci::use(e.id), soci::use(e.name), soci::use(e.email), soci::use(e.organisation),
      soci::use(e.country), soci::use(e.message), soci::use(e.client), soci::use(at);
}

int SqlEnquiryRepository::CountFrom(const std::string& client, Instant since) {
  int n = 0;
  const std::string at = ToIso(since);
  sql_ << "SELECT COUNT(*) FROM enquiries WHERE client = :c AND at >= :at", soci::into(n),
      soci::use(client), soci::use(at);
  return n;
}

std::vector<Enquiry> SqlEnquiryRepository::List(int limit) {
  std::vector<Enquiry> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, name, email, organisation, country, message, client, at "
                       "FROM enquiries ORDER BY at DESC, id LIMIT " +
                           std::to_string(limit));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3), Text(row, 4),
                   Text(row, 5), Text(row, 6), At(row, 7)});
  }
  return out;
}

}  // namespace connex::store
