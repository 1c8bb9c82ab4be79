// Referrals between support providers: the Support Unit complements other
// initiatives. From due diligence on (or once it declined a request out of
// its scope), the coordinator refers a request, whole or in part (one
// discipline, one phase), to a provider of the directory, with the
// government's consent recorded; the referral then moves from proposed to
// accepted or declined, and from accepted to completed, each with its date,
// as the provider answers.
//
// Who sees what: the Support Unit refers and records; those who may see the
// request (its government, its team) read its referrals; nobody else.
//
// Thread-safety: plain values, pure functions and a stateless service.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/requests/referral_record.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// Reads a new referral (provider_id, part, discipline, phase, note,
// consent_given: true, consent), naming each wrong field.
Result<Referral> ReadReferral(const nlohmann::json& j);
nlohmann::json ToJson(const Referral& r);

// Whether a referral may move from `from` to `to`.
bool CanMoveReferral(const std::string& from, const std::string& to);

// Calendar days from proposal to the provider's answer, when it answered.
std::optional<double> ResponseDays(const Referral& r);

class ReferralService {
 public:
  // The referrals of a request `p` may see, oldest first.
  Result<std::vector<Referral>> Referrals(Stores& s, const Principal& p,
                                          const std::string& request_id) const;
  Result<Referral> Refer(Stores& s, const Principal& p, const std::string& request_id, Referral r,
                         Instant now) const;
  // Records the provider's answer or the end of its work; `outcome` says what
  // it answered or did (required when it declined).
  Result<Referral> Move(Stores& s, const Principal& p, const std::string& id, const std::string& to,
                        const std::string& outcome, int version, Instant now) const;
};

}  // namespace connex::domain
