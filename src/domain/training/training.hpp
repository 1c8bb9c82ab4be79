// Capacity building (issue "After the support"): courses the Support Unit
// offers officials, their sessions (dates, place or online, language,
// trainers), the officials taking part and their organisations, attendance
// and completion, and the certificate a completion earns.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace connex::domain {

extern const std::vector<std::string> kSessionModes;     // in_person, online, hybrid
extern const std::vector<std::string> kSessionStatuses;  // planned, held, cancelled

struct Course {
  std::string id;
  std::string title;
  std::string summary;
  std::string audience;                // who it is for ("negotiators in ministries of mines")
  double hours = 0;                    // teaching hours, as the certificate states them
  std::vector<std::string> materials;  // hub document ids
  bool published = false;              // in the public catalog
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
};

struct TrainingSession {
  std::string id;
  std::string course_id;
  std::string starts_on, ends_on;  // YYYY-MM-DD, inclusive
  std::string mode = "in_person";
  std::string place;  // city and venue; for online sessions, the platform
  std::string language = "en";
  std::vector<std::string> trainers;
  int capacity = 0;  // seats; 0: no limit
  std::string status = "planned";
  Instant created_at{};
  int version = 1;
};

// An official taking part in a session.
struct Participant {
  std::string id;
  std::string session_id;
  std::string name;
  std::string email;
  std::string position;
  std::string organisation;     // as printed on the certificate
  std::string organisation_id;  // the platform organisation that nominated them, if any
  std::string nominated_by;
  int attended_days = 0;
  bool completed = false;
  std::string certificate_id;  // once completed: the certificate's unguessable id
  std::optional<Instant> completed_at;
  Instant created_at{};
  int version = 1;
};

// Days of a session, both ends included. REQUIRES: valid dates.
int SessionDays(const TrainingSession& s);

// Readers of what a user writes, naming each wrong field.
Result<Course> ReadCourse(const nlohmann::json& j);
Result<TrainingSession> ReadSession(const nlohmann::json& j);
Result<Participant> ReadParticipant(const nlohmann::json& j);

nlohmann::json ToJson(const Course& c);
nlohmann::json ToJson(const TrainingSession& s);
nlohmann::json ToJson(const Participant& p);

}  // namespace connex::domain
