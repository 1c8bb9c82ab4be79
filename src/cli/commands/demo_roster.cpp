#include "cli/commands/demo_roster.hpp"

#include "domain/accounts/account_service.hpp"
#include "domain/obligations/schedule.hpp"
#include "domain/roster/roster_service.hpp"

namespace connex {
extern const char* const kDemoRosterJson;  // data/demo/roster.json
}

namespace connex::cli {

namespace {

constexpr const char* kCode =
    "Advisers work only on behalf of, and by order of, the host government. They declare every "
    "interest in the companies on the other side of the table, keep the government's "
    "information confidential, accept no instruction or benefit from anyone else, and step "
    "aside when a conflict of interest appears.";

// The expert's account: the one their e-mail has, or a new one.
Result<domain::Principal> Account(domain::Stores& stores, const nlohmann::json& entry,
                                  const std::string& password_hash) {
  const std::string email = entry.at("email");
  if (auto user = stores.accounts.FindUserByEmail(email)) {
    return domain::Principal{user->role, user->id, user->organisation_id};
  }
  const domain::AccountService service{domain::AccountRules{}};
  auto made = service.AddUserWithHash(stores.accounts, "system:demo", email, entry.at("name"),
                                      domain::Role::kExpert, "", password_hash);
  if (!made) return made.errors();
  return domain::Principal{made->role, made->id, made->organisation_id};
}

}  // namespace

Result<Done> DemoRoster(domain::Stores& stores, const domain::Principal& admin,
                        const std::string& password_hash, Instant now) {
  const domain::RosterService roster;
  if (auto code = roster.PublishCode(stores, admin, kCode, now); !code) return code.errors();
  const std::string today = ToIso(now).substr(0, 10);
  const nlohmann::json demo = nlohmann::json::parse(kDemoRosterJson);
  for (const nlohmann::json& entry : demo.at("experts")) {
    auto expert = Account(stores, entry, password_hash);
    if (!expert) return expert.errors();
    nlohmann::json profile = entry;
    for (const char* account_only : {"email", "name", "declarations", "away"}) {
      profile.erase(account_only);
    }
    profile["unavailable"] = nlohmann::json::array();
    const nlohmann::json none = nlohmann::json::array();
    for (const nlohmann::json& away : entry.contains("away") ? entry["away"] : none) {
      profile["unavailable"].push_back({{"from", domain::AddDays(today, away.at("from_day"))},
                                        {"to", domain::AddDays(today, away.at("to_day"))}});
    }
    auto read = domain::ReadProfile(profile);
    if (!read) return read.errors();
    auto saved = roster.SaveProfile(stores, *expert, expert->user_id, *read, now);
    if (!saved) return saved.errors();
    if (auto attested = roster.Attest(stores, *expert, now); !attested) return attested.errors();
    for (const nlohmann::json& d : entry.contains("declarations") ? entry["declarations"] : none) {
      auto declaration = domain::ReadDeclaration(d);
      if (!declaration) return declaration.errors();
      auto declared = roster.Declare(stores, *expert, expert->user_id, *declaration, now);
      if (!declared) return declared.errors();
    }
  }
  return Done{};
}

}  // namespace connex::cli
