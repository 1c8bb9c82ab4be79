// A government's request for support and what grows around it as it becomes
// an engagement (docs/architecture.md, "Areas"): the form the government
// writes, the state history, due diligence, scope versions, the team,
// deliverables and milestones, messages, confidential documents.
//
// Thread-safety: plain values.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/requests/lifecycle.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

struct FocalPoint {
  std::string name;
  std::string email;
  std::string phone;
};

struct Counterparty {
  std::string name;
  std::vector<std::string> affiliates;
};

// What the government writes. A draft may be incomplete; a submitted request
// has every required field (ValidateForm with complete = true).
struct RequestForm {
  std::string country;  // ISO 3166-1 alpha-3
  std::string entity;   // ministry or agency
  std::vector<FocalPoint> focal_points;
  std::string project_name;
  std::string commodity;  // codelist kCommodities
  std::string site;
  std::vector<Counterparty> counterparties;
  std::vector<std::string> disciplines;  // the disciplines codelist (discipline.hpp)
  std::string phase;                     // preparation | negotiation | implementation
  std::string timeline;
  std::string deadline;  // YYYY-MM-DD
  std::string language;  // en | fr | es | pt | ar
  std::string background;
};

// Reads the form from JSON, naming each wrong field ("focal_points[1].email").
// Unknown fields are refused. With `complete`, missing required fields are too.
Result<RequestForm> ReadForm(const nlohmann::json& j, bool complete);
// The fields a submission still lacks, each named.
Errors MissingForSubmission(const RequestForm& f);
nlohmann::json ToJson(const RequestForm& f);

struct SupportRequest {
  std::string id;
  std::string reference;  // CNX-2026-K7QF4: what people quote on the phone
  std::string organisation_id;
  std::string created_by;
  RequestForm form;
  RequestPosition position;
  std::string engagement_phase;  // while active: preparation | negotiation | implementation
  int version = 1;               // optimistic concurrency: every change increments it
  Instant created_at;
  Instant updated_at;
};

struct StateChangeRecord {
  std::string request_id;
  int seq = 0;
  std::optional<RequestState> from;
  RequestState to = RequestState::kDraft;
  std::string actor_id;
  Instant at;           // when it happened (a coordinator may correct it)
  Instant recorded_at;  // when it was recorded
  std::string reason;
};

// Risk levels of the due diligence checklist.
struct DueDiligence {
  std::string request_id;
  std::string human_rights = "unassessed";  // unassessed | low | medium | high
  std::string environmental = "unassessed";
  std::string legal = "unassessed";
  std::string reputational = "unassessed";
  std::string other_providers;  // support providers already engaged, free text
  std::string notes;
  std::string decision = "pending";  // pending | approve | decline
  std::string reasons;
  std::string decided_by;
  std::optional<Instant> decided_at;
  int version = 0;  // 0: never saved
};
extern const std::vector<std::string> kRiskLevels;

// The government's feedback on an engagement once it closes: six ratings
// from 1 (poor) to 5 (excellent), comments, and its own estimate of the
// revenue the support added, optionally resting on a fiscal comparison
// recorded on the engagement (request_value_added).
struct Feedback {
  std::string request_id;
  int quality = 0;
  int timeliness = 0;
  int independence = 0;
  int multidisciplinarity = 0;
  int capacity_built = 0;
  int value_added = 0;
  std::string comments;
  std::optional<double> estimated_added_value;  // in `currency`
  std::string currency;
  std::string value_added_id;  // the comparison it rests on, or empty
  std::string answered_by;
  Instant answered_at{};
};
// The ratings' names, in the order of Feedback's fields.
inline constexpr const char* kFeedbackRatings[] = {"quality",        "timeliness",
                                                   "independence",   "multidisciplinarity",
                                                   "capacity_built", "value_added"};

struct Scope {
  std::string summary;
  std::vector<std::string> disciplines;
  std::vector<std::string> phases;
  std::vector<std::string> deliverables;
  int expert_days = 0;
  // Transparency as the quid pro quo of support: whether the government
  // commits to publish the signed contract, and by when (YYYY-MM-DD; empty
  // without a commitment). Kept by requests/disclosure.hpp.
  bool publish_contract = false;
  std::string publish_by;
};
Result<Scope> ReadScope(const nlohmann::json& j);
nlohmann::json ToJson(const Scope& s);

// An engagement's signed contract in the hub, as the Support Unit linked it
// (disclosure.hpp).
struct ContractLink {
  std::string request_id;
  std::string hub_document_id;
  std::string linked_by;
  Instant linked_at{};
};

struct ScopeVersion {
  std::string request_id;
  int number = 0;
  std::string author_id;
  Instant at;
  std::string reason;
  Scope scope;
};

// What changed from `before` to `after`, field by field:
// [{"field", "before", "after"}] for texts and numbers,
// [{"field", "added": [...], "removed": [...]}] for lists.
nlohmann::json ScopeDiff(const Scope& before, const Scope& after);

struct TeamMember {
  std::string request_id;
  std::string user_id;
  std::string role;  // "team lead", "fiscal modeller", ...
  std::string added_by;
  Instant added_at;
  // The assignment: when and for how many days (empty and 0 while unplanned).
  std::string start;
  std::string end;
  int days = 0;
};

struct Deliverable {
  std::string id;
  std::string request_id;
  std::string kind = "deliverable";  // deliverable | milestone
  std::string title;
  std::string phase;               // preparation | negotiation | implementation
  std::string due_date;            // YYYY-MM-DD
  std::string status = "planned";  // planned | in_progress | delivered | accepted | cancelled
  std::optional<Instant> delivered_at;
  int version = 1;
};
extern const std::vector<std::string> kDeliverableStatuses;

struct Message {
  std::string id;
  std::string request_id;
  std::string author_id;
  Instant at;
  std::string body;
};

struct Document {
  std::string id;
  std::string request_id;
  std::string name;
  std::string media_type;  // sniffed from the content
  std::string sha256;
  long long size = 0;
  std::string uploaded_by;
  Instant uploaded_at;
};

}  // namespace connex::domain
