// SqlTrainingRepository: courses, sessions and participants over one
// transaction's session.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/training/training_repository.hpp"

namespace connex::store {

class SqlTrainingRepository : public domain::TrainingRepository {
 public:
  explicit SqlTrainingRepository(soci::session& sql) : sql_(sql) {}

  void InsertCourse(const domain::Course& c) override;
  bool UpdateCourse(const domain::Course& c, int expected_version) override;
  std::optional<domain::Course> FindCourse(const std::string& id) override;
  std::vector<domain::Course> Courses() override;

  void InsertSession(const domain::TrainingSession& s) override;
  bool UpdateSession(const domain::TrainingSession& s, int expected_version) override;
  std::optional<domain::TrainingSession> FindSession(const std::string& id) override;
  std::vector<domain::TrainingSession> Sessions(const std::string& course_id) override;

  void InsertParticipant(const domain::Participant& p) override;
  bool UpdateParticipant(const domain::Participant& p, int expected_version) override;
  std::optional<domain::Participant> FindParticipant(const std::string& id) override;
  std::optional<domain::Participant> FindCertificate(const std::string& certificate_id) override;
  std::vector<domain::Participant> Participants(const std::string& session_id) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
