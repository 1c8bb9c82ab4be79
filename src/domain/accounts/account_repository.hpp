// AccountRepository: how the account service reaches stored accounts. One
// instance lives for one transaction (store::SqlAccountRepository wraps the
// transaction's session), so every call of a request commits or rolls back
// together.
//
// Thread-safety: one instance per transaction, used by one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.hpp"

namespace connex::domain {

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;

  virtual std::optional<User> FindUser(const std::string& id) = 0;
  virtual std::optional<User> FindUserByEmail(const std::string& email) = 0;
  virtual void InsertUser(const User& u) = 0;
  // Writes every field of `u` and increments its version.
  virtual void UpdateUser(const User& u) = 0;
  // Ordered by email, after `after_email` (exclusive); only `organisation_id`'s users when set.
  virtual std::vector<User> ListUsers(int limit, const std::string& after_email,
                                      const std::optional<std::string>& organisation_id) = 0;

  virtual std::optional<Organisation> FindOrganisation(const std::string& id) = 0;
  virtual std::vector<Organisation> ListOrganisations() = 0;
  virtual void InsertOrganisation(const Organisation& o) = 0;
  virtual void UpdateOrganisation(const Organisation& o) = 0;

  virtual void InsertSession(const Session& s) = 0;
  virtual std::optional<Session> FindSession(const std::string& token_hash) = 0;
  virtual void TouchSession(const std::string& token_hash, Instant at) = 0;
  virtual void DeleteSession(const std::string& token_hash) = 0;
  virtual void DeleteSessionsOf(const std::string& user_id) = 0;
  // Sessions past their lifetime (expires_at <= now) or idle since `idle_since`.
  virtual void DeleteEndedSessions(Instant now, Instant idle_since) = 0;

  virtual void InsertInvitation(const Invitation& i) = 0;
  virtual std::optional<Invitation> FindInvitation(const std::string& token_hash) = 0;
  virtual void MarkInvitationAccepted(const std::string& id, Instant at) = 0;
  virtual std::optional<Invitation> FindInvitationById(const std::string& id) = 0;
  // Invitations not accepted yet (expired ones too), newest first.
  virtual std::vector<Invitation> PendingInvitations(int limit) = 0;
  // A new link for the invitation: the old one stops working.
  virtual void RenewInvitation(const std::string& id, const std::string& token_hash,
                               Instant expires_at) = 0;

  virtual void InsertPasswordReset(const PasswordReset& r) = 0;
  virtual std::optional<PasswordReset> FindPasswordReset(const std::string& token_hash) = 0;
  // How many resets of the user were asked for since `since`.
  virtual int CountPasswordResets(const std::string& user_id, Instant since) = 0;
  // Marks every unused reset of the user used (one new password ends them all).
  virtual void EndPasswordResets(const std::string& user_id, Instant at) = 0;

  virtual void RecordLoginAttempt(const std::string& client, const std::string& email, Instant at,
                                  bool succeeded) = 0;
  virtual int CountFailedAttempts(const std::string& client, Instant since) = 0;
  // When the failed sign-ins with `email` since `since` were made, oldest first.
  virtual std::vector<Instant> FailedAttemptsFor(const std::string& email, Instant since) = 0;
  // Forgets attempts older than `before`: only the recent window is ever counted.
  virtual void DeleteLoginAttemptsBefore(Instant before) = 0;

  // Appends to the audit chain in this transaction. JSON texts; empty for none.
  virtual void Audit(const std::string& actor, const std::string& action,
                     const std::string& object_type, const std::string& object_id,
                     const std::string& before_json, const std::string& after_json) = 0;
};

}  // namespace connex::domain
