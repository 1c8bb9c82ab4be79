// A user's own notifications: read newest first, marked read. Nobody reads or
// marks another user's notifications.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/notifications/notification.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

struct Inbox {
  std::vector<Notification> items;  // newest first, at most 100
  int unread = 0;                   // of those items
};

class NotificationService {
 public:
  Inbox Read(Stores& s, const Principal& p) const;
  // Marks those of `ids` that are the caller's; others are left alone.
  void MarkRead(Stores& s, const Principal& p, const std::vector<std::string>& ids,
                Instant now) const;
};

}  // namespace connex::domain
