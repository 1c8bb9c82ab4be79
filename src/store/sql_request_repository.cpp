#include "store/sql_request_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr const char* kRequestColumns =
    "SELECT id, reference, organisation_id, created_by, form_json, state, paused_from, "
    "engagement_phase, version, created_at, updated_at FROM requests ";

SupportRequest RequestFromRow(const soci::row& row) {
  SupportRequest r;
  r.id = Text(row, 0);
  r.reference = Text(row, 1);
  r.organisation_id = Text(row, 2);
  r.created_by = Text(row, 3);
  const auto form = ReadForm(nlohmann::json::parse(Text(row, 4), nullptr, false), false);
  if (form) r.form = *form;
  r.position.state = ParseRequestState(Text(row, 5)).value_or(RequestState::kDraft);
  r.position.paused_from = ParseRequestState(Text(row, 6));
  r.engagement_phase = Text(row, 7);
  r.version = static_cast<int>(Integer(row, 8));
  r.created_at = At(row, 9);
  r.updated_at = At(row, 10);
  return r;
}

std::string PausedFrom(const SupportRequest& r) {
  return r.position.paused_from ? ToString(*r.position.paused_from) : "";
}

}  // namespace

void SqlRequestRepository::InsertRequest(const SupportRequest& r) {
  const std::string form = ToJson(r.form).dump(), state = ToString(r.position.state);
  const std::string created = ToIso(r.created_at), updated = ToIso(r.updated_at);
  NullableText paused(PausedFrom(r)), phase(r.engagement_phase);
  sql_ << "INSERT INTO requests (id, reference, organisation_id, created_by, country, commodity, "
          "project_name, deadline, form_json, state, paused_from, engagement_phase, version, "
          "created_at, updated_at) VALUES (:id, :ref, :org, :by, :country, :commodity, :project, "
          ":deadline, :form, :state, :paused, :phase, :version, :created, :updated)",
      soci::use(r.id), soci::use(r.reference), soci::use(r.organisation_id),
      soci::use(r.created_by), soci::use(r.form.country), soci::use(r.form.commodity),
      soci::use(r.form.project_name), soci::use(r.form.deadline), soci::use(form), soci::use(state),
      soci::use(paused.value, paused.ind), soci::use(phase.value, phase.ind), soci::use(r.version),
      soci::use(created), soci::use(updated);
}

std::optional<SupportRequest> SqlRequestRepository::FindRequest(const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kRequestColumns) + "WHERE id = :id", soci::use(id));
  for (const soci::row& row : rows) return RequestFromRow(row);
  return std::nullopt;
}

bool SqlRequestRepository::UpdateRequest(const SupportRequest& r, int expected_version) {
  const std::string form = ToJson(r.form).dump(), state = ToString(r.position.state);
  const std::string updated = ToIso(r.updated_at);
  NullableText paused(PausedFrom(r)), phase(r.engagement_phase);
  soci::statement st =
      (sql_.prepare << "UPDATE requests SET country = :country, commodity = :commodity, "
                       "project_name = :project, deadline = :deadline, form_json = :form, "
                       "state = :state, paused_from = :paused, engagement_phase = :phase, "
                       "version = :version, updated_at = :updated "
                       "WHERE id = :id AND version = :expected",
       soci::use(r.form.country), soci::use(r.form.commodity), soci::use(r.form.project_name),
       soci::use(r.form.deadline), soci::use(form), soci::use(state),
       soci::use(paused.value, paused.ind), soci::use(phase.value, phase.ind), soci::use(r.version),
       soci::use(updated), soci::use(r.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<SupportRequest> SqlRequestRepository::ListRequests(const RequestFilter& f) {
  // Conditions are fixed texts; every value is bound.
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> values;
  auto bind = [&](const std::string& condition, const std::string& value) {
    where += " AND " + condition + " :v" + std::to_string(values.size());
    values.push_back(value);
  };
  if (f.organisation_id) bind("organisation_id =", *f.organisation_id);
  if (f.member_id) {
    where += " AND id IN (SELECT request_id FROM request_team WHERE user_id = :v" +
             std::to_string(values.size()) + ")";
    values.push_back(*f.member_id);
  }
  if (!f.include_drafts) where += " AND state <> 'draft'";
  if (!f.country.empty()) bind("country =", f.country);
  if (!f.commodity.empty()) bind("commodity =", f.commodity);
  if (!f.states.empty()) {
    where += " AND state IN (";
    for (size_t i = 0; i < f.states.size(); ++i) {
      where += (i ? ", :v" : ":v") + std::to_string(values.size());
      values.push_back(ToString(f.states[i]));
    }
    where += ")";
  }
  const std::string query = std::string(kRequestColumns) + where +
                            " ORDER BY updated_at DESC, id LIMIT " + std::to_string(f.limit);
  soci::statement st = sql_.prepare << query;
  soci::row row;
  st.exchange(soci::into(row));
  for (const std::string& v : values) st.exchange(soci::use(v));
  st.define_and_bind();
  std::vector<SupportRequest> out;
  if (st.execute(true)) {
    do {
      out.push_back(RequestFromRow(row));
    } while (st.fetch());
  }
  return out;
}

bool SqlRequestRepository::ReferenceTaken(const std::string& reference) {
  int n = 0;
  sql_ << "SELECT COUNT(*) FROM requests WHERE reference = :r", soci::into(n), soci::use(reference);
  return n > 0;
}

void SqlRequestRepository::InsertStateChange(const StateChangeRecord& c) {
  NullableText from(c.from ? ToString(*c.from) : "");
  const std::string to = ToString(c.to), at = ToIso(c.at), recorded = ToIso(c.recorded_at);
  sql_ << "INSERT INTO request_transitions (request_id, seq, from_state, to_state, actor_id, at, "
          "recorded_at, reason) VALUES (:r, :s, :f, :t, :a, :at, :rec, :reason)",
      soci::use(c.request_id), soci::use(c.seq), soci::use(from.value, from.ind), soci::use(to),
      soci::use(c.actor_id), soci::use(at), soci::use(recorded), soci::use(c.reason);
}

std::vector<StateChangeRecord> SqlRequestRepository::History(const std::string& request_id) {
  std::vector<StateChangeRecord> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT seq, from_state, to_state, actor_id, at, recorded_at, reason "
                       "FROM request_transitions WHERE request_id = :r ORDER BY seq",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    StateChangeRecord c;
    c.request_id = request_id;
    c.seq = static_cast<int>(Integer(row, 0));
    c.from = ParseRequestState(Text(row, 1));
    c.to = ParseRequestState(Text(row, 2)).value_or(RequestState::kDraft);
    c.actor_id = Text(row, 3);
    c.at = At(row, 4);
    c.recorded_at = At(row, 5);
    c.reason = Text(row, 6);
    out.push_back(c);
  }
  return out;
}

void SqlRequestRepository::CorrectStateChange(const std::string& request_id, int seq, Instant at) {
  const std::string text = ToIso(at);
  sql_ << "UPDATE request_transitions SET at = :at WHERE request_id = :r AND seq = :s",
      soci::use(text), soci::use(request_id), soci::use(seq);
}

std::optional<DueDiligence> SqlRequestRepository::FindDueDiligence(const std::string& request_id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT human_rights, environmental, legal, reputational, other_providers, "
                       "notes, decision, reasons, decided_by, decided_at, version "
                       "FROM due_diligence WHERE request_id = :r",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    DueDiligence d;
    d.request_id = request_id;
    d.human_rights = Text(row, 0);
    d.environmental = Text(row, 1);
    d.legal = Text(row, 2);
    d.reputational = Text(row, 3);
    d.other_providers = Text(row, 4);
    d.notes = Text(row, 5);
    d.decision = Text(row, 6);
    d.reasons = Text(row, 7);
    d.decided_by = Text(row, 8);
    d.decided_at = MaybeAt(row, 9);
    d.version = static_cast<int>(Integer(row, 10));
    return d;
  }
  return std::nullopt;
}

void SqlRequestRepository::SaveDueDiligence(const DueDiligence& d) {
  sql_ << "DELETE FROM due_diligence WHERE request_id = :r", soci::use(d.request_id);
  NullableText by(d.decided_by), at(IsoOrEmpty(d.decided_at));
  sql_ << "INSERT INTO due_diligence (request_id, human_rights, environmental, legal, "
          "reputational, other_providers, notes, decision, reasons, decided_by, decided_at, "
          "version) VALUES (:r, :h, :e, :l, :rep, :o, :n, :d, :reasons, :by, :at, :v)",
      soci::use(d.request_id), soci::use(d.human_rights), soci::use(d.environmental),
      soci::use(d.legal), soci::use(d.reputational), soci::use(d.other_providers),
      soci::use(d.notes), soci::use(d.decision), soci::use(d.reasons), soci::use(by.value, by.ind),
      soci::use(at.value, at.ind), soci::use(d.version);
}

void SqlRequestRepository::InsertFeedback(const Feedback& f) {
  // The estimate is NULL when the government gave none.
  double estimate = f.estimated_added_value.value_or(0);
  soci::indicator estimate_ind = f.estimated_added_value ? soci::i_ok : soci::i_null;
  const std::string at = ToIso(f.answered_at);
  sql_ << "INSERT INTO request_feedback (request_id, quality, timeliness, independence, "
          "multidisciplinarity, capacity_built, value_added, comments, estimated_added_value, "
          "currency, value_added_id, answered_by, answered_at) VALUES (:r, :q, :t, :i, :m, :c, "
          ":v, :comments, :e, :currency, :va, :by, :at)",
      soci::use(f.request_id), soci::use(f.quality), soci::use(f.timeliness),
      soci::use(f.independence), soci::use(f.multidisciplinarity), soci::use(f.capacity_built),
      soci::use(f.value_added), soci::use(f.comments), soci::use(estimate, estimate_ind),
      soci::use(f.currency), soci::use(f.value_added_id), soci::use(f.answered_by), soci::use(at);
}

std::optional<Feedback> SqlRequestRepository::FindFeedback(const std::string& request_id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT quality, timeliness, independence, multidisciplinarity, "
                       "capacity_built, value_added, comments, estimated_added_value, currency, "
                       "value_added_id, answered_by, answered_at FROM request_feedback "
                       "WHERE request_id = :r",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    Feedback f;
    f.request_id = request_id;
    int* ratings[] = {&f.quality,        &f.timeliness, &f.independence, &f.multidisciplinarity,
                      &f.capacity_built, &f.value_added};
    for (int i = 0; i < 6; ++i) *ratings[i] = static_cast<int>(Integer(row, i));
    f.comments = Text(row, 6);
    if (row.get_indicator(7) != soci::i_null) f.estimated_added_value = Real(row, 7);
    f.currency = Text(row, 8);
    f.value_added_id = Text(row, 9);
    f.answered_by = Text(row, 10);
    f.answered_at = At(row, 11);
    return f;
  }
  return std::nullopt;
}

namespace {

constexpr const char* kReferralColumns =
    "SELECT id, request_id, provider_id, part, discipline, phase, note, consent, state, outcome, "
    "created_by, proposed_at, responded_at, completed_at, updated_at, version FROM referrals ";

Referral ReferralFromRow(const soci::row& row) {
  Referral r;
  r.id = Text(row, 0);
  r.request_id = Text(row, 1);
  r.provider_id = Text(row, 2);
  r.part = Text(row, 3);
  r.discipline = Text(row, 4);
  r.phase = Text(row, 5);
  r.note = Text(row, 6);
  r.consent = Text(row, 7);
  r.state = Text(row, 8);
  r.outcome = Text(row, 9);
  r.created_by = Text(row, 10);
  r.proposed_at = At(row, 11);
  r.responded_at = MaybeAt(row, 12);
  r.completed_at = MaybeAt(row, 13);
  r.updated_at = At(row, 14);
  r.version = static_cast<int>(Integer(row, 15));
  return r;
}

}  // namespace

void SqlRequestRepository::InsertReferral(const Referral& r) {
  const std::string proposed = ToIso(r.proposed_at), responded = IsoOrEmpty(r.responded_at),
                    completed = IsoOrEmpty(r.completed_at), updated = ToIso(r.updated_at);
  sql_ << "INSERT INTO referrals (id, request_id, provider_id, part, discipline, phase, note, "
          "consent, state, outcome, created_by, proposed_at, responded_at, completed_at, "
          "updated_at, version) VALUES (:id, :r, :p, :part, :d, :ph, :n, :c, :s, :o, :by, :pa, "
          ":ra, :ca, :ua, :v)",
      soci::use(r.id), soci::use(r.request_id), soci::use(r.provider_id), soci::use(r.part),
      soci::use(r.discipline), soci::use(r.phase), soci::use(r.note), soci::use(r.consent),
      soci::use(r.state), soci::use(r.outcome), soci::use(r.created_by), soci::use(proposed),
      soci::use(responded), soci::use(completed), soci::use(updated), soci::use(r.version);
}

bool SqlRequestRepository::UpdateReferral(const Referral& r, int expected_version) {
  const std::string responded = IsoOrEmpty(r.responded_at), completed = IsoOrEmpty(r.completed_at),
                    updated = ToIso(r.updated_at);
  soci::statement st =
      (sql_.prepare << "UPDATE referrals SET state = :s, outcome = :o, responded_at = :ra, "
                       "completed_at = :ca, updated_at = :ua, version = :v "
                       "WHERE id = :id AND version = :expected",
       soci::use(r.state), soci::use(r.outcome), soci::use(responded), soci::use(completed),
       soci::use(updated), soci::use(r.version), soci::use(r.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Referral> SqlRequestRepository::FindReferral(const std::string& id) {
  return SelectFirst(sql_, std::string(kReferralColumns) + "WHERE id = :v", id, ReferralFromRow);
}

std::vector<Referral> SqlRequestRepository::Referrals(
    const std::optional<std::string>& request_id) {
  if (request_id) {
    return SelectRows(
        sql_, std::string(kReferralColumns) + "WHERE request_id = :v ORDER BY proposed_at, id",
        *request_id, ReferralFromRow);
  }
  // Every id differs from "": the shared select wants one bound value.
  return SelectRows(sql_, std::string(kReferralColumns) + "WHERE id <> :v ORDER BY proposed_at, id",
                    "", ReferralFromRow);
}

namespace {

constexpr const char* kLessonColumns =
    "SELECT id, request_id, title, stage, disciplines_json, language, worked, did_not_work, "
    "status, author_id, edited_by, approved_by, hub_document_id, created_at, updated_at, version "
    "FROM lessons ";

Lesson LessonFromRow(const soci::row& row) {
  Lesson l;
  l.id = Text(row, 0);
  l.request_id = Text(row, 1);
  l.title = Text(row, 2);
  l.stage = Text(row, 3);
  const auto disciplines = nlohmann::json::parse(Text(row, 4), nullptr, false);
  if (disciplines.is_array()) l.disciplines = disciplines.get<std::vector<std::string>>();
  l.language = Text(row, 5);
  l.worked = Text(row, 6);
  l.did_not_work = Text(row, 7);
  l.status = Text(row, 8);
  l.author_id = Text(row, 9);
  l.edited_by = Text(row, 10);
  l.approved_by = Text(row, 11);
  l.hub_document_id = Text(row, 12);
  l.created_at = At(row, 13);
  l.updated_at = At(row, 14);
  l.version = static_cast<int>(Integer(row, 15));
  return l;
}

}  // namespace

void SqlRequestRepository::InsertLesson(const Lesson& l) {
  const std::string disciplines = nlohmann::json(l.disciplines).dump(),
                    created = ToIso(l.created_at), updated = ToIso(l.updated_at);
  sql_ << "INSERT INTO lessons (id, request_id, title, stage, disciplines_json, language, worked, "
          "did_not_work, status, author_id, edited_by, approved_by, hub_document_id, created_at, "
          "updated_at, version) VALUES (:id, :r, :t, :s, :d, :l, :w, :dnw, :st, :a, :e, :ap, :h, "
          ":ca, :ua, :v)",
      soci::use(l.id), soci::use(l.request_id), soci::use(l.title), soci::use(l.stage),
      soci::use(disciplines), soci::use(l.language), soci::use(l.worked), soci::use(l.did_not_work),
      soci::use(l.status), soci::use(l.author_id), soci::use(l.edited_by), soci::use(l.approved_by),
      soci::use(l.hub_document_id), soci::use(created), soci::use(updated), soci::use(l.version);
}

bool SqlRequestRepository::UpdateLesson(const Lesson& l, int expected_version) {
  const std::string disciplines = nlohmann::json(l.disciplines).dump(),
                    updated = ToIso(l.updated_at);
  soci::statement st =
      (sql_.prepare << "UPDATE lessons SET title = :t, stage = :s, disciplines_json = :d, "
                       "language = :l, worked = :w, did_not_work = :dnw, status = :st, "
                       "edited_by = :e, approved_by = :ap, hub_document_id = :h, "
                       "updated_at = :ua, version = :v WHERE id = :id AND version = :expected",
       soci::use(l.title), soci::use(l.stage), soci::use(disciplines), soci::use(l.language),
       soci::use(l.worked), soci::use(l.did_not_work), soci::use(l.status), soci::use(l.edited_by),
       soci::use(l.approved_by), soci::use(l.hub_document_id), soci::use(updated),
       soci::use(l.version), soci::use(l.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Lesson> SqlRequestRepository::FindLesson(const std::string& id) {
  return SelectFirst(sql_, std::string(kLessonColumns) + "WHERE id = :v", id, LessonFromRow);
}

std::vector<Lesson> SqlRequestRepository::Lessons(const std::string& request_id) {
  return SelectRows(sql_,
                    std::string(kLessonColumns) + "WHERE request_id = :v ORDER BY created_at, id",
                    request_id, LessonFromRow);
}

void SqlRequestRepository::SaveContractLink(const ContractLink& l) {
  const std::string at = ToIso(l.linked_at);
  DeleteContractLink(l.request_id);
  sql_ << "INSERT INTO engagement_contracts (request_id, hub_document_id, linked_by, linked_at) "
          "VALUES (:r, :h, :by, :at)",
      soci::use(l.request_id), soci::use(l.hub_document_id), soci::use(l.linked_by), soci::use(at);
}

void SqlRequestRepository::DeleteContractLink(const std::string& request_id) {
  sql_ << "DELETE FROM engagement_contracts WHERE request_id = :r", soci::use(request_id);
}

std::optional<ContractLink> SqlRequestRepository::FindContractLink(const std::string& request_id) {
  return SelectFirst(sql_,
                     "SELECT request_id, hub_document_id, linked_by, linked_at "
                     "FROM engagement_contracts WHERE request_id = :v",
                     request_id, [](const soci::row& row) {
                       return ContractLink{Text(row, 0), Text(row, 1), Text(row, 2), At(row, 3)};
                     });
}

void SqlRequestRepository::InsertScopeVersion(const ScopeVersion& v) {
  const std::string at = ToIso(v.at), scope = ToJson(v.scope).dump();
  sql_ << "INSERT INTO scope_versions (request_id, number, author_id, at, reason, scope_json) "
          "VALUES (:r, :n, :a, :at, :reason, :s)",
      soci::use(v.request_id), soci::use(v.number), soci::use(v.author_id), soci::use(at),
      soci::use(v.reason), soci::use(scope);
}

std::vector<ScopeVersion> SqlRequestRepository::ScopeVersions(const std::string& request_id) {
  std::vector<ScopeVersion> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT number, author_id, at, reason, scope_json FROM scope_versions "
                       "WHERE request_id = :r ORDER BY number",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    ScopeVersion v;
    v.request_id = request_id;
    v.number = static_cast<int>(Integer(row, 0));
    v.author_id = Text(row, 1);
    v.at = At(row, 2);
    v.reason = Text(row, 3);
    const auto scope = ReadScope(nlohmann::json::parse(Text(row, 4), nullptr, false));
    if (scope) v.scope = *scope;
    out.push_back(v);
  }
  return out;
}

std::vector<TeamMember> SqlRequestRepository::Team(const std::string& request_id) {
  std::vector<TeamMember> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT user_id, role, added_by, added_at, start_date, end_date, days "
                       "FROM request_team WHERE request_id = :r ORDER BY added_at, user_id",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    out.push_back({request_id, Text(row, 0), Text(row, 1), Text(row, 2), At(row, 3), Text(row, 4),
                   Text(row, 5), static_cast<int>(Integer(row, 6))});
  }
  return out;
}

void SqlRequestRepository::InsertTeamMember(const TeamMember& m) {
  const std::string at = ToIso(m.added_at);
  NullableText start(m.start), end(m.end);
  sql_ << "INSERT INTO request_team (request_id, user_id, role, added_by, added_at, start_date, "
          "end_date, days) VALUES (:r, :u, :role, :by, :at, :s, :e, :d)",
      soci::use(m.request_id), soci::use(m.user_id), soci::use(m.role), soci::use(m.added_by),
      soci::use(at), soci::use(start.value, start.ind), soci::use(end.value, end.ind),
      soci::use(m.days);
}

void SqlRequestRepository::DeleteTeamMember(const std::string& request_id,
                                            const std::string& user_id) {
  sql_ << "DELETE FROM request_team WHERE request_id = :r AND user_id = :u", soci::use(request_id),
      soci::use(user_id);
}

void SqlRequestRepository::InsertDeliverable(const Deliverable& d) {
  NullableText delivered(IsoOrEmpty(d.delivered_at));
  sql_ << "INSERT INTO deliverables (id, request_id, kind, title, phase, due_date, status, "
          "delivered_at, version) VALUES (:id, :r, :k, :t, :p, :due, :s, :d, :v)",
      soci::use(d.id), soci::use(d.request_id), soci::use(d.kind), soci::use(d.title),
      soci::use(d.phase), soci::use(d.due_date), soci::use(d.status),
      soci::use(delivered.value, delivered.ind), soci::use(d.version);
}

bool SqlRequestRepository::UpdateDeliverable(const Deliverable& d, int expected_version) {
  NullableText delivered(IsoOrEmpty(d.delivered_at));
  soci::statement st =
      (sql_.prepare << "UPDATE deliverables SET status = :s, delivered_at = :d, version = :v "
                       "WHERE id = :id AND version = :expected",
       soci::use(d.status), soci::use(delivered.value, delivered.ind), soci::use(d.version),
       soci::use(d.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Deliverable> SqlRequestRepository::Deliverables(const std::string& request_id) {
  std::vector<Deliverable> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, kind, title, phase, due_date, status, delivered_at, version "
                       "FROM deliverables WHERE request_id = :r ORDER BY due_date, id",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    Deliverable d;
    d.id = Text(row, 0);
    d.request_id = request_id;
    d.kind = Text(row, 1);
    d.title = Text(row, 2);
    d.phase = Text(row, 3);
    d.due_date = Text(row, 4);
    d.status = Text(row, 5);
    d.delivered_at = MaybeAt(row, 6);
    d.version = static_cast<int>(Integer(row, 7));
    out.push_back(d);
  }
  return out;
}

void SqlRequestRepository::InsertMessage(const Message& m) {
  const std::string at = ToIso(m.at);
  sql_
      << "INSERT INTO messages (id, request_id, author_id, at, body) VALUES (:id, :r, :a, :at, :b)",
      soci::use(m.id), soci::use(m.request_id), soci::use(m.author_id), soci::use(at),
      soci::use(m.body);
}

std::vector<Message> SqlRequestRepository::Messages(const std::string& request_id) {
  std::vector<Message> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, author_id, at, body FROM messages WHERE request_id = :r "
                       "ORDER BY at, id",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), request_id, Text(row, 1), At(row, 2), Text(row, 3)});
  }
  return out;
}

void SqlRequestRepository::InsertDocument(const Document& d) {
  const std::string at = ToIso(d.uploaded_at);
  sql_ << "INSERT INTO documents (id, request_id, name, media_type, sha256, size, uploaded_by, "
          "uploaded_at) VALUES (:id, :r, :n, :t, :h, :s, :by, :at)",
      soci::use(d.id), soci::use(d.request_id), soci::use(d.name), soci::use(d.media_type),
      soci::use(d.sha256), soci::use(d.size), soci::use(d.uploaded_by), soci::use(at);
}

std::vector<Document> SqlRequestRepository::Documents(const std::string& request_id) {
  std::vector<Document> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, name, media_type, sha256, size, uploaded_by, uploaded_at "
                       "FROM documents WHERE request_id = :r ORDER BY uploaded_at, id",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), request_id, Text(row, 1), Text(row, 2), Text(row, 3),
                   Integer(row, 4), Text(row, 5), At(row, 6)});
  }
  return out;
}

}  // namespace connex::store
