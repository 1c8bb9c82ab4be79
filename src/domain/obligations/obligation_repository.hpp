// Storage of the obligations register (store/sql_obligation_repository.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction; the
// implementation never commits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/obligations/obligation.hpp"

namespace connex::domain {

class ObligationRepository {
 public:
  virtual ~ObligationRepository() = default;

  virtual void InsertContract(const MonitoredContract& c) = 0;
  // Stores `c` if the stored one still has `expected_version`.
  virtual bool UpdateContract(const MonitoredContract& c, int expected_version) = 0;
  virtual std::optional<MonitoredContract> FindContract(const std::string& id) = 0;
  // Publishes the register (at, by) or withdraws it (nullopt, "").
  virtual void SetPublication(const std::string& id, const std::optional<Instant>& at,
                              const std::string& by) = 0;
  // The published registers of one hub record, the latest published first.
  virtual std::vector<MonitoredContract> PublishedFor(const std::string& hub_document_id) = 0;
  // One government's contracts, or every one (nullopt); by title.
  virtual std::vector<MonitoredContract> Contracts(
      const std::optional<std::string>& organisation_id) = 0;

  virtual void InsertObligation(const Obligation& o) = 0;
  virtual bool UpdateObligation(const Obligation& o, int expected_version) = 0;
  virtual std::optional<Obligation> FindObligation(const std::string& id) = 0;
  // A contract's obligations, by first due date.
  virtual std::vector<Obligation> Obligations(const std::string& contract_id) = 0;

  // Inserts or replaces what was recorded against (obligation, due date).
  virtual void SaveFulfilment(const Fulfilment& f) = 0;
  // An obligation's records, by due date.
  virtual std::vector<Fulfilment> Fulfilments(const std::string& obligation_id) = 0;

  // Records that the reminder `kind` (due_soon, overdue) of one due date went
  // out; false when it had already.
  virtual bool MarkReminded(const std::string& obligation_id, const std::string& due_date,
                            const std::string& kind, Instant at) = 0;
};

}  // namespace connex::domain
