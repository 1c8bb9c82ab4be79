// Mails the portal sends: one row of the outbox per mail and recipient,
// queued in the transaction of the change that causes it, worded at delivery
// (domain/mail/mail_render.hpp) in the recipient's language.
//
// Thread-safety: plain values.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/enum_names.hpp"
#include "domain/accounts/account.hpp"

namespace connex::domain {

// Where a mail is on its way out. A `digest` mail waits for the recipient's
// daily digest, which marks it `digested` once the digest is queued.
enum class MailStatus { kQueued, kDigest, kSent, kFailed, kDigested };
inline constexpr EnumNames<MailStatus, 5> kMailStatusNames{
    {"queued", "digest", "sent", "failed", "digested"}};
inline const char* ToString(MailStatus v) { return kMailStatusNames[v]; }

// How a user wants one kind of mail.
enum class MailMode { kImmediate, kDigest, kOff };
inline constexpr EnumNames<MailMode, 3> kMailModeNames{{"immediate", "digest", "off"}};
inline const char* ToString(MailMode v) { return kMailModeNames[v]; }

// The kinds a user may choose for (every notice the portal sends by mail).
// Invitations, password resets and digests always go and are not listed.
const std::vector<std::string>& ChoosableMailKinds();
bool IsChoosableMailKind(std::string_view kind);
// Whether notices of `kind` ever go to a user of `role`: what their mail
// settings list. Must hold with who each notice goes to (requests/
// recipients.cpp and the services that queue mail); training mails go to
// whoever was nominated, whatever their role.
bool MailKindReaches(std::string_view kind, Role role);

struct OutboundMail {
  std::string id;
  std::string kind;     // a choosable kind, "invitation", "password_reset" or "digest"
  std::string user_id;  // empty for an invitation
  std::string recipient;
  std::string language = "en";
  std::string request_id;  // the thread; empty for a mail about no request
  nlohmann::json params = nlohmann::json::object();  // the facts the words are made of
  std::string link;                                  // path of the page, from "/"
  MailStatus status = MailStatus::kQueued;
  int attempts = 0;
  Instant next_attempt_at;
  std::string last_error;
  Instant created_at;
  std::optional<Instant> sent_at;
  // Read with the row: the request's reference (subject and thread) and the
  // recipient's reply token (empty when replies are not taken).
  std::string reference;
  std::string reply_token;
};

}  // namespace connex::domain
