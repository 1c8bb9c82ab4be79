#include "store/sql_account_repository.hpp"

#include "store/audit_log.hpp"
#include "store/sql_rows.hpp"

namespace connex::store {

using domain::Invitation;
using domain::Organisation;
using domain::Session;
using domain::User;

namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, name, role, organisation_id, language, password_hash, failed_logins, "
    "locked_until, disabled, version, time_zone FROM users ";

User UserFromRow(const soci::row& row) {
  User u;
  u.id = Text(row, 0);
  u.email = Text(row, 1);
  u.name = Text(row, 2);
  u.role = domain::ParseAccountRole(Text(row, 3)).value_or(domain::Role::kGovernment);
  u.organisation_id = Text(row, 4);
  u.language = Text(row, 5);
  u.password_hash = Text(row, 6);
  u.failed_logins = static_cast<int>(Integer(row, 7));
  u.locked_until = ParseIso(Text(row, 8));
  u.disabled = Integer(row, 9) != 0;
  u.version = static_cast<int>(Integer(row, 10));
  u.time_zone = Text(row, 11);
  return u;
}

constexpr const char* kOrganisationColumns = "SELECT id, kind, name, country FROM organisations ";

Organisation OrganisationFromRow(const soci::row& row) {
  return {
      Text(row, 0),
      domain::ParseOrganisationKind(Text(row, 1)).value_or(domain::OrganisationKind::kGovernment),
      Text(row, 2), Text(row, 3)};
}

}  // namespace

std::optional<User> SqlAccountRepository::FindUserWhere(const std::string& column,
                                                        const std::string& value) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kUserColumns) + "WHERE " + column + " = :v", soci::use(value));
  for (const soci::row& row : rows) return UserFromRow(row);
  return std::nullopt;
}

std::optional<User> SqlAccountRepository::FindUser(const std::string& id) {
  return FindUserWhere("id", id);
}

std::optional<User> SqlAccountRepository::FindUserByEmail(const std::string& email) {
  return FindUserWhere("email", email);
}

void SqlAccountRepository::InsertUser(const User& u) {
  NullableText nullable_organisation_id(u.organisation_id);
  NullableText nullable_password_hash(u.password_hash);
  const std::string role = domain::ToString(u.role), now = ToIso(Now());
  const int disabled = u.disabled ? 1 : 0;
  sql_ << "INSERT INTO users (id, email, name, role, organisation_id, language, password_hash, "
          "failed_logins, disabled, created_at, version, time_zone) VALUES (:id, :email, :name, "
          ":role, "
          ":org, :lang, :hash, 0, :disabled, :now, 1, :tz)",
      soci::use(u.id), soci::use(u.email), soci::use(u.name), soci::use(role),
      soci::use(nullable_organisation_id.value, nullable_organisation_id.ind),
      soci::use(u.language), soci::use(nullable_password_hash.value, nullable_password_hash.ind),
      soci::use(disabled), soci::use(now), soci::use(u.time_zone);
}

void SqlAccountRepository::UpdateUser(const User& u) {
  NullableText nullable_organisation_id(u.organisation_id);
  NullableText nullable_password_hash(u.password_hash);
  const std::string role = domain::ToString(u.role);
  const std::string locked = u.locked_until ? ToIso(*u.locked_until) : "";
  NullableText nullable_locked(locked);
  const int disabled = u.disabled ? 1 : 0;
  sql_ << "UPDATE users SET email = :email, name = :name, role = :role, organisation_id = :org, "
          "language = :lang, password_hash = :hash, failed_logins = :failed, locked_until = "
          ":locked, disabled = :disabled, time_zone = :tz, version = version + 1 WHERE id = :id",
      soci::use(u.email), soci::use(u.name), soci::use(role),
      soci::use(nullable_organisation_id.value, nullable_organisation_id.ind),
      soci::use(u.language), soci::use(nullable_password_hash.value, nullable_password_hash.ind),
      soci::use(u.failed_logins), soci::use(nullable_locked.value, nullable_locked.ind),
      soci::use(disabled), soci::use(u.time_zone), soci::use(u.id);
}

std::vector<User> SqlAccountRepository::ListUsers(
    int limit, const std::string& after_email, const std::optional<std::string>& organisation_id) {
  std::vector<User> out;
  const std::string org = organisation_id.value_or("");
  const int any_org = organisation_id ? 0 : 1;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kUserColumns) +
                           "WHERE email > :after AND (:any_org = 1 OR organisation_id = :org) "
                           "ORDER BY email LIMIT :limit",
       soci::use(after_email), soci::use(any_org), soci::use(org), soci::use(limit));
  for (const soci::row& row : rows) out.push_back(UserFromRow(row));
  return out;
}

std::optional<Organisation> SqlAccountRepository::FindOrganisation(const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kOrganisationColumns) + "WHERE id = :id", soci::use(id));
  for (const soci::row& row : rows) return OrganisationFromRow(row);
  return std::nullopt;
}

std::vector<Organisation> SqlAccountRepository::ListOrganisations() {
  std::vector<Organisation> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kOrganisationColumns) + "ORDER BY name");
  for (const soci::row& row : rows) out.push_back(OrganisationFromRow(row));
  return out;
}

void SqlAccountRepository::InsertOrganisation(const Organisation& o) {
  NullableText nullable_country(o.country);
  const std::string kind = domain::ToString(o.kind), now = ToIso(Now());
  sql_ << "INSERT INTO organisations (id, kind, name, country, created_at) VALUES (:id, :kind, "
          ":name, :country, :now)",
      soci::use(o.id), soci::use(kind), soci::use(o.name),
      soci::use(nullable_country.value, nullable_country.ind), soci::use(now);
}

void SqlAccountRepository::UpdateOrganisation(const Organisation& o) {
  NullableText nullable_country(o.country);
  sql_ << "UPDATE organisations SET name = :name, country = :country WHERE id = :id",
      soci::use(o.name), soci::use(nullable_country.value, nullable_country.ind), soci::use(o.id);
}

void SqlAccountRepository::InsertSession(const Session& s) {
  const std::string created = ToIso(s.created_at), seen = ToIso(s.last_seen_at),
                    expires = ToIso(s.expires_at);
  sql_ << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
          "expires_at) VALUES (:hash, :user, :csrf, :created, :seen, :expires)",
      soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token), soci::use(created),
      soci::use(seen), soci::use(expires);
}

std::optional<Session> SqlAccountRepository::FindSession(const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, "
                       "expires_at FROM sessions WHERE token_hash = :hash",
       soci::use(token_hash));
  for (const soci::row& row : rows) {
    const auto created = ParseIso(Text(row, 3)), seen = ParseIso(Text(row, 4)),
               expires = ParseIso(Text(row, 5));
    if (!created || !seen || !expires) return std::nullopt;
    return Session{Text(row, 0), Text(row, 1), Text(row, 2), *created, *seen, *expires};
  }
  return std::nullopt;
}

void SqlAccountRepository::TouchSession(const std::string& token_hash, Instant at) {
  const std::string seen = ToIso(at);
  sql_ << "UPDATE sessions SET last_seen_at = :seen WHERE token_hash = :hash", soci::use(seen),
      soci::use(token_hash);
}

void SqlAccountRepository::DeleteSession(const std::string& token_hash) {
  sql_ << "DELETE FROM sessions WHERE token_hash = :hash", soci::use(token_hash);
}

void SqlAccountRepository::DeleteSessionsOf(const std::string& user_id) {
  sql_ << "DELETE FROM sessions WHERE user_id = :user", soci::use(user_id);
}

void SqlAccountRepository::DeleteEndedSessions(Instant now, Instant idle_since) {
  const std::string at = ToIso(now), idle = ToIso(idle_since);
  sql_ << "DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idle", soci::use(at),
      soci::use(idle);
}

void SqlAccountRepository::InsertInvitation(const Invitation& i) {
  NullableText nullable_organisation_id(i.organisation_id);
  const std::string role = domain::ToString(i.role), created = ToIso(i.created_at),
                    expires = ToIso(i.expires_at);
  sql_ << "INSERT INTO invitations (id, token_hash, email, name, role, organisation_id, "
          "invited_by, created_at, expires_at, language) VALUES (:id, :hash, :email, :name, :role, "
          ":org, :by, :created, :expires, :lang)",
      soci::use(i.id), soci::use(i.token_hash), soci::use(i.email), soci::use(i.name),
      soci::use(role), soci::use(nullable_organisation_id.value, nullable_organisation_id.ind),
      soci::use(i.invited_by), soci::use(created), soci::use(expires), soci::use(i.language);
}

namespace {

constexpr const char* kInvitationColumns =
    "SELECT id, token_hash, email, name, role, organisation_id, invited_by, created_at, "
    "expires_at, accepted_at, language FROM invitations ";

std::optional<Invitation> InvitationFromRow(const soci::row& row) {
  Invitation i;
  i.id = Text(row, 0);
  i.token_hash = Text(row, 1);
  i.email = Text(row, 2);
  i.name = Text(row, 3);
  i.role = domain::ParseAccountRole(Text(row, 4)).value_or(domain::Role::kGovernment);
  i.organisation_id = Text(row, 5);
  i.invited_by = Text(row, 6);
  const auto created = ParseIso(Text(row, 7)), expires = ParseIso(Text(row, 8));
  if (!created || !expires) return std::nullopt;
  i.created_at = *created;
  i.expires_at = *expires;
  i.accepted_at = ParseIso(Text(row, 9));
  i.language = Text(row, 10);
  return i;
}

}  // namespace

std::optional<Invitation> SqlAccountRepository::FindInvitation(const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kInvitationColumns) + "WHERE token_hash = :hash",
       soci::use(token_hash));
  for (const soci::row& row : rows) return InvitationFromRow(row);
  return std::nullopt;
}

std::optional<Invitation> SqlAccountRepository::FindInvitationById(const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kInvitationColumns) + "WHERE id = :id", soci::use(id));
  for (const soci::row& row : rows) return InvitationFromRow(row);
  return std::nullopt;
}

std::vector<Invitation> SqlAccountRepository::PendingInvitations(int limit) {
  std::vector<Invitation> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kInvitationColumns) +
                           "WHERE accepted_at IS NULL ORDER BY created_at DESC, id LIMIT :n",
       soci::use(limit));
  for (const soci::row& row : rows) {
    if (auto i = InvitationFromRow(row)) out.push_back(std::move(*i));
  }
  return out;
}

void SqlAccountRepository::RenewInvitation(const std::string& id, const std::string& token_hash,
                                           Instant expires_at) {
  const std::string expires = ToIso(expires_at);
  sql_ << "UPDATE invitations SET token_hash = :hash, expires_at = :expires WHERE id = :id",
      soci::use(token_hash), soci::use(expires), soci::use(id);
}

void SqlAccountRepository::InsertPasswordReset(const domain::PasswordReset& r) {
  const std::string created = ToIso(r.created_at), expires = ToIso(r.expires_at);
  sql_ << "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES "
          "(:hash, :u, :created, :expires)",
      soci::use(r.token_hash), soci::use(r.user_id), soci::use(created), soci::use(expires);
}

std::optional<domain::PasswordReset> SqlAccountRepository::FindPasswordReset(
    const std::string& token_hash) {
  return SelectFirst(sql_,
                     "SELECT token_hash, user_id, created_at, expires_at, used_at FROM "
                     "password_resets WHERE token_hash = :hash",
                     token_hash, [](const soci::row& row) {
                       return domain::PasswordReset{Text(row, 0), Text(row, 1), At(row, 2),
                                                    At(row, 3), MaybeAt(row, 4)};
                     });
}

int SqlAccountRepository::CountPasswordResets(const std::string& user_id, Instant since) {
  int n = 0;
  const std::string at = ToIso(since);
  sql_ << "SELECT COUNT(*) FROM password_resets WHERE user_id = :u AND created_at >= :at",
      soci::into(n), soci::use(user_id), soci::use(at);
  return n;
}

void SqlAccountRepository::EndPasswordResets(const std::string& user_id, Instant at) {
  const std::string when = ToIso(at);
  sql_ << "UPDATE password_resets SET used_at = :at WHERE user_id = :u AND used_at IS NULL",
      soci::use(when), soci::use(user_id);
}

void SqlAccountRepository::MarkInvitationAccepted(const std::string& id, Instant at) {
  const std::string when = ToIso(at);
  sql_ << "UPDATE invitations SET accepted_at = :at WHERE id = :id", soci::use(when), soci::use(id);
}

void SqlAccountRepository::RecordLoginAttempt(const std::string& client, const std::string& email,
                                              Instant at, bool succeeded) {
  const std::string when = ToIso(at);
  const int ok = succeeded ? 1 : 0;
  sql_ << "INSERT INTO login_attempts (client, email, at, succeeded) VALUES (:client, :email, "
          ":at, :ok)",
      soci::use(client), soci::use(email), soci::use(when), soci::use(ok);
}

int SqlAccountRepository::CountFailedAttempts(const std::string& client, Instant since) {
  const std::string from = ToIso(since);
  int count = 0;
  sql_ << "SELECT COUNT(*) FROM login_attempts WHERE client = :client AND at > :since AND "
          "succeeded = 0",
      soci::use(client), soci::use(from), soci::into(count);
  return count;
}

std::vector<Instant> SqlAccountRepository::FailedAttemptsFor(const std::string& email,
                                                             Instant since) {
  const std::string from = ToIso(since);
  std::vector<Instant> times;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT at FROM login_attempts WHERE email = :email AND at > :since AND "
                       "succeeded = 0 ORDER BY at",
       soci::use(email), soci::use(from));
  for (const soci::row& row : rows) {
    if (auto at = ParseIso(row.get<std::string>(0))) times.push_back(*at);
  }
  return times;
}

void SqlAccountRepository::DeleteLoginAttemptsBefore(Instant before) {
  const std::string cutoff = ToIso(before);
  sql_ << "DELETE FROM login_attempts WHERE at < :cutoff", soci::use(cutoff);
}

void SqlAccountRepository::Audit(const std::string& actor, const std::string& action,
                                 const std::string& object_type, const std::string& object_id,
                                 const std::string& before_json, const std::string& after_json) {
  AppendAudit(sql_, {actor, action, object_type, object_id, before_json, after_json});
}

}  // namespace connex::store
