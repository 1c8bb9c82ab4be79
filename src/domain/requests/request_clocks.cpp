#include "domain/requests/request_clocks.hpp"

#include <utility>

#include "domain/requests/request_repository.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/sla/sla_policy_repository.hpp"

namespace connex::domain {

ClockContext ClockContext::Load(Stores& s, Instant now) {
  ClockContext c;
  c.policy = s.sla_policy.Current();
  auto calendar = Calendar::Build(c.policy.calendar);
  if (calendar) c.calendar = std::move(*calendar);
  c.now = now;
  return c;
}

std::vector<ClockReading> ClockContext::Read(Stores& s, const SupportRequest& r) const {
  if (!calendar || r.position.state == RequestState::kDraft) return {};
  return ReadClocks(RequestService::ClockHistory(s.requests.History(r.id)),
                    RequestService::FirstDelivery(s.requests.Deliverables(r.id)), policy, *calendar,
                    now);
}
}  // namespace connex::domain
