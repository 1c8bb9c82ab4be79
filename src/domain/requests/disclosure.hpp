// Disclosure commitments: transparency as the quid pro quo of support. When
// support is approved, the scope records whether the government commits to
// publish the signed contract and by when (Scope::publish_contract,
// publish_by). The Support Unit links the engagement to the contract's record
// in the hub; the commitment is met once that record is public, on time when
// it was first published on or before the date.
//
// Who sees what: the Support Unit every commitment; a government its own
// requests' (with the request); nobody else any. Funders read only the
// impact report's aggregates.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/policy/policy.hpp"
#include "domain/requests/request.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// A commitment falls due soon from this many days before its date.
inline constexpr int kDisclosureDueSoonDays = 30;

struct DisclosureCommitment {
  SupportRequest request;
  std::string due;  // YYYY-MM-DD
  std::optional<ContractLink> link;
  std::string contract_title;  // the linked record's
  std::string published_on;    // YYYY-MM-DD the linked record was first published, if public now
  std::string state;           // DisclosureState
  int days_left = 0;           // to the due date from today (negative once past)
};

// Where a commitment stands on `today` (YYYY-MM-DD): met_on_time or met_late
// once published (compared with `due`); otherwise overdue after `due`,
// due_soon from kDisclosureDueSoonDays before it, pending until then.
std::string DisclosureState(const std::string& due, const std::string& published_on,
                            const std::string& today);

class DisclosureService {
 public:
  // The commitment of one request `p` may see, if its latest scope makes one.
  static std::optional<DisclosureCommitment> Of(Stores& s, const SupportRequest& r, Instant now);
  // Every commitment `p` may see, the earliest due first; `state` keeps one state ("" any).
  std::vector<DisclosureCommitment> Commitments(Stores& s, const Principal& p,
                                                const std::string& state, Instant now) const;
  // The Support Unit links the engagement to its signed contract: a main
  // contract of the hub (any status; it counts once public), or unlinks it
  // (empty id). Audited.
  Result<std::optional<ContractLink>> Link(Stores& s, const Principal& p,
                                           const std::string& request_id,
                                           const std::string& hub_document_id, Instant now) const;
};

nlohmann::json ToJson(const DisclosureCommitment& c);

}  // namespace connex::domain
