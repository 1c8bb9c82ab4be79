#include "domain/requests/lifecycle.hpp"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace connex::domain {
namespace {

using S = RequestState;

// The lifecycle as the Support Unit's procedure states it, written out here
// independently of the implementation: (from, to, who). "gov" is the
// requesting government; "unit" is coordinators and admins.
struct Expected {
  const char* from;
  const char* to;
  const char* who;  // "gov", "unit" or "both"
};
constexpr Expected kSpec[] = {
    {"draft", "submitted", "gov"},
    {"draft", "withdrawn", "gov"},
    {"submitted", "acknowledged", "unit"},
    {"submitted", "withdrawn", "gov"},
    {"acknowledged", "under_review", "unit"},
    {"acknowledged", "awaiting_information", "unit"},
    {"acknowledged", "withdrawn", "gov"},
    {"under_review", "awaiting_information", "unit"},
    {"under_review", "approved", "unit"},
    {"under_review", "declined", "unit"},
    {"under_review", "withdrawn", "gov"},
    {"awaiting_information", "withdrawn", "gov"},
    {"approved", "scoping", "unit"},
    {"scoping", "awaiting_information", "unit"},
    {"scoping", "team_proposed", "unit"},
    {"team_proposed", "team_confirmed", "both"},
    {"team_proposed", "scoping", "both"},
    {"team_confirmed", "active", "unit"},
    {"active", "closed", "unit"},
    {"closed", "evaluated", "gov"},
};

bool Permits(const char* who, Role role) {
  const std::string w = who;
  const bool gov = role == Role::kGovernment;
  const bool unit = role == Role::kCoordinator || role == Role::kAdmin;
  return (w == "gov" && gov) || (w == "unit" && unit) || (w == "both" && (gov || unit));
}

TEST(Lifecycle, EveryMoveForEveryRoleIsAllowedExactlyAsTheProcedureSays) {
  const Role roles[] = {Role::kPublic, Role::kGovernment, Role::kExpert, Role::kCoordinator,
                        Role::kAdmin};
  int allowed = 0, refused = 0;
  for (int f = 0; f < kRequestStateCount; ++f) {
    const S from = static_cast<S>(f);
    if (from == S::kAwaitingInformation) continue;  // resuming is tested below
    for (int t = 0; t < kRequestStateCount; ++t) {
      const S to = static_cast<S>(t);
      const Expected* spec = nullptr;
      for (const Expected& e : kSpec) {
        if (ToString(from) == std::string(e.from) && ToString(to) == std::string(e.to)) spec = &e;
      }
      for (Role role : roles) {
        const auto r = Move({from, std::nullopt}, to, role);
        const std::string what =
            std::string(ToString(from)) + " -> " + ToString(to) + " by " + ToString(role);
        if (spec && Permits(spec->who, role)) {
          ASSERT_TRUE(r.ok()) << what << ": " << r.error().message;
          EXPECT_EQ(r->state, to) << what;
          ++allowed;
        } else {
          ASSERT_FALSE(r.ok()) << what << " should be refused";
          // A step of the lifecycle for someone else is forbidden; no step at all is a conflict.
          EXPECT_EQ(r.error().code, spec ? ErrorCode::kForbidden : ErrorCode::kConflict) << what;
          EXPECT_EQ(r.error().field, "state");
          ++refused;
        }
      }
    }
  }
  // 6 government steps, 11 Support Unit steps (coordinator and admin), 2 for both (3 roles).
  EXPECT_EQ(allowed, 6 * 1 + 11 * 2 + 2 * 3);
  EXPECT_EQ(refused, 13 * kRequestStateCount * 5 - allowed);
}

TEST(Lifecycle, AwaitingInformationResumesOnlyToWhereItPaused) {
  auto paused = Move({S::kUnderReview, std::nullopt}, S::kAwaitingInformation, Role::kCoordinator);
  ASSERT_TRUE(paused.ok());
  EXPECT_EQ(paused->paused_from, S::kUnderReview);
  EXPECT_TRUE(IsPaused(paused->state));
  // The government answers: back to review.
  auto resumed = Move(*paused, S::kUnderReview, Role::kGovernment);
  ASSERT_TRUE(resumed.ok());
  EXPECT_FALSE(resumed->paused_from);
  // Or the Support Unit resumes; but never to another state.
  EXPECT_TRUE(Move(*paused, S::kUnderReview, Role::kAdmin).ok());
  const auto elsewhere = Move(*paused, S::kApproved, Role::kCoordinator);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kConflict);
  EXPECT_NE(elsewhere.error().message.find("open from here: under_review"), std::string::npos)
      << elsewhere.error().message;
  EXPECT_FALSE(Move(*paused, S::kUnderReview, Role::kExpert).ok());
  EXPECT_TRUE(Move(*paused, S::kWithdrawn, Role::kGovernment).ok());
  EXPECT_FALSE(Move(*paused, S::kWithdrawn, Role::kCoordinator).ok());
  // Paused and resumed twice, from two different states.
  auto again = Move(*resumed, S::kApproved, Role::kCoordinator);
  again = Move(*again, S::kScoping, Role::kCoordinator);
  auto paused2 = Move(*again, S::kAwaitingInformation, Role::kCoordinator);
  ASSERT_TRUE(paused2.ok());
  EXPECT_EQ(paused2->paused_from, S::kScoping);
  EXPECT_TRUE(Move(*paused2, S::kScoping, Role::kGovernment).ok());
  EXPECT_FALSE(Move(*paused2, S::kUnderReview, Role::kGovernment).ok());
}

TEST(Lifecycle, RefusalsNameTheMovesOpenToTheCaller) {
  const auto r = Move({S::kSubmitted, std::nullopt}, S::kApproved, Role::kCoordinator);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "a request cannot go from submitted to approved; open from here: acknowledged");
  const auto gov = Move({S::kSubmitted, std::nullopt}, S::kAcknowledged, Role::kGovernment);
  EXPECT_EQ(gov.error().message,
            "a government cannot move a request from submitted to acknowledged; open to you: "
            "withdrawn");
  EXPECT_EQ(AllowedNext({S::kTeamProposed, std::nullopt}, Role::kGovernment),
            (std::vector<S>{S::kScoping, S::kTeamConfirmed}));
}

TEST(Lifecycle, FinalStatesLeadNowhereAndNamesRoundTrip) {
  for (int i = 0; i < kRequestStateCount; ++i) {
    const S s = static_cast<S>(i);
    EXPECT_EQ(ParseRequestState(ToString(s)), s);
    if (IsFinal(s)) {
      for (Role role : kAccountRoles) EXPECT_TRUE(AllowedNext({s, std::nullopt}, role).empty());
    }
  }
  EXPECT_FALSE(ParseRequestState("approved "));
  EXPECT_TRUE(IsFinal(S::kDeclined));
  EXPECT_FALSE(IsFinal(S::kClosed));  // feedback is still to come
}

}  // namespace
}  // namespace connex::domain
