#include "domain/obligations/schedule.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kRecurrences = {"once", "monthly", "quarterly", "yearly"};

namespace {

// Recurrences step whole months; 200 years of monthly due dates at most.
constexpr int kMaxOccurrences = 2400;

std::optional<date::year_month_day> Parse(const std::string& text) {
  if (!IsDate(text)) return std::nullopt;
  return date::year_month_day{date::year{std::stoi(text.substr(0, 4))},
                              date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                              date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

std::string Format(const date::year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

int MonthsBetween(const std::string& recurrence) {
  if (recurrence == "monthly") return 1;
  if (recurrence == "quarterly") return 3;
  if (recurrence == "yearly") return 12;
  return 0;
}

bool IsLastOfMonth(const date::year_month_day& d) {
  return d.day() == date::year_month_day_last{d.year() / d.month() / date::last}.day();
}

}  // namespace

Errors CheckSchedule(const Schedule& s) {
  Errors errors;
  const auto first = Parse(s.first_due);
  if (!first) {
    errors.push_back({ErrorCode::kInvalidInput, "must be a date (YYYY-MM-DD)", "first_due"});
  }
  if (std::find(kRecurrences.begin(), kRecurrences.end(), s.recurrence) == kRecurrences.end()) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "\"" + s.recurrence + "\" is not one of once, monthly, quarterly, yearly",
                      "recurrence"});
  }
  if (s.end_of_month && first && !IsLastOfMonth(*first)) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "the first due date must be the last day of its month when every due "
                      "date is a month's end",
                      "end_of_month"});
  }
  if (s.end_of_month && s.recurrence == "once") {
    errors.push_back(
        {ErrorCode::kInvalidInput, "applies to recurring obligations only", "end_of_month"});
  }
  if (!s.until.empty()) {
    if (!Parse(s.until)) {
      errors.push_back({ErrorCode::kInvalidInput, "must be a date (YYYY-MM-DD)", "until"});
    } else if (first && s.until < s.first_due) {
      errors.push_back(
          {ErrorCode::kInvalidInput, "must not be before the first due date", "until"});
    }
  }
  return errors;
}

std::string NthDue(const Schedule& s, int n) {
  const auto first = Parse(s.first_due);
  if (!first || n < 0 || n >= kMaxOccurrences) return "";
  const int step = MonthsBetween(s.recurrence);
  if (n > 0 && step == 0) return "";
  const date::year_month ym = first->year() / first->month() + date::months{n * step};
  const date::day last = date::year_month_day_last{ym.year() / ym.month() / date::last}.day();
  const date::day day = s.end_of_month ? last : std::min(first->day(), last);
  const std::string due = Format(ym.year() / ym.month() / day);
  if (!s.until.empty() && due > s.until) return "";
  return due;
}

std::vector<std::string> DueDates(const Schedule& s, const std::string& from, const std::string& to,
                                  size_t limit) {
  std::vector<std::string> out;
  for (int n = 0; out.size() < limit; ++n) {
    const std::string due = NthDue(s, n);
    if (due.empty() || due > to) break;
    if (due >= from) out.push_back(due);
  }
  return out;
}

bool IsDueDate(const Schedule& s, const std::string& date) {
  const std::vector<std::string> dates = DueDates(s, date, date, 1);
  return !dates.empty();
}

std::string LocalDate(Instant now, const date::time_zone* zone) {
  const date::local_days day = date::floor<date::days>(zone->to_local(now));
  return Format(date::year_month_day{day});
}

Instant DueEnd(const std::string& due_date, const date::time_zone* zone) {
  const date::local_days next = date::local_days{*Parse(due_date)} + date::days{1};
  // A day that starts in a daylight-saving gap starts at the gap's end.
  return std::chrono::floor<std::chrono::seconds>(zone->to_sys(next, date::choose::earliest));
}

std::string AddDays(const std::string& d, int days) {
  return Format(date::year_month_day{date::sys_days{*Parse(d)} + date::days{days}});
}

int DaysBetween(const std::string& from, const std::string& to) {
  return static_cast<int>((date::sys_days{*Parse(to)} - date::sys_days{*Parse(from)}).count());
}

std::string OccurrenceState(const std::string& due_date, const date::time_zone* zone,
                            int remind_days, const std::string& recorded_status, Instant now) {
  if (recorded_status == "met" || recorded_status == "waived") return recorded_status;
  if (now >= DueEnd(due_date, zone)) return "overdue";
  if (LocalDate(now, zone) >= AddDays(due_date, -remind_days)) return "due_soon";
  return "upcoming";
}

}  // namespace connex::domain
