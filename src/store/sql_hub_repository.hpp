// SqlHubRepository: the resource hub over one transaction's session. Search
// uses SQLite FTS5 with BM25 (hub_fts ranks documents; hub_page_fts finds the
// pages and their snippets).
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/hub/hub_repository.hpp"

namespace connex::store {

class SqlHubRepository : public domain::HubRepository {
 public:
  explicit SqlHubRepository(soci::session& sql) : sql_(sql) {}

  void InsertDocument(domain::HubDocument& d) override;
  std::optional<domain::HubDocument> FindDocument(const std::string& id) override;
  std::optional<domain::HubDocument> FindDocumentByFile(const std::string& sha256) override;
  bool UpdateDocument(const domain::HubDocument& d, int expected_version) override;
  std::vector<domain::HubDocument> Children(const std::string& id) override;
  std::vector<domain::HubDocument> Documents() override;
  void InsertStatusChange(const std::string& id, const std::string& from, const std::string& to,
                          const std::string& actor, const std::string& reason, Instant at) override;
  std::vector<StatusChange> StatusHistory(const std::string& id) override;
  void ReplacePages(const domain::HubDocument& d,
                    const std::vector<domain::HubPage>& pages) override;
  std::vector<domain::HubPage> Pages(const std::string& id) override;
  std::optional<domain::HubPage> Page(const std::string& id, int number) override;
  void UpdatePage(const domain::HubDocument& d, const domain::HubPage& p) override;
  void InsertAnnotation(const domain::Annotation& a) override;
  bool UpdateAnnotation(const domain::Annotation& a, int expected_version) override;
  void DeleteAnnotation(const std::string& id) override;
  std::optional<domain::Annotation> FindAnnotation(const std::string& id) override;
  std::vector<domain::Annotation> Annotations(const std::string& document_id) override;
  // In sql_contract_terms.cpp.
  std::optional<domain::ContractTerms> FindTerms(const std::string& document_id) override;
  void InsertTerms(const domain::ContractTerms& t) override;
  bool UpdateTerms(const domain::ContractTerms& t, int expected_version) override;
  void DeleteTerms(const std::string& document_id) override;
  std::vector<domain::ContractTerms> AllTerms() override;
  void InsertTermsChange(const std::string& document_id,
                         const domain::ContractTermsChange& c) override;
  std::vector<domain::ContractTermsChange> TermsHistory(const std::string& document_id) override;
  domain::HubResults Search(const domain::HubQuery& q) override;
  std::vector<domain::PageHit> SearchPages(const domain::HubDocument& d, const std::string& text,
                                           int limit) override;
  // Rebuilds the full-text index of every page and document from the stored
  // rows (after `connex db copy` wrote them without it); returns the number of
  // documents.
  long long RebuildSearchIndex();
  // store/sql_provider_rows.cpp
  void InsertProvider(const domain::SupportProvider& p) override;
  bool UpdateProvider(const domain::SupportProvider& p, int expected_version) override;
  void DeleteProvider(const std::string& id) override;
  std::optional<domain::SupportProvider> FindProvider(const std::string& id) override;
  std::vector<domain::SupportProvider> Providers() override;

 private:
  // ", idf1, idf2, ..." for hub_rank: each phrase of `text` over the documents.
  std::string IdfArguments(const std::string& text);
  // The best pages of the document whose pages start at id `lo` for the
  // query `fts`, with snippets of about `words` words, best first.
  std::vector<domain::PageHit> BestPages(long long lo, const std::string& fts,
                                         const std::string& idfs, int words, int limit);
  // Whether Reindex stems the document's pages again on PostgreSQL: only when
  // their text or the document's language may have changed, since stemming
  // every page is the costly part (SQLite's page index follows its table).
  enum class PageStems { kKeep, kRedo };
  // Rewrites the document's row of hub_fts (its search vector on PostgreSQL)
  // and its annotation categories.
  void Reindex(const std::string& id, PageStems pages);
  soci::session& sql_;
};

// The words and "quoted phrases" of `text` as an FTS5 query in which every
// word must match; empty when `text` has no word. Operators and punctuation
// typed by the user are never passed through.
std::string FtsQuery(const std::string& text);
// The same as a list of quoted phrases, in order. Punctuation and symbols
// outside ASCII (« » ’ €, emoji) separate words like ASCII punctuation; a word
// without a letter or digit is dropped; words beyond kMaxSearchWords are
// ignored (the API refuses such queries before they get here).
std::vector<std::string> FtsPhrases(const std::string& text);
inline constexpr size_t kMaxSearchWords = 32;

}  // namespace connex::store
