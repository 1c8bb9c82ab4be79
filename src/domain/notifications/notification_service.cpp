#include "domain/notifications/notification_service.hpp"

#include "domain/notifications/notification_repository.hpp"

namespace connex::domain {

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
