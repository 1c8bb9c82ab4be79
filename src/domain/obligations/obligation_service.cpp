#include "domain/obligations/obligation_service.hpp"

#include <algorithm>
#include <tuple>

#include "core/crypto.hpp"
#include "domain/accounts/account_repository.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/mail/mailer.hpp"
#include "domain/notifications/notification_repository.hpp"
#include "domain/obligations/obligation_repository.hpp"

namespace connex::domain {

namespace {

Error NoSuchContract() { return {ErrorCode::kNotFound, "no such contract", "id"}; }
Error NoSuchObligation() { return {ErrorCode::kNotFound, "no such obligation", "id"}; }

// Who may change a register: its government's users and the Support Unit.
// Funders and experts never reach here (route rules and CanSee), so seeing a
// contract is enough.
Result<Obligation> VisibleObligation(Stores& s, const Principal& p, const std::string& id,
                                     MonitoredContract* contract = nullptr) {
  auto o = s.obligations.FindObligation(id);
  if (!o) return NoSuchObligation();
  auto c = s.obligations.FindContract(o->contract_id);
  if (!c || !ObligationService::CanSee(p, *c)) return NoSuchObligation();
  if (contract) *contract = *c;
  return *o;
}

// The hub record a contract may point at: a contract `p` may read.
Errors CheckHubDocument(Stores& s, const Principal& p, const std::string& id) {
  if (id.empty()) return {};
  auto d = HubService::Visible(s, p, id);
  if (!d)
    return {{ErrorCode::kInvalidInput, "is not a hub document you may read", "hub_document_id"}};
  if (d->meta.kind != "contract") {
    return {{ErrorCode::kInvalidInput, "must be a contract of the hub, not a " + d->meta.kind,
             "hub_document_id"}};
  }
  return {};
}

Errors CheckSource(Stores& s, const Principal& p, const MonitoredContract& c,
                   const std::string& annotation_id) {
  if (annotation_id.empty()) return {};
  auto a = s.hub.FindAnnotation(annotation_id);
  const bool readable =
      a && a->document_id == c.hub_document_id && (IsStaff(p) || a->status == "reviewed");
  if (!readable) {
    return {{ErrorCode::kInvalidInput, "is not an annotation of this contract's hub record",
             "source_annotation_id"}};
  }
  return {};
}

void AppendOccurrences(Stores& s, const MonitoredContract& c, const OccurrenceQuery& q, Instant now,
                       std::vector<Occurrence>& out) {
  const date::time_zone* zone = FindZone(c.timezone);
  if (!zone) return;  // validated on write; a zone removed from tzdata shows nothing
  for (const Obligation& o : s.obligations.Obligations(c.id)) {
    if (o.status != "active") continue;
    const std::vector<std::string> dates = DueDates(o.schedule, q.from, q.to);
    if (dates.empty()) continue;
    const std::vector<Fulfilment> records = s.obligations.Fulfilments(o.id);
    for (const std::string& due : dates) {
      Occurrence occ{o, c.title, c.timezone, due, "", std::nullopt};
      for (const Fulfilment& f : records) {
        if (f.due_date == due) occ.fulfilment = f;
      }
      occ.state = OccurrenceState(due, zone, o.remind_days,
                                  occ.fulfilment ? occ.fulfilment->status : "", now);
      if (q.state.empty() || q.state == occ.state) out.push_back(std::move(occ));
    }
  }
}

void SortByDueDate(std::vector<Occurrence>& v) {
  std::stable_sort(v.begin(), v.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.due_date, a.contract_title, a.obligation.title) <
           std::tie(b.due_date, b.contract_title, b.obligation.title);
  });
}

std::string Snapshot(const nlohmann::json& j) { return j.dump(); }

}  // namespace

bool ObligationService::CanSee(const Principal& p, const MonitoredContract& c) {
  if (IsStaff(p)) return true;
  return p.role == Role::kGovernment && !p.organisation_id.empty() &&
         p.organisation_id == c.organisation_id;
}

Result<MonitoredContract> ObligationService::VisibleContract(Stores& s, const Principal& p,
                                                             const std::string& id) {
  auto c = s.obligations.FindContract(id);
  if (!c || !CanSee(p, *c)) return NoSuchContract();
  return *c;
}

std::vector<MonitoredContract> ObligationService::Contracts(Stores& s, const Principal& p) const {
  if (IsStaff(p)) return s.obligations.Contracts(std::nullopt);
  if (p.role != Role::kGovernment) return {};
  return s.obligations.Contracts(p.organisation_id);
}

Result<MonitoredContract> ObligationService::CreateContract(Stores& s, const Principal& p,
                                                            MonitoredContract c,
                                                            Instant now) const {
  if (p.role == Role::kGovernment) {
    c.organisation_id = p.organisation_id;
  } else if (!IsStaff(p)) {
    return Error{ErrorCode::kForbidden, "governments and the Support Unit keep registers", ""};
  }
  Errors errors = CheckHubDocument(s, p, c.hub_document_id);
  const auto org =
      c.organisation_id.empty() ? std::nullopt : s.accounts.FindOrganisation(c.organisation_id);
  if (!org || org->kind != OrganisationKind::kGovernment) {
    errors.push_back(
        {ErrorCode::kInvalidInput, "must name a government organisation", "organisation_id"});
  }
  if (!errors.empty()) return errors;
  c.id = NewId("ctr");
  c.created_by = p.user_id;
  c.created_at = c.updated_at = now;
  c.version = 1;
  s.obligations.InsertContract(c);
  s.audit.Record(p.user_id, "contract.register", "monitored_contract", c.id, "",
                 Snapshot(ToJson(c)));
  return c;
}

Result<MonitoredContract> ObligationService::UpdateContract(Stores& s, const Principal& p,
                                                            const std::string& id, int version,
                                                            MonitoredContract c,
                                                            Instant now) const {
  auto before = VisibleContract(s, p, id);
  if (!before) return before.errors();
  if (Errors e = CheckHubDocument(s, p, c.hub_document_id); !e.empty()) return e;
  c.id = before->id;
  c.organisation_id = before->organisation_id;  // a register stays with its government
  c.published_at = before->published_at;        // changed by Publish only
  c.published_by = before->published_by;
  c.created_by = before->created_by;
  c.created_at = before->created_at;
  c.updated_at = now;
  c.version = version + 1;
  if (!s.obligations.UpdateContract(c, version)) {
    return Error{ErrorCode::kConflict, "the contract was changed meanwhile; reload it", "version"};
  }
  s.audit.Record(p.user_id, "contract.update", "monitored_contract", c.id,
                 Snapshot(ToJson(*before)), Snapshot(ToJson(c)));
  return c;
}

Result<MonitoredContract> ObligationService::Publish(Stores& s, const Principal& p,
                                                     const std::string& id, bool publish,
                                                     Instant now) const {
  auto c = VisibleContract(s, p, id);
  if (!c) return c.errors();
  if (p.role != Role::kGovernment) {
    return Error{ErrorCode::kForbidden,
                 "only the government that keeps the register may publish it", ""};
  }
  if (publish == c->published_at.has_value()) return *c;  // already so
  if (publish) {
    if (c->hub_document_id.empty()) {
      return Error{ErrorCode::kInvalidInput,
                   "must name the contract's record in the hub, where the register is shown",
                   "hub_document_id"};
    }
    auto d = s.hub.FindDocument(c->hub_document_id);
    if (!d || !IsPublic(*d)) {
      return Error{ErrorCode::kInvalidInput,
                   "is not published in the hub yet: the register is shown on its public page",
                   "hub_document_id"};
    }
  }
  const std::string before = Snapshot(ToJson(*c));
  c->published_at = publish ? std::optional<Instant>(now) : std::nullopt;
  c->published_by = publish ? p.user_id : "";
  s.obligations.SetPublication(c->id, c->published_at, c->published_by);
  s.audit.Record(p.user_id, publish ? "register.publish" : "register.withdraw",
                 "monitored_contract", c->id, before, Snapshot(ToJson(*c)));
  return *c;
}

std::optional<PublicRegister> ObligationService::PublishedRegister(
    Stores& s, const std::string& hub_document_id, Instant now) {
  const std::vector<MonitoredContract> published = s.obligations.PublishedFor(hub_document_id);
  if (published.empty()) return std::nullopt;
  std::vector<ObligationRecords> items;
  for (Obligation& o : s.obligations.Obligations(published.front().id)) {
    std::vector<Fulfilment> records = s.obligations.Fulfilments(o.id);
    items.push_back({std::move(o), std::move(records)});
  }
  return BuildPublicRegister(published.front(), items, now);
}

Result<std::vector<Obligation>> ObligationService::Obligations(
    Stores& s, const Principal& p, const std::string& contract_id) const {
  auto c = VisibleContract(s, p, contract_id);
  if (!c) return c.errors();
  return s.obligations.Obligations(contract_id);
}

Result<Obligation> ObligationService::AddObligation(Stores& s, const Principal& p,
                                                    const std::string& contract_id, Obligation o,
                                                    Instant now) const {
  auto c = VisibleContract(s, p, contract_id);
  if (!c) return c.errors();
  if (Errors e = CheckSource(s, p, *c, o.source_annotation_id); !e.empty()) return e;
  o.id = NewId("obl");
  o.contract_id = contract_id;
  o.created_by = p.user_id;
  o.created_at = o.updated_at = now;
  o.version = 1;
  s.obligations.InsertObligation(o);
  s.audit.Record(p.user_id, "obligation.add", "obligation", o.id, "", Snapshot(ToJson(o)));
  return o;
}

Result<Obligation> ObligationService::UpdateObligation(Stores& s, const Principal& p,
                                                       const std::string& id, int version,
                                                       Obligation o, Instant now) const {
  MonitoredContract c;
  auto before = VisibleObligation(s, p, id, &c);
  if (!before) return before.errors();
  if (o.source_annotation_id != before->source_annotation_id) {
    if (Errors e = CheckSource(s, p, c, o.source_annotation_id); !e.empty()) return e;
  }
  o.id = before->id;
  o.contract_id = before->contract_id;
  o.created_by = before->created_by;
  o.created_at = before->created_at;
  o.updated_at = now;
  o.version = version + 1;
  if (!s.obligations.UpdateObligation(o, version)) {
    return Error{ErrorCode::kConflict, "the obligation was changed meanwhile; reload it",
                 "version"};
  }
  s.audit.Record(p.user_id, "obligation.update", "obligation", o.id, Snapshot(ToJson(*before)),
                 Snapshot(ToJson(o)));
  return o;
}

Result<Fulfilment> ObligationService::Record(Stores& s, const Principal& p, const std::string& id,
                                             Fulfilment f, Instant now) const {
  auto o = VisibleObligation(s, p, id);
  if (!o) return o.errors();
  if (!IsDueDate(o->schedule, f.due_date)) {
    return Error{ErrorCode::kInvalidInput, "is not one of this obligation's due dates", "due_date"};
  }
  std::string before;
  for (const Fulfilment& old : s.obligations.Fulfilments(id)) {
    if (old.due_date == f.due_date) before = Snapshot(ToJson(old));
  }
  f.obligation_id = id;
  f.recorded_by = p.user_id;
  f.recorded_at = now;
  s.obligations.SaveFulfilment(f);
  s.audit.Record(p.user_id, "obligation.record", "obligation", id, before, Snapshot(ToJson(f)));
  return f;
}

Result<std::vector<Fulfilment>> ObligationService::Fulfilments(Stores& s, const Principal& p,
                                                               const std::string& id) const {
  auto o = VisibleObligation(s, p, id);
  if (!o) return o.errors();
  return s.obligations.Fulfilments(id);
}

Result<std::vector<ObligationSuggestion>> ObligationService::Suggestions(
    Stores& s, const Principal& p, const std::string& contract_id) const {
  auto c = VisibleContract(s, p, contract_id);
  if (!c) return c.errors();
  std::vector<ObligationSuggestion> out;
  if (c->hub_document_id.empty() || !HubService::Visible(s, p, c->hub_document_id)) return out;
  const std::vector<Obligation> registered = s.obligations.Obligations(contract_id);
  for (const Annotation& a : HubService().Annotations(s, p, c->hub_document_id)) {
    ObligationSuggestion g;
    g.annotation_id = a.id;
    g.category = a.category;
    const AnnotationCategory* cat = FindCategory(a.category);
    g.category_label = cat ? cat->label : a.category;
    g.draft.type = SuggestedObligationType(a.category);
    g.draft.title = g.category_label;
    g.draft.description = a.summary;
    g.draft.clause = a.article;
    if (!a.pages.empty()) {
      std::string pages;
      for (int n : a.pages) pages += (pages.empty() ? "" : ", ") + std::to_string(n);
      g.draft.clause += (g.draft.clause.empty() ? "" : ", ") +
                        std::string(a.pages.size() == 1 ? "p. " : "pp. ") + pages;
    }
    g.draft.party = c->counterparty;
    g.draft.source_annotation_id = a.id;
    g.registered = std::any_of(registered.begin(), registered.end(),
                               [&](const Obligation& o) { return o.source_annotation_id == a.id; });
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<Occurrence>> ObligationService::Occurrences(Stores& s, const Principal& p,
                                                               const OccurrenceQuery& q,
                                                               Instant now) const {
  std::vector<Occurrence> out;
  if (!q.contract_id.empty()) {
    auto c = VisibleContract(s, p, q.contract_id);
    if (!c) return c.errors();
    AppendOccurrences(s, *c, q, now, out);
  } else {
    for (const MonitoredContract& c : Contracts(s, p)) AppendOccurrences(s, c, q, now, out);
  }
  SortByDueDate(out);
  return out;
}

std::vector<Occurrence> ObligationService::Overdue(Stores& s, const Principal& p,
                                                   Instant now) const {
  std::vector<Occurrence> out;
  for (const MonitoredContract& c : Contracts(s, p)) {
    const date::time_zone* zone = FindZone(c.timezone);
    if (!zone) continue;
    // Each contract's own yesterday: what is overdue in Lima may not yet be in Manila.
    const OccurrenceQuery q{"0001-01-01", AddDays(LocalDate(now, zone), -1), c.id, "overdue"};
    AppendOccurrences(s, c, q, now, out);
  }
  SortByDueDate(out);
  return out;
}

int ObligationService::SendReminders(Stores& s, Instant now) const {
  int sent = 0;
  for (const MonitoredContract& c : s.obligations.Contracts(std::nullopt)) {
    const date::time_zone* zone = FindZone(c.timezone);
    if (!zone) continue;
    const std::string today = LocalDate(now, zone);
    // Due dates from a year back (overdue notices) to the longest reminder ahead.
    const OccurrenceQuery q{AddDays(today, -366), AddDays(today, 366), c.id, ""};
    std::vector<Occurrence> due;
    AppendOccurrences(s, c, q, now, due);
    std::vector<User> users;
    for (const User& u : s.accounts.ListUsers(1000, "", c.organisation_id)) {
      if (!u.disabled) users.push_back(u);
    }
    for (const Occurrence& o : due) {
      if (o.state != "due_soon" && o.state != "overdue") continue;
      if (!s.obligations.MarkReminded(o.obligation.id, o.due_date, o.state, now)) continue;
      const std::string text = c.title + ": " + o.obligation.title +
                               (o.state == "overdue" ? " was due on " : " is due on ") + o.due_date;
      const std::string kind = "obligation_" + o.state;
      const nlohmann::json words = {
          {"contract", c.title}, {"obligation", o.obligation.title}, {"date", o.due_date}};
      nlohmann::json titled = words;  // the notice names its contract first
      titled["title"] = c.title;
      for (const User& u : users) {
        s.notifications.Insert({NewId("ntf"), u.id, kind, "", text, now, std::nullopt, titled});
        QueueUserMail(s, u, kind, "", words, "/monitoring/contracts/" + c.id, now);
      }
      ++sent;
    }
  }
  return sent;
}

}  // namespace connex::domain
