// The one authorization policy (docs/architecture.md, "Security baseline"). Every route declares an
// Access rule, checked before its handler runs; handlers that return objects ask the object rules
// below. Deny by default: a rule not listed here allows nobody, and an object a principal may not
// see is answered as if it did not exist (404), so ids do not leak.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "core/enum_names.hpp"
#include "domain/accounts/account.hpp"

namespace connex::domain {

// Who is asking: a visitor (role kPublic, no ids) or a signed-in user.
struct Principal {
  Role role = Role::kPublic;
  std::string user_id;
  std::string organisation_id;
};

enum class Access {
  kPublic,    // anyone, signed in or not
  kSignedIn,  // any signed-in user; object rules narrow what they see
  // Anyone may ask, signed in or not; the object's own rule answers 404 to
  // whoever is not a participant (a request's government, team, Support Unit),
  // so a visitor learns no more than a signed-in outsider.
  kParticipant,
  // Those who take part in requests: governments, experts, the Support Unit.
  // A funder does not, whatever the object rules would say.
  kCaseWork,
  kStaff,    // coordinators and admins (the Support Unit)
  kReports,  // the Support Unit and funders: aggregates only
  kAdmin,    // admins only
};
inline constexpr EnumNames<Access, 7> kAccessNames{
    {"public", "signed_in", "participant", "case_work", "staff", "reports", "admin"}};
inline const char* ToString(Access v) { return kAccessNames[v]; }

bool Allows(Access access, const Principal& p);

// Object rules.
bool IsStaff(const Principal& p);
// Staff see every user; others themselves and the users of their own organisation.
bool CanSeeUser(const Principal& p, const User& target);
// Staff see every organisation; others their own.
bool CanSeeOrganisation(const Principal& p, const Organisation& o);

// What the request rule needs to know of a support request (request_access.hpp
// fills it in from the stored request and its team).
struct RequestFacts {
  std::string organisation_id;  // the government that wrote it
  bool submitted = false;       // no longer a draft
  bool team_confirmed = false;  // the team has been confirmed and the case is not withdrawn
  bool member = false;          // the principal is on its team
};
// A request is seen by the users of the government that wrote it, by the
// Support Unit once submitted, and by the experts of its team once the team is
// confirmed; to anyone else it does not exist.
bool CanSeeRequest(const Principal& p, const RequestFacts& r);

}  // namespace connex::domain
