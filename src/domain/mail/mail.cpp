#include "domain/mail/mail.hpp"

#include <algorithm>

namespace connex::domain {

const std::vector<std::string>& ChoosableMailKinds() {
  static const std::vector<std::string> all = {"request_submitted",
                                               "state_changed",
                                               "feedback_requested",
                                               "feedback_reminder",
                                               "scope_changed",
                                               "team_changed",
                                               "deliverable",
                                               "message",
                                               "document",
                                               "clock_warning",
                                               "clock_breached",
                                               "enquiry",
                                               "obligation_due_soon",
                                               "obligation_overdue",
                                               "training_nominated",
                                               "training_certificate"};
  return all;
}

bool IsChoosableMailKind(std::string_view kind) {
  const auto& all = ChoosableMailKinds();
  return std::find(all.begin(), all.end(), kind) != all.end();
}

}  // namespace connex::domain
