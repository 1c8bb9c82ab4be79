// Storage and search of the resource hub behind an interface: the SQLite
// implementation searches with FTS5 (store/sql_hub_repository.hpp); a
// PostgreSQL one fills the same calls with tsvector and GIN.
//
// REQUIRES: every call of one operation runs on the same transaction; the
// implementation never commits. Changes to a document, its pages or its
// reviewed annotations are in its search index when the transaction commits;
// draft annotations are never indexed (the index answers the public).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/hub/contract_terms.hpp"
#include "domain/hub/hub_document.hpp"
#include "domain/hub/support_provider.hpp"

namespace connex::domain {

struct HubQuery {
  std::string text;  // words, "quoted phrases"; empty: every document
  std::string kind;
  std::string country;
  std::string resource;
  std::string contract_type;
  std::string document_type;
  std::string language;
  std::string company;   // part of a company's name, any case
  std::string category;  // documents with an annotation of this category
  std::string status;    // staff only: one status; empty: any
  int year = 0;
  bool public_only = true;  // published and not confidential
  int offset = 0;
  int limit = 20;  // 0: every match (exports)
};

// A snippet as segments, the matched words marked.
struct SnippetPart {
  std::string text;
  bool hit = false;
};

struct HubHit {
  std::string id;
  double score = 0;  // BM25: lower is better (SQLite's sign)
  int page = 0;      // the best matching page; 0 when the match is in metadata
  std::vector<SnippetPart> snippet;
};

struct FacetCount {
  std::string value;
  int count = 0;
};

struct HubResults {
  int total = 0;
  std::vector<HubHit> hits;  // the page asked for, best first
  // country, resource, contract_type, document_type, year, language, company, category
  std::map<std::string, std::vector<FacetCount>> facets;
};

// A page that matched, for the document viewer.
struct PageHit {
  int page = 0;
  std::vector<SnippetPart> snippet;
};

class HubRepository {
 public:
  virtual ~HubRepository() = default;

  virtual void InsertDocument(HubDocument& d) = 0;  // sets d.seq
  virtual std::optional<HubDocument> FindDocument(const std::string& id) = 0;
  virtual std::optional<HubDocument> FindDocumentByFile(const std::string& sha256) = 0;
  // Stores `d` if the stored one still has `expected_version`.
  virtual bool UpdateDocument(const HubDocument& d, int expected_version) = 0;
  // Documents whose parent is `id` (amendments, annexes, translations).
  virtual std::vector<HubDocument> Children(const std::string& id) = 0;
  // Every document (status and confidentiality filtered by the caller).
  virtual std::vector<HubDocument> Documents() = 0;

  virtual void InsertStatusChange(const std::string& id, const std::string& from,
                                  const std::string& to, const std::string& actor,
                                  const std::string& reason, Instant at) = 0;
  // (from, to, actor, reason, at) oldest first.
  struct StatusChange {
    std::string from, to, actor, reason;
    Instant at;
  };
  virtual std::vector<StatusChange> StatusHistory(const std::string& id) = 0;

  virtual void ReplacePages(const HubDocument& d, const std::vector<HubPage>& pages) = 0;
  virtual std::vector<HubPage> Pages(const std::string& id) = 0;
  virtual std::optional<HubPage> Page(const std::string& id, int number) = 0;
  virtual void UpdatePage(const HubDocument& d, const HubPage& p) = 0;

  virtual void InsertAnnotation(const Annotation& a) = 0;
  virtual bool UpdateAnnotation(const Annotation& a, int expected_version) = 0;
  virtual void DeleteAnnotation(const std::string& id) = 0;
  virtual std::optional<Annotation> FindAnnotation(const std::string& id) = 0;
  virtual std::vector<Annotation> Annotations(const std::string& document_id) = 0;
  // The fiscal terms of a document (contract_terms.hpp) and their history.
  virtual std::optional<ContractTerms> FindTerms(const std::string& document_id) = 0;
  virtual void InsertTerms(const ContractTerms& t) = 0;
  // Stores `t` if the stored terms still have `expected_version`.
  virtual bool UpdateTerms(const ContractTerms& t, int expected_version) = 0;
  virtual void DeleteTerms(const std::string& document_id) = 0;
  // Every document's terms, reviewed or not (the caller filters).
  virtual std::vector<ContractTerms> AllTerms() = 0;
  virtual void InsertTermsChange(const std::string& document_id, const ContractTermsChange& c) = 0;
  // Oldest first.
  virtual std::vector<ContractTermsChange> TermsHistory(const std::string& document_id) = 0;

  virtual HubResults Search(const HubQuery& q) = 0;
  // The pages of one document matching `text`, best first.
  virtual std::vector<PageHit> SearchPages(const HubDocument& d, const std::string& text,
                                           int limit) = 0;

  // The support-provider directory, by name.
  virtual void InsertProvider(const SupportProvider& p) = 0;
  virtual bool UpdateProvider(const SupportProvider& p, int expected_version) = 0;
  virtual void DeleteProvider(const std::string& id) = 0;
  virtual std::optional<SupportProvider> FindProvider(const std::string& id) = 0;
  virtual std::vector<SupportProvider> Providers() = 0;
};

}  // namespace connex::domain
