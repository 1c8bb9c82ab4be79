// Storage of courses, sessions and participants
// (store/sql_training_repository.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction; the
// implementation never commits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/training/training.hpp"

namespace connex::domain {

class TrainingRepository {
 public:
  virtual ~TrainingRepository() = default;

  virtual void InsertCourse(const Course& c) = 0;
  // Stores `c` if the stored one still has `expected_version`.
  virtual bool UpdateCourse(const Course& c, int expected_version) = 0;
  virtual std::optional<Course> FindCourse(const std::string& id) = 0;
  // Every course, by title.
  virtual std::vector<Course> Courses() = 0;

  virtual void InsertSession(const TrainingSession& s) = 0;
  virtual bool UpdateSession(const TrainingSession& s, int expected_version) = 0;
  virtual std::optional<TrainingSession> FindSession(const std::string& id) = 0;
  // A course's sessions, by start date.
  virtual std::vector<TrainingSession> Sessions(const std::string& course_id) = 0;

  virtual void InsertParticipant(const Participant& p) = 0;
  virtual bool UpdateParticipant(const Participant& p, int expected_version) = 0;
  virtual std::optional<Participant> FindParticipant(const std::string& id) = 0;
  virtual std::optional<Participant> FindCertificate(const std::string& certificate_id) = 0;
  // A session's participants, by name.
  virtual std::vector<Participant> Participants(const std::string& session_id) = 0;
};

}  // namespace connex::domain
