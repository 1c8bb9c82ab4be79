// JSON views of domain objects as the API returns them: never a secret,
// never a counter an attacker could use.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/accounts/account.hpp"

namespace connex::api {

// null for an empty text: "no value" reads as null in the API.
inline nlohmann::json TextOrNull(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

inline nlohmann::json UserView(const domain::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", domain::ToString(u.role)},
          {"organisation_id", TextOrNull(u.organisation_id)},
          {"language", u.language},
          {"disabled", u.disabled},
          {"version", u.version}};
}

inline nlohmann::json OrganisationView(const domain::Organisation& o) {
  return {{"id", o.id},
          {"kind", domain::ToString(o.kind)},
          {"name", o.name},
          {"country", TextOrNull(o.country)}};
}

}  // namespace connex::api
