// A question anyone may send the Support Unit from the public portal, before
// any account exists: who asks, from where, and what.
//
// Thread-safety: plain values.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"

namespace connex::domain {

struct Enquiry {
  std::string id;
  std::string name;
  std::string email;
  std::string organisation;
  std::string country;
  std::string message;
  std::string client;  // the sender's address, for the hourly limit
  Instant at;
};

class EnquiryRepository {
 public:
  virtual ~EnquiryRepository() = default;
  virtual void Insert(const Enquiry& e) = 0;
  // How many enquiries `client` sent from `since` on.
  virtual int CountFrom(const std::string& client, Instant since) = 0;
  // Newest first.
  virtual std::vector<Enquiry> List(int limit) = 0;
};

}  // namespace connex::domain
