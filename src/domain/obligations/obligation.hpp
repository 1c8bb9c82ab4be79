// The obligations register of signed contracts (issue "After the support",
// monitoring implementation): a government registers the contracts it
// monitors, and in each the obligations the parties owe (payments, local
// content, reporting, environmental and community duties), when they fall due
// and what was recorded against each due date.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/obligations/schedule.hpp"

namespace connex::domain {

extern const std::vector<std::string> kObligationTypes;
extern const std::vector<std::string> kObligationStatuses;  // active, suspended, ended
extern const std::vector<std::string> kFulfilmentStatuses;  // met, partly_met, waived

// A signed contract a government monitors; optionally the hub's record of it.
struct MonitoredContract {
  std::string id;
  std::string organisation_id;  // the government that monitors it
  std::string title;
  std::string hub_document_id;   // empty: not in the hub
  std::string counterparty;      // the company or consortium
  std::string signed_on;         // YYYY-MM-DD, may be empty
  std::string timezone = "UTC";  // where due dates are read
  std::string notes;
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
  // Set while the government shows the register to citizens on the hub
  // record's page (obligation_service.hpp, Publish); never read from a form.
  std::optional<Instant> published_at;
  std::string published_by;
};

struct Obligation {
  std::string id;
  std::string contract_id;
  std::string type;  // kObligationTypes
  std::string title;
  std::string description;
  std::string party;  // who owes it: the company, a ministry, the operator
  std::optional<double> amount;
  std::string currency;  // with an amount: ISO 4217
  std::string target;    // what must be reached ("60% national staff by year 3")
  Schedule schedule;
  int remind_days = 14;              // how many days before a due date its reminder goes out
  std::string clause;                // where the contract says so ("Art. 12.3, p. 41")
  std::string source_annotation_id;  // the hub annotation it was drawn from
  std::string status = "active";     // suspended and ended ones fall due no more
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
};

// What was recorded against one due date.
struct Fulfilment {
  std::string obligation_id;
  std::string due_date;
  std::string status;    // kFulfilmentStatuses
  std::string evidence;  // what shows it: a receipt number, a report's reference
  std::string recorded_by;
  Instant recorded_at{};
  bool evidence_public = false;  // shown to citizens once the register is published
};

// One due date of one obligation, as a list or calendar shows it.
struct Occurrence {
  Obligation obligation;
  std::string contract_title;
  std::string timezone;
  std::string due_date;
  std::string state;  // upcoming, due_soon, overdue, met, waived
  std::optional<Fulfilment> fulfilment;
};

// Readers of what a user writes, naming each wrong field. The contract's
// organisation, the obligation's contract and every recorded field are set
// by the service, not read.
Result<MonitoredContract> ReadMonitoredContract(const nlohmann::json& j);
Result<Obligation> ReadObligation(const nlohmann::json& j);
Result<Fulfilment> ReadFulfilment(const nlohmann::json& j);

nlohmann::json ToJson(const MonitoredContract& c);
nlohmann::json ToJson(const Obligation& o);
nlohmann::json ToJson(const Fulfilment& f);
nlohmann::json ToJson(const Occurrence& o);

// The obligation type a hub annotation category suggests, or "" when the
// category is not one (governing law, signatories).
std::string SuggestedObligationType(const std::string& category);

}  // namespace connex::domain
