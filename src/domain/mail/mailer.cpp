#include "domain/mail/mailer.hpp"

#include <date/tz.h>

#include "core/crypto.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/mail/mail_repository.hpp"
#include "domain/shared/time_zone.hpp"

namespace connex::domain {

namespace {

constexpr int kDigestHour = 7;  // local time the digest is due from

void Queue(Stores& s, OutboundMail m) {
  m.id = NewId("mail");
  m.next_attempt_at = m.created_at;
  s.mail.Insert(m);
}

// The user's local date and hour at `now`; UTC when their zone is unknown.
std::pair<std::string, int> LocalDay(const std::string& zone, Instant now) {
  const date::time_zone* tz = FindZone(zone);
  if (tz == nullptr) tz = date::locate_zone("UTC");
  const auto local =
      date::zoned_time{tz, std::chrono::floor<std::chrono::seconds>(now)}.get_local_time();
  const auto day = std::chrono::floor<date::days>(local);
  const auto hour = std::chrono::duration_cast<std::chrono::hours>(local - day).count();
  return {date::format("%F", date::year_month_day{day}), static_cast<int>(hour)};
}

}  // namespace

void QueueUserMail(Stores& s, const User& u, const std::string& kind, const std::string& request_id,
                   nlohmann::json params, const std::string& link, Instant now) {
  if (u.disabled) return;
  const auto choices = s.mail.Preferences(u.id);
  const auto it = choices.find(kind);
  const MailMode mode = it == choices.end() ? MailMode::kImmediate : it->second;
  if (mode == MailMode::kOff) return;
  params["name"] = u.name;
  OutboundMail m;
  m.kind = kind;
  m.user_id = u.id;
  m.recipient = u.email;
  m.language = u.language;
  m.request_id = request_id;
  // Lowercase hex: some relays lowercase the local part of an address.
  if (!request_id.empty()) {
    m.reply_token = s.mail.ReplyToken(request_id, u.id, Sha256Hex(RandomToken()).substr(0, 24));
  }
  m.params = std::move(params);
  m.link = link;
  m.status = mode == MailMode::kDigest ? MailStatus::kDigest : MailStatus::kQueued;
  m.created_at = now;
  Queue(s, std::move(m));
}

void QueueAddressMail(Stores& s, const std::string& address, const std::string& language,
                      const std::string& user_id, const std::string& kind, nlohmann::json params,
                      const std::string& link, Instant now) {
  OutboundMail m;
  m.kind = kind;
  m.user_id = user_id;
  m.recipient = address;
  m.language = language;
  m.params = std::move(params);
  m.link = link;
  m.created_at = now;
  Queue(s, std::move(m));
}

int QueueDigests(Stores& s, Instant now) {
  int queued = 0;
  for (const std::string& user_id : s.mail.UsersWithDigest()) {
    const std::optional<User> u = s.accounts.FindUser(user_id);
    if (!u) continue;
    const auto [today, hour] = LocalDay(u->time_zone, now);
    if (hour < kDigestHour || s.mail.DigestSentOn(user_id) == today) continue;
    const std::vector<OutboundMail> waiting = s.mail.DigestOf(user_id);
    std::vector<std::string> ids;
    nlohmann::json items = nlohmann::json::array();
    for (OutboundMail m : waiting) {
      ids.push_back(m.id);
      m.language = u->language;  // the words of today's language
      items.push_back({{"subject", MailSubject(m)}, {"link", m.link}});
    }
    s.mail.MarkDigested(ids);
    s.mail.SetDigestSentOn(user_id, today);
    if (u->disabled || items.empty()) continue;
    QueueAddressMail(s, u->email, u->language, u->id, "digest",
                     {{"name", u->name}, {"count", items.size()}, {"items", items}},
                     "/notifications", now);
    ++queued;
  }
  return queued;
}

std::vector<MailChoice> MailChoices(Stores& s, const User& u) {
  const auto chosen = s.mail.Preferences(u.id);
  std::vector<MailChoice> out;
  for (const std::string& kind : ChoosableMailKinds()) {
    if (!MailKindReaches(kind, u.role)) continue;
    const auto it = chosen.find(kind);
    out.push_back({kind, it == chosen.end() ? MailMode::kImmediate : it->second});
  }
  return out;
}

Result<User> ChangeMailSettings(Stores& s, const std::string& user_id,
                                const MailSettingsChange& change) {
  std::optional<User> u = s.accounts.FindUser(user_id);
  if (!u) return Error{ErrorCode::kNotFound, "no such account", "user"};
  Errors errors;
  if (change.language && !IsMailLanguage(*change.language)) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "\"" + *change.language + "\" is not a language of the portal", "language"});
  }
  if (change.time_zone && !FindZone(*change.time_zone)) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "\"" + *change.time_zone +
                          "\" is not a time zone name such as Africa/Dakar or America/Lima",
                      "time_zone"});
  }
  for (const MailChoice& c : change.choices) {
    if (!IsChoosableMailKind(c.kind) || !MailKindReaches(c.kind, u->role)) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "\"" + c.kind + "\" is not a kind of mail you can choose", "mail"});
    }
  }
  if (!errors.empty()) return errors;
  const User before = *u;
  if (change.language) u->language = *change.language;
  if (change.time_zone) u->time_zone = *change.time_zone;
  if (u->language != before.language || u->time_zone != before.time_zone) {
    s.accounts.UpdateUser(*u);
  }
  nlohmann::json chosen = nlohmann::json::object();
  for (const MailChoice& c : change.choices) {
    s.mail.SetPreference(user_id, c.kind, c.mode);
    chosen[c.kind] = ToString(c.mode);
  }
  s.accounts.Audit(
      user_id, "user.mail_settings", "user", user_id,
      nlohmann::json{{"language", before.language}, {"time_zone", before.time_zone}}.dump(),
      nlohmann::json{{"language", u->language}, {"time_zone", u->time_zone}, {"mail", chosen}}
          .dump());
  return *u;
}

}  // namespace connex::domain
