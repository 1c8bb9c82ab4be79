// The records an impact report is built from, read from the requests store:
// every request past draft, with its response-time clocks read as the inbox
// reads them (same policy, calendar and instant), the dates it became and
// ended an engagement, and its survey answer.
//
// Thread-safety: uses the caller's stores (one transaction).
#pragma once

#include <optional>
#include <vector>

#include "domain/reports/impact.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/sla/calendar.hpp"

namespace connex::domain {

// `calendar` empty: the stored calendar is unusable and no clock is read.
std::vector<ImpactRecord> CollectImpactRecords(Stores& s, const SlaPolicy& policy,
                                               const std::optional<Calendar>& calendar,
                                               Instant now);

}  // namespace connex::domain
