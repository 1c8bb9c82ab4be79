#include "store/sql_obligation_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr const char* kContractColumns =
    "SELECT id, organisation_id, title, hub_document_id, counterparty, signed_on, timezone, "
    "notes, created_by, created_at, updated_at, version, published_at, published_by "
    "FROM monitored_contracts ";

constexpr const char* kObligationColumns =
    "SELECT id, contract_id, type, title, description, party, amount, currency, target, "
    "first_due, recurrence, end_of_month, until_date, remind_days, clause, source_annotation_id, "
    "status, created_by, created_at, updated_at, version FROM obligations ";

MonitoredContract ContractFromRow(const soci::row& row) {
  MonitoredContract c;
  c.id = Text(row, 0);
  c.organisation_id = Text(row, 1);
  c.title = Text(row, 2);
  c.hub_document_id = Text(row, 3);
  c.counterparty = Text(row, 4);
  c.signed_on = Text(row, 5);
  c.timezone = Text(row, 6);
  c.notes = Text(row, 7);
  c.created_by = Text(row, 8);
  c.created_at = At(row, 9);
  c.updated_at = At(row, 10);
  c.version = static_cast<int>(Integer(row, 11));
  c.published_at = MaybeAt(row, 12);
  c.published_by = Text(row, 13);
  return c;
}

Obligation ObligationFromRow(const soci::row& row) {
  Obligation o;
  o.id = Text(row, 0);
  o.contract_id = Text(row, 1);
  o.type = Text(row, 2);
  o.title = Text(row, 3);
  o.description = Text(row, 4);
  o.party = Text(row, 5);
  if (row.get_indicator(6) != soci::i_null) o.amount = Real(row, 6);
  o.currency = Text(row, 7);
  o.target = Text(row, 8);
  o.schedule.first_due = Text(row, 9);
  o.schedule.recurrence = Text(row, 10);
  o.schedule.end_of_month = Integer(row, 11) != 0;
  o.schedule.until = Text(row, 12);
  o.remind_days = static_cast<int>(Integer(row, 13));
  o.clause = Text(row, 14);
  o.source_annotation_id = Text(row, 15);
  o.status = Text(row, 16);
  o.created_by = Text(row, 17);
  o.created_at = At(row, 18);
  o.updated_at = At(row, 19);
  o.version = static_cast<int>(Integer(row, 20));
  return o;
}

}  // namespace

void SqlObligationRepository::InsertContract(const MonitoredContract& c) {
  const std::string created = ToIso(c.created_at), updated = ToIso(c.updated_at);
  NullableText hub(c.hub_document_id);
  sql_ << "INSERT INTO monitored_contracts (id, organisation_id, title, hub_document_id, "
          "counterparty, signed_on, timezone, notes, created_by, created_at, updated_at, version) "
          "VALUES (:id, :org, :t, :hub, :cp, :so, :tz, :n, :by, :ca, :ua, :v)",
      soci::use(c.id), soci::use(c.organisation_id), soci::use(c.title),
      soci::use(hub.value, hub.ind), soci::use(c.counterparty), soci::use(c.signed_on),
      soci::use(c.timezone), soci::use(c.notes), soci::use(c.created_by), soci::use(created),
      soci::use(updated), soci::use(c.version);
}

bool SqlObligationRepository::UpdateContract(const MonitoredContract& c, int expected_version) {
  const std::string updated = ToIso(c.updated_at);
  NullableText hub(c.hub_document_id);
  soci::statement st =
      (sql_.prepare << "UPDATE monitored_contracts SET title = :t, hub_document_id = :hub, "
                       "counterparty = :cp, signed_on = :so, timezone = :tz, notes = :n, "
                       "updated_at = :ua, version = :v WHERE id = :id AND version = :expected",
       soci::use(c.title), soci::use(hub.value, hub.ind), soci::use(c.counterparty),
       soci::use(c.signed_on), soci::use(c.timezone), soci::use(c.notes), soci::use(updated),
       soci::use(c.version), soci::use(c.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<MonitoredContract> SqlObligationRepository::FindContract(const std::string& id) {
  return SelectFirst(sql_, std::string(kContractColumns) + "WHERE id = :v", id, ContractFromRow);
}

void SqlObligationRepository::SetPublication(const std::string& id,
                                             const std::optional<Instant>& at,
                                             const std::string& by) {
  const std::string when = IsoOrEmpty(at);
  sql_ << "UPDATE monitored_contracts SET published_at = :at, published_by = :by WHERE id = :id",
      soci::use(when), soci::use(by), soci::use(id);
}

std::vector<MonitoredContract> SqlObligationRepository::PublishedFor(
    const std::string& hub_document_id) {
  return SelectRows(sql_,
                    std::string(kContractColumns) +
                        "WHERE hub_document_id = :v AND published_at <> '' "
                        "ORDER BY published_at DESC, id",
                    hub_document_id, ContractFromRow);
}

std::vector<MonitoredContract> SqlObligationRepository::Contracts(
    const std::optional<std::string>& organisation_id) {
  if (organisation_id) {
    return SelectRows(
        sql_, std::string(kContractColumns) + "WHERE organisation_id = :v ORDER BY title, id",
        *organisation_id, ContractFromRow);
  }
  // Every id differs from "": the shared select wants one bound value.
  return SelectRows(sql_, std::string(kContractColumns) + "WHERE id <> :v ORDER BY title, id", "",
                    ContractFromRow);
}

void SqlObligationRepository::InsertObligation(const Obligation& o) {
  const std::string created = ToIso(o.created_at), updated = ToIso(o.updated_at);
  double amount = o.amount.value_or(0);
  soci::indicator amount_ind = o.amount ? soci::i_ok : soci::i_null;
  const int eom = o.schedule.end_of_month ? 1 : 0;
  sql_ << "INSERT INTO obligations (id, contract_id, type, title, description, party, amount, "
          "currency, target, first_due, recurrence, end_of_month, until_date, remind_days, "
          "clause, source_annotation_id, status, created_by, created_at, updated_at, version) "
          "VALUES (:id, :c, :type, :t, :d, :p, :a, :cur, :tg, :fd, :r, :eom, :u, :rd, :cl, :src, "
          ":s, :by, :ca, :ua, :v)",
      soci::use(o.id), soci::use(o.contract_id), soci::use(o.type), soci::use(o.title),
      soci::use(o.description), soci::use(o.party), soci::use(amount, amount_ind),
      soci::use(o.currency), soci::use(o.target), soci::use(o.schedule.first_due),
      soci::use(o.schedule.recurrence), soci::use(eom), soci::use(o.schedule.until),
      soci::use(o.remind_days), soci::use(o.clause), soci::use(o.source_annotation_id),
      soci::use(o.status), soci::use(o.created_by), soci::use(created), soci::use(updated),
      soci::use(o.version);
}

bool SqlObligationRepository::UpdateObligation(const Obligation& o, int expected_version) {
  const std::string updated = ToIso(o.updated_at);
  double amount = o.amount.value_or(0);
  soci::indicator amount_ind = o.amount ? soci::i_ok : soci::i_null;
  const int eom = o.schedule.end_of_month ? 1 : 0;
  soci::statement st =
      (sql_.prepare << "UPDATE obligations SET type = :type, title = :t, description = :d, "
                       "party = :p, amount = :a, currency = :cur, target = :tg, first_due = :fd, "
                       "recurrence = :r, end_of_month = :eom, until_date = :u, remind_days = :rd, "
                       "clause = :cl, source_annotation_id = :src, status = :s, updated_at = :ua, "
                       "version = :v WHERE id = :id AND version = :expected",
       soci::use(o.type), soci::use(o.title), soci::use(o.description), soci::use(o.party),
       soci::use(amount, amount_ind), soci::use(o.currency), soci::use(o.target),
       soci::use(o.schedule.first_due), soci::use(o.schedule.recurrence), soci::use(eom),
       soci::use(o.schedule.until), soci::use(o.remind_days), soci::use(o.clause),
       soci::use(o.source_annotation_id), soci::use(o.status), soci::use(updated),
       soci::use(o.version), soci::use(o.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Obligation> SqlObligationRepository::FindObligation(const std::string& id) {
  return SelectFirst(sql_, std::string(kObligationColumns) + "WHERE id = :v", id,
                     ObligationFromRow);
}

std::vector<Obligation> SqlObligationRepository::Obligations(const std::string& contract_id) {
  return SelectRows(
      sql_,
      std::string(kObligationColumns) + "WHERE contract_id = :v ORDER BY first_due, title, id",
      contract_id, ObligationFromRow);
}

void SqlObligationRepository::SaveFulfilment(const Fulfilment& f) {
  const std::string at = ToIso(f.recorded_at);
  sql_ << "DELETE FROM obligation_fulfilments WHERE obligation_id = :o AND due_date = :d",
      soci::use(f.obligation_id), soci::use(f.due_date);
  const int shown = f.evidence_public ? 1 : 0;
  sql_ << "INSERT INTO obligation_fulfilments (obligation_id, due_date, status, evidence, "
          "evidence_public, recorded_by, recorded_at) VALUES (:o, :d, :s, :e, :p, :by, :at)",
      soci::use(f.obligation_id), soci::use(f.due_date), soci::use(f.status), soci::use(f.evidence),
      soci::use(shown), soci::use(f.recorded_by), soci::use(at);
}

std::vector<Fulfilment> SqlObligationRepository::Fulfilments(const std::string& obligation_id) {
  std::vector<Fulfilment> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT obligation_id, due_date, status, evidence, recorded_by, "
                       "recorded_at, evidence_public FROM obligation_fulfilments "
                       "WHERE obligation_id = :o "
                       "ORDER BY due_date",
       soci::use(obligation_id));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3), Text(row, 4), At(row, 5),
                   Integer(row, 6) != 0});
  }
  return out;
}

bool SqlObligationRepository::MarkReminded(const std::string& obligation_id,
                                           const std::string& due_date, const std::string& kind,
                                           Instant at) {
  int n = 0;
  sql_ << "SELECT COUNT(*) FROM obligation_reminders WHERE obligation_id = :o AND due_date = :d "
          "AND kind = :k",
      soci::into(n), soci::use(obligation_id), soci::use(due_date), soci::use(kind);
  if (n > 0) return false;
  const std::string sent = ToIso(at);
  sql_ << "INSERT INTO obligation_reminders (obligation_id, due_date, kind, sent_at) VALUES (:o, "
          ":d, :k, :at)",
      soci::use(obligation_id), soci::use(due_date), soci::use(kind), soci::use(sent);
  return true;
}

}  // namespace connex::store
