#include "store/sql_notification_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

void SqlNotificationRepository::Insert(const Notification& n) {
  const std::string at = ToIso(n.at);
  NullableText request(n.request_id), read(IsoOrEmpty(n.read_at));
  const std::string params = n.params.is_null() ? "" : n.params.dump();
  sql_ << "INSERT INTO notifications (id, user_id, kind, request_id, text, at, read_at, "
          "params_json) VALUES (:id, :u, :k, :r, :t, :at, :read, :p)",
      soci::use(n.id), soci::use(n.user_id), soci::use(n.kind),
      soci::use(request.value, request.ind), soci::use(n.text), soci::use(at),
      soci::use(read.value, read.ind), soci::use(params);
}

bool SqlNotificationRepository::Exists(const std::string& request_id, const std::string& kind,
                                       const std::string& text) {
  int n = 0;
  sql_ << "SELECT COUNT(*) FROM notifications WHERE request_id = :r AND kind = :k AND text = :t",
      soci::into(n), soci::use(request_id), soci::use(kind), soci::use(text);
  return n > 0;
}

std::vector<Notification> SqlNotificationRepository::ForUser(const std::string& user_id,
                                                             int limit) {
  std::vector<Notification> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, kind, request_id, text, at, read_at, params_json FROM "
                       "notifications WHERE user_id = :u ORDER BY at DESC, id LIMIT " +
                           std::to_string(limit),
       soci::use(user_id));
  for (const soci::row& row : rows) {
    const std::string params = Text(row, 6);
    out.push_back({Text(row, 0), user_id, Text(row, 1), Text(row, 2), Text(row, 3), At(row, 4),
                   MaybeAt(row, 5),
                   params.empty() ? nlohmann::json() : nlohmann::json::parse(params)});
  }
  return out;
}

void SqlNotificationRepository::MarkRead(const std::string& user_id,
                                         const std::vector<std::string>& ids, Instant at) {
  const std::string when = ToIso(at);
  for (const std::string& id : ids) {
    sql_ << "UPDATE notifications SET read_at = :at WHERE id = :id AND user_id = :u "
            "AND read_at IS NULL",
        soci::use(when), soci::use(id), soci::use(user_id);
  }
}

}  // namespace connex::store
