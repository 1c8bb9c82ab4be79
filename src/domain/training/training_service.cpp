#include "domain/training/training_service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/mail/mailer.hpp"
#include "domain/training/training_repository.hpp"

namespace connex::domain {

namespace {

Error NoSuch(const std::string& what) { return {ErrorCode::kNotFound, "no such " + what, "id"}; }

Result<Done> Staff(const Principal& p) {
  if (!IsStaff(p)) return Error{ErrorCode::kForbidden, "the Support Unit runs training", ""};
  return Done{};
}

Errors CheckMaterials(Stores& s, const Principal& p, const Course& c) {
  Errors errors;
  for (size_t i = 0; i < c.materials.size(); ++i) {
    if (!HubService::Visible(s, p, c.materials[i])) {
      errors.push_back({ErrorCode::kInvalidInput, "is not a document of the hub",
                        "materials[" + std::to_string(i) + "]"});
    }
  }
  return errors;
}

// The session and its course, if `p` may read the course.
Result<TrainingSession> VisibleSession(Stores& s, const Principal& p, const std::string& id) {
  auto t = s.training.FindSession(id);
  if (!t || !TrainingService::VisibleCourse(s, p, t->course_id)) return NoSuch("session");
  return *t;
}

// Whom a participant's record is shown to: the Support Unit, and the
// government that nominated them.
bool CanSeeParticipant(const Principal& p, const Participant& x) {
  if (IsStaff(p)) return true;
  return p.role == Role::kGovernment && !p.organisation_id.empty() &&
         x.organisation_id == p.organisation_id;
}

}  // namespace

std::vector<Course> TrainingService::Catalog(Stores& s, const Principal& p) const {
  std::vector<Course> out = s.training.Courses();
  if (!IsStaff(p)) {
    out.erase(std::remove_if(out.begin(), out.end(), [](const Course& c) { return !c.published; }),
              out.end());
  }
  return out;
}

Result<Course> TrainingService::VisibleCourse(Stores& s, const Principal& p,
                                              const std::string& id) {
  auto c = s.training.FindCourse(id);
  if (!c || (!c->published && !IsStaff(p))) return NoSuch("course");
  return *c;
}

Result<std::vector<TrainingSession>> TrainingService::Sessions(Stores& s, const Principal& p,
                                                               const std::string& course_id) const {
  auto c = VisibleCourse(s, p, course_id);
  if (!c) return c.errors();
  return s.training.Sessions(course_id);
}

Result<Course> TrainingService::CreateCourse(Stores& s, const Principal& p, Course c,
                                             Instant now) const {
  if (auto ok = Staff(p); !ok) return ok.errors();
  if (Errors e = CheckMaterials(s, p, c); !e.empty()) return e;
  c.id = NewId("crs");
  c.created_by = p.user_id;
  c.created_at = c.updated_at = now;
  c.version = 1;
  s.training.InsertCourse(c);
  s.audit.Record(p.user_id, "course.create", "course", c.id, "", ToJson(c).dump());
  return c;
}

Result<Course> TrainingService::UpdateCourse(Stores& s, const Principal& p, const std::string& id,
                                             int version, Course c, Instant now) const {
  if (auto ok = Staff(p); !ok) return ok.errors();
  auto before = s.training.FindCourse(id);
  if (!before) return NoSuch("course");
  if (Errors e = CheckMaterials(s, p, c); !e.empty()) return e;
  c.id = id;
  c.created_by = before->created_by;
  c.created_at = before->created_at;
  c.updated_at = now;
  c.version = version + 1;
  if (!s.training.UpdateCourse(c, version)) {
    return Error{ErrorCode::kConflict, "the course was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, "course.update", "course", id, ToJson(*before).dump(),
                 ToJson(c).dump());
  return c;
}

Result<TrainingSession> TrainingService::AddSession(Stores& s, const Principal& p,
                                                    const std::string& course_id, TrainingSession t,
                                                    Instant now) const {
  if (auto ok = Staff(p); !ok) return ok.errors();
  if (!s.training.FindCourse(course_id)) return NoSuch("course");
  t.id = NewId("ses");
  t.course_id = course_id;
  t.created_at = now;
  t.version = 1;
  s.training.InsertSession(t);
  s.audit.Record(p.user_id, "session.add", "training_session", t.id, "", ToJson(t).dump());
  return t;
}

Result<TrainingSession> TrainingService::UpdateSession(Stores& s, const Principal& p,
                                                       const std::string& id, int version,
                                                       TrainingSession t, Instant now) const {
  if (auto ok = Staff(p); !ok) return ok.errors();
  auto before = s.training.FindSession(id);
  if (!before) return NoSuch("session");
  if (t.status == "held" && before->status != "held" && ToIso(now).substr(0, 10) < t.ends_on) {
    return Error{ErrorCode::kInvalidInput,
                 "a session is marked held from its last day, " + t.ends_on, "status"};
  }
  t.id = id;
  t.course_id = before->course_id;
  t.created_at = before->created_at;
  t.version = version + 1;
  const int days = SessionDays(t);
  const std::vector<Participant> people = s.training.Participants(id);
  if (std::any_of(people.begin(), people.end(),
                  [&](const Participant& x) { return x.attended_days > days; })) {
    return Error{ErrorCode::kInvalidInput,
                 "a participant attended more days than the session would have", "ends_on"};
  }
  if (!s.training.UpdateSession(t, version)) {
    return Error{ErrorCode::kConflict, "the session was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, "session.update", "training_session", id, ToJson(*before).dump(),
                 ToJson(t).dump());
  return t;
}

Result<std::vector<Participant>> TrainingService::Participants(
    Stores& s, const Principal& p, const std::string& session_id) const {
  if (!IsStaff(p) && p.role != Role::kGovernment) return NoSuch("session");
  auto t = VisibleSession(s, p, session_id);
  if (!t) return t.errors();
  std::vector<Participant> out = s.training.Participants(session_id);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Participant& x) { return !CanSeeParticipant(p, x); }),
            out.end());
  return out;
}

namespace {

// A participant may have no account: the mail then goes to the address they
// were nominated with, in the session's language.
void MailParticipant(Stores& s, const Participant& x, const std::string& kind,
                     nlohmann::json params, const std::string& link, const std::string& language,
                     Instant now) {
  if (x.email.empty()) return;
  if (const std::optional<User> u = s.accounts.FindUserByEmail(x.email)) {
    QueueUserMail(s, *u, kind, "", std::move(params), link, now);
  } else {
    QueueAddressMail(s, x.email, IsMailLanguage(language) ? language : "en", "", kind,
                     std::move(params), link, now);
  }
}

}  // namespace

Result<Participant> TrainingService::Enrol(Stores& s, const Principal& p,
                                           const std::string& session_id, Participant x,
                                           Instant now) const {
  if (!IsStaff(p) && p.role != Role::kGovernment) return NoSuch("session");
  auto t = VisibleSession(s, p, session_id);
  if (!t) return t.errors();
  if (t->status != "planned") {
    return Error{ErrorCode::kInvalidInput, "the session is " + t->status + ": no more nominations",
                 "session"};
  }
  const std::vector<Participant> people = s.training.Participants(session_id);
  if (t->capacity > 0 && static_cast<int>(people.size()) >= t->capacity) {
    return Error{ErrorCode::kInvalidInput,
                 "the session is full (" + std::to_string(t->capacity) + " seats)", "session"};
  }
  // Among the nominations the nominator can see only: another government's
  // list is not theirs to probe, even by a refusal.
  if (!x.email.empty() && std::any_of(people.begin(), people.end(), [&](const Participant& y) {
        return y.email == x.email && CanSeeParticipant(p, y);
      })) {
    return Error{ErrorCode::kInvalidInput, "is already on this session's list", "email"};
  }
  if (p.role == Role::kGovernment) {
    x.organisation_id = p.organisation_id;
    auto org = s.accounts.FindOrganisation(p.organisation_id);
    if (org && x.organisation.empty()) x.organisation = org->name;
  }
  x.id = NewId("prt");
  x.session_id = session_id;
  x.nominated_by = p.user_id;
  x.attended_days = 0;
  x.completed = false;
  x.certificate_id.clear();
  x.completed_at.reset();
  x.created_at = now;
  x.version = 1;
  s.training.InsertParticipant(x);
  s.audit.Record(p.user_id, "participant.enrol", "participant", x.id, "", ToJson(x).dump());
  if (const auto course = s.training.FindCourse(t->course_id)) {
    MailParticipant(
        s, x, "training_nominated",
        {{"name", x.name},
         {"course", course->title},
         {"dates", t->starts_on == t->ends_on ? t->starts_on : t->starts_on + " – " + t->ends_on},
         {"place", t->place}},
        "/training/courses/" + course->id, t->language, now);
  }
  return x;
}

Result<Participant> TrainingService::RecordAttendance(Stores& s, const Principal& p,
                                                      const std::string& id, int version,
                                                      int attended_days, bool completed,
                                                      Instant now) const {
  if (auto ok = Staff(p); !ok) return ok.errors();
  auto x = s.training.FindParticipant(id);
  if (!x) return NoSuch("participant");
  const auto t = s.training.FindSession(x->session_id);
  Errors errors;
  const int days = SessionDays(*t);
  if (attended_days < 0 || attended_days > days) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "must be from 0 to the session's " + std::to_string(days) + " days",
                      "attended_days"});
  }
  if (completed && t->status != "held") {
    errors.push_back({ErrorCode::kInvalidInput,
                      "completion is recorded once the session is marked held", "completed"});
  }
  if (completed && attended_days < 1) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "a participant who attended no day has not completed", "completed"});
  }
  if (!errors.empty()) return errors;
  const Participant before = *x;
  x->attended_days = attended_days;
  if (completed && !x->completed) {
    x->certificate_id = NewId("crt");
    x->completed_at = now;
  } else if (!completed) {
    x->certificate_id.clear();
    x->completed_at.reset();
  }
  x->completed = completed;
  x->version = version + 1;
  if (!s.training.UpdateParticipant(*x, version)) {
    return Error{ErrorCode::kConflict, "the record was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, "participant.attendance", "participant", id, ToJson(before).dump(),
                 ToJson(*x).dump());
  const auto course = s.training.FindCourse(t->course_id);
  if (course && x->completed && !before.completed) {
    MailParticipant(s, *x, "training_certificate", {{"name", x->name}, {"course", course->title}},
                    "/training/certificates/" + x->certificate_id, t->language, now);
  }
  return *x;
}

Result<Certificate> TrainingService::FindCertificate(Stores& s, const std::string& id) {
  auto x = s.training.FindCertificate(id);
  if (!x || !x->completed) return NoSuch("certificate");
  auto t = s.training.FindSession(x->session_id);
  auto c = t ? s.training.FindCourse(t->course_id) : std::nullopt;
  if (!t || !c) return NoSuch("certificate");
  return Certificate{id, *x, *c, *t};
}

}  // namespace connex::domain
