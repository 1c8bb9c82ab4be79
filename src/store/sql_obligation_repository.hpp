// SqlObligationRepository: the obligations register over one transaction's
// session.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/obligations/obligation_repository.hpp"

namespace connex::store {

class SqlObligationRepository : public domain::ObligationRepository {
 public:
  explicit SqlObligationRepository(soci::session& sql) : sql_(sql) {}

  void InsertContract(const domain::MonitoredContract& c) override;
  bool UpdateContract(const domain::MonitoredContract& c, int expected_version) override;
  std::optional<domain::MonitoredContract> FindContract(const std::string& id) override;
  void SetPublication(const std::string& id, const std::optional<Instant>& at,
                      const std::string& by) override;
  std::vector<domain::MonitoredContract> PublishedFor(const std::string& hub_document_id) override;
  std::vector<domain::MonitoredContract> Contracts(
      const std::optional<std::string>& organisation_id) override;

  void InsertObligation(const domain::Obligation& o) override;
  bool UpdateObligation(const domain::Obligation& o, int expected_version) override;
  std::optional<domain::Obligation> FindObligation(const std::string& id) override;
  std::vector<domain::Obligation> Obligations(const std::string& contract_id) override;

  void SaveFulfilment(const domain::Fulfilment& f) override;
  std::vector<domain::Fulfilment> Fulfilments(const std::string& obligation_id) override;

  bool MarkReminded(const std::string& obligation_id, const std::string& due_date,
                    const std::string& kind, Instant at) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
