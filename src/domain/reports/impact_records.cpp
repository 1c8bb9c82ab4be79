#include "domain/reports/impact_records.hpp"

#include <map>

#include "domain/hub/hub_repository.hpp"
#include "domain/requests/disclosure.hpp"
#include "domain/requests/referral.hpp"

namespace connex::domain {

std::vector<ImpactRecord> CollectImpactRecords(Stores& s, const SlaPolicy& policy,
                                               const std::optional<Calendar>& calendar,
                                               Instant now) {
  RequestFilter every;
  every.limit = 1000000;  // reports read them all; drafts stay out (include_drafts false)
  std::vector<ImpactRecord> out;
  std::map<std::string, std::string> providers;  // id -> name in the directory
  for (const SupportRequest& r : s.requests.ListRequests(every)) {
    const std::vector<StateChangeRecord> history = s.requests.History(r.id);
    ImpactRecord rec;
    rec.country = r.form.country;
    rec.commodity = r.form.commodity;
    rec.disciplines = r.form.disciplines;
    bool submitted = false;
    for (const StateChangeRecord& c : history) {
      if (c.to == RequestState::kSubmitted && !submitted) {
        rec.submitted = c.at;
        submitted = true;
      }
      if (c.to == RequestState::kActive && !rec.engaged) rec.engaged = c.at;
      if (c.to == RequestState::kClosed && rec.engaged && !rec.closed) rec.closed = c.at;
    }
    if (!submitted) continue;
    if (calendar) {
      rec.clocks = ReadClocks(RequestService::ClockHistory(history),
                              RequestService::FirstDelivery(s.requests.Deliverables(r.id)), policy,
                              *calendar, now);
    }
    rec.feedback = s.requests.FindFeedback(r.id);
    if (auto c = DisclosureService::Of(s, r, now)) rec.disclosure = c->state;
    for (const Referral& x : s.requests.Referrals(r.id)) {
      auto name = providers.find(x.provider_id);
      if (name == providers.end()) {
        const auto p = s.hub.FindProvider(x.provider_id);
        name = providers.emplace(x.provider_id, p ? p->name : x.provider_id).first;
      }
      rec.referrals.push_back({name->second, x.state, ResponseDays(x)});
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace connex::domain
