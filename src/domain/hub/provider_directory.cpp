#include "domain/hub/provider_directory.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/requests/discipline.hpp"

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

std::vector<SupportProvider> ProviderDirectory::List(RequestStores& s,
                                                     const ProviderFilter& f) const {
  std::vector<SupportProvider> out;
  for (SupportProvider& p : s.hub.Providers()) {
    if (Matches(p, f)) out.push_back(std::move(p));
  }
  return out;
}

Result<SupportProvider> ProviderDirectory::Find(RequestStores& s, const std::string& id) const {
  auto p = s.hub.FindProvider(id);
  if (!p) return NoSuchProvider();
  return *p;
}

Result<SupportProvider> ProviderDirectory::Add(RequestStores& s, const Principal& p,
                                               SupportProvider provider, Instant now) const {
  if (auto ok = Keeper(p); !ok) return ok.errors();
  Errors wrong;
  CheckDisciplines(provider.expertise, s.requests.Disciplines(), {}, "expertise", wrong);
  if (!wrong.empty()) return wrong;
  provider.id = NewId("prv");
  provider.updated_by = p.user_id;
  provider.updated_at = now;
  provider.version = 1;
  s.hub.InsertProvider(provider);
  s.requests.Audit(p.user_id, "hub.provider.add", "support_provider", provider.id, "",
                   ToJson(provider).dump());
  return provider;
}

Result<SupportProvider> ProviderDirectory::Change(RequestStores& s, const Principal& p,
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
  CheckDisciplines(provider.expertise, s.requests.Disciplines(), before->expertise, "expertise",
                   wrong);
  if (!wrong.empty()) return wrong;
  provider.id = id;
  provider.updated_by = p.user_id;
  provider.updated_at = now;
  provider.version = before->version + 1;
  if (!s.hub.UpdateProvider(provider, before->version)) {
    return Error{ErrorCode::kConflict, "the provider changed since you read it", "version"};
  }
  s.requests.Audit(p.user_id, "hub.provider.change", "support_provider", id, ToJson(*before).dump(),
                   ToJson(provider).dump());
  return provider;
}

Result<Done> ProviderDirectory::Remove(RequestStores& s, const Principal& p,
                                       const std::string& id) const {
  if (auto ok = Keeper(p); !ok) return ok.errors();
  auto before = s.hub.FindProvider(id);
  if (!before) return NoSuchProvider();
  s.hub.DeleteProvider(id);
  s.requests.Audit(p.user_id, "hub.provider.remove", "support_provider", id, ToJson(*before).dump(),
                   "");
  return Done{};
}

}  // namespace connex::domain
