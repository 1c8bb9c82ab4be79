// SqlRequestRepository: requests and what hangs off them over one
// transaction's session, in SQL that SQLite and PostgreSQL both accept.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/requests/request_service.hpp"
#include "store/database.hpp"
#include "store/sql_account_repository.hpp"
#include "store/sql_fiscal_model_repository.hpp"
#include "store/sql_hub_repository.hpp"
#include "store/sql_obligation_repository.hpp"
#include "store/sql_roster_repository.hpp"
#include "store/sql_training_repository.hpp"

namespace connex::store {

class SqlRequestRepository : public domain::RequestRepository {
 public:
  explicit SqlRequestRepository(soci::session& sql) : sql_(sql) {}

  std::vector<domain::Discipline> Disciplines() override;
  void SaveDiscipline(const domain::Discipline& d) override;
  void InsertRequest(const domain::SupportRequest& r) override;
  std::optional<domain::SupportRequest> FindRequest(const std::string& id) override;
  bool UpdateRequest(const domain::SupportRequest& r, int expected_version) override;
  std::vector<domain::SupportRequest> ListRequests(const domain::RequestFilter& f) override;
  int CountRequestsOfYear(int year) override;
  void InsertStateChange(const domain::StateChangeRecord& c) override;
  std::vector<domain::StateChangeRecord> History(const std::string& request_id) override;
  void CorrectStateChange(const std::string& request_id, int seq, Instant at) override;
  std::optional<domain::DueDiligence> FindDueDiligence(const std::string& request_id) override;
  void SaveDueDiligence(const domain::DueDiligence& d) override;
  void InsertFeedback(const domain::Feedback& f) override;
  std::optional<domain::Feedback> FindFeedback(const std::string& request_id) override;
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
  void PutBlob(const std::string& sha256, const std::string& bytes) override;
  std::optional<std::string> Blob(const std::string& sha256) override;
  void InsertDocument(const domain::Document& d) override;
  std::vector<domain::Document> Documents(const std::string& request_id) override;
  void InsertNotification(const domain::Notification& n) override;
  bool HasNotification(const std::string& request_id, const std::string& kind,
                       const std::string& text) override;
  std::vector<domain::Notification> Notifications(const std::string& user_id, int limit) override;
  void MarkNotificationsRead(const std::string& user_id, const std::vector<std::string>& ids,
                             Instant at) override;
  domain::SlaPolicy CurrentPolicy() override;
  bool UpdatePolicy(const domain::SlaPolicy& p, int expected_version) override;
  void InsertEnquiry(const domain::Enquiry& e) override;
  int CountEnquiriesFrom(const std::string& client, Instant since) override;
  std::vector<domain::Enquiry> Enquiries(int limit) override;
  void Audit(const std::string& actor, const std::string& action, const std::string& object_type,
             const std::string& object_id, const std::string& before_json,
             const std::string& after_json) override;

 private:
  soci::session& sql_;
};

// fn(domain::RequestStores&) on the repositories of one transaction's session.
template <typename F>
auto WithStores(soci::session& sql, F&& fn) {
  SqlRequestRepository requests(sql);
  SqlAccountRepository accounts(sql);
  SqlRosterRepository roster(sql);
  SqlHubRepository hub(sql);
  SqlFiscalModelRepository fiscal(sql);
  SqlObligationRepository obligations(sql);
  SqlTrainingRepository training(sql);
  domain::RequestStores stores{requests, accounts, roster, hub, fiscal, obligations, training};
  return fn(stores);
}

// fn(domain::RequestStores&) -> Result<T>, in one write (or read) transaction.
template <typename F>
auto WriteRequests(Database& db, F&& fn) {
  return db.Write([&](soci::session& sql) { return WithStores(sql, fn); });
}

template <typename F>
auto ReadRequests(Database& db, F&& fn) {
  return db.Read([&](soci::session& sql) { return WithStores(sql, fn); });
}

}  // namespace connex::store
