// Storage of requests and what belongs to each one (history, due diligence,
// feedback, scope versions, team, deliverables, messages, documents), behind an interface so
// the domain does not know the database (store/sql_request_repository.hpp).
//
// REQUIRES: every call of one operation runs on the same transaction; the
// implementation never commits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/requests/lesson.hpp"
#include "domain/requests/referral_record.hpp"
#include "domain/requests/request.hpp"

namespace connex::domain {

struct RequestFilter {
  std::optional<std::string> organisation_id;  // a government's own requests
  std::optional<std::string> member_id;        // requests whose team includes this user
  bool include_drafts = false;
  std::vector<RequestState> states;  // empty: any
  std::string country;
  std::string commodity;
  int limit = 500;
};

class RequestRepository {
 public:
  virtual ~RequestRepository() = default;

  virtual void InsertRequest(const SupportRequest& r) = 0;
  virtual std::optional<SupportRequest> FindRequest(const std::string& id) = 0;
  // Stores `r` (whose version is one more than `expected_version`) if the
  // stored request still has `expected_version`; false when another change
  // came first.
  virtual bool UpdateRequest(const SupportRequest& r, int expected_version) = 0;
  virtual std::vector<SupportRequest> ListRequests(const RequestFilter& f) = 0;
  // The number of requests created in `year`, for references.
  virtual bool ReferenceTaken(const std::string& reference) = 0;

  virtual void InsertStateChange(const StateChangeRecord& c) = 0;
  virtual std::vector<StateChangeRecord> History(const std::string& request_id) = 0;
  virtual void CorrectStateChange(const std::string& request_id, int seq, Instant at) = 0;

  virtual std::optional<DueDiligence> FindDueDiligence(const std::string& request_id) = 0;
  virtual void SaveDueDiligence(const DueDiligence& d) = 0;

  virtual void InsertFeedback(const Feedback& f) = 0;
  virtual std::optional<Feedback> FindFeedback(const std::string& request_id) = 0;

  virtual void InsertReferral(const Referral& r) = 0;
  // Stores `r` if the stored one still has `expected_version`.
  virtual bool UpdateReferral(const Referral& r, int expected_version) = 0;
  virtual std::optional<Referral> FindReferral(const std::string& id) = 0;
  // One request's referrals, or every one (nullopt), oldest first.
  virtual std::vector<Referral> Referrals(const std::optional<std::string>& request_id) = 0;

  virtual void InsertLesson(const Lesson& l) = 0;
  // Stores `l` if the stored one still has `expected_version`.
  virtual bool UpdateLesson(const Lesson& l, int expected_version) = 0;
  virtual std::optional<Lesson> FindLesson(const std::string& id) = 0;
  // One request's lessons, oldest first.
  virtual std::vector<Lesson> Lessons(const std::string& request_id) = 0;

  // The engagement's signed contract in the hub: one per request, replaced.
  virtual void SaveContractLink(const ContractLink& l) = 0;
  virtual void DeleteContractLink(const std::string& request_id) = 0;
  virtual std::optional<ContractLink> FindContractLink(const std::string& request_id) = 0;

  virtual void InsertScopeVersion(const ScopeVersion& v) = 0;
  virtual std::vector<ScopeVersion> ScopeVersions(const std::string& request_id) = 0;

  virtual std::vector<TeamMember> Team(const std::string& request_id) = 0;
  virtual void InsertTeamMember(const TeamMember& m) = 0;
  virtual void DeleteTeamMember(const std::string& request_id, const std::string& user_id) = 0;

  virtual void InsertDeliverable(const Deliverable& d) = 0;
  virtual bool UpdateDeliverable(const Deliverable& d, int expected_version) = 0;
  virtual std::vector<Deliverable> Deliverables(const std::string& request_id) = 0;

  virtual void InsertMessage(const Message& m) = 0;
  virtual std::vector<Message> Messages(const std::string& request_id) = 0;

  virtual void InsertDocument(const Document& d) = 0;
  virtual std::vector<Document> Documents(const std::string& request_id) = 0;
};

}  // namespace connex::domain
