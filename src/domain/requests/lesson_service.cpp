#include "domain/requests/lesson_service.hpp"

#include "core/crypto.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_repository.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/requests/request_repository.hpp"
#include "domain/shared/discipline.hpp"
#include "domain/shared/discipline_repository.hpp"

namespace connex::domain {

namespace {

Error NoSuchLesson() { return {ErrorCode::kNotFound, "no such lesson", "id"}; }

// Lessons are written once the engagement runs, and after it closes.
bool MayWrite(RequestState s) {
  return s == RequestState::kActive || s == RequestState::kClosed || s == RequestState::kEvaluated;
}

// The Support Unit, or an expert of the request's team.
bool Writer(Stores& s, const Principal& p, const SupportRequest& r) {
  if (IsStaff(p)) return true;
  return p.role == Role::kExpert && IsMember(s.requests.Team(r.id), p.user_id);
}

// The lesson and its request, when `p` takes part in lessons of that request.
Result<std::pair<Lesson, SupportRequest>> Visible(Stores& s, const Principal& p,
                                                  const std::string& id) {
  auto l = s.requests.FindLesson(id);
  if (!l) return NoSuchLesson();
  auto r = VisibleRequest(s, p, l->request_id);
  if (!r || !Writer(s, p, *r)) return NoSuchLesson();
  return std::pair{*l, *r};
}

LessonView View(const Lesson& l, const SupportRequest& r) { return {l, LessonFlags(l, r.form)}; }

Errors CheckDisciplineCodes(Stores& s, const Lesson& words, const Lesson& before) {
  Errors errors;
  CheckDisciplines(words.disciplines, s.disciplines.All(), before.disciplines, "disciplines",
                   errors);
  return errors;
}

// The lesson as a hub record: a "lesson" of its stage and language, its
// words on one page under their headings in that language, found by search.
HubDocument Publish(Stores& s, const Principal& p, const Lesson& l, Instant now) {
  HubDocument d;
  d.id = NewId("hub");
  d.meta.kind = "lesson";
  d.meta.document_type = "report";
  d.meta.title = l.title;
  d.meta.language = l.language;
  d.meta.stage = l.stage;
  d.meta.summary = l.worked;
  d.status = "published";
  d.created_by = p.user_id;
  d.created_at = d.updated_at = now;
  const nlohmann::json& words = MailCatalog(l.language)["lesson"];
  std::string text = words["worked"].get<std::string>() + "\n\n" + l.worked;
  if (!l.did_not_work.empty()) {
    text += "\n\n" + words["did_not_work"].get<std::string>() + "\n\n" + l.did_not_work;
  }
  d.page_count = 1;
  s.hub.InsertDocument(d);
  s.hub.ReplacePages(d, {{1, text, "acceptable", "edited", p.user_id}});
  s.hub.InsertStatusChange(d.id, "in_review", "published", p.user_id, "", now);
  return d;
}

}  // namespace

nlohmann::json ToJson(const LessonView& v) {
  nlohmann::json j = ToJson(v.lesson);
  nlohmann::json flags = nlohmann::json::array();
  for (const LessonFlag& f : v.flags) {
    flags.push_back({{"field", f.field}, {"term", f.term}, {"kind", f.kind}});
  }
  j["flags"] = flags;
  return j;
}

Result<std::vector<LessonView>> LessonService::Lessons(Stores& s, const Principal& p,
                                                       const std::string& request_id) const {
  auto r = VisibleRequest(s, p, request_id);
  if (!r) return r.errors();
  std::vector<LessonView> out;
  if (!Writer(s, p, *r)) return out;  // the government reads lessons once published, in the hub
  for (const Lesson& l : s.requests.Lessons(r->id)) out.push_back(View(l, *r));
  return out;
}

Result<LessonView> LessonService::Write(Stores& s, const Principal& p,
                                        const std::string& request_id, Lesson words,
                                        Instant now) const {
  auto r = VisibleRequest(s, p, request_id);
  if (!r) return r.errors();
  if (!Writer(s, p, *r)) {
    return Error{ErrorCode::kForbidden, "lessons are written by the team and the Support Unit", ""};
  }
  if (!MayWrite(r->position.state)) {
    return Error{ErrorCode::kConflict, "lessons are written once the engagement runs", "state"};
  }
  if (Errors e = CheckDisciplineCodes(s, words, Lesson{}); !e.empty()) return e;
  words.id = NewId("lsn");
  words.request_id = r->id;
  words.status = "draft";
  words.author_id = words.edited_by = p.user_id;
  words.approved_by.clear();
  words.hub_document_id.clear();
  words.created_at = words.updated_at = now;
  words.version = 1;
  s.requests.InsertLesson(words);
  s.audit.Record(p.user_id, "lesson.write", "request", r->id, "", ToJson(words).dump());
  return View(words, *r);
}

Result<LessonView> LessonService::Edit(Stores& s, const Principal& p, const std::string& id,
                                       Lesson words, Instant now) const {
  auto found = Visible(s, p, id);
  if (!found) return found.errors();
  auto& [before, request] = *found;
  if (!IsStaff(p) && before.author_id != p.user_id) {
    return Error{ErrorCode::kForbidden, "an expert edits only the lessons they wrote", ""};
  }
  if (before.status == "published") {
    return Error{ErrorCode::kConflict, "a published lesson is changed in the hub", "status"};
  }
  if (Errors e = CheckDisciplineCodes(s, words, before); !e.empty()) return e;
  Lesson after = before;
  after.title = words.title;
  after.stage = words.stage;
  after.disciplines = words.disciplines;
  after.language = words.language;
  after.worked = words.worked;
  after.did_not_work = words.did_not_work;
  after.edited_by = p.user_id;
  after.updated_at = now;
  after.version = words.version + 1;
  if (!s.requests.UpdateLesson(after, words.version)) {
    return Error{ErrorCode::kConflict, "the lesson was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, "lesson.edit", "request", after.request_id, ToJson(before).dump(),
                 ToJson(after).dump());
  return View(after, request);
}

Result<LessonView> LessonService::Move(Stores& s, const Principal& p, const std::string& id,
                                       const std::string& to, int version, Instant now) const {
  auto found = Visible(s, p, id);
  if (!found) return found.errors();
  auto& [before, request] = *found;
  Lesson after = before;
  if (to == "in_review") {
    if (before.status != "draft") {
      return Error{ErrorCode::kConflict, "only a draft is sent to review", "to"};
    }
    if (!IsStaff(p) && before.author_id != p.user_id) {
      return Error{ErrorCode::kForbidden, "an expert edits only the lessons they wrote", ""};
    }
  } else if (to == "published") {
    if (!IsStaff(p)) {
      return Error{ErrorCode::kForbidden, "the Support Unit approves lessons", ""};
    }
    if (before.status != "in_review") {
      return Error{ErrorCode::kConflict, "only a lesson in review is approved", "to"};
    }
    // The second pair of eyes: whoever last changed the words (the author,
    // or the reviewer who took names out) does not approve them.
    if (p.user_id == before.edited_by) {
      return Error{ErrorCode::kForbidden,
                   "a lesson is approved by someone other than its last editor", ""};
    }
    Errors named;
    for (const LessonFlag& f : LessonFlags(before, request.form)) {
      named.push_back({ErrorCode::kInvalidInput,
                       "names \"" + f.term + "\", which would identify the engagement", f.field});
    }
    if (!named.empty()) return named;
    after.hub_document_id = Publish(s, p, before, now).id;
    after.approved_by = p.user_id;
  } else {
    return Error{ErrorCode::kInvalidInput, "must be in_review or published", "to"};
  }
  after.status = to;
  after.updated_at = now;
  after.version = version + 1;
  if (!s.requests.UpdateLesson(after, version)) {
    return Error{ErrorCode::kConflict, "the lesson was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, to == "published" ? "lesson.publish" : "lesson.review", "request",
                 after.request_id, ToJson(before).dump(), ToJson(after).dump());
  return View(after, request);
}

}  // namespace connex::domain
