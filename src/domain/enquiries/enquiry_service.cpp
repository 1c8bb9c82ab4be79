#include "domain/enquiries/enquiry_service.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/crypto.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/mail/mailer.hpp"
#include "domain/notifications/notification_repository.hpp"

namespace connex::domain {

Result<Enquiry> EnquiryService::Submit(Stores& s, Enquiry e) const {
  if (s.enquiries.CountFrom(e.client, e.at - std::chrono::hours(1)) >= kEnquiriesPerHour) {
    return Error{ErrorCode::kRateLimited,
                 "too many enquiries from this address; try again in an hour", ""};
  }
  s.enquiries.Insert(e);
  s.audit.Record("public", "enquiry.create", "enquiry", e.id, "",
                 nlohmann::json{{"organisation", e.organisation}}.dump());
  for (const User& u : s.accounts.ListUsers(1000, "", std::nullopt)) {
    if (u.role == Role::kCoordinator && !u.disabled) {
      const nlohmann::json words = {{"enquirer", e.name}, {"organisation", e.organisation}};
      s.notifications.Insert({NewId("ntf"), u.id, "enquiry", "",
                              "Enquiry from " + e.name + " (" + e.organisation + ")", e.at,
                              std::nullopt, words});
      QueueUserMail(s, u, "enquiry", "", words, "/notifications", e.at);
    }
  }
  return e;
}

Result<std::vector<Enquiry>> EnquiryService::List(Stores& s, const Principal& p) const {
  if (!IsStaff(p)) return Error{ErrorCode::kForbidden, "only the Support Unit reads enquiries", ""};
  return s.enquiries.List(200);
}

}  // namespace connex::domain
