// SqlAccountRepository: the account repository over one transaction's session,
// in SQL that SQLite and PostgreSQL both accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/accounts/account_repository.hpp"
#include "store/database.hpp"

namespace connex::store {

class SqlAccountRepository : public domain::AccountRepository {
 public:
  explicit SqlAccountRepository(soci::session& sql) : sql_(sql) {}

  std::optional<domain::User> FindUser(const std::string& id) override;
  std::optional<domain::User> FindUserByEmail(const std::string& email) override;
  void InsertUser(const domain::User& u) override;
  void UpdateUser(const domain::User& u) override;
  std::vector<domain::User> ListUsers(int limit, const std::string& after_email,
                                      const std::optional<std::string>& organisation_id) override;

  std::optional<domain::Organisation> FindOrganisation(const std::string& id) override;
  std::vector<domain::Organisation> ListOrganisations() override;
  void InsertOrganisation(const domain::Organisation& o) override;
  void UpdateOrganisation(const domain::Organisation& o) override;

  void InsertSession(const domain::Session& s) override;
  std::optional<domain::Session> FindSession(const std::string& token_hash) override;
  void TouchSession(const std::string& token_hash, Instant at) override;
  void DeleteSession(const std::string& token_hash) override;
  void DeleteSessionsOf(const std::string& user_id) override;
  void DeleteEndedSessions(Instant now, Instant idle_since) override;

  void InsertInvitation(const domain::Invitation& i) override;
  std::optional<domain::Invitation> FindInvitation(const std::string& token_hash) override;
  void InsertPasswordReset(const domain::PasswordReset& r) override;
  std::optional<domain::PasswordReset> FindPasswordReset(const std::string& token_hash) override;
  int CountPasswordResets(const std::string& user_id, Instant since) override;
  void EndPasswordResets(const std::string& user_id, Instant at) override;
  void MarkInvitationAccepted(const std::string& id, Instant at) override;
  std::optional<domain::Invitation> FindInvitationById(const std::string& id) override;
  std::vector<domain::Invitation> PendingInvitations(int limit) override;
  void RenewInvitation(const std::string& id, const std::string& token_hash,
                       Instant expires_at) override;

  void RecordLoginAttempt(const std::string& client, const std::string& email, Instant at,
                          bool succeeded) override;
  int CountFailedAttempts(const std::string& client, Instant since) override;
  std::vector<Instant> FailedAttemptsFor(const std::string& email, Instant since) override;
  void DeleteLoginAttemptsBefore(Instant before) override;

  void Audit(const std::string& actor, const std::string& action, const std::string& object_type,
             const std::string& object_id, const std::string& before_json,
             const std::string& after_json) override;

 private:
  std::optional<domain::User> FindUserWhere(const std::string& column, const std::string& value);
  soci::session& sql_;
};

}  // namespace connex::store
