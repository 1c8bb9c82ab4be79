// Who is told about a request, and how: the users of its government, the
// coordinators, and a notification per user. Shared by the operations on
// requests (request_service) and on their feedback (feedback).
//
// Thread-safety: functions of the caller's transaction.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/requests/request_service.hpp"

namespace connex::domain {

// The enabled users of the request's government.
std::vector<std::string> GovernmentUsers(Stores& s, const SupportRequest& r);
// The enabled coordinators of the Support Unit.
std::vector<std::string> Coordinators(Stores& s);
// A notice about `r` to each of `users`: `text` in their inbox, and a mail of
// `kind` made of `params` (domain/mail/messages) in their language, by their
// mail choices, in the request's thread.
void Notify(Stores& s, const std::vector<std::string>& users, const std::string& kind,
            const SupportRequest& r, const std::string& text, nlohmann::json params, Instant now);
// "CNX-2026-K7QF4 Block SN-7": how notifications name a request.
std::string Title(const SupportRequest& r);

}  // namespace connex::domain
