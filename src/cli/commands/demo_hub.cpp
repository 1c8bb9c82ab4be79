#include "cli/commands/demo_hub.hpp"

#include <map>

#include "domain/hub/hub_service.hpp"
#include "domain/hub/provider_directory.hpp"

namespace connex {
extern const char* const kDemoHubJson;  // data/demo/hub.json
}

namespace connex::cli {

namespace {

// One sample document: created, given its text and annotations, reviewed and published.
Result<std::string> DemoDocument(domain::Stores& stores, const domain::Principal& editor,
                                 const domain::Principal& reviewer, const nlohmann::json& entry,
                                 const std::map<std::string, std::string>& ids) {
  const domain::HubService hub;
  const Instant now = Now();
  nlohmann::json meta_json = entry.at("meta");
  if (meta_json.contains("parent_ref")) {
    meta_json["parent_id"] = ids.at(meta_json["parent_ref"].get<std::string>());
    meta_json.erase("parent_ref");
  }
  auto meta = domain::ReadHubMetadata(meta_json);
  if (!meta) return meta.errors();
  auto d = hub.Create(stores, editor, *meta, now);
  if (!d) return d.errors();
  domain::ExtractedText text;
  for (const auto& page : entry.at("pages")) {
    domain::HubPage p;
    p.number = static_cast<int>(text.pages.size()) + 1;
    p.text = page.get<std::string>();
    p.quality = "acceptable";
    p.source = "text";
    text.pages.push_back(p);
  }
  if (auto set = hub.SetText(stores, editor, d->id, text, now); !set) return set.errors();
  for (const auto& a : entry.value("annotations", nlohmann::json::array())) {
    auto read = domain::ReadAnnotation(a, static_cast<int>(text.pages.size()));
    if (!read) return read.errors();
    auto made = hub.Annotate(stores, editor, d->id, *read, now);
    if (!made) return made.errors();
    if (auto r = hub.ReviewAnnotation(stores, reviewer, made->id, now); !r) return r.errors();
  }
  if (auto m = hub.Move(stores, editor, d->id, "in_review", "", now); !m) return m.errors();
  if (auto m = hub.Move(stores, reviewer, d->id, "published", "", now); !m) return m.errors();
  return d->id;
}

}  // namespace

Result<Done> DemoHub(domain::Stores& stores, const domain::Principal& editor,
                     const domain::Principal& reviewer) {
  const nlohmann::json demo = nlohmann::json::parse(kDemoHubJson);
  std::map<std::string, std::string> ids;  // ref -> document id
  for (const auto& entry : demo.at("documents")) {
    auto id = DemoDocument(stores, editor, reviewer, entry, ids);
    if (!id) return id.errors();
    ids[entry.at("ref").get<std::string>()] = *id;
  }
  const domain::ProviderDirectory directory;
  for (const auto& entry : demo.at("providers")) {
    auto provider = domain::ReadSupportProvider(entry);
    if (!provider) return provider.errors();
    if (auto added = directory.Add(stores, editor, *provider, Now()); !added) {
      return added.errors();
    }
  }
  return Done{};
}

}  // namespace connex::cli
