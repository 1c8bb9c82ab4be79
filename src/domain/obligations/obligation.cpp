#include "domain/obligations/obligation.hpp"

#include <algorithm>
#include <cmath>

#include "domain/hub/hub_document.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kObligationTypes = {"payment", "local_content", "reporting",
                                                   "environmental", "community"};
const std::vector<std::string> kObligationStatuses = {"active", "suspended", "ended"};
const std::vector<std::string> kFulfilmentStatuses = {"met", "partly_met", "waived"};

Result<MonitoredContract> ReadMonitoredContract(const nlohmann::json& j) {
  Errors errors;
  MonitoredContract c;
  ObjectReader r(j, "",
                 {"title", "hub_document_id", "counterparty", "signed_on", "timezone", "notes",
                  "organisation_id", "version"},
                 errors);
  c.title = r.RequiredText("title", 300);
  c.hub_document_id = r.Text("hub_document_id", 100);
  c.counterparty = r.Text("counterparty", 300);
  c.signed_on = r.Text("signed_on", 10);
  if (!c.signed_on.empty() && !IsDate(c.signed_on)) {
    r.Fail("signed_on", "must be a date (YYYY-MM-DD)");
  }
  c.timezone = r.RequiredText("timezone", 64);
  if (!c.timezone.empty() && !FindZone(c.timezone)) {
    r.Fail("timezone", "\"" + c.timezone +
                           "\" is not a time zone of the tz database (write it as Africa/Accra)");
  }
  c.notes = r.Text("notes", 5000);
  c.organisation_id = r.Text("organisation_id", 100);
  c.version = r.Integer("version", 1, 1 << 30);
  if (!errors.empty()) return errors;
  return c;
}

Result<Obligation> ReadObligation(const nlohmann::json& j) {
  Errors errors;
  Obligation o;
  ObjectReader r(j, "",
                 {"type", "title", "description", "party", "amount", "currency", "target",
                  "first_due", "recurrence", "end_of_month", "until", "remind_days", "clause",
                  "source_annotation_id", "status", "version"},
                 errors);
  o.type = r.RequiredText("type", 20, &kObligationTypes);
  o.title = r.RequiredText("title", 300);
  o.description = r.Text("description", 5000);
  o.party = r.RequiredText("party", 200);
  if (j.is_object() && j.contains("amount") && !j["amount"].is_null()) {
    o.amount = r.Number("amount", 0, 1e15);
  }
  o.currency = r.Text("currency", 3);
  if (o.amount && o.currency.empty()) r.Fail("currency", "is required with an amount");
  if (!o.currency.empty() && !IsThreeLetterCode(o.currency)) {
    r.Fail("currency", "must be an ISO 4217 code such as USD");
  }
  o.target = r.Text("target", 500);
  o.schedule.first_due = r.RequiredText("first_due", 10);
  o.schedule.recurrence = r.Text("recurrence", 20, &kRecurrences);
  if (o.schedule.recurrence.empty()) o.schedule.recurrence = "once";
  o.schedule.end_of_month = r.Bool("end_of_month", false);
  o.schedule.until = r.Text("until", 10);
  if (!o.schedule.first_due.empty()) {
    for (const Error& e : CheckSchedule(o.schedule)) r.Fail(e.field, e.message);
  }
  o.remind_days =
      j.is_object() && j.contains("remind_days") ? r.Integer("remind_days", 0, 365) : 14;
  o.clause = r.Text("clause", 300);
  o.source_annotation_id = r.Text("source_annotation_id", 100);
  o.status = r.Text("status", 20, &kObligationStatuses);
  if (o.status.empty()) o.status = "active";
  o.version = r.Integer("version", 1, 1 << 30);
  if (!errors.empty()) return errors;
  return o;
}

Result<Fulfilment> ReadFulfilment(const nlohmann::json& j) {
  Errors errors;
  Fulfilment f;
  ObjectReader r(j, "", {"due_date", "status", "evidence", "evidence_public"}, errors);
  f.due_date = r.RequiredText("due_date", 10);
  if (!f.due_date.empty() && !IsDate(f.due_date)) r.Fail("due_date", "must be a date (YYYY-MM-DD)");
  f.status = r.RequiredText("status", 20, &kFulfilmentStatuses);
  f.evidence = r.Text("evidence", 5000);
  f.evidence_public = r.Bool("evidence_public", false);
  if (f.status != "waived" && !f.status.empty() && f.evidence.empty()) {
    r.Fail("evidence", "is required: say what shows it (a receipt, a report's reference)");
  }
  if (!errors.empty()) return errors;
  return f;
}

nlohmann::json ToJson(const MonitoredContract& c) {
  return {{"id", c.id},
          {"organisation_id", c.organisation_id},
          {"title", c.title},
          {"hub_document_id", c.hub_document_id},
          {"counterparty", c.counterparty},
          {"signed_on", c.signed_on},
          {"timezone", c.timezone},
          {"notes", c.notes},
          {"created_by", c.created_by},
          {"created_at", ToIso(c.created_at)},
          {"updated_at", ToIso(c.updated_at)},
          {"version", c.version},
          {"published_at", c.published_at ? nlohmann::json(ToIso(*c.published_at)) : nullptr}};
}

nlohmann::json ToJson(const Obligation& o) {
  return {{"id", o.id},
          {"contract_id", o.contract_id},
          {"type", o.type},
          {"title", o.title},
          {"description", o.description},
          {"party", o.party},
          {"amount", o.amount ? nlohmann::json(*o.amount) : nlohmann::json()},
          {"currency", o.currency},
          {"target", o.target},
          {"first_due", o.schedule.first_due},
          {"recurrence", o.schedule.recurrence},
          {"end_of_month", o.schedule.end_of_month},
          {"until", o.schedule.until},
          {"remind_days", o.remind_days},
          {"clause", o.clause},
          {"source_annotation_id", o.source_annotation_id},
          {"status", o.status},
          {"created_by", o.created_by},
          {"created_at", ToIso(o.created_at)},
          {"updated_at", ToIso(o.updated_at)},
          {"version", o.version}};
}

nlohmann::json ToJson(const Fulfilment& f) {
  return {{"obligation_id", f.obligation_id},
          {"due_date", f.due_date},
          {"status", f.status},
          {"evidence", f.evidence},
          {"evidence_public", f.evidence_public},
          {"recorded_by", f.recorded_by},
          {"recorded_at", ToIso(f.recorded_at)}};
}

nlohmann::json ToJson(const Occurrence& o) {
  return {{"obligation", ToJson(o.obligation)},
          {"contract_title", o.contract_title},
          {"timezone", o.timezone},
          {"due_date", o.due_date},
          {"state", o.state},
          {"fulfilment", o.fulfilment ? ToJson(*o.fulfilment) : nlohmann::json()}};
}

std::string SuggestedObligationType(const std::string& category) {
  static const std::vector<std::pair<std::string, std::string>> kByCategory = {
      {"local-employment", "local_content"},
      {"local-procurement", "local_content"},
      {"training", "local_content"},
      {"value-addition-or-downstream-activities", "local_content"},
      {"reporting-requirements", "reporting"},
      {"audit-mechanisms-financial-obligations", "reporting"},
  };
  for (const auto& [key, type] : kByCategory) {
    if (key == category) return type;
  }
  const AnnotationCategory* c = FindCategory(category);
  if (!c) return "";
  if (c->cluster == "Fiscal") return "payment";
  if (c->cluster == "Environment") return "environmental";
  if (c->cluster == "Social") return "community";
  return "";
}

}  // namespace connex::domain
