// Disclosure commitments (domain/requests/disclosure.hpp): the Support Unit
// follows the governments' commitments to publish their signed contracts and
// links each engagement to its contract in the hub. A government reads its
// own commitment with the request (request_views.cpp).
#include "api/routes/routes.hpp"
#include "domain/requests/disclosure.hpp"
#include "domain/shared/json_reader.hpp"

namespace connex::api {

using namespace domain;

void AddDisclosureRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/disclosure/commitments", Access::kStaff,
       "Governments' commitments to publish their signed contracts, the earliest due first "
       "(state: pending, due_soon, overdue, met_on_time or met_late)",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         const std::string state = QueryCode(
             r, "state", {"pending", "due_soon", "overdue", "met_on_time", "met_late"}, errors);
         if (!errors.empty()) return errors;
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           nlohmann::json items = nlohmann::json::array();
           for (const DisclosureCommitment& c :
                s.disclosure.Commitments(st, r.principal, state, Now())) {
             items.push_back(ToJson(c));
           }
           return nlohmann::json{{"items", items}};
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/requests/{id}/contract", Access::kStaff,
       "Links the engagement to its signed contract in the hub (hub_document_id: a main "
       "contract; empty to unlink); a commitment to publish it is met once the record is public",
       [&s](Request& r) -> Result<Reply> {
         Errors errors;
         ObjectReader reader(r.body, "", {"hub_document_id"}, errors);
         const std::string hub_id = reader.Text("hub_document_id", 64);
         if (!errors.empty()) return errors;
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto linked = s.disclosure.Link(st, r.principal, r.params[0], hub_id, Now());
           if (!linked) return linked.errors();
           auto request = st.requests.FindRequest(r.params[0]);
           const auto c = DisclosureService::Of(st, *request, Now());
           return nlohmann::json{{"linked", linked->has_value()},
                                 {"disclosure", c ? ToJson(*c) : nlohmann::json()}};
         });
       }});
}

}  // namespace connex::api
