#include "domain/mail/mail_replies.hpp"

#include "domain/accounts/account_repository.hpp"
#include "domain/mail/mail_repository.hpp"

namespace connex::domain {

std::string ReplyTokenOf(const std::string& address) {
  const size_t at = address.rfind('@');
  const size_t plus = address.rfind('+', at);
  if (at == std::string::npos || plus == std::string::npos) return "";
  return address.substr(plus + 1, at - plus - 1);
}

Result<TakenReply> TakeMailReply(Stores& s, const RequestService& requests, const MailReply& reply,
                                 Instant now) {
  const auto thread = reply.token.empty() ? std::nullopt : s.mail.FindReplyToken(reply.token);
  if (!thread) {
    return Error{ErrorCode::kNotFound, "the reply address names no conversation of the portal",
                 "to"};
  }
  const std::optional<User> u = s.accounts.FindUser(thread->second);
  if (!u || u->disabled) {
    return Error{ErrorCode::kForbidden, "the account this address was given to is closed", "to"};
  }
  if (NormaliseEmail(reply.from) != u->email) {
    return Error{ErrorCode::kForbidden,
                 "the sender " + reply.from + " is not the person this reply address was given to",
                 "from"};
  }
  if (reply.text.empty() && reply.attachments.empty()) {
    return Error{ErrorCode::kInvalidInput, "the reply has no words above the quoted message",
                 "text"};
  }
  const Principal p{u->role, u->id, u->organisation_id};
  TakenReply taken{thread->first, "", 0};
  if (!reply.message_id.empty() && !s.mail.MarkReplyTaken(reply.message_id, thread->first, now)) {
    taken.again = true;
    return taken;
  }
  if (!reply.text.empty()) {
    auto m = requests.PostMessage(s, p, thread->first, reply.text, now);
    if (!m) return m.errors();
    taken.message_id = m->id;
  }
  for (const auto& [name, bytes] : reply.attachments) {
    auto d = requests.Upload(s, p, thread->first, name, "", bytes, now);
    if (!d) return d.errors();
    ++taken.documents;
  }
  return taken;
}

}  // namespace connex::domain
