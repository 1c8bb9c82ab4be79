// Business calendars for response-time clocks (docs/adr/005-requests-clocks-and-documents.md):
// which local days are working days, the working hours of each, holidays, and
// the IANA time zone they are read in. A Support Unit in Nairobi counts its
// 09:00-17:00 in Nairobi, whatever the server's zone.
//
// Local days are converted to instants through the system tz database
// (/usr/share/zoneinfo, Debian's tzdata), so daylight-saving changes move the
// working window with the wall clock; a working hour that does not exist on
// the day clocks spring forward is simply not counted.
//
// Thread-safety: a Calendar is immutable once built; share it freely.
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace date {
class time_zone;
}

namespace connex::domain {

// What an administrator writes.
struct CalendarSpec {
  std::string timezone = "UTC";
  // Monday first, as ISO 8601 numbers its weekdays.
  std::array<bool, 7> working_days = {true, true, true, true, true, false, false};
  int day_start_minute = 9 * 60;  // local time, minutes after midnight
  int day_end_minute = 17 * 60;
  std::vector<std::string> holidays;  // local dates, YYYY-MM-DD
};

class Calendar {
 public:
  // A usable calendar, or errors naming the field: an unknown time zone, hours
  // that end before they start, no working day, a holiday that is not a date.
  static Result<Calendar> Build(const CalendarSpec& spec);

  const CalendarSpec& spec() const { return spec_; }
  // Business time in [from, to); zero when to <= from.
  std::chrono::seconds Between(Instant from, Instant to) const;
  // The first instant at which `business` time has passed since `from`.
  Instant Add(Instant from, std::chrono::seconds business) const;
  // Business time in one working day of 100% (for "1 business day" targets).
  std::chrono::seconds WorkingDay() const;

 private:
  Calendar() = default;
  // Calls fn(window_start, window_end) for each working window, in order,
  // starting with the one that contains or follows `from`, until fn returns false.
  template <typename F>
  void ForEachWindow(Instant from, F&& fn) const;

  CalendarSpec spec_;
  const date::time_zone* zone_ = nullptr;
  std::vector<int> holidays_;  // days since 1970-01-01, sorted
};

}  // namespace connex::domain
