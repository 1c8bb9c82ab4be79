#include "domain/requests/lifecycle.hpp"

#include <algorithm>
#include <array>

namespace connex::domain {

namespace {

using S = RequestState;

constexpr std::array<const char*, kRequestStateCount> kNames = {
    "draft",    "submitted", "acknowledged", "under_review",  "awaiting_information",
    "approved", "declined",  "scoping",      "team_proposed", "team_confirmed",
    "active",   "closed",    "evaluated",    "withdrawn"};

// Who acts: the government that owns the request, or the Support Unit
// (coordinators, and admins who can do what coordinators do).
enum Actor : unsigned { kGovernment = 1, kSupportUnit = 2 };

struct Step {
  S from;
  S to;
  unsigned actors;
};

// Every step of the lifecycle. Resuming from awaiting_information is handled
// apart: its target depends on where the request was paused.
constexpr Step kSteps[] = {
    {S::kDraft, S::kSubmitted, kGovernment},
    {S::kDraft, S::kWithdrawn, kGovernment},
    {S::kSubmitted, S::kAcknowledged, kSupportUnit},
    {S::kSubmitted, S::kWithdrawn, kGovernment},
    {S::kAcknowledged, S::kUnderReview, kSupportUnit},
    {S::kAcknowledged, S::kAwaitingInformation, kSupportUnit},
    {S::kAcknowledged, S::kWithdrawn, kGovernment},
    {S::kUnderReview, S::kAwaitingInformation, kSupportUnit},
    {S::kUnderReview, S::kApproved, kSupportUnit},
    {S::kUnderReview, S::kDeclined, kSupportUnit},
    {S::kUnderReview, S::kWithdrawn, kGovernment},
    {S::kAwaitingInformation, S::kWithdrawn, kGovernment},
    {S::kApproved, S::kScoping, kSupportUnit},
    {S::kScoping, S::kAwaitingInformation, kSupportUnit},
    {S::kScoping, S::kTeamProposed, kSupportUnit},
    {S::kTeamProposed, S::kTeamConfirmed, kGovernment | kSupportUnit},
    {S::kTeamProposed, S::kScoping, kGovernment | kSupportUnit},  // the team is turned down
    {S::kTeamConfirmed, S::kActive, kSupportUnit},
    {S::kActive, S::kClosed, kSupportUnit},
    {S::kClosed, S::kEvaluated, kGovernment},
};

unsigned ActorOf(Role role) {
  switch (role) {
    case Role::kGovernment:
      return kGovernment;
    case Role::kCoordinator:
    case Role::kAdmin:
      return kSupportUnit;
    case Role::kExpert:
    case Role::kPublic:
    case Role::kFunder:
      return 0;
  }
  return 0;
}

// The steps from `at` (with the resume step filled in), for any actor.
std::vector<Step> StepsFrom(const RequestPosition& at) {
  std::vector<Step> out;
  if (at.state == S::kAwaitingInformation && at.paused_from) {
    // The government answers, or the Support Unit resumes without an answer.
    out.push_back({at.state, *at.paused_from, kGovernment | kSupportUnit});
  }
  for (const Step& s : kSteps) {
    if (s.from == at.state) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [](const Step& a, const Step& b) {
    return static_cast<int>(a.to) < static_cast<int>(b.to);
  });
  return out;
}

std::string List(const std::vector<RequestState>& states) {
  if (states.empty()) return "none";
  std::string out;
  for (RequestState s : states) out += (out.empty() ? "" : ", ") + std::string(ToString(s));
  return out;
}

}  // namespace

const char* ToString(RequestState s) { return kNames[static_cast<size_t>(s)]; }

std::optional<RequestState> ParseRequestState(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<RequestState>(i);
  }
  return std::nullopt;
}

bool IsFinal(RequestState s) {
  return s == S::kDeclined || s == S::kEvaluated || s == S::kWithdrawn;
}

bool IsPaused(RequestState s) { return s == S::kAwaitingInformation; }

std::vector<RequestState> AllowedNext(const RequestPosition& at, Role role) {
  std::vector<RequestState> out;
  for (const Step& s : StepsFrom(at)) {
    if (s.actors & ActorOf(role)) out.push_back(s.to);
  }
  return out;
}

Result<RequestPosition> Move(const RequestPosition& at, RequestState to, Role role) {
  const std::vector<Step> steps = StepsFrom(at);
  const auto step =
      std::find_if(steps.begin(), steps.end(), [to](const Step& s) { return s.to == to; });
  const std::string open = List(AllowedNext(at, role));
  if (step == steps.end()) {
    return Error{ErrorCode::kConflict,
                 std::string("a request cannot go from ") + ToString(at.state) + " to " +
                     ToString(to) + "; open from here: " + open,
                 "state"};
  }
  if (!(step->actors & ActorOf(role))) {
    return Error{ErrorCode::kForbidden,
                 std::string("a ") + ToString(role) + " cannot move a request from " +
                     ToString(at.state) + " to " + ToString(to) + "; open to you: " + open,
                 "state"};
  }
  RequestPosition next{to, std::nullopt};
  if (to == S::kAwaitingInformation) next.paused_from = at.state;
  return next;
}

}  // namespace connex::domain
