// The mails of the account area, queued in the caller's transaction: an
// invitation to an address with no account yet, and the link to choose a
// new password. Both always go, whatever the recipient's mail choices.
//
// Thread-safety: functions of the caller's transaction.
#pragma once

#include <string>

#include "domain/accounts/account_service.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

void MailInvitation(Stores& s, const NewInvitation& invitation, const std::string& inviter_name,
                    Instant now);
void MailPasswordReset(Stores& s, const NewPasswordReset& reset, Instant now);

}  // namespace connex::domain
