#include "domain/sla/policy_json.hpp"

#include <algorithm>
#include <cstdio>

namespace connex::domain {

namespace {

std::string Clock(int minutes) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

// "HH:MM" (24:00 allowed as the end of a day) as minutes, or -1.
int Minutes(const nlohmann::json& v) {
  if (!v.is_string()) return -1;
  const std::string s = v.get<std::string>();
  int h = 0, m = 0;
  char tail = 0;
  if (s.size() != 5 || std::sscanf(s.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2) return -1;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

void Unknown(const nlohmann::json& j, const std::vector<std::string>& known,
             const std::string& prefix, Errors& errors) {
  for (const auto& item : j.items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
      errors.push_back({ErrorCode::kInvalidInput, "is not a known field", prefix + item.key()});
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
  SlaPolicy p;
  if (!j.is_object()) return Error{ErrorCode::kInvalidInput, "must be an object", ""};
  std::vector<std::string> known = {"id",       "name",    "version",
                                    "calendar", "targets", "warning_share"};
  known.insert(known.end(), also_allowed.begin(), also_allowed.end());
  Unknown(j, known, "", errors);
  if (j.contains("name") && j["name"].is_string()) p.name = j["name"].get<std::string>();
  if (j.contains("warning_share")) {
    p.warning_share = j["warning_share"].is_number() ? j["warning_share"].get<double>() : -1;
  }
  if (j.contains("calendar")) {
    const nlohmann::json& c = j["calendar"];
    if (!c.is_object()) {
      errors.push_back({ErrorCode::kInvalidInput, "must be an object", "calendar"});
    } else {
      Unknown(c, {"timezone", "working_days", "day_start", "day_end", "holidays"}, "calendar.",
              errors);
      if (c.contains("timezone")) {
        p.calendar.timezone = c["timezone"].is_string() ? c["timezone"].get<std::string>() : "";
      }
      if (c.contains("working_days")) {
        p.calendar.working_days = {};
        bool ok = c["working_days"].is_array();
        for (const auto& d : ok ? c["working_days"] : nlohmann::json::array()) {
          if (!d.is_number_integer() || d.get<int>() < 1 || d.get<int>() > 7) {
            ok = false;
          } else {
            p.calendar.working_days[static_cast<size_t>(d.get<int>() - 1)] = true;
          }
        }
        if (!ok) {
          errors.push_back({ErrorCode::kInvalidInput,
                            "must list ISO weekdays, 1 (Monday) to 7 (Sunday)",
                            "calendar.working_days"});
        }
      }
      for (const char* f : {"day_start", "day_end"}) {
        if (!c.contains(f)) continue;
        const int m = Minutes(c[f]);
        if (m < 0) {
          errors.push_back({ErrorCode::kInvalidInput, "must be a time of day as HH:MM",
                            std::string("calendar.") + f});
        } else if (std::string(f) == "day_start") {
          p.calendar.day_start_minute = m;
        } else {
          p.calendar.day_end_minute = m;
        }
      }
      if (c.contains("holidays")) {
        p.calendar.holidays.clear();
        if (!c["holidays"].is_array() || c["holidays"].size() > 1000) {
          errors.push_back({ErrorCode::kInvalidInput, "must be a list of dates (YYYY-MM-DD)",
                            "calendar.holidays"});
        } else {
          for (const auto& h : c["holidays"]) {
            p.calendar.holidays.push_back(h.is_string() ? h.get<std::string>() : "?");
          }
        }
      }
    }
  }
  if (j.contains("targets")) {
    const nlohmann::json& t = j["targets"];
    if (!t.is_object()) {
      errors.push_back({ErrorCode::kInvalidInput, "must be an object", "targets"});
    } else {
      Unknown(t, {"acknowledge", "decide", "team_proposed", "first_deliverable"}, "targets.",
              errors);
      for (ClockKind k : kClockKinds) {
        if (!t.contains(ToString(k))) continue;
        const auto& v = t[ToString(k)];
        p.target_hours[static_cast<size_t>(k)] = v.is_number() ? v.get<double>() : -1;
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
