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

bool MailKindReaches(std::string_view kind, Role role) {
  const auto in = [kind](std::initializer_list<std::string_view> kinds) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  if (in({"training_nominated", "training_certificate"})) return true;
  // A request's life reaches its government, its team and the coordinators.
  const bool life = in({"state_changed", "scope_changed", "deliverable", "message", "document"});
  switch (role) {
    case Role::kGovernment:
      return life || in({"feedback_requested", "feedback_reminder", "team_changed",
                         "obligation_due_soon", "obligation_overdue"});
    case Role::kExpert:
      return life;
    case Role::kCoordinator:
      return life || in({"request_submitted", "clock_warning", "clock_breached", "enquiry"});
    default:
      return false;
  }
}

}  // namespace connex::domain
