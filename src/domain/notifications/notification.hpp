// A notice to one user about something that happened: a request submitted or
// moved, a clock about to breach, a message, an enquiry, a due date.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"

namespace connex::domain {

struct Notification {
  std::string id;
  std::string user_id;
  std::string kind;        // request_submitted | state_changed | clock_warning | clock_breached |
                           // document | message | enquiry | ...
  std::string request_id;  // empty when the notice is about no request
  std::string text;
  Instant at;
  std::optional<Instant> read_at;
};

}  // namespace connex::domain
