// Enquiries from the public portal: anyone may send a few an hour from one
// address; each reaches every active coordinator as a notification; the
// Support Unit reads them.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <vector>

#include "core/result.hpp"
#include "domain/enquiries/enquiry.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// Enquiries one address may send per hour: enough for a person, not for a script.
inline constexpr int kEnquiriesPerHour = 5;

class EnquiryService {
 public:
  // `e` arrives read and checked (id, client and at filled in); kRateLimited
  // once its address has sent kEnquiriesPerHour in the past hour.
  Result<Enquiry> Submit(Stores& s, Enquiry e) const;
  // Newest first; the Support Unit only (kForbidden).
  Result<std::vector<Enquiry>> List(Stores& s, const Principal& p) const;
};

}  // namespace connex::domain
