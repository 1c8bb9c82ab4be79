// Lessons learned (domain/requests/lesson_service.hpp): the team and the
// Support Unit write them on the request; an approval publishes them in the
// hub, where everyone reads them with no trace of the engagement.
#include "api/routes/routes.hpp"
#include "domain/requests/lesson_service.hpp"
#include "domain/shared/json_reader.hpp"

namespace connex::api {

using namespace domain;

void AddLessonRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/requests/{id}/lessons", Access::kCaseWork,
       "The lessons of an engagement with where each names it (flags): for its team and the "
       "Support Unit",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto list = s.lessons.Lessons(st, r.principal, r.params[0]);
           if (!list) return list.errors();
           nlohmann::json items = nlohmann::json::array();
           for (const LessonView& v : *list) items.push_back(ToJson(v));
           return nlohmann::json{{"items", items}};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/lessons", Access::kCaseWork,
       "Writes a lesson (title; stage: planning, negotiating or monitoring; disciplines; "
       "language; worked; did_not_work), once the engagement runs",
       [&s](Request& r) -> Result<Reply> {
         auto words = ReadLesson(r.body);
         if (!words) return words.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto made = s.lessons.Write(st, r.principal, r.params[0], *words, Now());
           if (!made) return made.errors();
           return ToJson(*made);
         });
       }});
  routes.push_back({"PUT", "/api/v1/lessons/{id}", Access::kCaseWork,
                    "Changes a lesson's words (as when written, and version: the one read)",
                    [&s](Request& r) -> Result<Reply> {
                      auto words = ReadLesson(r.body);
                      if (!words) return words.errors();
                      if (words->version == 0)
                        return Error{ErrorCode::kInvalidInput, "is required", "version"};
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto changed = s.lessons.Edit(st, r.principal, r.params[0], *words, Now());
                        if (!changed) return changed.errors();
                        return ToJson(*changed);
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/lessons/{id}/status", Access::kCaseWork,
       "Sends a draft to review (to: in_review) or approves it, publishing it in the hub (to: "
       "published; by a member of the Support Unit other than its last editor, and only once "
       "it names nothing of its engagement); version: the one read",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         ObjectReader reader(r.body, "", {"to", "version"}, errors);
         const std::string to = reader.RequiredText("to", 20, &kLessonStatuses);
         const int version = reader.Integer("version", 1, 1000000);
         if (errors.empty() && version == 0) reader.Fail("version", "is required");
         if (!errors.empty()) return errors;
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto moved = s.lessons.Move(st, r.principal, r.params[0], to, version, Now());
           if (!moved) return moved.errors();
           return ToJson(*moved);
         });
       }});
}

}  // namespace connex::api
