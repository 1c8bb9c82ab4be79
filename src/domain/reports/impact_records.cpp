#include "domain/reports/impact_records.hpp"

#include "domain/requests/disclosure.hpp"

namespace connex::domain {

std::vector<ImpactRecord> CollectImpactRecords(Stores& s, const SlaPolicy& policy,
                                               const std::optional<Calendar>& calendar,
                                               Instant now) {
  RequestFilter every;
  every.limit = 1000000;  // reports read them all; drafts stay out (include_drafts false)
  std::vector<ImpactRecord> out;
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
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace connex::domain
