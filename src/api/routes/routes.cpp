#include "api/routes/routes.hpp"

#include <cctype>
#include <cstdio>

namespace connex::api {

std::string Disposition(const std::string& name) {
  std::string ascii, encoded;
  for (unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

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
  AddHubRoutes(routes, s);
  AddProviderRoutes(routes, s);
  AddFiscalModelRoutes(routes, s);
  routes.push_back({"GET", "/api/v1/openapi.json", domain::Access::kPublic,
                    "This API as an OpenAPI 3 document", nullptr});
  // The document lists every route, this one included, and never changes.
  const nlohmann::json doc = OpenApi(routes);
  routes.back().handler = [doc](Request&) -> Result<Reply> { return Reply{200, doc, {}}; };
  return routes;
}

}  // namespace connex::api
