// The obligations register as operations. A government's users register and
// follow their own contracts; the Support Unit sees and helps with every
// government's. To anyone else (other governments, experts, funders) a
// contract and its obligations do not exist (kNotFound).
//
// Reminders: the government's users are told once when a due date comes
// within its obligation's remind_days, and once when it is overdue.
//
// Thread-safety: stateless; reentrant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/obligations/obligation_repository.hpp"
#include "domain/obligations/public_register.hpp"
#include "domain/policy/policy.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

// A prefilled obligation drawn from one annotation of the contract's hub
// record: the user completes the schedule and adds it to the register.
struct ObligationSuggestion {
  std::string annotation_id;
  std::string category;
  std::string category_label;
  Obligation draft;         // type (maybe empty), title, description, clause
  bool registered = false;  // an obligation was already drawn from it
};

// What a calendar or overdue list covers.
struct OccurrenceQuery {
  std::string from, to;     // YYYY-MM-DD, inclusive
  std::string contract_id;  // empty: every visible contract
  std::string state;        // empty: any
};

class ObligationService {
 public:
  static bool CanSee(const Principal& p, const MonitoredContract& c);
  static Result<MonitoredContract> VisibleContract(Stores& s, const Principal& p,
                                                   const std::string& id);

  std::vector<MonitoredContract> Contracts(Stores& s, const Principal& p) const;
  // A government registers its own contract; the Support Unit names the
  // government (organisation_id). A hub record must be a contract `p` may read.
  Result<MonitoredContract> CreateContract(Stores& s, const Principal& p, MonitoredContract c,
                                           Instant now) const;
  Result<MonitoredContract> UpdateContract(Stores& s, const Principal& p, const std::string& id,
                                           int version, MonitoredContract c, Instant now) const;

  // The government that keeps the register shows it to citizens on its hub
  // record's page and in the record's open data (`publish`), or withdraws
  // it. Only a contract published in the hub carries a public register; the
  // Support Unit may not publish for a government.
  Result<MonitoredContract> Publish(Stores& s, const Principal& p, const std::string& id,
                                    bool publish, Instant now) const;
  // The register published for a hub record, if any (the latest published).
  // REQUIRES: the caller has checked that the record is public.
  static std::optional<PublicRegister> PublishedRegister(Stores& s,
                                                         const std::string& hub_document_id,
                                                         Instant now);

  Result<std::vector<Obligation>> Obligations(Stores& s, const Principal& p,
                                              const std::string& contract_id) const;
  // An annotation source must be an annotation of the contract's hub record.
  Result<Obligation> AddObligation(Stores& s, const Principal& p, const std::string& contract_id,
                                   Obligation o, Instant now) const;
  Result<Obligation> UpdateObligation(Stores& s, const Principal& p, const std::string& id,
                                      int version, Obligation o, Instant now) const;
  // Records what happened on one of the obligation's due dates.
  Result<Fulfilment> Record(Stores& s, const Principal& p, const std::string& id, Fulfilment f,
                            Instant now) const;
  Result<std::vector<Fulfilment>> Fulfilments(Stores& s, const Principal& p,
                                              const std::string& id) const;

  // One suggestion per annotation of the contract's hub record that `p` may read.
  Result<std::vector<ObligationSuggestion>> Suggestions(Stores& s, const Principal& p,
                                                        const std::string& contract_id) const;

  // The due dates of active obligations within the query, with their state
  // at `now`, by due date, contract and title; kNotFound for a contract `p` may not see.
  Result<std::vector<Occurrence>> Occurrences(Stores& s, const Principal& p,
                                              const OccurrenceQuery& q, Instant now) const;
  // Every due date still open after its day, oldest first.
  std::vector<Occurrence> Overdue(Stores& s, const Principal& p, Instant now) const;

  // Sends due reminders and overdue notices, each once; returns how many went out.
  int SendReminders(Stores& s, Instant now) const;
};

}  // namespace connex::domain
