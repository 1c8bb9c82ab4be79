#include "api/routes/request_views.hpp"

#include <algorithm>

#include "api/routes/views.hpp"
#include "domain/accounts/account_repository.hpp"

namespace connex::api {

using namespace domain;

namespace {

nlohmann::json IsoOrNull(const std::optional<Instant>& t) {
  return t ? nlohmann::json(ToIso(*t)) : nlohmann::json();
}

double Hours(std::chrono::seconds s) { return static_cast<double>(s.count()) / 3600.0; }

nlohmann::json Allowed(const SupportRequest& r, const Principal& viewer) {
  nlohmann::json out = nlohmann::json::array();
  for (RequestState s : AllowedNext(r.position, viewer.role)) out.push_back(ToString(s));
  return out;
}

}  // namespace

nlohmann::json ClockView(const ClockReading& c) {
  nlohmann::json pauses = nlohmann::json::array();
  for (const auto& [from, to] : c.pauses)
    pauses.push_back({{"from", ToIso(from)}, {"to", IsoOrNull(to)}});
  return {{"clock", ToString(c.kind)},         {"status", ToString(c.status)},
          {"started", IsoOrNull(c.started)},   {"stopped", IsoOrNull(c.stopped)},
          {"elapsed_hours", Hours(c.elapsed)}, {"target_hours", Hours(c.target)},
          {"due", IsoOrNull(c.due)},           {"pauses", pauses}};
}

nlohmann::json SummaryView(const SupportRequest& r, const Principal& viewer,
                           const std::vector<ClockReading>& clocks) {
  const ClockReading* urgent = MostUrgent(clocks);
  return {{"id", r.id},
          {"reference", r.reference},
          {"project_name", r.form.project_name},
          {"entity", r.form.entity},
          {"country", r.form.country},
          {"commodity", r.form.commodity},
          {"deadline", TextOrNull(r.form.deadline)},
          {"state", ToString(r.position.state)},
          {"engagement_phase", TextOrNull(r.engagement_phase)},
          {"version", r.version},
          {"updated_at", ToIso(r.updated_at)},
          {"allowed", Allowed(r, viewer)},
          {"sla", urgent ? ClockView(*urgent) : nlohmann::json()}};
}

nlohmann::json DocumentView(const Document& d, Names& names) {
  return {{"id", d.id},
          {"name", d.name},
          {"media_type", d.media_type},
          {"size", d.size},
          {"sha256", d.sha256},
          {"uploaded_by", names.Of(d.uploaded_by)},
          {"uploaded_at", ToIso(d.uploaded_at)}};
}

nlohmann::json MessageView(const Message& m, Names& names) {
  return {{"id", m.id}, {"author", names.Of(m.author_id)}, {"at", ToIso(m.at)}, {"body", m.body}};
}

nlohmann::json TeamMemberView(const TeamMember& m, Names& names) {
  return {{"user_id", m.user_id},         {"name", names.Of(m.user_id)}, {"role", m.role},
          {"start", TextOrNull(m.start)}, {"end", TextOrNull(m.end)},    {"days", m.days}};
}

nlohmann::json DeliverableView(const Deliverable& d) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"title", d.title},
          {"phase", d.phase},
          {"due_date", d.due_date},
          {"status", d.status},
          {"delivered_at", IsoOrNull(d.delivered_at)},
          {"version", d.version}};
}

nlohmann::json DueDiligenceView(const DueDiligence& d) {
  return {{"human_rights", d.human_rights},
          {"environmental", d.environmental},
          {"legal", d.legal},
          {"reputational", d.reputational},
          {"other_providers", d.other_providers},
          {"notes", d.notes},
          {"decision", d.decision},
          {"reasons", d.reasons},
          {"decided_at", IsoOrNull(d.decided_at)},
          {"version", d.version}};
}

nlohmann::json ScopeVersionsView(const std::vector<ScopeVersion>& versions, Names& names) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < versions.size(); ++i) {
    const ScopeVersion& v = versions[i];
    out.push_back({{"number", v.number},
                   {"author", names.Of(v.author_id)},
                   {"at", ToIso(v.at)},
                   {"reason", v.reason},
                   {"scope", ToJson(v.scope)},
                   {"changes", i == 0 ? ScopeDiff(Scope{}, v.scope)
                                      : ScopeDiff(versions[i - 1].scope, v.scope)}});
  }
  return out;
}

nlohmann::json DetailView(const RequestDossier& d, const Principal& viewer, Names& names) {
  const SupportRequest& r = d.request;
  const std::vector<ClockReading>& readings = d.clocks;
  nlohmann::json view = SummaryView(r, viewer, readings);
  view["form"] = ToJson(r.form);
  view["created_at"] = ToIso(r.created_at);
  nlohmann::json clocks = nlohmann::json::array();
  for (const ClockReading& c : readings) clocks.push_back(ClockView(c));
  view["clocks"] = clocks;
  nlohmann::json timeline = nlohmann::json::array(), history = nlohmann::json::array();
  std::string waiting_for;
  for (const StateChangeRecord& c : d.history) {
    history.push_back({{"seq", c.seq},
                       {"from", c.from ? nlohmann::json(ToString(*c.from)) : nlohmann::json()},
                       {"to", ToString(c.to)},
                       {"actor", names.Of(c.actor_id)},
                       {"at", ToIso(c.at)},
                       {"reason", c.reason}});
    timeline.push_back(
        {{"at", ToIso(c.at)},
         {"kind", "state"},
         {"text", std::string(ToString(c.to)) + (c.reason.empty() ? "" : ": " + c.reason)},
         {"who", names.Of(c.actor_id)}});
    if (c.to == RequestState::kAwaitingInformation) waiting_for = c.reason;
  }
  view["history"] = history;
  // What the government must provide, while the request waits for it.
  view["waiting_for"] = r.position.state == RequestState::kAwaitingInformation
                            ? nlohmann::json(waiting_for)
                            : nlohmann::json();
  nlohmann::json team = nlohmann::json::array();
  for (const TeamMember& m : d.team) {
    team.push_back(TeamMemberView(m, names));
  }
  view["team"] = team;
  const std::vector<ScopeVersion>& scopes = d.scopes;
  view["scope"] = scopes.empty() ? nlohmann::json() : ToJson(scopes.back().scope);
  view["scope_version"] = static_cast<int>(scopes.size());
  for (const ScopeVersion& v : scopes) {
    timeline.push_back({{"at", ToIso(v.at)},
                        {"kind", "scope"},
                        {"text", "scope version " + std::to_string(v.number) + ": " + v.reason},
                        {"number", v.number},
                        {"reason", v.reason},
                        {"who", names.Of(v.author_id)}});
  }
  nlohmann::json deliverables = nlohmann::json::array();
  for (const Deliverable& x : d.deliverables) {
    deliverables.push_back(DeliverableView(x));
    if (x.delivered_at) {
      timeline.push_back({{"at", ToIso(*x.delivered_at)},
                          {"kind", x.kind},
                          {"text", x.title + " " + x.status},
                          {"title", x.title},
                          {"status", x.status},
                          {"who", ""}});
    }
  }
  view["deliverables"] = deliverables;
  for (const Document& x : d.documents) {
    timeline.push_back({{"at", ToIso(x.uploaded_at)},
                        {"kind", "document"},
                        {"text", x.name},
                        {"who", names.Of(x.uploaded_by)}});
  }
  for (const Message& m : d.messages) {
    timeline.push_back({{"at", ToIso(m.at)},
                        {"kind", "message"},
                        {"text", m.body.substr(0, 140)},
                        {"who", names.Of(m.author_id)}});
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const nlohmann::json& a, const nlohmann::json& b) {
                     return a["at"].get<std::string>() < b["at"].get<std::string>();
                   });
  view["timeline"] = timeline;
  return view;
}

nlohmann::json RequestDetail(Services& s, Stores& st, const SupportRequest& r,
                             const Principal& viewer) {
  Names names(st.accounts);
  nlohmann::json view = DetailView(s.requests.Dossier(st, r, Now()), viewer, names);
  const auto commitment = DisclosureService::Of(st, r, Now());
  view["disclosure"] = commitment ? ToJson(*commitment) : nlohmann::json();
  return view;
}

}  // namespace connex::api
