// The feedback survey of a closed engagement: the government answers it
// (which moves the request to evaluated); the government and the Support
// Unit read the answer.
#include "api/routes/routes.hpp"
#include "domain/requests/feedback.hpp"

namespace connex::api {

using namespace domain;

namespace {

nlohmann::json ToJson(const Feedback& f) {
  nlohmann::json j = {
      {"request_id", f.request_id},
      {"comments", f.comments},
      {"estimated_added_value",
       f.estimated_added_value ? nlohmann::json(*f.estimated_added_value) : nlohmann::json()},
      {"currency", f.currency},
      {"value_added_id",
       f.value_added_id.empty() ? nlohmann::json() : nlohmann::json(f.value_added_id)},
      {"answered_by", f.answered_by},
      {"answered_at", ToIso(f.answered_at)}};
  const int values[] = {f.quality,        f.timeliness, f.independence, f.multidisciplinarity,
                        f.capacity_built, f.value_added};
  for (int i = 0; i < 6; ++i) j[kFeedbackRatings[i]] = values[i];
  return j;
}

}  // namespace

void AddFeedbackRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/requests/{id}/feedback", Access::kParticipant,
                    "The government's feedback on the engagement (null while not given): for "
                    "the government and the Support Unit",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto f = s.feedback.Read(st, r.principal, r.params[0]);
                        if (!f) return f.errors();
                        return nlohmann::json{{"feedback", *f ? ToJson(**f) : nlohmann::json()}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/feedback", Access::kParticipant,
       "The government answers the survey once the engagement is closed (version; quality, "
       "timeliness, independence, multidisciplinarity, capacity_built, value_added: 1 to 5; "
       "comments; estimated_added_value; value_added_id: a comparison recorded on the "
       "request). The request moves to evaluated",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"version", "quality", "timeliness", "independence",
                                  "multidisciplinarity", "capacity_built", "value_added",
                                  "comments", "estimated_added_value", "value_added_id"});
         const int version = body.Integer("version", true, 1, 1 << 30);
         Feedback f;
         int* ratings[] = {&f.quality,        &f.timeliness,
                           &f.independence,   &f.multidisciplinarity,
                           &f.capacity_built, &f.value_added};
         for (int i = 0; i < 6; ++i) *ratings[i] = body.Integer(kFeedbackRatings[i], true, 1, 5);
         f.comments = body.Text("comments", false, 5000);
         if (body.Value("estimated_added_value")) {
           f.estimated_added_value = body.Number("estimated_added_value", false);
         }
         f.value_added_id = body.Text("value_added_id", false, 100);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto answered = s.feedback.Answer(st, r.principal, r.params[0], version, f, Now());
           if (!answered) return answered.errors();
           return ToJson(*answered);
         });
       }});
}

}  // namespace connex::api
