// The lifecycle of a government's request for support
// (docs/adr/005-requests-clocks-and-documents.md), as a state machine with a
// right per transition, in the manner of Request Tracker lifecycles: who may move a request from
// which state to which. Anything not listed is refused, and the refusal names the moves that are
// open from where the request stands.
//
// awaiting_information pauses a request (and its response-time clocks) while
// the Support Unit waits for the government; it resumes to the state it was
// paused from, and only to that one.
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/accounts/account.hpp"

namespace connex::domain {

enum class RequestState {
  kDraft,                // being written by the government; visible to it alone
  kSubmitted,            // sent to the Support Unit
  kAcknowledged,         // the Support Unit confirmed receipt
  kUnderReview,          // eligibility and due diligence
  kAwaitingInformation,  // paused: the government is asked for more
  kApproved,
  kDeclined,  // final
  kScoping,   // scope being agreed with the government
  kTeamProposed,
  kTeamConfirmed,
  kActive,  // the engagement runs (preparation, negotiation, implementation)
  kClosed,
  kEvaluated,  // the government gave feedback; final
  kWithdrawn,  // the government withdrew it; final
};
inline constexpr int kRequestStateCount = 14;

const char* ToString(RequestState s);
std::optional<RequestState> ParseRequestState(std::string_view name);
bool IsFinal(RequestState s);
// States whose response-time clocks stop while the request sits in them.
bool IsPaused(RequestState s);

// Where a request stands: its state and, while paused, the state it resumes to.
struct RequestPosition {
  RequestState state = RequestState::kDraft;
  std::optional<RequestState> paused_from;
};

// The states `role` may move the request to from `at`, in lifecycle order.
std::vector<RequestState> AllowedNext(const RequestPosition& at, Role role);

// The position after moving to `to`, or kConflict (the move is not a step of
// the lifecycle from here) or kForbidden (it is, but not for `role`), each
// naming the moves open to `role` ("field": "state").
Result<RequestPosition> Move(const RequestPosition& at, RequestState to, Role role);

}  // namespace connex::domain
