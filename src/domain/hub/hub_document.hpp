// The resource hub's records (docs/adr/007-resource-hub.md): documents with
// ResourceContracts-style metadata, their pages of text with a quality
// rating, clause annotations, and the publication workflow.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace connex::domain {

extern const std::vector<std::string> kHubKinds;          // contract, guide, law, ...
extern const std::vector<std::string> kContractTypes;     // concession, production_sharing, ...
extern const std::vector<std::string> kHubDocumentTypes;  // main_contract, amendment, annex, ...
extern const std::vector<std::string> kDisclosureModes;
extern const std::vector<std::string> kRoadmapStages;  // planning, negotiating, monitoring
extern const std::vector<std::string> kHubStatuses;    // draft, in_review, published, unpublished

struct Company {
  std::string name;
  double share = 0;  // percent held; 0 when unknown
  std::string jurisdiction;
  std::string registration_id;
  std::string parent;
  bool operator_ = false;
};

// What an editor writes about a document.
struct HubMetadata {
  std::string kind = "contract";
  std::string title;
  std::string identifier;              // the publisher's own reference
  std::string country;                 // ISO 3166-1 alpha-3; empty for general guidance
  std::vector<std::string> resources;  // the commodities codelist
  std::string contract_type;
  std::string document_type = "main_contract";
  std::string language = "en";
  std::string signature_date;  // YYYY-MM-DD
  std::string government_entity;
  std::vector<Company> companies;
  std::string project;
  std::string concession;
  std::string source_url;
  std::string disclosure_mode = "unknown";
  bool pages_missing = false;
  bool annexes_missing = false;
  bool signed_ = true;
  std::string parent_id;  // amendments, annexes, translations: the main document
  std::string stage;      // guidance: the roadmap stage it serves
  std::string summary;
  bool confidential = false;  // never public, whatever its status
  bool sample = false;        // written for demonstration, labelled as such
};

struct HubDocument {
  std::string id;
  std::int64_t seq = 0;  // the search index's key
  std::string ocid;      // Open Contracting id, for contracts
  HubMetadata meta;
  std::string status = "draft";
  std::string file_sha256;  // the PDF, when one was ingested
  std::string file_name;
  int page_count = 0;
  bool ocr = false;  // the text came from OCR
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
};

// The signature year, or 0.
int SignatureYear(const HubMetadata& m);

// Reads an editor's metadata, naming each wrong field ("companies[0].share").
Result<HubMetadata> ReadHubMetadata(const nlohmann::json& j);
nlohmann::json ToJson(const HubMetadata& m);
nlohmann::json ToJson(const HubDocument& d);

// Whether a document of `status`, confidential or not, is for everyone.
inline bool IsPublic(const HubDocument& d) {
  return d.status == "published" && !d.meta.confidential;
}

// The publication workflow: draft -> in_review -> published <-> unpublished;
// in_review -> draft (sent back); unpublished -> draft.
bool CanMoveHubDocument(const std::string& from, const std::string& to);

// A page of a document's text and how good it is.
struct HubPage {
  int number = 0;  // from 1
  std::string text;
  std::string quality;  // acceptable | needs_editing | needs_transcription
  std::string source;   // text | ocr | edited
  std::string edited_by;
};

// What ingestion read from a file (ingest/pdf_text.hpp).
struct ExtractedText {
  std::vector<HubPage> pages;
  bool ocr = false;
};

extern const std::vector<std::string> kPageQualities;

// A page's quality from its text and, for OCR, tesseract's mean word
// confidence (0-100; negative for text read directly from the PDF).
std::string RatePage(const std::string& text, int ocr_confidence);

// A clause annotation: a category from the codelist, a plain-language
// summary, where it is (pages, article) and translations of the summary.
struct Annotation {
  std::string id;
  std::string document_id;
  std::string category;
  std::string summary;
  std::string language = "en";
  std::vector<int> pages;
  std::string article;
  std::vector<std::pair<std::string, std::string>> translations;  // language, summary
  std::string status = "draft";                                   // draft | reviewed
  std::string created_by;
  std::string reviewed_by;
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
};

// Words in each language of the portal, by language code ("en", "fr", ...).
using Labels = std::map<std::string, std::string>;

struct AnnotationCategory {
  std::string key;
  std::string label;  // English, as the codelist has it
  std::string section;
  std::string cluster;
  Labels labels, section_labels, cluster_labels;  // the same in every language
};
// The ResourceContracts.org codelist, carried by the binary
// (data/annotation-categories.json), with its words in French, Spanish and
// Portuguese (data/annotation-categories.i18n.json); English is the codelist's.
const std::vector<AnnotationCategory>& AnnotationCategories();
const AnnotationCategory* FindCategory(const std::string& key);

// Reads an annotation's editable fields (category, summary, language, pages,
// article, translations), naming each wrong one; pages must be within
// 1..page_count when the document has pages.
Result<Annotation> ReadAnnotation(const nlohmann::json& j, int page_count);
nlohmann::json ToJson(const Annotation& a);

}  // namespace connex::domain
