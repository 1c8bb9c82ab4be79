// AccountService: sign-in, sessions, invitations and passwords, by the rules of
// the security baseline (docs/architecture.md): argon2id passwords, random 256-bit
// session tokens stored only as SHA-256 digests, a CSRF token per session,
// lockout after repeated failures, rate limits per client address, sessions
// that expire both after a fixed lifetime and after idleness.
//
// Every mutation is audited through the repository, in the caller's transaction.
//
// Thread-safety: immutable after construction; methods are reentrant.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/policy/policy.hpp"

namespace connex::domain {

struct AccountRules {
  std::chrono::seconds session_lifetime{12 * 3600};
  std::chrono::seconds session_idle{2 * 3600};
  int lockout_failures = 5;  // consecutive failed sign-ins that lock an account
  std::chrono::seconds lockout{15 * 60};
  int client_failures = 20;  // failed sign-ins from one address per window
  std::chrono::seconds client_window{15 * 60};
  std::chrono::seconds invitation_lifetime{7 * 24 * 3600};
  std::chrono::seconds reset_lifetime{3600};
  int resets_per_hour = 3;  // reset mails to one account; more are not sent
};

// A signed-in user as a request sees it.
struct SignedIn {
  User user;
  Session session;
  bool refresh = false;  // last seen long enough ago that Refresh() should record activity
};

// The secret half of a new session or invitation: shown once, never stored.
struct NewSession {
  User user;
  std::string token;
  std::string csrf_token;
  Instant expires_at;
};
struct SignInAttempt {
  std::optional<NewSession> session;  // set when signed in
  std::optional<Error> refused;       // set otherwise
};
struct NewInvitation {
  Invitation invitation;
  std::string token;
};
// What an administrator changes of an account; unset fields stay.
struct UserChange {
  int version = 0;  // the version the administrator saw
  std::optional<Role> role;
  std::optional<std::string> organisation_id;
  std::optional<bool> disabled;
};
struct NewPasswordReset {
  User user;
  std::string token;
  Instant expires_at;
};

class AccountService {
 public:
  explicit AccountService(AccountRules rules) : rules_(rules) {}
  const AccountRules& rules() const { return rules_; }

  // A refused sign-in is still a value, not an error: the failure counters
  // and the attempt it records must be committed with it. Refusals:
  // kInvalidInput (wrong email or password: one message for both, so accounts
  // cannot be discovered), kRateLimited (locked or too many failures from the
  // client; the message says for how long).
  Result<SignInAttempt> SignIn(AccountRepository& repo, const std::string& email,
                               const std::string& password, const std::string& client) const;
  // The session of `token`; kUnauthenticated when unknown, expired or idle too
  // long. Reads only, so every request can check its session in a read
  // transaction; when `refresh` is set, call Refresh() in a write.
  Result<SignedIn> Authenticate(AccountRepository& repo, const std::string& token) const;
  // Records activity on the session (its idle clock restarts).
  Result<Done> Refresh(AccountRepository& repo, const SignedIn& who) const;
  Result<Done> SignOut(AccountRepository& repo, const SignedIn& who) const;
  // Ends every other session of the user.
  Result<Done> ChangePassword(AccountRepository& repo, const SignedIn& who,
                              const std::string& current, const std::string& next) const;

  // Coordinators invite government users and experts; admins invite anyone.
  Result<NewInvitation> Invite(AccountRepository& repo, const std::string& actor, Role actor_role,
                               const std::string& email, const std::string& name, Role role,
                               const std::string& organisation_id,
                               const std::string& language) const;
  // Invitations not accepted yet that `actor_role` may send again (expired
  // ones too), newest first.
  std::vector<Invitation> PendingInvitations(AccountRepository& repo, Role actor_role) const;
  // The same invitation with a new link and a new lifetime; the old link
  // stops working. kNotFound when accepted or not the actor's to resend;
  // kConflict when the address has an account by now.
  Result<NewInvitation> ResendInvitation(AccountRepository& repo, const std::string& actor,
                                         Role actor_role, const std::string& id) const;
  // The pending invitation of `token`; kNotFound when unknown, used or expired.
  Result<Invitation> FindInvitation(AccountRepository& repo, const std::string& token) const;
  Result<User> AcceptInvitation(AccountRepository& repo, const std::string& token,
                                const std::string& password) const;

  // A forgotten password. The caller answers the same whatever this returns,
  // so nobody learns whether `email` has an account: a reset is made only
  // for an enabled account, and at most `resets_per_hour` an hour each.
  std::optional<NewPasswordReset> StartPasswordReset(AccountRepository& repo,
                                                     const std::string& email, Instant now) const;
  // The account of a pending reset; kNotFound when unknown, used or expired.
  Result<User> FindPasswordReset(AccountRepository& repo, const std::string& token,
                                 Instant now) const;
  // Sets the new password, ends every reset and session of the account and
  // lifts a lockout.
  Result<User> CompletePasswordReset(AccountRepository& repo, const std::string& token,
                                     const std::string& password, Instant now) const;

  // An administrator's change of another account: its role (within the
  // rules of CheckNewUser), its organisation, deactivation (every session
  // ends at once) or reactivation. Nobody changes their own role or
  // deactivates themselves. kConflict when `version` is not the current one.
  Result<User> ChangeUser(AccountRepository& repo, const Principal& admin, const std::string& id,
                          const UserChange& change) const;
  // Renames an organisation or corrects its country (kind stays).
  Result<Organisation> ChangeOrganisation(AccountRepository& repo, const std::string& actor,
                                          const std::string& id, const std::string& name,
                                          const std::string& country) const;

  // Operator commands (connex user add / reset), audited as `actor`.
  Result<User> AddUser(AccountRepository& repo, const std::string& actor, const std::string& email,
                       const std::string& name, Role role, const std::string& organisation_id,
                       const std::string& password) const;
  // The same with the password already hashed (HashPassword): the demonstration
  // seeds dozens of accounts that share one password, hashed once.
  Result<User> AddUserWithHash(AccountRepository& repo, const std::string& actor,
                               const std::string& email, const std::string& name, Role role,
                               const std::string& organisation_id,
                               const std::string& password_hash) const;
  // Governments carry an ISO 3166-1 alpha-3 country code; other kinds may.
  Result<Organisation> AddOrganisation(AccountRepository& repo, const std::string& actor,
                                       OrganisationKind kind, const std::string& name,
                                       const std::string& country) const;
  Result<Done> ResetPassword(AccountRepository& repo, const std::string& actor,
                             const std::string& email, const std::string& password) const;

  // People and organisations as `p` may see them (the policy's CanSeeUser and
  // CanSeeOrganisation); what `p` may not see answers kNotFound.
  // Users by email after `after`, at most `limit`: the Support Unit only.
  Result<std::vector<User>> ListUsers(AccountRepository& repo, const Principal& p, int limit,
                                      const std::string& after) const;
  Result<User> VisibleUser(AccountRepository& repo, const Principal& p,
                           const std::string& id) const;
  std::vector<Organisation> VisibleOrganisations(AccountRepository& repo, const Principal& p) const;
  Result<Organisation> VisibleOrganisation(AccountRepository& repo, const Principal& p,
                                           const std::string& id) const;

 private:
  Result<Done> CheckNewUser(AccountRepository& repo, const std::string& email, Role role,
                            const std::string& organisation_id) const;
  Result<Done> CheckMembership(AccountRepository& repo, Role role,
                               const std::string& organisation_id) const;
  Result<Done> CheckOrganisation(AccountRepository& repo, OrganisationKind kind,
                                 const std::string& name, const std::string& country,
                                 const std::string& except_id) const;
  AccountRules rules_;
};

// The audit view of a user: no secrets, no counters.
std::string UserJson(const User& u);

}  // namespace connex::domain
