#include "domain/hub/ocds.hpp"

namespace connex::domain {

namespace {

// OCDS documentType codelist: annexes have their own code; the main
// contract, its amendments and its translations are signed contract texts.
std::string DocumentType(const std::string& hub_type) {
  return hub_type == "annex" ? "contractAnnexe" : "contractSigned";
}

nlohmann::json OcdsDocument(const HubDocument& d, const std::string& base_url) {
  nlohmann::json doc = {{"id", d.id},
                        {"documentType", DocumentType(d.meta.document_type)},
                        {"title", d.meta.title},
                        {"language", d.meta.language},
                        {"datePublished", ToIso(d.updated_at)}};
  if (!d.file_sha256.empty()) {
    doc["url"] = base_url + "/api/v1/hub/documents/" + d.id + "/file";
    doc["format"] = "application/pdf";
  } else if (!d.meta.source_url.empty()) {
    doc["url"] = d.meta.source_url;
  }
  return doc;
}

// The CONNEX fiscal terms extension (docs/ocds-fiscal-terms-extension/):
// one entry per document carrying reviewed terms, each parameter's citation
// pointing at a document of the release.
nlohmann::json FiscalTerms(const std::vector<ContractTerms>& terms) {
  nlohmann::json out = nlohmann::json::array();
  for (const ContractTerms& t : terms) {
    nlohmann::json products = nlohmann::json::array();
    for (const TermProduct& p : t.products)
      products.push_back({{"name", p.name}, {"unit", p.unit}});
    nlohmann::json citations = nlohmann::json::array();
    for (const TermCitation& c : t.citations) {
      nlohmann::json j = {{"parameter", c.parameter}, {"documentId", c.document_id}};
      if (c.page > 0) j["page"] = c.page;
      if (!c.article.empty()) j["article"] = c.article;
      if (!c.annotation_id.empty()) j["annotationId"] = c.annotation_id;
      citations.push_back(j);
    }
    nlohmann::json entry = {{"documentId", t.document_id},
                            {"schema", "connex.fiscal/1"},
                            {"termSheet", t.terms},
                            {"currency", t.currency},
                            {"products", products},
                            {"citations", citations},
                            {"dateReviewed", ToIso(t.updated_at)}};
    if (t.base_year) entry["baseYear"] = t.base_year;
    out.push_back(entry);
  }
  return out;
}

}  // namespace

nlohmann::json OcdsRelease(const HubDocument& d, const std::vector<HubDocument>& children,
                           const std::string& base_url, const std::vector<ContractTerms>& terms) {
  nlohmann::json parties = nlohmann::json::array();
  const std::string buyer_id = "gov-" + (d.meta.country.empty() ? "xx" : d.meta.country);
  if (!d.meta.government_entity.empty()) {
    parties.push_back({{"id", buyer_id},
                       {"name", d.meta.government_entity},
                       {"roles", {"buyer", "procuringEntity"}},
                       {"address", {{"countryName", d.meta.country}}}});
  }
  nlohmann::json suppliers = nlohmann::json::array();
  for (size_t i = 0; i < d.meta.companies.size(); ++i) {
    const Company& c = d.meta.companies[i];
    const std::string id = "company-" + std::to_string(i + 1);
    nlohmann::json party = {{"id", id}, {"name", c.name}, {"roles", {"supplier"}}};
    if (!c.registration_id.empty()) {
      party["identifier"] = {{"id", c.registration_id}, {"scheme", c.jurisdiction}};
    }
    if (!c.jurisdiction.empty()) party["address"] = {{"countryName", c.jurisdiction}};
    parties.push_back(party);
    suppliers.push_back({{"id", id}, {"name", c.name}});
  }
  nlohmann::json documents = nlohmann::json::array({OcdsDocument(d, base_url)});
  for (const HubDocument& child : children) documents.push_back(OcdsDocument(child, base_url));
  const std::string award_id = d.id + "-award";
  nlohmann::json contract = {{"id", d.id},
                             {"awardID", award_id},
                             {"title", d.meta.title},
                             {"status", "active"},
                             {"documents", documents}};
  if (!d.meta.summary.empty()) contract["description"] = d.meta.summary;
  if (!d.meta.signature_date.empty()) contract["dateSigned"] = d.meta.signature_date + "T00:00:00Z";
  if (!terms.empty()) contract["fiscalTerms"] = FiscalTerms(terms);
  nlohmann::json release = {
      {"ocid", d.ocid},
      {"id", d.id + "-" + std::to_string(d.version)},
      {"date", ToIso(d.updated_at)},
      {"tag", {"contract"}},
      {"initiationType", "tender"},
      {"language", d.meta.language},
      {"parties", parties},
      {"awards", {{{"id", award_id}, {"title", d.meta.title}, {"suppliers", suppliers}}}},
      {"contracts", {contract}}};
  if (!d.meta.government_entity.empty()) {
    release["buyer"] = {{"id", buyer_id}, {"name", d.meta.government_entity}};
  }
  return release;
}

nlohmann::json OcdsPackage(const std::vector<nlohmann::json>& releases, const std::string& uri,
                           Instant published) {
  return {{"uri", uri},
          {"version", "1.1"},
          {"publishedDate", ToIso(published)},
          {"publisher", {{"name", "CONNEX Support Unit"}}},
          {"license", "https://creativecommons.org/licenses/by/4.0/"},
          {"releases", releases}};
}

}  // namespace connex::domain
