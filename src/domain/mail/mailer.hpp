// Queuing mails in the caller's transaction (the outbox), by the recipient's
// choices: a notice goes at once, waits for the daily digest, or not at all;
// invitations and password resets always go. The daily digest of each user
// is queued on their first sweep after 07:00 where they live.
//
// Thread-safety: functions of the caller's transaction.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/accounts/account.hpp"
#include "domain/mail/mail.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// A notice to `u` about `request_id` (empty: none) with the facts `params`
// and the page `link`; nothing for a disabled account or a kind turned off.
void QueueUserMail(Stores& s, const User& u, const std::string& kind, const std::string& request_id,
                   nlohmann::json params, const std::string& link, Instant now);
// A mail that always goes, to an address that may have no account yet
// (an invitation) or to an account (a password reset).
void QueueAddressMail(Stores& s, const std::string& address, const std::string& language,
                      const std::string& user_id, const std::string& kind, nlohmann::json params,
                      const std::string& link, Instant now);
// Queues the digests due at `now`; how many.
int QueueDigests(Stores& s, Instant now);

struct MailChoice {
  std::string kind;
  MailMode mode = MailMode::kImmediate;
};
// Every choosable kind that reaches the user's role, with their choice for it.
std::vector<MailChoice> MailChoices(Stores& s, const User& u);

// How mail reaches a user: its language, the time zone the digest keeps,
// and the choice per kind.
struct MailSettingsChange {
  std::optional<std::string> language;
  std::optional<std::string> time_zone;
  std::vector<MailChoice> choices;  // kinds not named keep theirs
};
// Records the change for the user `user_id` (audited as theirs); a field
// that cannot be taken is named and nothing changes.
Result<User> ChangeMailSettings(Stores& s, const std::string& user_id,
                                const MailSettingsChange& change);

}  // namespace connex::domain
