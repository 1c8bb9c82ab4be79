// When an obligation of a signed contract falls due (issue "After the
// support", monitoring): a first due date and a recurrence. Due dates are
// local dates of the contract's time zone; a payment due "on 31 March" in
// Accra is late from 1 April 00:00 in Accra, whatever the server's zone.
//
// Recurrence counts from the first due date, never from the previous one, so
// a monthly obligation first due on 31 January falls on 28 (or 29) February
// and on 31 March again, not on the 28th for ever after. With end_of_month,
// every due date is its month's last day (first due 30 April, then 31 May).
// A yearly obligation first due on 29 February falls on 28 February in
// common years.
//
// Thread-safety: pure functions; the tz database is read once by date/tz.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/shared/time_zone.hpp"

namespace connex::domain {

extern const std::vector<std::string> kRecurrences;  // once, monthly, quarterly, yearly

struct Schedule {
  std::string first_due;  // YYYY-MM-DD, local date of the contract's zone
  std::string recurrence = "once";
  bool end_of_month = false;  // every due date is the last day of its month
  std::string until;          // no due date after it; empty: for the contract's life
};

// The errors of a schedule, each naming its field (first_due, recurrence,
// end_of_month, until).
Errors CheckSchedule(const Schedule& s);

// The n-th due date (n from 0), or "" when there is none (past `until`, or
// n > 0 for a one-off obligation). REQUIRES: CheckSchedule(s) is empty.
std::string NthDue(const Schedule& s, int n);
// The due dates within [from, to] (YYYY-MM-DD, inclusive), oldest first, at
// most `limit` of them.
std::vector<std::string> DueDates(const Schedule& s, const std::string& from, const std::string& to,
                                  size_t limit = 2000);
// Whether `date` is one of the schedule's due dates.
bool IsDueDate(const Schedule& s, const std::string& date);

// The local date at `now` in `zone` (YYYY-MM-DD).
std::string LocalDate(Instant now, const date::time_zone* zone);
// The instant a due date's day ends in `zone`: the start of the next local day.
Instant DueEnd(const std::string& due_date, const date::time_zone* zone);
// `date` moved by `days` (may be negative).
std::string AddDays(const std::string& date, int days);
// Days from `from` to `to` (negative when `to` is earlier). REQUIRES: valid dates.
int DaysBetween(const std::string& from, const std::string& to);

// Where one due date stands at `now`: met or waived once recorded so;
// otherwise overdue from the local day after it, due_soon from `remind_days`
// local days before it, upcoming until then. A partly met due date stays
// open: it is due_soon or overdue as if nothing were recorded.
std::string OccurrenceState(const std::string& due_date, const date::time_zone* zone,
                            int remind_days, const std::string& recorded_status, Instant now);

}  // namespace connex::domain
