#include "cli/commands/demo_hub.hpp"

#include <map>

#include "domain/hub/contract_terms_service.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/hub/provider_directory.hpp"
#include "fiscal/io/model_reader.hpp"

namespace connex {
extern const char* const kDemoHubJson;  // data/demo/hub.json
}

namespace connex::cli {

namespace {

// A sample contract's term sheet, each citation ({"annotation": i}) pointing
// at the page and article of its i-th annotation; saved and reviewed.
Result<Done> DemoTerms(domain::Stores& stores, const domain::Principal& editor,
                       const domain::Principal& reviewer, const domain::HubDocument& d,
                       nlohmann::json body, const std::vector<domain::Annotation>& annotations) {
  for (nlohmann::json& c : body["citations"]) {
    const domain::Annotation& a = annotations.at(c["annotation"].get<size_t>());
    c.erase("annotation");
    c["annotation_id"] = a.id;
    if (!a.pages.empty()) c["page"] = a.pages.front();
    c["article"] = a.article;
  }
  body["version"] = 0;
  auto terms = domain::ReadContractTerms(body);
  if (!terms) return terms.errors();
  std::vector<std::pair<std::string, std::string>> products;
  for (const domain::TermProduct& p : terms->products) products.emplace_back(p.name, p.unit);
  const Errors wrong = fiscal::io::CheckTermSheet(terms->terms.dump(), terms->currency, products,
                                                  domain::SignatureYear(d.meta), "terms");
  if (!wrong.empty()) return wrong;
  const domain::ContractTermsService service;
  auto saved = service.Save(stores, editor, d.id, *terms, Now());
  if (!saved) return saved.errors();
  auto reviewed = service.Review(stores, reviewer, d.id, saved->version, Now());
  if (!reviewed) return reviewed.errors();
  return Done{};
}

// One sample document: created, given its text and annotations (and, for a
// contract, its term sheet), reviewed and published.
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
  std::vector<domain::Annotation> annotations;
  for (const auto& a : entry.value("annotations", nlohmann::json::array())) {
    auto read = domain::ReadAnnotation(a, static_cast<int>(text.pages.size()));
    if (!read) return read.errors();
    auto made = hub.Annotate(stores, editor, d->id, *read, now);
    if (!made) return made.errors();
    auto reviewed = hub.ReviewAnnotation(stores, reviewer, made->id, now);
    if (!reviewed) return reviewed.errors();
    annotations.push_back(*reviewed);
  }
  if (entry.contains("terms")) {
    if (auto t = DemoTerms(stores, editor, reviewer, *d, entry["terms"], annotations); !t) {
      return t.errors();
    }
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
