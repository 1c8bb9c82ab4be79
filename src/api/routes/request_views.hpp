// JSON views of requests and what hangs off them, as the API returns them to
// someone the policy already let see the request. Names of people are looked
// up once per reply.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/requests/request_service.hpp"
#include "domain/sla/clocks.hpp"

namespace connex::api {

// Display names of users, looked up on first use.
class Names {
 public:
  explicit Names(domain::AccountRepository& accounts) : accounts_(accounts) {}
  const std::string& Of(const std::string& user_id);

 private:
  domain::AccountRepository& accounts_;
  std::map<std::string, std::string> cache_;
};

// The policy in force, with its calendar built once per reply.
struct ClockContext {
  domain::SlaPolicy policy;
  std::optional<domain::Calendar> calendar;  // empty if the stored calendar is unusable
  Instant now;
  static ClockContext Load(domain::Stores& s, Instant now);
  std::vector<domain::ClockReading> Read(domain::Stores& s, const domain::SupportRequest& r) const;
};

nlohmann::json ClockView(const domain::ClockReading& c);
nlohmann::json SummaryView(const domain::SupportRequest& r, const domain::Principal& viewer,
                           const std::vector<domain::ClockReading>& clocks);
// Everything on the request's workspace page: the form, history, clocks,
// what is needed from the government, team, scope, deliverables, timeline.
nlohmann::json DetailView(domain::Stores& s, const domain::SupportRequest& r,
                          const domain::Principal& viewer, const ClockContext& clocks);
nlohmann::json DocumentView(const domain::Document& d, Names& names);
nlohmann::json MessageView(const domain::Message& m, Names& names);
nlohmann::json DeliverableView(const domain::Deliverable& d);
nlohmann::json TeamMemberView(const domain::TeamMember& m, Names& names);
nlohmann::json DueDiligenceView(const domain::DueDiligence& d);
nlohmann::json ScopeVersionsView(const std::vector<domain::ScopeVersion>& versions, Names& names);

}  // namespace connex::api
