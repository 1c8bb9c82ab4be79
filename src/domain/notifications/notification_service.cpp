#include "domain/notifications/notification_service.hpp"

#include "domain/mail/mail_render.hpp"
#include "domain/notifications/notification_repository.hpp"

namespace connex::domain {

std::string NotificationText(const Notification& n, const std::string& language) {
  if (!n.params.is_object() || !MailCatalog(language)["kinds"].contains(n.kind)) return n.text;
  OutboundMail words;
  words.kind = n.kind;
  words.language = language;
  words.params = n.params;
  const std::string subject = MailSubject(words);
  const std::string title = n.params.value("title", "");
  return title.empty() ? subject : title + " — " + subject;
}

Inbox NotificationService::Read(Stores& s, const Principal& p) const {
  Inbox inbox;
  inbox.items = s.notifications.ForUser(p.user_id, 100);
  for (const Notification& n : inbox.items) {
    if (!n.read_at) ++inbox.unread;
  }
  return inbox;
}

void NotificationService::MarkRead(Stores& s, const Principal& p,
                                   const std::vector<std::string>& ids, Instant now) const {
  s.notifications.MarkRead(p.user_id, ids, now);
}

}  // namespace connex::domain
