// Storage of the roster behind an interface (store/sql_roster_repository.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/roster/expert.hpp"

namespace connex::domain {

class RosterRepository {
 public:
  virtual ~RosterRepository() = default;

  virtual std::optional<ExpertProfile> FindProfile(const std::string& user_id) = 0;
  // Stores `p` (version one more than `expected_version`; 0 inserts) unless
  // another change came first.
  virtual bool SaveProfile(const ExpertProfile& p, int expected_version) = 0;
  // Every profile of an enabled expert account.
  virtual std::vector<ExpertProfile> Profiles() = 0;

  virtual std::optional<ConductCode> CurrentCode() = 0;
  virtual void InsertCode(const ConductCode& c) = 0;
  virtual bool HasAttested(const std::string& user_id, int version) = 0;
  virtual void InsertAttestation(const std::string& user_id, int version, Instant at) = 0;
  // user_id -> the latest version they attested, for every expert.
  virtual std::vector<std::pair<std::string, int>> LatestAttestations() = 0;

  virtual void InsertDeclaration(const Declaration& d, Instant at) = 0;
  virtual std::vector<Declaration> Declarations(const std::string& user_id) = 0;
  virtual std::vector<Declaration> AllDeclarations() = 0;

  virtual void InsertScreening(const ScreeningRecord& s) = 0;
  virtual std::vector<ScreeningRecord> Screenings(const std::string& request_id) = 0;
  virtual void InsertWaiver(const std::string& request_id, const Waiver& w,
                            const std::string& recorded_by, Instant at) = 0;
  virtual std::vector<Waiver> Waivers(const std::string& request_id) = 0;

  // Replaces the appraisal of one expert on one engagement.
  virtual void SaveAppraisal(const Appraisal& a) = 0;
  virtual std::vector<Appraisal> Appraisals(const std::string& user_id) = 0;
  virtual std::vector<Deployment> Deployments(const std::string& user_id) = 0;

  // Days on teams added since `since`, per expert.
  virtual std::vector<std::pair<std::string, int>> LoadDays(Instant since) = 0;
};

}  // namespace connex::domain
