#include "domain/policy/policy.hpp"

#include <gtest/gtest.h>

namespace connex::domain {
namespace {

TEST(Policy, RouteRulesByRole) {
  const Principal visitor;
  const Principal gov{Role::kGovernment, "usr_g", "org_a"};
  const Principal expert{Role::kExpert, "usr_e", ""};
  const Principal coord{Role::kCoordinator, "usr_c", "org_su"};
  const Principal admin{Role::kAdmin, "usr_a", "org_su"};
  EXPECT_TRUE(Allows(Access::kPublic, visitor));
  EXPECT_FALSE(Allows(Access::kSignedIn, visitor));
  EXPECT_TRUE(Allows(Access::kSignedIn, gov));
  EXPECT_FALSE(Allows(Access::kStaff, gov));
  EXPECT_FALSE(Allows(Access::kStaff, expert));
  EXPECT_TRUE(Allows(Access::kStaff, coord));
  EXPECT_FALSE(Allows(Access::kAdmin, coord));
  EXPECT_TRUE(Allows(Access::kAdmin, admin));
  // A funder reads reports and takes part in no request; so do coordinators.
  const Principal funder{Role::kFunder, "usr_f", ""};
  EXPECT_TRUE(Allows(Access::kSignedIn, funder));
  EXPECT_FALSE(Allows(Access::kCaseWork, funder));
  EXPECT_FALSE(Allows(Access::kStaff, funder));
  EXPECT_TRUE(Allows(Access::kReports, funder));
  EXPECT_TRUE(Allows(Access::kReports, coord));
  EXPECT_TRUE(Allows(Access::kReports, admin));
  EXPECT_FALSE(Allows(Access::kReports, gov));
  EXPECT_FALSE(Allows(Access::kReports, expert));
  EXPECT_TRUE(Allows(Access::kCaseWork, gov));
  EXPECT_TRUE(Allows(Access::kCaseWork, expert));
  EXPECT_TRUE(Allows(Access::kCaseWork, coord));
  EXPECT_FALSE(Allows(Access::kCaseWork, visitor));
  // A role without a user id is not signed in, whatever it claims.
  EXPECT_FALSE(Allows(Access::kReports, Principal{Role::kFunder, "", ""}));
  EXPECT_FALSE(Allows(Access::kSignedIn, Principal{Role::kGovernment, "", "org_a"}));
}

TEST(Policy, GovernmentsSeeOnlyTheirOwnOrganisationAndPeople) {
  const Principal gov{Role::kGovernment, "usr_g", "org_a"};
  User colleague;
  colleague.id = "usr_h";
  colleague.organisation_id = "org_a";
  User other;
  other.id = "usr_x";
  other.organisation_id = "org_b";
  User self;
  self.id = "usr_g";
  self.organisation_id = "org_a";
  EXPECT_TRUE(CanSeeUser(gov, colleague));
  EXPECT_TRUE(CanSeeUser(gov, self));
  EXPECT_FALSE(CanSeeUser(gov, other));
  EXPECT_TRUE(
      CanSeeOrganisation(gov, Organisation{"org_a", OrganisationKind::kGovernment, "A", "GHA"}));
  EXPECT_FALSE(
      CanSeeOrganisation(gov, Organisation{"org_b", OrganisationKind::kGovernment, "B", "SEN"}));
  // An expert without an organisation sees only themselves.
  const Principal expert{Role::kExpert, "usr_e", ""};
  User loner;
  loner.id = "usr_z";
  EXPECT_FALSE(CanSeeUser(expert, loner));
  EXPECT_FALSE(CanSeeUser(Principal{}, colleague));
}

}  // namespace
}  // namespace connex::domain
