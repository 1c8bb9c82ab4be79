#include "domain/hub/provider_directory.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/hub/hub_repository.hpp"
#include "domain/shared/discipline.hpp"
#include "domain/shared/discipline_repository.hpp"

namespace connex::domain {

namespace {

Result<Done> Keeper(const Principal& p) {
  if (!IsStaff(p)) {
    return Error{ErrorCode::kForbidden, "the Support Unit keeps the provider directory", ""};
  }
  return Done{};
}

Error NoSuchProvider() { return {ErrorCode::kNotFound, "no such support provider", "id"}; }

}  // namespace

std::vector<SupportProvider> ProviderDirectory::List(Stores& s, const ProviderFilter& f) const {
  std::vector<SupportProvider> out;
  for (SupportProvider& p : s.hub.Providers()) {
    if (Matches(p, f)) out.push_back(std::move(p));
  }
  return out;
}

Result<SupportProvider> ProviderDirectory::Find(Stores& s, const std::string& id) const {
  auto p = s.hub.FindProvider(id);
  if (!p) return NoSuchProvider();
  return *p;
}

Result<SupportProvider> ProviderDirectory::Add(Stores& s, const Principal& p,
                                               SupportProvider provider, Instant now) const {
  if (auto ok = Keeper(p); !ok) return ok.errors();
  Errors wrong;
  CheckDisciplines(provider.expertise, s.disciplines.All(), {}, "expertise", wrong);
  if (!wrong.empty()) return wrong;
  provider.id = NewId("prv");
  provider.updated_by = p.user_id;
  provider.updated_at = now;
  provider.version = 1;
  s.hub.InsertProvider(provider);
  s.audit.Record(p.user_id, "hub.provider.add", "support_provider", provider.id, "",
                 ToJson(provider).dump());
  return provider;
}

Result<SupportProvider> ProviderDirectory::Change(Stores& s, const Principal& p,
                                                  const std::string& id, SupportProvider provider,
                                                  Instant now) const {
  if (auto ok = Keeper(p); !ok) return ok.errors();
  auto before = s.hub.FindProvider(id);
  if (!before) return NoSuchProvider();
  if (provider.version != before->version) {
    return Error{ErrorCode::kConflict,
                 "the provider changed since you read it (version " +
                     std::to_string(before->version) + "); reload it",
                 "version"};
  }
  Errors wrong;
  CheckDisciplines(provider.expertise, s.disciplines.All(), before->expertise, "expertise", wrong);
  if (!wrong.empty()) return wrong;
  provider.id = id;
  provider.updated_by = p.user_id;
  provider.updated_at = now;
  provider.version = before->version + 1;
  if (!s.hub.UpdateProvider(provider, before->version)) {
    return Error{ErrorCode::kConflict, "the provider changed since you read it", "version"};
  }
  s.audit.Record(p.user_id, "hub.provider.change", "support_provider", id, ToJson(*before).dump(),
                 ToJson(provider).dump());
  return provider;
}

Result<Done> ProviderDirectory::Remove(Stores& s, const Principal& p, const std::string& id) const {
  if (auto ok = Keeper(p); !ok) return ok.errors();
  auto before = s.hub.FindProvider(id);
  if (!before) return NoSuchProvider();
  s.hub.DeleteProvider(id);
  s.audit.Record(p.user_id, "hub.provider.remove", "support_provider", id, ToJson(*before).dump(),
                 "");
  return Done{};
}

}  // namespace connex::domain
