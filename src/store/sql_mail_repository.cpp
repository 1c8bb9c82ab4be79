#include "store/sql_mail_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

void SqlMailRepository::Insert(const OutboundMail& m) {
  const std::string params = m.params.dump(), status = ToString(m.status);
  const std::string next = ToIso(m.next_attempt_at), created = ToIso(m.created_at);
  NullableText user(m.user_id), request(m.request_id), token(m.reply_token);
  sql_ << "INSERT INTO mail_outbox (id, kind, user_id, recipient, language, request_id, "
          "params_json, link, status, attempts, next_attempt_at, created_at, reply_token) VALUES "
          "(:id, :k, :u, :to, :lang, :r, :p, :link, :st, 0, :next, :at, :token)",
      soci::use(m.id), soci::use(m.kind), soci::use(user.value, user.ind), soci::use(m.recipient),
      soci::use(m.language), soci::use(request.value, request.ind), soci::use(params),
      soci::use(m.link), soci::use(status), soci::use(next), soci::use(created),
      soci::use(token.value, token.ind);
}

std::map<std::string, MailMode> SqlMailRepository::Preferences(const std::string& user_id) {
  std::map<std::string, MailMode> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT kind, mode FROM mail_preferences WHERE user_id = :u",
       soci::use(user_id));
  for (const soci::row& row : rows) {
    if (auto mode = kMailModeNames.Parse(Text(row, 1))) out[Text(row, 0)] = *mode;
  }
  return out;
}

void SqlMailRepository::SetPreference(const std::string& user_id, const std::string& kind,
                                      MailMode mode) {
  sql_ << "DELETE FROM mail_preferences WHERE user_id = :u AND kind = :k", soci::use(user_id),
      soci::use(kind);
  if (mode == MailMode::kImmediate) return;
  const std::string name = ToString(mode);
  sql_ << "INSERT INTO mail_preferences (user_id, kind, mode) VALUES (:u, :k, :m)",
      soci::use(user_id), soci::use(kind), soci::use(name);
}

std::string SqlMailRepository::ReplyToken(const std::string& request_id, const std::string& user_id,
                                          const std::string& fresh) {
  std::string token;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT token FROM mail_reply_tokens WHERE request_id = :r AND user_id = :u",
      soci::into(token, ind), soci::use(request_id), soci::use(user_id);
  if (ind == soci::i_ok) return token;
  sql_ << "INSERT INTO mail_reply_tokens (token, request_id, user_id) VALUES (:t, :r, :u)",
      soci::use(fresh), soci::use(request_id), soci::use(user_id);
  return fresh;
}

std::optional<std::pair<std::string, std::string>> SqlMailRepository::FindReplyToken(
    const std::string& token) {
  return SelectFirst(
      sql_, "SELECT request_id, user_id FROM mail_reply_tokens WHERE token = :t", token,
      [](const soci::row& row) { return std::make_pair(Text(row, 0), Text(row, 1)); });
}

bool SqlMailRepository::MarkReplyTaken(const std::string& message_id, const std::string& request_id,
                                       Instant at) {
  const std::string when = ToIso(at);
  soci::statement st = (sql_.prepare << "INSERT INTO mail_replies_taken (message_id, request_id, "
                                        "taken_at) VALUES (:m, :r, :at) ON CONFLICT DO NOTHING",
                        soci::use(message_id), soci::use(request_id), soci::use(when));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool SqlMailRepository::TakeLease(const std::string& holder, Instant now, Instant until) {
  const std::string at = ToIso(now), to = ToIso(until);
  soci::statement st =
      (sql_.prepare << "UPDATE mail_sender SET holder = :h, lease_until = :until WHERE id = 1 "
                       "AND (holder = :h2 OR holder = '' OR lease_until < :now)",
       soci::use(holder), soci::use(to), soci::use(holder), soci::use(at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void SqlMailRepository::ReleaseLease(const std::string& holder) {
  sql_ << "UPDATE mail_sender SET holder = '', lease_until = '1970-01-01T00:00:00Z' "
          "WHERE id = 1 AND holder = :h",
      soci::use(holder);
}

std::vector<OutboundMail> SqlMailRepository::Select(const std::string& where,
                                                    const std::string& value, bool with_params) {
  std::vector<OutboundMail> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT m.id, m.kind, m.user_id, m.recipient, m.language, m.request_id, " +
                           std::string(with_params ? "m.params_json" : "'{}'") +
                           ", m.link, m.status, m.attempts, m.next_attempt_at, m.last_error, "
                           "m.created_at, m.sent_at, r.reference, m.reply_token FROM mail_outbox m "
                           "LEFT JOIN requests r ON r.id = m.request_id " +
                           where,
       soci::use(value));
  for (const soci::row& row : rows) {
    OutboundMail m;
    m.id = Text(row, 0);
    m.kind = Text(row, 1);
    m.user_id = Text(row, 2);
    m.recipient = Text(row, 3);
    m.language = Text(row, 4);
    m.request_id = Text(row, 5);
    m.params = nlohmann::json::parse(Text(row, 6), nullptr, false);
    if (!m.params.is_object()) m.params = nlohmann::json::object();
    m.link = Text(row, 7);
    m.status = kMailStatusNames.Parse(Text(row, 8)).value_or(MailStatus::kQueued);
    m.attempts = static_cast<int>(Integer(row, 9));
    m.next_attempt_at = At(row, 10);
    m.last_error = Text(row, 11);
    m.created_at = At(row, 12);
    m.sent_at = MaybeAt(row, 13);
    m.reference = Text(row, 14);
    m.reply_token = Text(row, 15);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<OutboundMail> SqlMailRepository::Due(Instant now, int limit) {
  return Select(
      "WHERE m.status = 'queued' AND m.next_attempt_at <= :now "
      "ORDER BY m.next_attempt_at, m.created_at, m.id LIMIT " +
          std::to_string(limit),
      ToIso(now), true);
}

void SqlMailRepository::MarkSent(const std::string& id, Instant at) {
  const std::string when = ToIso(at);
  sql_ << "UPDATE mail_outbox SET status = 'sent', sent_at = :at, params_json = '{}', "
          "attempts = attempts + 1, last_error = NULL WHERE id = :id",
      soci::use(when), soci::use(id);
}

void SqlMailRepository::MarkAttempt(const std::string& id, MailStatus status, int attempts,
                                    Instant next, const std::string& error) {
  const std::string name = ToString(status), when = ToIso(next);
  sql_ << "UPDATE mail_outbox SET status = :st, attempts = :n, next_attempt_at = :next, "
          "last_error = :e WHERE id = :id",
      soci::use(name), soci::use(attempts), soci::use(when), soci::use(error), soci::use(id);
}

std::vector<OutboundMail> SqlMailRepository::Recent(int limit, std::optional<MailStatus> status) {
  const std::string order = " ORDER BY m.created_at DESC, m.id LIMIT " + std::to_string(limit);
  if (status) return Select("WHERE m.status = :st" + order, ToString(*status), false);
  return Select("WHERE m.status <> :st" + order, "none", false);
}

std::map<MailStatus, int> SqlMailRepository::Counts() {
  std::map<MailStatus, int> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT status, COUNT(*) FROM mail_outbox GROUP BY status");
  for (const soci::row& row : rows) {
    if (auto s = kMailStatusNames.Parse(Text(row, 0))) out[*s] = static_cast<int>(Integer(row, 1));
  }
  return out;
}

std::vector<std::string> SqlMailRepository::UsersWithDigest() {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT DISTINCT user_id FROM mail_outbox WHERE status = 'digest' "
                       "ORDER BY user_id");
  for (const soci::row& row : rows) out.push_back(Text(row, 0));
  return out;
}

std::vector<OutboundMail> SqlMailRepository::DigestOf(const std::string& user_id) {
  return Select("WHERE m.status = 'digest' AND m.user_id = :u ORDER BY m.created_at, m.id", user_id,
                true);
}

void SqlMailRepository::MarkDigested(const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    sql_ << "UPDATE mail_outbox SET status = 'digested', params_json = '{}' WHERE id = :id",
        soci::use(id);
  }
}

std::string SqlMailRepository::DigestSentOn(const std::string& user_id) {
  std::string date;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT digest_sent_on FROM users WHERE id = :u", soci::into(date, ind),
      soci::use(user_id);
  return ind == soci::i_ok ? date : "";
}

void SqlMailRepository::SetDigestSentOn(const std::string& user_id, const std::string& date) {
  sql_ << "UPDATE users SET digest_sent_on = :d WHERE id = :u", soci::use(date), soci::use(user_id);
}

}  // namespace connex::store
