#include "domain/accounts/account.hpp"

#include <algorithm>
#include <cctype>

namespace connex::domain {

std::optional<Role> ParseAccountRole(std::string_view name) {
  for (Role r : kAccountRoles) {
    if (name == ToString(r)) return r;
  }
  return std::nullopt;
}

std::optional<OrganisationKind> ParseOrganisationKind(std::string_view name) {
  for (OrganisationKind k : {OrganisationKind::kGovernment, OrganisationKind::kSupportUnit,
                             OrganisationKind::kProvider}) {
    if (name == ToString(k)) return k;
  }
  return std::nullopt;
}

std::string NormaliseEmail(std::string_view email) {
  const size_t first = email.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const size_t last = email.find_last_not_of(" \t");
  std::string out(email.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> CheckEmail(std::string_view email) {
  if (email.empty()) return "is required";
  if (email.size() > 254) return "is longer than 254 characters";
  const size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos ||
      email.find('.', at) == std::string_view::npos) {
    return "\"" + std::string(email) + "\" is not an email address";
  }
  if (std::any_of(email.begin(), email.end(),
                  [](unsigned char c) { return std::isspace(c) || std::iscntrl(c); })) {
    return "must not contain spaces or control characters";
  }
  return std::nullopt;
}

std::optional<std::string> CheckPassword(std::string_view password, std::string_view email) {
  if (password.size() < 12) return "must be at least 12 characters";
  if (password.size() > 256) return "must be at most 256 characters";
  if (NormaliseEmail(password) == NormaliseEmail(email)) return "must not be the email address";
  return std::nullopt;
}

}  // namespace connex::domain
