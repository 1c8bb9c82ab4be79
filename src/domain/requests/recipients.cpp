#include "domain/requests/recipients.hpp"

#include "core/crypto.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/mail/mailer.hpp"
#include "domain/notifications/notification_repository.hpp"

namespace connex::domain {

std::vector<std::string> GovernmentUsers(Stores& s, const SupportRequest& r) {
  std::vector<std::string> ids;
  for (const User& u : s.accounts.ListUsers(1000, "", r.organisation_id)) {
    if (!u.disabled) ids.push_back(u.id);
  }
  return ids;
}

std::vector<std::string> Coordinators(Stores& s) {
  std::vector<std::string> ids;
  std::string after;
  for (;;) {
    const std::vector<User> page = s.accounts.ListUsers(500, after, std::nullopt);
    for (const User& u : page) {
      if (u.role == Role::kCoordinator && !u.disabled) ids.push_back(u.id);
    }
    if (page.size() < 500) break;
    after = page.back().email;
  }
  return ids;
}

void Notify(Stores& s, const std::vector<std::string>& users, const std::string& kind,
            const SupportRequest& r, const std::string& text, nlohmann::json params, Instant now) {
  params["project"] = r.form.project_name.empty() ? r.reference : r.form.project_name;
  nlohmann::json words = params;
  words["title"] = Title(r);
  for (const std::string& u : users) {
    s.notifications.Insert({NewId("ntf"), u, kind, r.id, text, now, std::nullopt, words});
    if (const std::optional<User> user = s.accounts.FindUser(u)) {
      QueueUserMail(s, *user, kind, r.id, params, "/requests/" + r.id, now);
    }
  }
}

std::string Title(const SupportRequest& r) {
  return r.reference + " " + (r.form.project_name.empty() ? "(untitled)" : r.form.project_name);
}

}  // namespace connex::domain
