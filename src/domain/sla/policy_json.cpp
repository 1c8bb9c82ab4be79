#include "domain/sla/policy_json.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "core/json_reader.hpp"

namespace connex::domain {

namespace {

std::string Clock(int minutes) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

// "HH:MM" (24:00 allowed as the end of a day) as minutes, or -1.
int Minutes(const std::string& s) {
  int h = 0, m = 0;
  char tail = 0;
  if (s.size() != 5 || std::sscanf(s.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2) return -1;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

void ReadCalendar(JsonReader& r, const nlohmann::json& c, CalendarSpec& calendar) {
  const std::string at = "calendar";
  if (!r.Object(c, at, {"timezone", "working_days", "day_start", "day_end", "holidays"})) return;
  // A time zone given empty is no time zone: the calendar refuses it.
  calendar.timezone =
      r.Text(c, "timezone", at, c.contains("timezone") ? "" : calendar.timezone, false, 100);
  if (const nlohmann::json* days = r.List(c, "working_days", at, 1000)) {
    calendar.working_days = {};
    for (const nlohmann::json& d : *days) {
      if (!d.is_number_integer() || d.get<long long>() < 1 || d.get<long long>() > 7) {
        // On the list's own field, where the calendar's check of it speaks too.
        r.Fail(at + ".working_days",
               "must list ISO weekdays, 1 (Monday) to 7 (Sunday), got " + JsonReader::Describe(d));
        break;
      }
      calendar.working_days[static_cast<size_t>(d.get<int>() - 1)] = true;
    }
  }
  for (const char* f : {"day_start", "day_end"}) {
    const nlohmann::json* v = r.Field(c, f, at, false);
    if (!v) continue;
    const int m = v->is_string() ? Minutes(v->get<std::string>()) : -1;
    if (m < 0) {
      r.Fail(JsonReader::At(at, f),
             "must be a time of day as HH:MM, got " + JsonReader::Describe(*v));
    } else if (std::string(f) == "day_start") {
      calendar.day_start_minute = m;
    } else {
      calendar.day_end_minute = m;
    }
  }
  if (const nlohmann::json* holidays = r.List(c, "holidays", at, 1000)) {
    calendar.holidays.clear();
    for (size_t i = 0; i < holidays->size(); ++i) {
      const nlohmann::json& h = (*holidays)[i];
      // The calendar checks each date; here only that it is text.
      calendar.holidays.push_back(h.is_string() ? h.get<std::string>() : JsonReader::Describe(h));
    }
  }
}

}  // namespace

nlohmann::json ToJson(const SlaPolicy& p) {
  nlohmann::json days = nlohmann::json::array();
  for (int d = 0; d < 7; ++d) {
    if (p.calendar.working_days[static_cast<size_t>(d)]) days.push_back(d + 1);
  }
  nlohmann::json targets = nlohmann::json::object();
  for (ClockKind k : kClockKinds) targets[ToString(k)] = p.target_hours[static_cast<size_t>(k)];
  return {{"id", p.id},
          {"name", p.name},
          {"version", p.version},
          {"calendar",
           {{"timezone", p.calendar.timezone},
            {"working_days", days},
            {"day_start", Clock(p.calendar.day_start_minute)},
            {"day_end", Clock(p.calendar.day_end_minute)},
            {"holidays", p.calendar.holidays}}},
          {"targets", targets},
          {"warning_share", p.warning_share}};
}

Result<SlaPolicy> PolicyFromJson(const nlohmann::json& j,
                                 const std::vector<std::string>& also_allowed) {
  Errors errors;
  JsonReader r(errors);
  SlaPolicy p;
  std::vector<std::string> known = {"id",       "name",    "version",
                                    "calendar", "targets", "warning_share"};
  known.insert(known.end(), also_allowed.begin(), also_allowed.end());
  if (!r.Object(j, "", known)) return errors;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // Types here; the policy's own rules (ranges, a calendar that works) below.
  p.name = r.Text(j, "name", "", p.name, false, 1000);
  p.warning_share = r.Number(j, "warning_share", "", p.warning_share, -kInf, kInf);
  if (const nlohmann::json* c = r.Field(j, "calendar", "", false)) ReadCalendar(r, *c, p.calendar);
  if (const nlohmann::json* t = r.Field(j, "targets", "", false)) {
    if (r.Object(*t, "targets", {"acknowledge", "decide", "team_proposed", "first_deliverable"})) {
      for (ClockKind k : kClockKinds) {
        double& hours = p.target_hours[static_cast<size_t>(k)];
        hours = r.Number(*t, ToString(k), "targets", hours, -kInf, kInf);
      }
    }
  }
  for (Error& e : ValidatePolicy(p)) {
    // The calendar's own check repeats what was already reported on unreadable fields.
    const bool repeated = std::any_of(errors.begin(), errors.end(),
                                      [&](const Error& x) { return x.field == e.field; });
    if (!repeated) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return errors;
  return p;
}

}  // namespace connex::domain
