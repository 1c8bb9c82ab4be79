#include "domain/accounts/account_service.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

namespace {

Error Invalid(std::string message, std::string field) {
  return Error{ErrorCode::kInvalidInput, std::move(message), std::move(field)};
}

std::string Minutes(std::chrono::seconds s) {
  const auto m = std::chrono::ceil<std::chrono::minutes>(s).count();
  return std::to_string(m) + (m == 1 ? " minute" : " minutes");
}

// A password hash computed once, checked when the email is unknown, so a
// wrong email costs the same time as a wrong password.
const std::string& DecoyHash() {
  static const std::string hash = HashPassword(RandomToken());
  return hash;
}

}  // namespace

std::string UserJson(const User& u) {
  nlohmann::json j = {{"id", u.id},
                      {"email", u.email},
                      {"name", u.name},
                      {"role", ToString(u.role)},
                      {"organisation_id", u.organisation_id},
                      {"language", u.language},
                      {"disabled", u.disabled}};
  return j.dump();
}

Result<SignInAttempt> AccountService::SignIn(AccountRepository& repo, const std::string& email_in,
                                             const std::string& password,
                                             const std::string& client) const {
  const Instant now = Now();
  const std::string email = NormaliseEmail(email_in);
  if (repo.CountFailedAttempts(client, now - rules_.client_window) >= rules_.client_failures) {
    return SignInAttempt{std::nullopt,
                         Error{ErrorCode::kRateLimited,
                               "too many failed sign-ins from this address; try again in " +
                                   Minutes(rules_.client_window),
                               "email"}};
  }
  std::optional<User> user = repo.FindUserByEmail(email);
  // An address no account has is locked as an account would be, so that the
  // answers do not tell which addresses have accounts: every
  // `lockout_failures`-th failure in a row locks it for `lockout` (failures
  // while locked are not recorded, as for an account).
  std::optional<Instant> locked_until = user ? user->locked_until : std::nullopt;
  if (!user) {
    int streak = 0;
    for (const Instant at : repo.FailedAttemptsFor(email, now - 2 * rules_.lockout)) {
      if (locked_until && at < *locked_until) continue;
      if (++streak == rules_.lockout_failures) {
        locked_until = at + rules_.lockout;
        streak = 0;
      }
    }
  }
  if (locked_until && *locked_until > now) {
    return SignInAttempt{
        std::nullopt, Error{ErrorCode::kRateLimited,
                            "this account is locked after repeated failed sign-ins; try again in " +
                                Minutes(*locked_until - now),
                            "email"}};
  }
  const bool match = VerifyPassword(password, user ? user->password_hash : DecoyHash());
  if (!user || !match || user->disabled || user->password_hash.empty()) {
    repo.RecordLoginAttempt(client, email, now, false);
    if (user) {
      User before = *user;
      ++user->failed_logins;
      if (user->failed_logins >= rules_.lockout_failures) {
        user->locked_until = now + rules_.lockout;
        user->failed_logins = 0;
        repo.Audit("system", "user.lock", "user", user->id, UserJson(before), UserJson(*user));
      }
      repo.UpdateUser(*user);
    }
    return SignInAttempt{std::nullopt, Invalid("wrong email or password", "password")};
  }
  repo.RecordLoginAttempt(client, email, now, true);
  // Housekeeping on the rare path: ended sessions and attempts outside the window.
  repo.DeleteEndedSessions(now, now - rules_.session_idle);
  repo.DeleteLoginAttemptsBefore(now - rules_.client_window);
  if (user->failed_logins != 0 || user->locked_until) {
    user->failed_logins = 0;
    user->locked_until.reset();
    repo.UpdateUser(*user);
  }
  NewSession out;
  out.user = *user;
  out.token = RandomToken();
  out.csrf_token = RandomToken();
  out.expires_at = now + rules_.session_lifetime;
  Session s{Sha256Hex(out.token), user->id, out.csrf_token, now, now, out.expires_at};
  repo.InsertSession(s);
  // The session is named by a digest of its digest: the audit log never holds
  // anything that could be replayed.
  repo.Audit(user->id, "session.create", "session", Sha256Hex(s.token_hash), "",
             nlohmann::json({{"user_id", user->id}, {"expires_at", ToIso(s.expires_at)}}).dump());
  return SignInAttempt{out, std::nullopt};
}

Result<SignedIn> AccountService::Authenticate(AccountRepository& repo,
                                              const std::string& token) const {
  const Error gone{ErrorCode::kUnauthenticated, "not signed in, or the session has ended", ""};
  if (token.empty() || token.size() > 128) return gone;
  const Instant now = Now();
  std::optional<Session> s = repo.FindSession(Sha256Hex(token));
  if (!s) return gone;
  // Ended sessions are left for the next sign-in's sweep: this path only reads.
  if (s->expires_at <= now || s->last_seen_at + rules_.session_idle <= now) return gone;
  std::optional<User> user = repo.FindUser(s->user_id);
  if (!user || user->disabled) return gone;
  // Activity is recorded at most once a minute (sooner for short idle limits),
  // so most requests never write.
  const auto every =
      std::min<std::chrono::seconds>(std::chrono::minutes(1), rules_.session_idle / 4);
  return SignedIn{*user, *s, now - s->last_seen_at >= every};
}

Result<Done> AccountService::Refresh(AccountRepository& repo, const SignedIn& who) const {
  repo.TouchSession(who.session.token_hash, Now());
  return Done{};
}

Result<Done> AccountService::SignOut(AccountRepository& repo, const SignedIn& who) const {
  repo.DeleteSession(who.session.token_hash);
  repo.Audit(who.user.id, "session.delete", "session", Sha256Hex(who.session.token_hash),
             nlohmann::json({{"user_id", who.user.id}}).dump(), "");
  return Done{};
}

Result<Done> AccountService::ChangePassword(AccountRepository& repo, const SignedIn& who,
                                            const std::string& current,
                                            const std::string& next) const {
  if (!VerifyPassword(current, who.user.password_hash)) {
    return Invalid("is not your current password", "current_password");
  }
  if (auto why = CheckPassword(next, who.user.email)) return Invalid(*why, "new_password");
  User u = who.user;
  u.password_hash = HashPassword(next);
  repo.UpdateUser(u);
  repo.DeleteSessionsOf(u.id);
  repo.InsertSession(who.session);  // this session stays signed in
  repo.Audit(u.id, "user.password", "user", u.id, "", "");
  return Done{};
}

Result<Done> AccountService::CheckNewUser(AccountRepository& repo, const std::string& email,
                                          Role role, const std::string& organisation_id) const {
  if (auto why = CheckEmail(email)) return Invalid(*why, "email");
  if (repo.FindUserByEmail(email))
    return Error{ErrorCode::kConflict, "already has an account", "email"};
  return CheckMembership(repo, role, organisation_id);
}

// A government user belongs to a government organisation; anyone else to
// an existing one, or none.
Result<Done> AccountService::CheckMembership(AccountRepository& repo, Role role,
                                             const std::string& organisation_id) const {
  if (role == Role::kGovernment && organisation_id.empty()) {
    return Invalid("is required for a government user", "organisation_id");
  }
  if (!organisation_id.empty()) {
    std::optional<Organisation> org = repo.FindOrganisation(organisation_id);
    if (!org) return Invalid("no organisation has id " + organisation_id, "organisation_id");
    if (role == Role::kGovernment && org->kind != OrganisationKind::kGovernment) {
      return Invalid("a government user belongs to a government organisation", "organisation_id");
    }
  }
  return Done{};
}

namespace {

// Coordinators invite governments and experts; admins anyone.
bool MayInvite(Role actor_role, Role role) {
  return actor_role == Role::kAdmin ||
         (actor_role == Role::kCoordinator && (role == Role::kGovernment || role == Role::kExpert));
}

}  // namespace

Result<NewInvitation> AccountService::Invite(AccountRepository& repo, const std::string& actor,
                                             Role actor_role, const std::string& email_in,
                                             const std::string& name, Role role,
                                             const std::string& organisation_id,
                                             const std::string& language) const {
  const std::string email = NormaliseEmail(email_in);
  if (!MayInvite(actor_role, role)) {
    return Error{ErrorCode::kForbidden,
                 std::string("a ") + ToString(actor_role) + " cannot invite a " + ToString(role),
                 "role"};
  }
  if (name.empty() || name.size() > 200) return Invalid("must be 1 to 200 characters", "name");
  if (Result<Done> ok = CheckNewUser(repo, email, role, organisation_id); !ok) return ok.errors();
  const Instant now = Now();
  NewInvitation out;
  out.token = RandomToken();
  Invitation& i = out.invitation;
  i = {NewId("inv"),
       Sha256Hex(out.token),
       email,
       name,
       role,
       organisation_id,
       actor,
       now,
       now + rules_.invitation_lifetime,
       std::nullopt,
       language};
  repo.InsertInvitation(i);
  repo.Audit(actor, "invitation.create", "invitation", i.id, "",
             nlohmann::json({{"email", email},
                             {"name", name},
                             {"role", ToString(role)},
                             {"organisation_id", organisation_id},
                             {"expires_at", ToIso(i.expires_at)},
                             {"language", language}})
                 .dump());
  return out;
}

std::vector<Invitation> AccountService::PendingInvitations(AccountRepository& repo,
                                                           Role actor_role) const {
  std::vector<Invitation> out = repo.PendingInvitations(500);
  std::erase_if(out, [&](const Invitation& i) { return !MayInvite(actor_role, i.role); });
  return out;
}

Result<NewInvitation> AccountService::ResendInvitation(AccountRepository& repo,
                                                       const std::string& actor, Role actor_role,
                                                       const std::string& id) const {
  std::optional<Invitation> i = repo.FindInvitationById(id);
  if (!i || i->accepted_at || !MayInvite(actor_role, i->role)) {
    return Error{ErrorCode::kNotFound, "no pending invitation has this id", "id"};
  }
  if (repo.FindUserByEmail(i->email)) {
    return Error{ErrorCode::kConflict, "already has an account", "email"};
  }
  NewInvitation out{*i, RandomToken()};
  out.invitation.token_hash = Sha256Hex(out.token);
  out.invitation.expires_at = Now() + rules_.invitation_lifetime;
  repo.RenewInvitation(i->id, out.invitation.token_hash, out.invitation.expires_at);
  repo.Audit(actor, "invitation.resend", "invitation", i->id,
             nlohmann::json({{"expires_at", ToIso(i->expires_at)}}).dump(),
             nlohmann::json({{"expires_at", ToIso(out.invitation.expires_at)}}).dump());
  return out;
}

Result<Invitation> AccountService::FindInvitation(AccountRepository& repo,
                                                  const std::string& token) const {
  const Error gone{ErrorCode::kNotFound, "this invitation is unknown, used or expired", "token"};
  if (token.empty() || token.size() > 128) return gone;
  std::optional<Invitation> i = repo.FindInvitation(Sha256Hex(token));
  if (!i || i->accepted_at || i->expires_at <= Now()) return gone;
  return *i;
}

Result<User> AccountService::AcceptInvitation(AccountRepository& repo, const std::string& token,
                                              const std::string& password) const {
  Result<Invitation> i = FindInvitation(repo, token);
  if (!i) return i.errors();
  if (auto why = CheckPassword(password, i->email)) return Invalid(*why, "password");
  if (Result<Done> ok = CheckNewUser(repo, i->email, i->role, i->organisation_id); !ok) {
    return ok.errors();
  }
  User u;
  u.id = NewId("usr");
  u.email = i->email;
  u.name = i->name;
  u.role = i->role;
  u.organisation_id = i->organisation_id;
  u.language = i->language;
  u.password_hash = HashPassword(password);
  repo.InsertUser(u);
  repo.MarkInvitationAccepted(i->id, Now());
  repo.Audit(u.id, "invitation.accept", "user", u.id, "", UserJson(u));
  return u;
}

Result<User> AccountService::AddUser(AccountRepository& repo, const std::string& actor,
                                     const std::string& email_in, const std::string& name,
                                     Role role, const std::string& organisation_id,
                                     const std::string& password) const {
  if (auto why = CheckPassword(password, NormaliseEmail(email_in))) {
    return Invalid(*why, "password");
  }
  return AddUserWithHash(repo, actor, email_in, name, role, organisation_id,
                         HashPassword(password));
}

Result<User> AccountService::AddUserWithHash(AccountRepository& repo, const std::string& actor,
                                             const std::string& email_in, const std::string& name,
                                             Role role, const std::string& organisation_id,
                                             const std::string& password_hash) const {
  const std::string email = NormaliseEmail(email_in);
  if (name.empty() || name.size() > 200) return Invalid("must be 1 to 200 characters", "name");
  if (Result<Done> ok = CheckNewUser(repo, email, role, organisation_id); !ok) return ok.errors();
  User u;
  u.id = NewId("usr");
  u.email = email;
  u.name = name;
  u.role = role;
  u.organisation_id = organisation_id;
  u.password_hash = password_hash;
  repo.InsertUser(u);
  repo.Audit(actor, "user.create", "user", u.id, "", UserJson(u));
  return u;
}

Result<Organisation> AccountService::AddOrganisation(AccountRepository& repo,
                                                     const std::string& actor,
                                                     OrganisationKind kind, const std::string& name,
                                                     const std::string& country) const {
  if (auto ok = CheckOrganisation(repo, kind, name, country, ""); !ok) return ok.errors();
  Organisation o{NewId("org"), kind, name, country};
  repo.InsertOrganisation(o);
  repo.Audit(
      actor, "organisation.create", "organisation", o.id, "",
      nlohmann::json({{"kind", ToString(kind)}, {"name", name}, {"country", country}}).dump());
  return o;
}

std::optional<NewPasswordReset> AccountService::StartPasswordReset(AccountRepository& repo,
                                                                   const std::string& email,
                                                                   Instant now) const {
  std::optional<User> u = repo.FindUserByEmail(NormaliseEmail(email));
  if (!u || u->disabled) return std::nullopt;
  if (repo.CountPasswordResets(u->id, now - std::chrono::hours(1)) >= rules_.resets_per_hour) {
    return std::nullopt;
  }
  NewPasswordReset out{*u, RandomToken(), now + rules_.reset_lifetime};
  repo.InsertPasswordReset({Sha256Hex(out.token), u->id, now, out.expires_at, std::nullopt});
  repo.Audit("system", "user.reset_requested", "user", u->id, "", "");
  return out;
}

Result<User> AccountService::FindPasswordReset(AccountRepository& repo, const std::string& token,
                                               Instant now) const {
  const Error gone{ErrorCode::kNotFound,
                   "this link to choose a new password is unknown, used or expired; ask for a "
                   "new one",
                   "token"};
  const std::optional<PasswordReset> r = repo.FindPasswordReset(Sha256Hex(token));
  if (!r || r->used_at || r->expires_at <= now) return gone;
  std::optional<User> u = repo.FindUser(r->user_id);
  if (!u || u->disabled) return gone;
  return *u;
}

Result<User> AccountService::CompletePasswordReset(AccountRepository& repo,
                                                   const std::string& token,
                                                   const std::string& password, Instant now) const {
  Result<User> u = FindPasswordReset(repo, token, now);
  if (!u) return u.errors();
  if (auto why = CheckPassword(password, u->email)) return Invalid(*why, "password");
  u->password_hash = HashPassword(password);
  u->failed_logins = 0;
  u->locked_until.reset();
  repo.UpdateUser(*u);
  repo.EndPasswordResets(u->id, now);
  repo.DeleteSessionsOf(u->id);
  repo.Audit(u->id, "user.reset", "user", u->id, "", "");
  return *u;
}

Result<Done> AccountService::CheckOrganisation(AccountRepository& repo, OrganisationKind kind,
                                               const std::string& name, const std::string& country,
                                               const std::string& except_id) const {
  if (name.empty() || name.size() > 200) return Invalid("must be 1 to 200 characters", "name");
  if (!country.empty() && !IsThreeLetterCode(country)) {
    return Invalid("\"" + country + "\" is not an ISO 3166-1 alpha-3 code such as GHA", "country");
  }
  if (kind == OrganisationKind::kGovernment && country.empty()) {
    return Invalid("is required for a government organisation", "country");
  }
  for (const Organisation& o : repo.ListOrganisations()) {
    if (o.id != except_id && o.kind == kind && o.name == name && o.country == country) {
      return Error{ErrorCode::kConflict, "another organisation has this name and country", "name"};
    }
  }
  return Done{};
}

Result<Organisation> AccountService::ChangeOrganisation(AccountRepository& repo,
                                                        const std::string& actor,
                                                        const std::string& id,
                                                        const std::string& name,
                                                        const std::string& country) const {
  std::optional<Organisation> o = repo.FindOrganisation(id);
  if (!o) return Error{ErrorCode::kNotFound, "not found", ""};
  if (auto ok = CheckOrganisation(repo, o->kind, name, country, id); !ok) return ok.errors();
  const Organisation before = *o;
  o->name = name;
  o->country = country;
  repo.UpdateOrganisation(*o);
  repo.Audit(actor, "organisation.update", "organisation", id,
             nlohmann::json({{"name", before.name}, {"country", before.country}}).dump(),
             nlohmann::json({{"name", name}, {"country", country}}).dump());
  return *o;
}

Result<User> AccountService::ChangeUser(AccountRepository& repo, const Principal& admin,
                                        const std::string& id, const UserChange& change) const {
  std::optional<User> u = repo.FindUser(id);
  if (!u) return Error{ErrorCode::kNotFound, "not found", ""};
  if (u->version != change.version) {
    return Error{ErrorCode::kConflict, "the account was changed meanwhile; reload it", "version"};
  }
  if (id == admin.user_id && change.role && *change.role != u->role) {
    return Invalid("you cannot change the role of your own account", "role");
  }
  if (id == admin.user_id && change.disabled.value_or(false)) {
    return Invalid("you cannot deactivate your own account", "disabled");
  }
  const User before = *u;
  if (change.role) u->role = *change.role;
  if (change.organisation_id) u->organisation_id = *change.organisation_id;
  if (change.role || change.organisation_id) {
    if (auto ok = CheckMembership(repo, u->role, u->organisation_id); !ok) return ok.errors();
  }
  if (change.disabled) u->disabled = *change.disabled;
  repo.UpdateUser(*u);
  ++u->version;
  // A deactivated account, or one whose rights changed, is signed out at once.
  if (u->disabled || u->role != before.role || u->organisation_id != before.organisation_id) {
    repo.DeleteSessionsOf(id);
  }
  repo.Audit(admin.user_id,
             u->disabled != before.disabled ? (u->disabled ? "user.deactivate" : "user.reactivate")
                                            : "user.update",
             "user", id, UserJson(before), UserJson(*u));
  return *u;
}

Result<Done> AccountService::ResetPassword(AccountRepository& repo, const std::string& actor,
                                           const std::string& email,
                                           const std::string& password) const {
  std::optional<User> u = repo.FindUserByEmail(NormaliseEmail(email));
  if (!u) return Error{ErrorCode::kNotFound, "no account has this email", "email"};
  if (auto why = CheckPassword(password, u->email)) return Invalid(*why, "password");
  u->password_hash = HashPassword(password);
  u->failed_logins = 0;
  u->locked_until.reset();
  repo.UpdateUser(*u);
  repo.DeleteSessionsOf(u->id);
  repo.Audit(actor, "user.reset", "user", u->id, "", "");
  return Done{};
}

Result<std::vector<User>> AccountService::ListUsers(AccountRepository& repo, const Principal& p,
                                                    int limit, const std::string& after) const {
  if (!IsStaff(p)) return Error{ErrorCode::kForbidden, "only the Support Unit lists users", ""};
  return repo.ListUsers(limit, after, std::nullopt);
}

Result<User> AccountService::VisibleUser(AccountRepository& repo, const Principal& p,
                                         const std::string& id) const {
  auto u = repo.FindUser(id);
  if (!u || !CanSeeUser(p, *u)) return Error{ErrorCode::kNotFound, "no such user", "id"};
  return *u;
}

std::vector<Organisation> AccountService::VisibleOrganisations(AccountRepository& repo,
                                                               const Principal& p) const {
  std::vector<Organisation> out;
  for (Organisation& o : repo.ListOrganisations()) {
    if (CanSeeOrganisation(p, o)) out.push_back(std::move(o));
  }
  return out;
}

Result<Organisation> AccountService::VisibleOrganisation(AccountRepository& repo,
                                                         const Principal& p,
                                                         const std::string& id) const {
  auto o = repo.FindOrganisation(id);
  if (!o || !CanSeeOrganisation(p, *o)) {
    return Error{ErrorCode::kNotFound, "no such organisation", "id"};
  }
  return *o;
}

}  // namespace connex::domain
