// Storage of notifications (store/sql_notification_repository.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction; the
// implementation never commits.
#pragma once

#include <string>
#include <vector>

#include "domain/notifications/notification.hpp"

namespace connex::domain {

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  virtual void Insert(const Notification& n) = 0;
  // Whether a notification of `kind` about `request_id` with `text` exists
  // already (clock warnings and reminders are sent once).
  virtual bool Exists(const std::string& request_id, const std::string& kind,
                      const std::string& text) = 0;
  // The user's notifications, newest first.
  virtual std::vector<Notification> ForUser(const std::string& user_id, int limit) = 0;
  // Marks those of `ids` that are the user's and unread; others are ignored.
  virtual void MarkRead(const std::string& user_id, const std::vector<std::string>& ids,
                        Instant at) = 0;
};

}  // namespace connex::domain
