// Capacity building: the public training catalog, courses and sessions kept
// by the Support Unit, nominations by governments, attendance and completion,
// and certificates anyone holding their link may check
// (domain/training/training_service.hpp says who sees what).
#include "api/routes/routes.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/training/training_service.hpp"

namespace connex::api {

using namespace domain;

namespace {

// A course with its sessions and the hub materials the reader may open.
nlohmann::json CourseView(Services& s, Stores& st, const Principal& p, const Course& c) {
  nlohmann::json out = ToJson(c);
  nlohmann::json sessions = nlohmann::json::array();
  if (auto list = s.training.Sessions(st, p, c.id)) {
    for (const TrainingSession& t : *list) sessions.push_back(ToJson(t));
  }
  out["sessions"] = sessions;
  nlohmann::json materials = nlohmann::json::array();
  for (const std::string& id : c.materials) {
    auto d = HubService::Visible(st, p, id);
    if (d) materials.push_back({{"id", d->id}, {"title", d->meta.title}, {"kind", d->meta.kind}});
  }
  out["material_documents"] = materials;
  return out;
}

}  // namespace

void AddTrainingRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/training/courses", Access::kPublic,
                    "The training catalog: published courses with their sessions and materials "
                    "(the Support Unit also sees unpublished ones)",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        nlohmann::json items = nlohmann::json::array();
                        for (const Course& c : s.training.Catalog(st, r.principal)) {
                          items.push_back(CourseView(s, st, r.principal, c));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/training/courses/{id}", Access::kPublic,
                    "A course of the catalog, its sessions and materials",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto c = TrainingService::VisibleCourse(st, r.principal, r.params[0]);
                        if (!c) return c.errors();
                        return CourseView(s, st, r.principal, *c);
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/training/courses", Access::kStaff,
       "Creates a course (title; summary, audience, hours, materials: hub document ids, "
       "published: in the public catalog)",
       [&s](Request& r) -> Result<Reply> {
         auto c = ReadCourse(r.body);
         if (!c) return c.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto made = s.training.CreateCourse(st, r.principal, *c, Now());
           if (!made) return made.errors();
           return CourseView(s, st, r.principal, *made);
         });
       }});
  routes.push_back({"PUT", "/api/v1/training/courses/{id}", Access::kStaff,
                    "Changes a course (its fields and version: the one read)",
                    [&s](Request& r) -> Result<Reply> {
                      auto c = ReadCourse(r.body);
                      if (!c) return c.errors();
                      if (c->version == 0)
                        return Error{ErrorCode::kInvalidInput, "is required", "version"};
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto changed = s.training.UpdateCourse(st, r.principal, r.params[0],
                                                               c->version, *c, Now());
                        if (!changed) return changed.errors();
                        return CourseView(s, st, r.principal, *changed);
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/training/courses/{id}/sessions", Access::kStaff,
       "Adds a session (starts_on, ends_on: dates; mode: in_person, online or hybrid; place; "
       "language; trainers: names; capacity: seats, 0 for no limit)",
       [&s](Request& r) -> Result<Reply> {
         auto t = ReadSession(r.body);
         if (!t) return t.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto added = s.training.AddSession(st, r.principal, r.params[0], *t, Now());
           if (!added) return added.errors();
           return ToJson(*added);
         });
       }});
  routes.push_back({"PUT", "/api/v1/training/sessions/{id}", Access::kStaff,
                    "Changes a session (its fields, status: planned, held or cancelled; version)",
                    [&s](Request& r) -> Result<Reply> {
                      auto t = ReadSession(r.body);
                      if (!t) return t.errors();
                      if (t->version == 0)
                        return Error{ErrorCode::kInvalidInput, "is required", "version"};
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto changed = s.training.UpdateSession(st, r.principal, r.params[0],
                                                                t->version, *t, Now());
                        if (!changed) return changed.errors();
                        return ToJson(*changed);
                      });
                    }});
  routes.push_back({"GET", "/api/v1/training/sessions/{id}/participants", Access::kCaseWork,
                    "The session's participants: all for the Support Unit, a government's own "
                    "nominees for it",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto people = s.training.Participants(st, r.principal, r.params[0]);
                        if (!people) return people.errors();
                        nlohmann::json items = nlohmann::json::array();
                        for (const Participant& x : *people) items.push_back(ToJson(x));
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/training/sessions/{id}/participants", Access::kCaseWork,
       "Nominates an official (name; email, position, organisation: as the certificate will "
       "print it, a government's own name by default)",
       [&s](Request& r) -> Result<Reply> {
         auto x = ReadParticipant(r.body);
         if (!x) return x.errors();
         if (x->attended_days != 0 || x->completed) {
           return Error{ErrorCode::kInvalidInput,
                        "is recorded by the Support Unit after the session",
                        x->completed ? "completed" : "attended_days"};
         }
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto added = s.training.Enrol(st, r.principal, r.params[0], *x, Now());
           if (!added) return added.errors();
           return ToJson(*added);
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/training/participants/{id}", Access::kStaff,
       "Records attendance (attended_days) and completion (completed: issues the certificate); "
       "version: the one read",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"attended_days", "completed", "version"});
         const int version = body.Integer("version", true, 1, 1 << 30);
         const int days = body.Integer("attended_days", true, 0, 366);
         const nlohmann::json* completed = body.Value("completed");
         if (completed && !completed->is_boolean()) {
           body.Add({{ErrorCode::kInvalidInput, "must be true or false", "completed"}});
         }
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto done = s.training.RecordAttendance(st, r.principal, r.params[0], version, days,
                                                   completed && completed->get<bool>(), Now());
           if (!done) return done.errors();
           return ToJson(*done);
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/training/certificates/{id}", Access::kPublic,
       "A certificate of completion, for whoever holds its link: the participant's name, "
       "position and organisation, the course, its hours, the session's dates, place and trainers",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto c = TrainingService::FindCertificate(st, r.params[0]);
           if (!c) return c.errors();
           return nlohmann::json{
               {"id", c->id},
               {"name", c->participant.name},
               {"position", c->participant.position},
               {"organisation", c->participant.organisation},
               {"attended_days", c->participant.attended_days},
               {"issued_at", ToIso(*c->participant.completed_at)},
               {"course",
                {{"id", c->course.id}, {"title", c->course.title}, {"hours", c->course.hours}}},
               {"session", ToJson(c->session)}};
         });
       }});
}

}  // namespace connex::api
