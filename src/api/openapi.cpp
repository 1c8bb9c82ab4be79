// The OpenAPI 3 document, generated from the route table so it cannot drift
// from what the server does. Each operation carries its access rule as
// x-access (public, signed_in, staff, admin).
#include <regex>

#include "api/server.hpp"

namespace connex::api {

nlohmann::json OpenApi(const std::vector<Route>& routes) {
  const nlohmann::json error_ref = {{"$ref", "#/components/schemas/Error"}};
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : routes) {
    nlohmann::json op = {{"summary", route.summary},
                         {"x-access", domain::ToString(route.access)},
                         {"operationId", route.method + " " + route.path}};
    nlohmann::json params = nlohmann::json::array();
    const std::regex name(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(route.path.begin(), route.path.end(), name);
         it != std::sregex_iterator(); ++it) {
      params.push_back({{"name", (*it)[1].str()},
                        {"in", "path"},
                        {"required", true},
                        {"schema", {{"type", "string"}}}});
    }
    if (!params.empty()) op["parameters"] = params;
    if (route.access != domain::Access::kPublic) {
      op["security"] = nlohmann::json::array({{{"session", nlohmann::json::array()}}});
    }
    nlohmann::json responses = {{"200", {{"description", "OK"}}},
                                {"400",
                                 {{"description", "Invalid input"},
                                  {"content", {{"application/json", {{"schema", error_ref}}}}}}},
                                {"404",
                                 {{"description", "Not found, or not visible to the caller"},
                                  {"content", {{"application/json", {{"schema", error_ref}}}}}}}};
    if (route.access != domain::Access::kPublic) {
      responses["401"] = {{"description", "Not signed in"},
                          {"content", {{"application/json", {{"schema", error_ref}}}}}};
    }
    if (route.method != "GET") {
      responses["403"] = {{"description", "Missing or wrong X-CSRF-Token"},
                          {"content", {{"application/json", {{"schema", error_ref}}}}}};
    }
    op["responses"] = responses;
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = op;
  }
  const nlohmann::json error_item = {
      {"type", "object"},
      {"required", {"code", "message", "field"}},
      {"properties",
       {{"code", {{"type", "string"}, {"example", "invalid_input"}}},
        {"message", {{"type", "string"}, {"example", "must be at least 12 characters"}}},
        {"field", {{"type", "string"}, {"example", "password"}}}}}};
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "CONNEX portal API"},
            {"version", "1"},
            {"description",
             "Conventions: docs/api.md. State-changing requests of a signed-in "
             "user carry X-CSRF-Token (from GET /api/v1/session)."}}},
          {"paths", paths},
          {"components",
           {{"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}}}},
            {"schemas",
             {{"Error",
               {{"type", "object"},
                {"required", {"error", "errors"}},
                {"properties",
                 {{"error", error_item},
                  {"errors", {{"type", "array"}, {"items", error_item}}}}}}}}}}}};
}

}  // namespace connex::api
