// The support process as operations on a request: who may do what, what must
// hold first, what is recorded (state history, scope versions, audit), who is
// told (notifications). Each operation runs inside one transaction opened by
// the caller, so it happens entirely or not at all.
//
// Confidentiality: who sees a request is decided by request_access.hpp (the
// policy's CanSeeRequest); to anyone else it does not exist (kNotFound, as
// for an unknown id).
//
// Thread-safety: stateless apart from its limits; reentrant.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/policy/policy.hpp"
#include "domain/requests/request_repository.hpp"
#include "domain/shared/discipline.hpp"
#include "domain/shared/stores.hpp"
#include "domain/sla/clocks.hpp"

namespace connex::domain {

struct MoveRequest {
  RequestState to;
  int version = 0;  // the version the actor saw
  std::string reason;
  std::optional<Scope> scope;  // with an approval: the first scope version
};

// What the inbox asks for: the list filters, and a risk level to keep
// ("breached", or "warning" for warning and breached; empty for any).
struct InboxQuery {
  RequestFilter filter;
  std::string risk;
};

// A request of the inbox with its clocks as of the query's instant.
struct InboxItem {
  SupportRequest request;
  std::vector<ClockReading> clocks;
};

// Everything on a request's workspace page, read in one transaction.
struct RequestDossier {
  SupportRequest request;
  std::vector<ClockReading> clocks;
  std::vector<StateChangeRecord> history;
  std::vector<TeamMember> team;
  std::vector<ScopeVersion> scopes;
  std::vector<Deliverable> deliverables;
  std::vector<Document> documents;
  std::vector<Message> messages;
};

// A letter as the government receives it: its language and its text.
struct DecisionLetter {
  std::string language;
  std::string text;
};

class RequestService {
 public:
  explicit RequestService(std::size_t max_document_bytes = 25u << 20)
      : max_document_bytes_(max_document_bytes) {}
  std::size_t max_document_bytes() const { return max_document_bytes_; }

  // The requests `p` may see: a government its own (drafts included), an
  // expert those of its confirmed teams, the Support Unit every submitted one
  // sorted by response-time risk (breached, warning, running; then the
  // earliest due first).
  std::vector<InboxItem> Inbox(Stores& s, const Principal& p, InboxQuery q, Instant now) const;
  // REQUIRES: `r` was read through VisibleRequest for the caller.
  RequestDossier Dossier(Stores& s, const SupportRequest& r, Instant now) const;
  // The request's scope versions, messages and documents, if `p` may see it.
  Result<std::vector<ScopeVersion>> ScopeVersions(Stores& s, const Principal& p,
                                                  const std::string& id) const;
  Result<std::vector<Message>> Messages(Stores& s, const Principal& p, const std::string& id) const;
  Result<std::vector<Document>> Documents(Stores& s, const Principal& p,
                                          const std::string& id) const;

  Result<SupportRequest> CreateDraft(Stores& s, const Principal& p, const RequestForm& form,
                                     Instant now) const;
  // The government edits its request while it is a draft or while the
  // Support Unit waits for information from it.
  Result<SupportRequest> UpdateForm(Stores& s, const Principal& p, const std::string& id,
                                    int version, const RequestForm& form, Instant now) const;
  Result<SupportRequest> Transition(Stores& s, const Principal& p, const std::string& id,
                                    const MoveRequest& move, Instant now) const;
  // Corrects when a recorded transition happened (staff); clocks follow.
  Result<StateChangeRecord> CorrectTransition(Stores& s, const Principal& p, const std::string& id,
                                              int seq, Instant at, const std::string& reason) const;
  Result<SupportRequest> SetEngagementPhase(Stores& s, const Principal& p, const std::string& id,
                                            int version, const std::string& phase,
                                            Instant now) const;

  // Due diligence is the Support Unit's own assessment: staff only.
  Result<DueDiligence> ReadDueDiligence(Stores& s, const Principal& p, const std::string& id) const;
  Result<DueDiligence> SaveDueDiligence(Stores& s, const Principal& p, const std::string& id,
                                        DueDiligence d, Instant now) const;

  Result<ScopeVersion> AddScope(Stores& s, const Principal& p, const std::string& id,
                                const Scope& scope, const std::string& reason, Instant now) const;

  // `assignment` carries the role, dates and days; request_id, added_by and
  // added_at are filled in.
  Result<TeamMember> AddMember(Stores& s, const Principal& p, const std::string& id,
                               TeamMember assignment, Instant now) const;
  Result<Done> RemoveMember(Stores& s, const Principal& p, const std::string& id,
                            const std::string& user_id) const;

  Result<Deliverable> AddDeliverable(Stores& s, const Principal& p, const std::string& id,
                                     Deliverable d) const;
  Result<Deliverable> UpdateDeliverableStatus(Stores& s, const Principal& p, const std::string& id,
                                              const std::string& deliverable_id, int version,
                                              const std::string& status, Instant now) const;

  Result<Message> PostMessage(Stores& s, const Principal& p, const std::string& id,
                              const std::string& body, Instant now) const;

  Result<Document> Upload(Stores& s, const Principal& p, const std::string& id,
                          const std::string& name, const std::string& declared_type,
                          const std::string& bytes, Instant now) const;
  // The document and its content; every download is audited.
  Result<std::pair<Document, std::string>> Download(Stores& s, const Principal& p,
                                                    const std::string& id,
                                                    const std::string& document_id) const;

  // The approval or decline letter, from the record, in the request's working
  // language (English when the portal does not write it); staff and the
  // government once the request is decided.
  Result<DecisionLetter> Letter(Stores& s, const Principal& p, const std::string& id) const;

  // Tells coordinators once about each clock that reached its warning share
  // or its target; returns how many notifications were sent.
  int NotifyClockRisks(Stores& s, const Calendar& calendar, const SlaPolicy& policy,
                       Instant now) const;

  // When the first deliverable was delivered, for the first-deliverable clock.
  static std::optional<Instant> FirstDelivery(const std::vector<Deliverable>& ds);
  static std::vector<StateChange> ClockHistory(const std::vector<StateChangeRecord>& h);

 private:
  std::size_t max_document_bytes_;
};

}  // namespace connex::domain
