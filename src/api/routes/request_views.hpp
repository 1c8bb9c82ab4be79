// JSON views of requests and what hangs off them, as the API returns them to
// someone the policy already let see the request. Names of people are looked
// up once per reply.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/server.hpp"
#include "domain/accounts/user_names.hpp"
#include "domain/requests/request_clocks.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/sla/clocks.hpp"

namespace connex::api {

using domain::Names;

nlohmann::json ClockView(const domain::ClockReading& c);
nlohmann::json SummaryView(const domain::SupportRequest& r, const domain::Principal& viewer,
                           const std::vector<domain::ClockReading>& clocks);
// Everything on the request's workspace page: the form, history, clocks,
// what is needed from the government, team, scope, deliverables, timeline.
nlohmann::json DetailView(const domain::RequestDossier& d, const domain::Principal& viewer,
                          Names& names);
// DetailView of `r` (which `viewer` may see), read now through the request service.
nlohmann::json RequestDetail(Services& s, domain::Stores& st, const domain::SupportRequest& r,
                             const domain::Principal& viewer);
nlohmann::json DocumentView(const domain::Document& d, Names& names);
nlohmann::json MessageView(const domain::Message& m, Names& names);
nlohmann::json DeliverableView(const domain::Deliverable& d);
nlohmann::json TeamMemberView(const domain::TeamMember& m, Names& names);
nlohmann::json DueDiligenceView(const domain::DueDiligence& d);
nlohmann::json ScopeVersionsView(const std::vector<domain::ScopeVersion>& versions, Names& names);

}  // namespace connex::api
