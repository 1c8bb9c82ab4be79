// SqlNotificationRepository: notifications, in SQL both backends accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/notifications/notification_repository.hpp"

namespace connex::store {

class SqlNotificationRepository : public domain::NotificationRepository {
 public:
  explicit SqlNotificationRepository(soci::session& sql) : sql_(sql) {}

  void Insert(const domain::Notification& n) override;
  bool Exists(const std::string& request_id, const std::string& kind,
              const std::string& text) override;
  std::vector<domain::Notification> ForUser(const std::string& user_id, int limit) override;
  void MarkRead(const std::string& user_id, const std::vector<std::string>& ids,
                Instant at) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
