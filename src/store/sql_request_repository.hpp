// SqlRequestRepository: requests and what belongs to each one over one
// transaction's session, in SQL that SQLite and PostgreSQL both accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/requests/request_repository.hpp"

namespace connex::store {

class SqlRequestRepository : public domain::RequestRepository {
 public:
  explicit SqlRequestRepository(soci::session& sql) : sql_(sql) {}

  void InsertRequest(const domain::SupportRequest& r) override;
  std::optional<domain::SupportRequest> FindRequest(const std::string& id) override;
  bool UpdateRequest(const domain::SupportRequest& r, int expected_version) override;
  std::vector<domain::SupportRequest> ListRequests(const domain::RequestFilter& f) override;
  bool ReferenceTaken(const std::string& reference) override;
  void InsertStateChange(const domain::StateChangeRecord& c) override;
  std::vector<domain::StateChangeRecord> History(const std::string& request_id) override;
  void CorrectStateChange(const std::string& request_id, int seq, Instant at) override;
  std::optional<domain::DueDiligence> FindDueDiligence(const std::string& request_id) override;
  void SaveDueDiligence(const domain::DueDiligence& d) override;
  void InsertFeedback(const domain::Feedback& f) override;
  std::optional<domain::Feedback> FindFeedback(const std::string& request_id) override;
  void InsertReferral(const domain::Referral& r) override;
  bool UpdateReferral(const domain::Referral& r, int expected_version) override;
  std::optional<domain::Referral> FindReferral(const std::string& id) override;
  std::vector<domain::Referral> Referrals(const std::optional<std::string>& request_id) override;
  void InsertLesson(const domain::Lesson& l) override;
  bool UpdateLesson(const domain::Lesson& l, int expected_version) override;
  std::optional<domain::Lesson> FindLesson(const std::string& id) override;
  std::vector<domain::Lesson> Lessons(const std::string& request_id) override;
  void SaveContractLink(const domain::ContractLink& l) override;
  void DeleteContractLink(const std::string& request_id) override;
  std::optional<domain::ContractLink> FindContractLink(const std::string& request_id) override;
  void InsertScopeVersion(const domain::ScopeVersion& v) override;
  std::vector<domain::ScopeVersion> ScopeVersions(const std::string& request_id) override;
  std::vector<domain::TeamMember> Team(const std::string& request_id) override;
  void InsertTeamMember(const domain::TeamMember& m) override;
  void DeleteTeamMember(const std::string& request_id, const std::string& user_id) override;
  void InsertDeliverable(const domain::Deliverable& d) override;
  bool UpdateDeliverable(const domain::Deliverable& d, int expected_version) override;
  std::vector<domain::Deliverable> Deliverables(const std::string& request_id) override;
  void InsertMessage(const domain::Message& m) override;
  std::vector<domain::Message> Messages(const std::string& request_id) override;
  void InsertDocument(const domain::Document& d) override;
  std::vector<domain::Document> Documents(const std::string& request_id) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
