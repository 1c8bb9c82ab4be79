// Route groups, one file each; ApiRoutes() lists them all.
#pragma once

#include <vector>

#include "api/server.hpp"

namespace connex::api {

void AddHealthRoutes(std::vector<Route>& routes, Services& s);
void AddSessionRoutes(std::vector<Route>& routes, Services& s);
void AddUserRoutes(std::vector<Route>& routes, Services& s);
void AddInvitationRoutes(std::vector<Route>& routes, Services& s);
void AddAuditRoutes(std::vector<Route>& routes, Services& s);
void AddRequestRoutes(std::vector<Route>& routes, Services& s);
void AddEngagementRoutes(std::vector<Route>& routes, Services& s);
void AddDocumentRoutes(std::vector<Route>& routes, Services& s);
void AddSupportRoutes(std::vector<Route>& routes, Services& s);
void AddRosterRoutes(std::vector<Route>& routes, Services& s);

}  // namespace connex::api
