#include "domain/training/training.hpp"

#include <algorithm>

#include "domain/obligations/schedule.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kSessionModes = {"in_person", "online", "hybrid"};
const std::vector<std::string> kSessionStatuses = {"planned", "held", "cancelled"};

int SessionDays(const TrainingSession& s) { return DaysBetween(s.starts_on, s.ends_on) + 1; }

Result<Course> ReadCourse(const nlohmann::json& j) {
  Errors errors;
  Course c;
  ObjectReader r(j, "",
                 {"title", "summary", "audience", "hours", "materials", "published", "version"},
                 errors);
  c.title = r.RequiredText("title", 300);
  c.summary = r.Text("summary", 5000);
  c.audience = r.Text("audience", 500);
  c.hours = r.Number("hours", 0, 1000);
  c.materials = r.Texts("materials", 50, 100);
  c.published = r.Bool("published", false);
  c.version = r.Integer("version", 1, 1 << 30);
  if (!errors.empty()) return errors;
  return c;
}

Result<TrainingSession> ReadSession(const nlohmann::json& j) {
  Errors errors;
  TrainingSession s;
  ObjectReader r(j, "",
                 {"starts_on", "ends_on", "mode", "place", "language", "trainers", "capacity",
                  "status", "version"},
                 errors);
  s.starts_on = r.RequiredText("starts_on", 10);
  if (!s.starts_on.empty() && !IsDate(s.starts_on))
    r.Fail("starts_on", "must be a date (YYYY-MM-DD)");
  s.ends_on = r.Text("ends_on", 10);
  if (s.ends_on.empty()) s.ends_on = s.starts_on;
  if (!IsDate(s.ends_on)) {
    r.Fail("ends_on", "must be a date (YYYY-MM-DD)");
  } else if (IsDate(s.starts_on) &&
             (s.ends_on < s.starts_on || AddDays(s.starts_on, 365) < s.ends_on)) {
    r.Fail("ends_on", "must be on or after starts_on, within a year");
  }
  s.mode = r.Text("mode", 20, &kSessionModes);
  if (s.mode.empty()) s.mode = "in_person";
  s.place = r.Text("place", 300);
  if (s.place.empty() && s.mode != "online")
    r.Fail("place", "is required for a session held in person");
  s.language = r.Text("language", 2, &kLanguages);
  if (s.language.empty()) s.language = "en";
  s.trainers = r.Texts("trainers", 20, 200);
  if (s.trainers.empty()) r.Fail("trainers", "name at least one trainer");
  s.capacity = r.Integer("capacity", 0, 10000);
  s.status = r.Text("status", 20, &kSessionStatuses);
  if (s.status.empty()) s.status = "planned";
  s.version = r.Integer("version", 1, 1 << 30);
  if (!errors.empty()) return errors;
  return s;
}

Result<Participant> ReadParticipant(const nlohmann::json& j) {
  Errors errors;
  Participant p;
  ObjectReader r(
      j, "", {"name", "email", "position", "organisation", "attended_days", "completed", "version"},
      errors);
  p.name = r.RequiredText("name", 200);
  p.email = r.Text("email", 254);
  if (!p.email.empty() &&
      (p.email.find('@') == std::string::npos || p.email.find(' ') != std::string::npos)) {
    r.Fail("email", "must be an e-mail address");
  }
  std::transform(p.email.begin(), p.email.end(), p.email.begin(), ::tolower);
  p.position = r.Text("position", 200);
  p.organisation = r.Text("organisation", 300);
  p.attended_days = r.Integer("attended_days", 0, 366);
  p.completed = r.Bool("completed", false);
  p.version = r.Integer("version", 1, 1 << 30);
  if (!errors.empty()) return errors;
  return p;
}

nlohmann::json ToJson(const Course& c) {
  return {{"id", c.id},
          {"title", c.title},
          {"summary", c.summary},
          {"audience", c.audience},
          {"hours", c.hours},
          {"materials", nlohmann::json(c.materials)},
          {"published", c.published},
          {"created_at", ToIso(c.created_at)},
          {"updated_at", ToIso(c.updated_at)},
          {"version", c.version}};
}

nlohmann::json ToJson(const TrainingSession& s) {
  return {{"id", s.id},
          {"course_id", s.course_id},
          {"starts_on", s.starts_on},
          {"ends_on", s.ends_on},
          {"days", SessionDays(s)},
          {"mode", s.mode},
          {"place", s.place},
          {"language", s.language},
          {"trainers", nlohmann::json(s.trainers)},
          {"capacity", s.capacity},
          {"status", s.status},
          {"version", s.version}};
}

nlohmann::json ToJson(const Participant& p) {
  return {
      {"id", p.id},
      {"session_id", p.session_id},
      {"name", p.name},
      {"email", p.email},
      {"position", p.position},
      {"organisation", p.organisation},
      {"organisation_id",
       p.organisation_id.empty() ? nlohmann::json() : nlohmann::json(p.organisation_id)},
      {"attended_days", p.attended_days},
      {"completed", p.completed},
      {"certificate_id",
       p.certificate_id.empty() ? nlohmann::json() : nlohmann::json(p.certificate_id)},
      {"completed_at", p.completed_at ? nlohmann::json(ToIso(*p.completed_at)) : nlohmann::json()},
      {"version", p.version}};
}

}  // namespace connex::domain
