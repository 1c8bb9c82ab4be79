// Accounts: organisations, users and their roles (docs/architecture.md,
// "Roles"). A visitor without an account is the public role.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/enum_names.hpp"

namespace connex::domain {

// A funder reads impact reports (aggregates) and nothing of any request.
enum class Role { kPublic, kGovernment, kExpert, kCoordinator, kAdmin, kFunder };
inline constexpr Role kAccountRoles[] = {Role::kGovernment, Role::kExpert, Role::kCoordinator,
                                         Role::kAdmin, Role::kFunder};
inline constexpr EnumNames<Role, 6> kRoleNames{
    {"public", "government", "expert", "coordinator", "admin", "funder"}};
inline const char* ToString(Role v) { return kRoleNames[v]; }
// Roles an account can hold ("public" is nobody's account).
std::optional<Role> ParseAccountRole(std::string_view name);

enum class OrganisationKind { kGovernment, kSupportUnit, kProvider };
inline constexpr EnumNames<OrganisationKind, 3> kOrganisationKindNames{
    {"government", "support_unit", "provider"}};
inline const char* ToString(OrganisationKind v) { return kOrganisationKindNames[v]; }
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view name);

struct Organisation {
  std::string id;
  OrganisationKind kind = OrganisationKind::kGovernment;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3 for governments; empty otherwise
};

struct User {
  std::string id;
  std::string email;  // lowercase
  std::string name;
  Role role = Role::kGovernment;
  std::string organisation_id;  // empty for none
  std::string language = "en";
  std::string time_zone = "UTC";  // IANA name; where the daily mail digest is due at 07:00
  std::string password_hash;      // never leaves the account service
  int failed_logins = 0;
  std::optional<Instant> locked_until;
  bool disabled = false;
  int version = 1;
};

struct Session {
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  Instant created_at;
  Instant last_seen_at;
  Instant expires_at;
};

struct Invitation {
  std::string id;
  std::string token_hash;
  std::string email;
  std::string name;
  Role role = Role::kGovernment;
  std::string organisation_id;
  std::string invited_by;
  Instant created_at;
  Instant expires_at;
  std::optional<Instant> accepted_at;
  std::string language = "en";  // of the invitation's mail and of the account it opens
};

// A link to choose a new password, sent by mail; only its digest is stored.
struct PasswordReset {
  std::string token_hash;
  std::string user_id;
  Instant created_at;
  Instant expires_at;
  std::optional<Instant> used_at;
};

// Lowercase and trimmed; the form every email is stored and compared in.
std::string NormaliseEmail(std::string_view email);
// Why `email` is not a plausible address, or nothing.
std::optional<std::string> CheckEmail(std::string_view email);
// Why `password` is not acceptable, or nothing: 12 to 256 characters, not the email.
std::optional<std::string> CheckPassword(std::string_view password, std::string_view email);

}  // namespace connex::domain
