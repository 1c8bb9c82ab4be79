// Storage of the outbox and of mail preferences
// (store/sql_mail_repository.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction; the
// implementation never commits.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/mail/mail.hpp"

namespace connex::domain {

class MailRepository {
 public:
  virtual ~MailRepository() = default;

  virtual void Insert(const OutboundMail& m) = 0;

  // The user's choices that differ from "immediately", by kind.
  virtual std::map<std::string, MailMode> Preferences(const std::string& user_id) = 0;
  virtual void SetPreference(const std::string& user_id, const std::string& kind,
                             MailMode mode) = 0;

  // The reply token of `user_id` on `request_id`; `fresh` becomes it when
  // there is none yet.
  virtual std::string ReplyToken(const std::string& request_id, const std::string& user_id,
                                 const std::string& fresh) = 0;
  // The request and user a reply token was given for.
  virtual std::optional<std::pair<std::string, std::string>> FindReplyToken(
      const std::string& token) = 0;
  // Records that the reply with this Message-ID was taken into `request_id`;
  // false when it was taken already.
  virtual bool MarkReplyTaken(const std::string& message_id, const std::string& request_id,
                              Instant at) = 0;

  // Delivery. The lease names the one instance that delivers: taken when
  // free, lapsed or already `holder`'s, until `until`.
  virtual bool TakeLease(const std::string& holder, Instant now, Instant until) = 0;
  virtual void ReleaseLease(const std::string& holder) = 0;
  // Queued mails whose next attempt is due, oldest first, with the
  // reference of their request.
  virtual std::vector<OutboundMail> Due(Instant now, int limit) = 0;
  // Sent: its parameters are cleared (the portal keeps what it said).
  virtual void MarkSent(const std::string& id, Instant at) = 0;
  // A failed attempt: queued again for `next`, or failed for good.
  virtual void MarkAttempt(const std::string& id, MailStatus status, int attempts, Instant next,
                           const std::string& error) = 0;

  // What administrators see: newest first, parameters not read.
  virtual std::vector<OutboundMail> Recent(int limit, std::optional<MailStatus> status) = 0;
  virtual std::map<MailStatus, int> Counts() = 0;

  // Digests: who has mails waiting for one, their mails (oldest first), and
  // the local day each user's last digest went out on.
  virtual std::vector<std::string> UsersWithDigest() = 0;
  virtual std::vector<OutboundMail> DigestOf(const std::string& user_id) = 0;
  virtual void MarkDigested(const std::vector<std::string>& ids) = 0;
  virtual std::string DigestSentOn(const std::string& user_id) = 0;
  virtual void SetDigestSentOn(const std::string& user_id, const std::string& date) = 0;
};

}  // namespace connex::domain
