// SqlMailRepository: the outbox, its sender's lease and mail preferences, in
// SQL both backends accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/mail/mail_repository.hpp"

namespace connex::store {

class SqlMailRepository : public domain::MailRepository {
 public:
  explicit SqlMailRepository(soci::session& sql) : sql_(sql) {}

  void Insert(const domain::OutboundMail& m) override;
  std::map<std::string, domain::MailMode> Preferences(const std::string& user_id) override;
  void SetPreference(const std::string& user_id, const std::string& kind,
                     domain::MailMode mode) override;
  std::string ReplyToken(const std::string& request_id, const std::string& user_id,
                         const std::string& fresh) override;
  std::optional<std::pair<std::string, std::string>> FindReplyToken(
      const std::string& token) override;
  bool MarkReplyTaken(const std::string& message_id, const std::string& request_id,
                      Instant at) override;
  bool TakeLease(const std::string& holder, Instant now, Instant until) override;
  void ReleaseLease(const std::string& holder) override;
  std::vector<domain::OutboundMail> Due(Instant now, int limit) override;
  void MarkSent(const std::string& id, Instant at) override;
  void MarkAttempt(const std::string& id, domain::MailStatus status, int attempts, Instant next,
                   const std::string& error) override;
  std::vector<domain::OutboundMail> Recent(int limit,
                                           std::optional<domain::MailStatus> status) override;
  std::map<domain::MailStatus, int> Counts() override;
  std::vector<std::string> UsersWithDigest() override;
  std::vector<domain::OutboundMail> DigestOf(const std::string& user_id) override;
  void MarkDigested(const std::vector<std::string>& ids) override;
  std::string DigestSentOn(const std::string& user_id) override;
  void SetDigestSentOn(const std::string& user_id, const std::string& date) override;

 private:
  std::vector<domain::OutboundMail> Select(const std::string& where, const std::string& value,
                                           bool with_params);
  soci::session& sql_;
};

}  // namespace connex::store
