// The read side of requests: the role-filtered inbox sorted by urgency, the
// dossier of one request (history, clocks, scope, team, deliverables), and
// its scope versions, messages and documents for those who may see them.
#include <algorithm>

#include "domain/policy/request_access.hpp"
#include "domain/requests/request_clocks.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/shared/discipline_repository.hpp"

namespace connex::domain {

using S = RequestState;

std::vector<InboxItem> RequestService::Inbox(Stores& s, const Principal& p, InboxQuery q,
                                             Instant now) const {
  RequestFilter& f = q.filter;
  switch (p.role) {
    case Role::kGovernment:
      f.organisation_id = p.organisation_id;
      f.include_drafts = true;
      break;
    case Role::kExpert:
      f.member_id = p.user_id;
      f.states = {S::kTeamConfirmed, S::kActive, S::kClosed, S::kEvaluated};
      break;
    case Role::kCoordinator:
    case Role::kAdmin:
      break;
    case Role::kPublic:
    case Role::kFunder:
      return {};
  }
  const ClockContext context = ClockContext::Load(s, now);
  std::vector<InboxItem> items;
  for (SupportRequest& r : s.requests.ListRequests(f)) {
    std::vector<ClockReading> clocks = context.Read(s, r);
    const int urgency = Urgency(clocks);
    if (q.risk == "breached" && urgency != 0) continue;
    if (q.risk == "warning" && urgency > 1) continue;
    items.push_back({std::move(r), std::move(clocks)});
  }
  if (IsStaff(p)) {
    // Most urgent first; among equals the earliest due, and those with a due
    // date before those without.
    auto due = [](const InboxItem& i) {
      const ClockReading* c = MostUrgent(i.clocks);
      return c ? c->due : std::nullopt;
    };
    std::stable_sort(items.begin(), items.end(), [&](const InboxItem& a, const InboxItem& b) {
      const int ua = Urgency(a.clocks), ub = Urgency(b.clocks);
      if (ua != ub) return ua < ub;
      const std::optional<Instant> da = due(a), db = due(b);
      if (da && db) return *da < *db;
      return da.has_value() && !db.has_value();
    });
  }
  return items;
}

RequestDossier RequestService::Dossier(Stores& s, const SupportRequest& r, Instant now) const {
  RequestDossier d;
  d.request = r;
  d.clocks = ClockContext::Load(s, now).Read(s, r);
  d.history = s.requests.History(r.id);
  d.team = s.requests.Team(r.id);
  d.scopes = s.requests.ScopeVersions(r.id);
  d.deliverables = s.requests.Deliverables(r.id);
  d.documents = s.requests.Documents(r.id);
  d.messages = s.requests.Messages(r.id);
  return d;
}

Result<std::vector<ScopeVersion>> RequestService::ScopeVersions(Stores& s, const Principal& p,
                                                                const std::string& id) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  return s.requests.ScopeVersions(r->id);
}

Result<std::vector<Message>> RequestService::Messages(Stores& s, const Principal& p,
                                                      const std::string& id) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  return s.requests.Messages(r->id);
}

Result<std::vector<Document>> RequestService::Documents(Stores& s, const Principal& p,
                                                        const std::string& id) const {
  auto r = VisibleRequest(s, p, id);
  if (!r) return r.errors();
  return s.requests.Documents(r->id);
}

}  // namespace connex::domain
