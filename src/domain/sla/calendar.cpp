#include "domain/sla/calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <sstream>

namespace connex::domain {

namespace {

using std::chrono::seconds;

// A guard against calendars whose every day is a holiday: Add gives up after
// this many days (about 30 years) and answers the last day it reached.
constexpr int kMaxDays = 11000;

std::optional<int> ParseDay(const std::string& text) {
  std::istringstream in(text);
  date::year_month_day ymd{};
  in >> date::parse("%F", ymd);
  if (in.fail() || text.size() != 10 || !ymd.ok()) return std::nullopt;
  return date::sys_days(ymd).time_since_epoch().count();
}

}  // namespace

Result<Calendar> Calendar::Build(const CalendarSpec& spec) {
  Errors errors;
  Calendar c;
  c.spec_ = spec;
  try {
    c.zone_ = date::locate_zone(spec.timezone);
  } catch (const std::exception&) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "\"" + spec.timezone +
                          "\" is not a time zone of the tz database "
                          "(write it as Africa/Nairobi, Europe/Paris, UTC)",
                      "timezone"});
  }
  if (spec.day_start_minute < 0 || spec.day_end_minute > 24 * 60 ||
      spec.day_end_minute <= spec.day_start_minute) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "working hours must start before they end, within one day", "hours"});
  }
  if (std::none_of(spec.working_days.begin(), spec.working_days.end(), [](bool b) { return b; })) {
    errors.push_back(
        {ErrorCode::kInvalidInput, "at least one day must be a working day", "working_days"});
  }
  for (const std::string& h : spec.holidays) {
    const auto day = ParseDay(h);
    if (!day) {
      errors.push_back(
          {ErrorCode::kInvalidInput, "\"" + h + "\" is not a date (YYYY-MM-DD)", "holidays"});
    } else {
      c.holidays_.push_back(*day);
    }
  }
  if (!errors.empty()) return errors;
  std::sort(c.holidays_.begin(), c.holidays_.end());
  return c;
}

template <typename F>
void Calendar::ForEachWindow(Instant from, F&& fn) const {
  const auto local = zone_->to_local(from);
  date::local_days day = date::floor<date::days>(local);
  for (int i = 0; i < kMaxDays; ++i, day += date::days{1}) {
    const int serial = day.time_since_epoch().count();
    // ISO weekday: Monday 1 .. Sunday 7.
    const unsigned weekday = date::weekday(day).iso_encoding();
    if (!spec_.working_days[weekday - 1] ||
        std::binary_search(holidays_.begin(), holidays_.end(), serial)) {
      continue;
    }
    const auto start =
        zone_->to_sys(day + std::chrono::minutes(spec_.day_start_minute), date::choose::latest);
    const auto end =
        zone_->to_sys(day + std::chrono::minutes(spec_.day_end_minute), date::choose::earliest);
    const Instant s = std::chrono::floor<seconds>(start);
    const Instant e = std::chrono::floor<seconds>(end);
    if (e <= from || e <= s) continue;
    if (!fn(std::max(s, from), e)) return;
  }
}

seconds Calendar::Between(Instant from, Instant to) const {
  seconds total{0};
  if (to <= from) return total;
  ForEachWindow(from, [&](Instant s, Instant e) {
    if (s >= to) return false;
    total += std::min(e, to) - s;
    return e < to;
  });
  return total;
}

Instant Calendar::Add(Instant from, seconds business) const {
  Instant at = from;
  if (business <= seconds{0}) return at;
  seconds left = business;
  ForEachWindow(from, [&](Instant s, Instant e) {
    if (e - s >= left) {
      at = s + left;
      left = seconds{0};
      return false;
    }
    left -= e - s;
    at = e;
    return true;
  });
  return at;
}

seconds Calendar::WorkingDay() const {
  return std::chrono::minutes(spec_.day_end_minute - spec_.day_start_minute);
}

}  // namespace connex::domain
