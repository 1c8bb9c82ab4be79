#include "store/sql_training_repository.hpp"

#include <nlohmann/json.hpp>

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr const char* kCourseColumns =
    "SELECT id, title, summary, audience, hours, materials_json, published, created_by, "
    "created_at, updated_at, version FROM courses ";
constexpr const char* kSessionColumns =
    "SELECT id, course_id, starts_on, ends_on, mode, place, language, trainers_json, capacity, "
    "status, created_at, version FROM training_sessions ";
constexpr const char* kParticipantColumns =
    "SELECT id, session_id, name, email, position, organisation, organisation_id, nominated_by, "
    "attended_days, completed, certificate_id, completed_at, created_at, version FROM "
    "training_participants ";

std::vector<std::string> List(const std::string& json) {
  return nlohmann::json::parse(json).get<std::vector<std::string>>();
}
std::string Json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

Course CourseFromRow(const soci::row& row) {
  Course c;
  c.id = Text(row, 0);
  c.title = Text(row, 1);
  c.summary = Text(row, 2);
  c.audience = Text(row, 3);
  c.hours = Real(row, 4);
  c.materials = List(Text(row, 5));
  c.published = Integer(row, 6) != 0;
  c.created_by = Text(row, 7);
  c.created_at = At(row, 8);
  c.updated_at = At(row, 9);
  c.version = static_cast<int>(Integer(row, 10));
  return c;
}

TrainingSession SessionFromRow(const soci::row& row) {
  TrainingSession s;
  s.id = Text(row, 0);
  s.course_id = Text(row, 1);
  s.starts_on = Text(row, 2);
  s.ends_on = Text(row, 3);
  s.mode = Text(row, 4);
  s.place = Text(row, 5);
  s.language = Text(row, 6);
  s.trainers = List(Text(row, 7));
  s.capacity = static_cast<int>(Integer(row, 8));
  s.status = Text(row, 9);
  s.created_at = At(row, 10);
  s.version = static_cast<int>(Integer(row, 11));
  return s;
}

Participant ParticipantFromRow(const soci::row& row) {
  Participant p;
  p.id = Text(row, 0);
  p.session_id = Text(row, 1);
  p.name = Text(row, 2);
  p.email = Text(row, 3);
  p.position = Text(row, 4);
  p.organisation = Text(row, 5);
  p.organisation_id = Text(row, 6);
  p.nominated_by = Text(row, 7);
  p.attended_days = static_cast<int>(Integer(row, 8));
  p.completed = Integer(row, 9) != 0;
  p.certificate_id = Text(row, 10);
  if (!Text(row, 11).empty()) p.completed_at = At(row, 11);
  p.created_at = At(row, 12);
  p.version = static_cast<int>(Integer(row, 13));
  return p;
}

}  // namespace

void SqlTrainingRepository::InsertCourse(const Course& c) {
  const std::string created = ToIso(c.created_at), updated = ToIso(c.updated_at),
                    materials = Json(c.materials);
  const int published = c.published ? 1 : 0;
  sql_ << "INSERT INTO courses (id, title, summary, audience, hours, materials_json, published, "
          "created_by, created_at, updated_at, version) VALUES (:id, :t, :s, :a, :h, :m, :p, :by, "
          ":ca, :ua, :v)",
      soci::use(c.id), soci::use(c.title), soci::use(c.summary), soci::use(c.audience),
      soci::use(c.hours), soci::use(materials), soci::use(published), soci::use(c.created_by),
      soci::use(created), soci::use(updated), soci::use(c.version);
}

bool SqlTrainingRepository::UpdateCourse(const Course& c, int expected_version) {
  const std::string updated = ToIso(c.updated_at), materials = Json(c.materials);
  const int published = c.published ? 1 : 0;
  soci::statement st =
      (sql_.prepare << "UPDATE courses SET title = :t, summary = :s, audience = :a, hours = :h, "
                       "materials_json = :m, published = :p, updated_at = :ua, version = :v "
                       "WHERE id = :id AND version = :expected",
       soci::use(c.title), soci::use(c.summary), soci::use(c.audience), soci::use(c.hours),
       soci::use(materials), soci::use(published), soci::use(updated), soci::use(c.version),
       soci::use(c.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Course> SqlTrainingRepository::FindCourse(const std::string& id) {
  return SelectFirst(sql_, std::string(kCourseColumns) + "WHERE id = :v", id, CourseFromRow);
}

std::vector<Course> SqlTrainingRepository::Courses() {
  // Every id differs from "": the shared select wants one bound value.
  return SelectRows(sql_, std::string(kCourseColumns) + "WHERE id <> :v ORDER BY title, id", "",
                    CourseFromRow);
}

void SqlTrainingRepository::InsertSession(const TrainingSession& s) {
  const std::string created = ToIso(s.created_at), trainers = Json(s.trainers);
  sql_ << "INSERT INTO training_sessions (id, course_id, starts_on, ends_on, mode, place, "
          "language, trainers_json, capacity, status, created_at, version) VALUES (:id, :c, :s, "
          ":e, :m, :p, :l, :t, :cap, :st, :ca, :v)",
      soci::use(s.id), soci::use(s.course_id), soci::use(s.starts_on), soci::use(s.ends_on),
      soci::use(s.mode), soci::use(s.place), soci::use(s.language), soci::use(trainers),
      soci::use(s.capacity), soci::use(s.status), soci::use(created), soci::use(s.version);
}

bool SqlTrainingRepository::UpdateSession(const TrainingSession& s, int expected_version) {
  const std::string trainers = Json(s.trainers);
  soci::statement st =
      (sql_.prepare << "UPDATE training_sessions SET starts_on = :s, ends_on = :e, mode = :m, "
                       "place = :p, language = :l, trainers_json = :t, capacity = :cap, "
                       "status = :st, version = :v WHERE id = :id AND version = :expected",
       soci::use(s.starts_on), soci::use(s.ends_on), soci::use(s.mode), soci::use(s.place),
       soci::use(s.language), soci::use(trainers), soci::use(s.capacity), soci::use(s.status),
       soci::use(s.version), soci::use(s.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<TrainingSession> SqlTrainingRepository::FindSession(const std::string& id) {
  return SelectFirst(sql_, std::string(kSessionColumns) + "WHERE id = :v", id, SessionFromRow);
}

std::vector<TrainingSession> SqlTrainingRepository::Sessions(const std::string& course_id) {
  return SelectRows(sql_,
                    std::string(kSessionColumns) + "WHERE course_id = :v ORDER BY starts_on, id",
                    course_id, SessionFromRow);
}

void SqlTrainingRepository::InsertParticipant(const Participant& p) {
  const std::string created = ToIso(p.created_at);
  NullableText org(p.organisation_id), certificate(p.certificate_id),
      completed_at(p.completed_at ? ToIso(*p.completed_at) : "");
  const int completed = p.completed ? 1 : 0;
  sql_ << "INSERT INTO training_participants (id, session_id, name, email, position, "
          "organisation, organisation_id, nominated_by, attended_days, completed, "
          "certificate_id, completed_at, created_at, version) VALUES (:id, :s, :n, :e, :p, :o, "
          ":oid, :by, :d, :c, :cert, :cat, :ca, :v)",
      soci::use(p.id), soci::use(p.session_id), soci::use(p.name), soci::use(p.email),
      soci::use(p.position), soci::use(p.organisation), soci::use(org.value, org.ind),
      soci::use(p.nominated_by), soci::use(p.attended_days), soci::use(completed),
      soci::use(certificate.value, certificate.ind),
      soci::use(completed_at.value, completed_at.ind), soci::use(created), soci::use(p.version);
}

bool SqlTrainingRepository::UpdateParticipant(const Participant& p, int expected_version) {
  NullableText certificate(p.certificate_id),
      completed_at(p.completed_at ? ToIso(*p.completed_at) : "");
  const int completed = p.completed ? 1 : 0;
  soci::statement st =
      (sql_.prepare << "UPDATE training_participants SET attended_days = :d, completed = :c, "
                       "certificate_id = :cert, completed_at = :cat, version = :v WHERE id = :id "
                       "AND version = :expected",
       soci::use(p.attended_days), soci::use(completed),
       soci::use(certificate.value, certificate.ind),
       soci::use(completed_at.value, completed_at.ind), soci::use(p.version), soci::use(p.id),
       soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Participant> SqlTrainingRepository::FindParticipant(const std::string& id) {
  return SelectFirst(sql_, std::string(kParticipantColumns) + "WHERE id = :v", id,
                     ParticipantFromRow);
}

std::optional<Participant> SqlTrainingRepository::FindCertificate(const std::string& id) {
  return SelectFirst(sql_, std::string(kParticipantColumns) + "WHERE certificate_id = :v", id,
                     ParticipantFromRow);
}

std::vector<Participant> SqlTrainingRepository::Participants(const std::string& session_id) {
  return SelectRows(sql_,
                    std::string(kParticipantColumns) + "WHERE session_id = :v ORDER BY name, id",
                    session_id, ParticipantFromRow);
}

}  // namespace connex::store
