// Capacity building as operations. Everyone reads the catalog: published
// courses, their sessions and the hub materials they may read. The Support
// Unit writes courses and sessions and records attendance and completion.
// A government nominates its own officials and sees only them; experts and
// funders see no participant (404). A certificate is read by whoever holds
// its unguessable id, so an employer can check it without an account.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <string>
#include <vector>

#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"
#include "domain/training/training_repository.hpp"

namespace connex::domain {

// What a certificate states.
struct Certificate {
  std::string id;
  Participant participant;
  Course course;
  TrainingSession session;
};

class TrainingService {
 public:
  // Published courses, or every course for the Support Unit; by title.
  std::vector<Course> Catalog(Stores& s, const Principal& p) const;
  // A course `p` may read (published, or any for the Support Unit), else kNotFound.
  static Result<Course> VisibleCourse(Stores& s, const Principal& p, const std::string& id);
  // Its sessions: cancelled ones too, so a participant sees why.
  Result<std::vector<TrainingSession>> Sessions(Stores& s, const Principal& p,
                                                const std::string& course_id) const;
  // Hub materials are checked to exist and be readable by the author.
  Result<Course> CreateCourse(Stores& s, const Principal& p, Course c, Instant now) const;
  Result<Course> UpdateCourse(Stores& s, const Principal& p, const std::string& id, int version,
                              Course c, Instant now) const;
  Result<TrainingSession> AddSession(Stores& s, const Principal& p, const std::string& course_id,
                                     TrainingSession t, Instant now) const;
  // A session's dates may not shrink below a participant's attended days.
  // A session is marked held from its last day (UTC) on: certificates are
  // dated from the day their completion is recorded, never before the course.
  Result<TrainingSession> UpdateSession(Stores& s, const Principal& p, const std::string& id,
                                        int version, TrainingSession t, Instant now) const;

  // The Support Unit sees everyone; a government its own nominees.
  Result<std::vector<Participant>> Participants(Stores& s, const Principal& p,
                                                const std::string& session_id) const;
  // A government nominates for its own organisation; the Support Unit names
  // the organisation. Refused when the session is cancelled or held, full,
  // or the e-mail is already on its list.
  Result<Participant> Enrol(Stores& s, const Principal& p, const std::string& session_id,
                            Participant x, Instant now) const;
  // The Support Unit records attended days (at most the session's days) and
  // completion (a held session, at least one day attended), which issues the
  // certificate; withdrawing completion withdraws it.
  Result<Participant> RecordAttendance(Stores& s, const Principal& p, const std::string& id,
                                       int version, int attended_days, bool completed,
                                       Instant now) const;

  static Result<Certificate> FindCertificate(Stores& s, const std::string& id);
};

}  // namespace connex::domain
