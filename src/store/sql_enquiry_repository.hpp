// SqlEnquiryRepository: public enquiries, in SQL both backends accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/enquiries/enquiry.hpp"

namespace connex::store {

class SqlEnquiryRepository : public domain::EnquiryRepository {
 public:
  explicit SqlEnquiryRepository(soci::session& sql) : sql_(sql) {}

  void Insert(const domain::Enquiry& e) override;
  int CountFrom(const std::string& client, Instant since) override;
  std::vector<domain::Enquiry> List(int limit) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
