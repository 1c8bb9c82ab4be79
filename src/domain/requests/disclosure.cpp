#include "domain/requests/disclosure.hpp"

#include <algorithm>

#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_repository.hpp"
#include "domain/obligations/schedule.hpp"
#include "domain/policy/request_access.hpp"
#include "domain/requests/request_repository.hpp"

namespace connex::domain {

namespace {

// The UTC day the record was first published, when it is public now.
std::string PublishedOn(Stores& s, const HubDocument& d) {
  if (!IsPublic(d)) return "";
  for (const HubRepository::StatusChange& c : s.hub.StatusHistory(d.id)) {
    if (c.to == "published") return ToIso(c.at).substr(0, 10);
  }
  return ToIso(d.updated_at).substr(0, 10);  // published before its history was kept
}

}  // namespace

std::string DisclosureState(const std::string& due, const std::string& published_on,
                            const std::string& today) {
  if (!published_on.empty()) return published_on <= due ? "met_on_time" : "met_late";
  if (today > due) return "overdue";
  if (DaysBetween(today, due) <= kDisclosureDueSoonDays) return "due_soon";
  return "pending";
}

std::optional<DisclosureCommitment> DisclosureService::Of(Stores& s, const SupportRequest& r,
                                                          Instant now) {
  const std::vector<ScopeVersion> scopes = s.requests.ScopeVersions(r.id);
  if (scopes.empty() || !scopes.back().scope.publish_contract) return std::nullopt;
  DisclosureCommitment c;
  c.request = r;
  c.due = scopes.back().scope.publish_by;
  c.link = s.requests.FindContractLink(r.id);
  if (c.link) {
    if (auto d = s.hub.FindDocument(c.link->hub_document_id)) {
      c.contract_title = d->meta.title;
      c.published_on = PublishedOn(s, *d);
    }
  }
  const std::string today = ToIso(now).substr(0, 10);
  c.state = DisclosureState(c.due, c.published_on, today);
  c.days_left = DaysBetween(today, c.due);
  return c;
}

std::vector<DisclosureCommitment> DisclosureService::Commitments(Stores& s, const Principal& p,
                                                                 const std::string& state,
                                                                 Instant now) const {
  RequestFilter f;
  f.limit = 1000000;
  if (!IsStaff(p)) {
    if (p.role != Role::kGovernment || p.organisation_id.empty()) return {};
    f.organisation_id = p.organisation_id;
  }
  std::vector<DisclosureCommitment> out;
  for (const SupportRequest& r : s.requests.ListRequests(f)) {
    auto c = Of(s, r, now);
    if (c && (state.empty() || c->state == state)) out.push_back(std::move(*c));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.due, a.request.reference) < std::tie(b.due, b.request.reference);
  });
  return out;
}

Result<std::optional<ContractLink>> DisclosureService::Link(Stores& s, const Principal& p,
                                                            const std::string& request_id,
                                                            const std::string& hub_document_id,
                                                            Instant now) const {
  auto r = VisibleRequestToStaff(s, p, request_id);
  if (!r) return r.errors();
  const auto before = s.requests.FindContractLink(r->id);
  const auto snapshot = [](const std::optional<ContractLink>& l) {
    return l ? nlohmann::json{{"hub_document_id", l->hub_document_id}}.dump() : std::string();
  };
  if (hub_document_id.empty()) {
    s.requests.DeleteContractLink(r->id);
    s.audit.Record(p.user_id, "request.contract.unlink", "request", r->id, snapshot(before), "");
    return std::optional<ContractLink>();
  }
  const auto d = s.hub.FindDocument(hub_document_id);
  if (!d) {
    return Error{ErrorCode::kInvalidInput, "is not a document of the hub", "hub_document_id"};
  }
  if (d->meta.kind != "contract" || !d->meta.parent_id.empty()) {
    return Error{ErrorCode::kInvalidInput,
                 "must be a main contract of the hub (not an amendment, annex or guide)",
                 "hub_document_id"};
  }
  // The contract of another country cannot keep this government's promise.
  if (d->meta.country != r->form.country) {
    return Error{ErrorCode::kInvalidInput, "must be a contract of the requesting country",
                 "hub_document_id"};
  }
  ContractLink l{r->id, d->id, p.user_id, now};
  s.requests.SaveContractLink(l);
  s.audit.Record(p.user_id, "request.contract.link", "request", r->id, snapshot(before),
                 snapshot(l));
  return std::optional<ContractLink>(l);
}

nlohmann::json ToJson(const DisclosureCommitment& c) {
  nlohmann::json j = {{"request_id", c.request.id},
                      {"reference", c.request.reference},
                      {"project_name", c.request.form.project_name},
                      {"country", c.request.form.country},
                      {"due", c.due},
                      {"state", c.state},
                      {"days_left", c.days_left},
                      {"contract", nullptr}};
  if (c.link) {
    j["contract"] = {{"hub_document_id", c.link->hub_document_id},
                     {"title", c.contract_title},
                     {"linked_at", ToIso(c.link->linked_at)},
                     {"published_on",
                      c.published_on.empty() ? nlohmann::json() : nlohmann::json(c.published_on)}};
  }
  return j;
}

}  // namespace connex::domain
