#include "domain/hub/hub_document.hpp"

#include <algorithm>
#include <cctype>

#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kHubKinds = {"contract", "guide",    "lesson", "model_contract",
                                            "law",      "training", "tool",   "other"};
const std::vector<std::string> kContractTypes = {"concession",
                                                 "production_sharing",
                                                 "exploration_licence",
                                                 "mining_licence",
                                                 "mining_convention",
                                                 "joint_venture",
                                                 "investment_agreement",
                                                 "host_government_agreement",
                                                 "service_contract",
                                                 "community_development_agreement",
                                                 "other"};
const std::vector<std::string> kHubDocumentTypes = {
    "main_contract", "amendment",  "annex", "translation", "guide",
    "law",           "regulation", "model", "report",      "other"};
const std::vector<std::string> kDisclosureModes = {"government", "company", "third_party",
                                                   "unknown"};
const std::vector<std::string> kRoadmapStages = {"planning", "negotiating", "monitoring"};
const std::vector<std::string> kHubStatuses = {"draft", "in_review", "published", "unpublished"};
const std::vector<std::string> kPageQualities = {"acceptable", "needs_editing",
                                                 "needs_transcription"};

int SignatureYear(const HubMetadata& m) {
  return m.signature_date.size() == 10 ? std::stoi(m.signature_date.substr(0, 4)) : 0;
}

namespace {

// A document's own dependents (amendments, annexes, translations) name it.
const std::vector<std::string> kChildTypes = {"amendment", "annex", "translation"};

}  // namespace

Result<HubMetadata> ReadHubMetadata(const nlohmann::json& j) {
  Errors errors;
  HubMetadata m;
  ObjectReader r(
      j, "",
      {"kind",          "title",           "identifier", "country",        "resources",
       "contract_type", "document_type",   "language",   "signature_date", "government_entity",
       "companies",     "project",         "concession", "source_url",     "disclosure_mode",
       "pages_missing", "annexes_missing", "signed",     "parent_id",      "stage",
       "summary",       "confidential",    "sample"},
      errors);
  m.kind = r.Text("kind", 20, &kHubKinds);
  if (m.kind.empty()) m.kind = "contract";
  m.title = r.RequiredText("title", 300);
  m.identifier = r.Text("identifier", 100);
  m.country = r.Text("country", 3);
  if (!m.country.empty() && !IsThreeLetterCode(m.country)) {
    r.Fail("country", "must be an ISO 3166-1 alpha-3 code such as GHA");
  }
  m.resources = r.Codes("resources", kCommodities);
  m.contract_type = r.Text("contract_type", 40, &kContractTypes);
  m.document_type = r.Text("document_type", 20, &kHubDocumentTypes);
  if (m.document_type.empty()) m.document_type = m.kind == "contract" ? "main_contract" : "guide";
  m.language = r.Text("language", 2, &kLanguages);
  if (m.language.empty()) m.language = "en";
  m.signature_date = r.Text("signature_date", 10);
  if (!m.signature_date.empty() && !IsDate(m.signature_date)) {
    r.Fail("signature_date", "must be a date (YYYY-MM-DD)");
  }
  m.government_entity = r.Text("government_entity", 300);
  if (const nlohmann::json* list = r.List("companies", 50)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader c((*list)[i], "companies[" + std::to_string(i) + "]",
                     {"name", "share", "jurisdiction", "registration_id", "parent", "operator"},
                     errors);
      Company co;
      co.name = c.RequiredText("name", 300);
      co.share = c.Number("share", 0, 100);
      co.jurisdiction = c.Text("jurisdiction", 100);
      co.registration_id = c.Text("registration_id", 100);
      co.parent = c.Text("parent", 300);
      co.operator_ = c.Bool("operator", false);
      m.companies.push_back(co);
    }
  }
  m.project = r.Text("project", 300);
  m.concession = r.Text("concession", 300);
  m.source_url = r.Text("source_url", 2000);
  if (!m.source_url.empty() && m.source_url.rfind("https://", 0) != 0 &&
      m.source_url.rfind("http://", 0) != 0) {
    r.Fail("source_url", "must be an http(s) address");
  }
  m.disclosure_mode = r.Text("disclosure_mode", 20, &kDisclosureModes);
  if (m.disclosure_mode.empty()) m.disclosure_mode = "unknown";
  m.pages_missing = r.Bool("pages_missing", false);
  m.annexes_missing = r.Bool("annexes_missing", false);
  m.signed_ = r.Bool("signed", true);
  m.parent_id = r.Text("parent_id", 100);
  const bool child =
      std::find(kChildTypes.begin(), kChildTypes.end(), m.document_type) != kChildTypes.end();
  if (child && m.parent_id.empty()) {
    r.Fail("parent_id", "an " + m.document_type + " names the document it belongs to");
  }
  m.stage = r.Text("stage", 20, &kRoadmapStages);
  m.summary = r.Text("summary", 5000);
  m.confidential = r.Bool("confidential", false);
  m.sample = r.Bool("sample", false);
  if (!errors.empty()) return errors;
  return m;
}

nlohmann::json ToJson(const HubMetadata& m) {
  nlohmann::json companies = nlohmann::json::array();
  for (const Company& c : m.companies) {
    companies.push_back({{"name", c.name},
                         {"share", c.share},
                         {"jurisdiction", c.jurisdiction},
                         {"registration_id", c.registration_id},
                         {"parent", c.parent},
                         {"operator", c.operator_}});
  }
  return {{"kind", m.kind},
          {"title", m.title},
          {"identifier", m.identifier},
          {"country", m.country},
          {"resources", m.resources},
          {"contract_type", m.contract_type},
          {"document_type", m.document_type},
          {"language", m.language},
          {"signature_date", m.signature_date},
          {"government_entity", m.government_entity},
          {"companies", companies},
          {"project", m.project},
          {"concession", m.concession},
          {"source_url", m.source_url},
          {"disclosure_mode", m.disclosure_mode},
          {"pages_missing", m.pages_missing},
          {"annexes_missing", m.annexes_missing},
          {"signed", m.signed_},
          {"parent_id", m.parent_id},
          {"stage", m.stage},
          {"summary", m.summary},
          {"confidential", m.confidential},
          {"sample", m.sample}};
}

nlohmann::json ToJson(const HubDocument& d) {
  nlohmann::json j = ToJson(d.meta);
  j["id"] = d.id;
  j["ocid"] = d.ocid;
  j["status"] = d.status;
  j["year"] = SignatureYear(d.meta);
  j["file"] = d.file_sha256.empty()
                  ? nlohmann::json()
                  : nlohmann::json{{"name", d.file_name}, {"sha256", d.file_sha256}};
  j["page_count"] = d.page_count;
  j["ocr"] = d.ocr;
  j["created_by"] = d.created_by;
  j["created_at"] = ToIso(d.created_at);
  j["updated_at"] = ToIso(d.updated_at);
  j["version"] = d.version;
  return j;
}

bool CanMoveHubDocument(const std::string& from, const std::string& to) {
  return (from == "draft" && to == "in_review") || (from == "in_review" && to == "draft") ||
         (from == "in_review" && to == "published") ||
         (from == "published" && to == "unpublished") ||
         (from == "unpublished" && to == "published") || (from == "unpublished" && to == "draft");
}

std::string RatePage(const std::string& text, int ocr_confidence) {
  // Letters and digits against everything printed: OCR noise and broken
  // encodings show up as stray symbols.
  size_t printed = 0, alnum = 0;
  for (unsigned char c : text) {
    if (std::isspace(c)) continue;
    ++printed;
    if (std::isalnum(c) || c >= 0x80) ++alnum;
  }
  if (printed < 20) return "needs_transcription";
  const double share = static_cast<double>(alnum) / static_cast<double>(printed);
  if (ocr_confidence >= 0) {
    if (ocr_confidence < 50 || share < 0.6) return "needs_transcription";
    if (ocr_confidence < 80 || share < 0.85) return "needs_editing";
    return "acceptable";
  }
  if (share < 0.6) return "needs_transcription";
  return share < 0.8 ? "needs_editing" : "acceptable";
}

}  // namespace connex::domain
