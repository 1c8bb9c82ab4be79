// The citizens' view of a signed contract: the obligations register its
// government chose to publish (ObligationService::Publish), as visitors read
// it on the contract's hub page and as the contract's OCDS release carries
// it ("implementation": milestones, and transactions for payments met).
//
// What is shown: each obligation's kind, words, party, amount, target and
// clause; each due date up to today with where it stands, and the next one;
// a record's date, and its evidence only where the government ticked it for
// the public. Never shown: notes, reminders, who recorded what.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/obligations/obligation.hpp"

namespace connex::domain {

// At most this many past due dates per obligation (the latest), so that a
// monthly duty over decades stays readable on a phone.
inline constexpr size_t kPublicPastDates = 36;

struct PublicDueDate {
  std::string due_date;
  std::string state;        // upcoming, due_soon, overdue, met, partly_met, waived
  std::string recorded_on;  // YYYY-MM-DD of the record, or ""
  std::string evidence;     // only when the record's evidence is public
};

struct PublicObligation {
  Obligation obligation;
  std::vector<PublicDueDate> dates;  // oldest first
  int earlier_dates = 0;             // past due dates left out (kPublicPastDates)
};

struct PublicRegister {
  MonitoredContract contract;
  std::vector<PublicObligation> obligations;
};

struct ObligationRecords {
  Obligation obligation;
  std::vector<Fulfilment> records;
};

// The register as published, its due dates read at `now` in the contract's
// time zone.
PublicRegister BuildPublicRegister(const MonitoredContract& c,
                                   const std::vector<ObligationRecords>& obligations, Instant now);

nlohmann::json ToJson(const PublicRegister& r);

// Adds the register to an OCDS 1.1 release as contracts[0].implementation:
// one milestone per due date shown (waived ones left out: nothing was owed),
// typed "financing" for payments, "reporting" for reports and "delivery"
// otherwise, with the milestoneStatus codes scheduled, met, partiallyMet and
// notMet; one transaction per payment met with its amount, paid by the
// counterparty to the buyer, both named in the release's parties.
void AddImplementation(nlohmann::json& release, const PublicRegister& r);

}  // namespace connex::domain
