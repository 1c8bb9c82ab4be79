#include "api/routes/routes.hpp"

namespace connex::api {

std::vector<Route> ApiRoutes(Services& s) {
  std::vector<Route> routes;
  AddHealthRoutes(routes, s);
  AddSessionRoutes(routes, s);
  AddUserRoutes(routes, s);
  AddInvitationRoutes(routes, s);
  AddAuditRoutes(routes, s);
  AddRequestRoutes(routes, s);
  AddEngagementRoutes(routes, s);
  AddDocumentRoutes(routes, s);
  AddSupportRoutes(routes, s);
  AddRosterRoutes(routes, s);
  routes.push_back({"GET", "/api/v1/openapi.json", domain::Access::kPublic,
                    "This API as an OpenAPI 3 document", nullptr});
  // The document lists every route, this one included, and never changes.
  const nlohmann::json doc = OpenApi(routes);
  routes.back().handler = [doc](Request&) -> Result<Reply> { return Reply{200, doc, {}}; };
  return routes;
}

}  // namespace connex::api
