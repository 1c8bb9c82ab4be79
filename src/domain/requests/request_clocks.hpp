// A request's response-time clocks as of one instant: the policy in force and
// its calendar, read once per reply, then applied to each request's history.
//
// Thread-safety: a value; Read runs on the caller's transaction.
#pragma once

#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "domain/requests/request.hpp"
#include "domain/shared/stores.hpp"
#include "domain/sla/calendar.hpp"
#include "domain/sla/clocks.hpp"

namespace connex::domain {

struct ClockContext {
  SlaPolicy policy;
  std::optional<Calendar> calendar;  // empty if the stored calendar is unusable
  Instant now;
  static ClockContext Load(Stores& s, Instant now);
  // No clocks for a draft, or when the calendar is unusable.
  std::vector<ClockReading> Read(Stores& s, const SupportRequest& r) const;
};

}  // namespace connex::domain
