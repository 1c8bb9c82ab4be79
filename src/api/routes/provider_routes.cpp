// The support-provider directory: public reading with filters; the Support
// Unit adds, changes and removes entries.
#include <algorithm>

#include "api/routes/routes.hpp"
#include "domain/hub/provider_directory.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::api {

using namespace domain;

namespace {

Result<ProviderFilter> ReadFilter(const Request& r) {
  Errors errors;
  ProviderFilter f;
  auto code = [&](const std::string& name, const std::vector<std::string>& codes) {
    return QueryCode(r, name, codes, errors);
  };
  f.region = code("region", kRegions);
  f.sector = code("sector", kSectors);
  f.stage = code("stage", kRoadmapStages);
  f.expertise = QueryText(r, "expertise");
  if (!f.expertise.empty() && !IsCodeWord(f.expertise)) {
    errors.push_back({ErrorCode::kInvalidInput, "is not a discipline code", "expertise"});
  }
  f.text = QueryText(r, "q");
  if (f.text.size() > 200) errors.push_back({ErrorCode::kInvalidInput, "is too long", "q"});
  if (!errors.empty()) return errors;
  return f;
}

}  // namespace

void AddProviderRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/hub/providers", Access::kPublic,
                    "The support-provider directory by name (region: a provider serving "
                    "'global' matches every region; sector, expertise, stage, q) and its "
                    "codelists",
                    [&s](Request& r) -> Result<Reply> {
                      auto f = ReadFilter(r);
                      if (!f) return f.errors();
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        nlohmann::json items = nlohmann::json::array();
                        for (const SupportProvider& p : s.providers.List(st, *f)) {
                          items.push_back(ToJson(p));
                        }
                        return nlohmann::json{{"items", items},
                                              {"kinds", kProviderKinds},
                                              {"regions", kRegions},
                                              {"sectors", kSectors},
                                              {"costs", kProviderCosts}};
                      });
                    }});
  routes.push_back({"GET", "/api/v1/hub/providers/{id}", Access::kPublic, "One support provider",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto p = s.providers.Find(st, r.params[0]);
                        if (!p) return p.errors();
                        return ToJson(*p);
                      });
                    }});
  routes.push_back({"POST", "/api/v1/hub/providers", Access::kStaff,
                    "Add a support provider (name, kind, regions, sectors, expertise, stages, "
                    "languages, assistance_criteria, cost, in_house_experts, contact_email or "
                    "website)",
                    [&s](Request& r) -> Result<Reply> {
                      auto p = ReadSupportProvider(r.body);
                      if (!p) return p.errors();
                      return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
                        auto added = s.providers.Add(st, r.principal, *p, Now());
                        if (!added) return added.errors();
                        return ToJson(*added);
                      });
                    }});
  routes.push_back({"PUT", "/api/v1/hub/providers/{id}", Access::kStaff,
                    "Change a support provider (every field and the version read)",
                    [&s](Request& r) -> Result<Reply> {
                      auto p = ReadSupportProvider(r.body);
                      if (!p) return p.errors();
                      if (p->version == 0) {
                        return Error{ErrorCode::kInvalidInput, "is required", "version"};
                      }
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto changed = s.providers.Change(st, r.principal, r.params[0], *p, Now());
                        if (!changed) return changed.errors();
                        return ToJson(*changed);
                      });
                    }});
  routes.push_back({"DELETE", "/api/v1/hub/providers/{id}", Access::kStaff,
                    "Remove a support provider", [&s](Request& r) -> Result<Reply> {
                      auto done = store::WriteStores(s.db, [&](Stores& st) {
                        return s.providers.Remove(st, r.principal, r.params[0]);
                      });
                      if (!done) return done.errors();
                      return Reply{204, nullptr};
                    }});
}

}  // namespace connex::api
