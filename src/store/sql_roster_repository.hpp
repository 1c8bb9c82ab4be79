// SqlRosterRepository: the roster over one transaction's session, in SQL that
// SQLite and PostgreSQL both accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/roster/roster_repository.hpp"

namespace connex::store {

class SqlRosterRepository : public domain::RosterRepository {
 public:
  explicit SqlRosterRepository(soci::session& sql) : sql_(sql) {}

  std::optional<domain::ExpertProfile> FindProfile(const std::string& user_id) override;
  bool SaveProfile(const domain::ExpertProfile& p, int expected_version) override;
  std::vector<domain::ExpertProfile> Profiles() override;
  std::optional<domain::ConductCode> CurrentCode() override;
  void InsertCode(const domain::ConductCode& c) override;
  bool HasAttested(const std::string& user_id, int version) override;
  void InsertAttestation(const std::string& user_id, int version, Instant at) override;
  std::vector<std::pair<std::string, int>> LatestAttestations() override;
  void InsertDeclaration(const domain::Declaration& d, Instant at) override;
  std::vector<domain::Declaration> Declarations(const std::string& user_id) override;
  std::vector<domain::Declaration> AllDeclarations() override;
  void InsertScreening(const domain::ScreeningRecord& s) override;
  std::vector<domain::ScreeningRecord> Screenings(const std::string& request_id) override;
  void InsertWaiver(const std::string& request_id, const domain::Waiver& w,
                    const std::string& recorded_by, Instant at) override;
  std::vector<domain::Waiver> Waivers(const std::string& request_id) override;
  std::vector<std::pair<std::string, int>> LoadDays(Instant since) override;
  void SaveAppraisal(const domain::Appraisal& a) override;
  std::vector<domain::Appraisal> Appraisals(const std::string& user_id) override;
  std::vector<domain::Deployment> Deployments(const std::string& user_id) override;

 private:
  std::vector<domain::Declaration> DeclarationsWhere(const std::string& where,
                                                     const std::string& value);
  soci::session& sql_;
};

}  // namespace connex::store
