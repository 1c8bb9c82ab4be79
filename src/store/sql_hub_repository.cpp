#include "store/sql_hub_repository.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "store/sql_rows.hpp"
#include "store/sqlite_rank.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr long long kPagesPerDocument = 100000;  // hub_pages.id = seq * this + page

constexpr const char* kDocumentColumns =
    "SELECT seq, id, ocid, meta_json, status, file_sha256, file_name, page_count, ocr, "
    "created_by, created_at, updated_at, version FROM hub_documents ";

HubDocument DocumentFromRow(const soci::row& row) {
  HubDocument d;
  d.seq = Integer(row, 0);
  d.id = Text(row, 1);
  d.ocid = Text(row, 2);
  // Stored metadata was validated when written; read it back the same way.
  auto meta = ReadHubMetadata(nlohmann::json::parse(Text(row, 3), nullptr, false));
  if (meta) d.meta = *meta;
  d.status = Text(row, 4);
  d.file_sha256 = Text(row, 5);
  d.file_name = Text(row, 6);
  d.page_count = static_cast<int>(Integer(row, 7));
  d.ocr = Integer(row, 8) != 0;
  d.created_by = Text(row, 9);
  d.created_at = ParseIso(Text(row, 10)).value_or(Instant{});
  d.updated_at = ParseIso(Text(row, 11)).value_or(Instant{});
  d.version = static_cast<int>(Integer(row, 12));
  return d;
}

// "|a|b|": one value per bar, for LIKE filters and facets.
std::string Key(const std::vector<std::string>& values) {
  std::string k = "|";
  for (const std::string& v : values) k += v + "|";
  return k;
}

std::vector<std::string> Unkey(const std::string& key) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start < key.size()) {
    const size_t bar = key.find('|', start);
    if (bar == std::string::npos) break;
    if (bar > start) out.push_back(key.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

std::vector<std::string> CompanyNames(const HubMetadata& m) {
  std::vector<std::string> out;
  for (const Company& c : m.companies) {
    std::string name = c.name;
    std::replace(name.begin(), name.end(), '|', '/');
    out.push_back(name);
  }
  return out;
}

// The metadata as words for the index.
std::string MetaText(const HubMetadata& m) {
  std::string t = m.identifier + " " + m.country + " " + m.contract_type + " " + m.document_type +
                  " " + m.government_entity + " " + m.project + " " + m.concession + " " +
                  m.summary;
  for (const std::string& r : m.resources) t += " " + r;
  for (const Company& c : m.companies) t += " " + c.name + " " + c.parent;
  return t;
}

// SQLite's snippet() marks matches with \x02 ... \x03.
std::vector<SnippetPart> Parts(const std::string& marked) {
  std::vector<SnippetPart> out;
  std::string current;
  bool hit = false;
  for (char c : marked) {
    if (c == '\x02' || c == '\x03') {
      if (!current.empty()) out.push_back({current, hit});
      current.clear();
      hit = c == '\x02';
    } else {
      current += c == '\n' ? ' ' : c;
    }
  }
  if (!current.empty()) out.push_back({current, hit});
  return out;
}

std::string LikeEscaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void Bump(std::map<std::string, int>& m, const std::string& v) {
  if (!v.empty()) ++m[v];
}

std::vector<FacetCount> Sorted(const std::map<std::string, int>& counts, size_t most) {
  std::vector<FacetCount> out;
  for (const auto& [value, n] : counts) out.push_back({value, n});
  std::stable_sort(out.begin(), out.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (out.size() > most) out.resize(most);
  return out;
}

}  // namespace

namespace {

// Whether a code point outside ASCII is, for splitting words, punctuation or
// a symbol: « » ’ € ©, dashes, arrows, emoji and the like. Others stay in words.
bool SeparatorCodePoint(char32_t c) {
  if (c >= 0xA0 && c <= 0xBF) {
    return c != 0xAA && c != 0xB5 && c != 0xBA && c != 0xB2 && c != 0xB3 && c != 0xB9 && c < 0xBC;
  }
  return c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||  // general punctuation
         (c >= 0x20A0 && c <= 0x20CF) ||                            // currency
         (c >= 0x2190 && c <= 0x2BFF) ||  // arrows, mathematics, shapes, symbols
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F) ||
         (c >= 0x1F000 && c <= 0x1FAFF);  // emoji
}

// Whether a code point is certainly a letter or digit to SQLite's unicode61
// tokenizer: ASCII, and the letters of the main scripts. A word must hold one
// to be searched for: a word FTS5 would reduce to no token at all would leave
// the ranking with one phrase fewer than it was told.
bool LetterCodePoint(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||       // Latin
         (c >= 0x388 && c <= 0x3CE) ||                                // Greek
         (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) ||  // Cyrillic
         (c >= 0x5D0 && c <= 0x5EA) ||                                // Hebrew
         (c >= 0x621 && c <= 0x63A) || (c >= 0x641 && c <= 0x64A) ||
         (c >= 0x660 && c <= 0x669) ||                                    // Arabic
         (c >= 0x905 && c <= 0x939) ||                                    // Devanagari
         (c >= 0xE01 && c <= 0xE30) ||                                    // Thai
         (c >= 0x1E00 && c <= 0x1EFF) ||                                  // Latin, extended
         (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||  // kana
         (c >= 0x4E00 && c <= 0x9FFF) ||                                  // CJK
         (c >= 0xAC00 && c <= 0xD7A3);                                    // Hangul
}

// The code point starting at text[i] and its length in bytes; a byte that
// does not start valid UTF-8 reads as U+FFFD (no letter), one byte long.
std::pair<char32_t, size_t> DecodeAt(const std::string& text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return {0xFFFD, 1};
  char32_t c = n == 1 ? b : b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next >> 6) != 2) return {0xFFFD, 1};
    c = (c << 6) | (next & 0x3F);
  }
  return {c, n};
}

// Whether `word`, followed by an apostrophe, is a French elided article,
// pronoun or conjunction (l'État, d'exploitation, qu'il, jusqu'à): dropped,
// so that "l'exploitation" looks for "exploitation" as the reader means.
bool ElidedWord(std::string word) {
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> kElided = {
      "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  return kElided.count(word) > 0;
}

}  // namespace

std::vector<std::string> FtsPhrases(const std::string& text) {
  std::vector<std::string> terms;
  std::string word, phrase;
  bool in_phrase = false, word_searchable = false, phrase_searchable = false;
  auto add = [&](std::string term) {
    if (terms.size() < kMaxSearchWords) terms.push_back("\"" + term + "\"");
  };
  auto end_word = [&] {
    if (word.empty()) return;
    if (in_phrase) {
      phrase += (phrase.empty() ? "" : " ") + word;
      phrase_searchable = phrase_searchable || word_searchable;
    } else if (word_searchable) {
      add(word);
    }
    word.clear();
    word_searchable = false;
  };
  auto end_phrase = [&] {
    if (in_phrase && phrase_searchable) add(phrase);
    phrase.clear();
    phrase_searchable = false;
  };
  for (size_t i = 0; i < text.size();) {
    const auto [c, n] = DecodeAt(text, i);
    if (c == '"') {
      end_word();
      end_phrase();
      in_phrase = !in_phrase;
    } else if ((c == '\'' || c == U'\u2019') && ElidedWord(word)) {
      word.clear();
      word_searchable = false;
    } else if (c < 0x80 ? std::isalnum(static_cast<int>(c)) != 0 : !SeparatorCodePoint(c)) {
      word.append(text, i, n);
      word_searchable = word_searchable || LetterCodePoint(c);
    } else {
      end_word();
    }
    i += n;
  }
  end_word();
  end_phrase();
  return terms;
}

std::string FtsQuery(const std::string& text) {
  std::string q;
  for (const std::string& t : FtsPhrases(text)) q += (q.empty() ? "" : " ") + t;
  return q;
}

void SqlHubRepository::InsertDocument(HubDocument& d) {
  const std::string meta = ToJson(d.meta).dump(), created = ToIso(d.created_at),
                    updated = ToIso(d.updated_at), resources = Key(d.meta.resources),
                    companies = Key(CompanyNames(d.meta)), categories = "|";
  const int year = SignatureYear(d.meta), confidential = d.meta.confidential ? 1 : 0,
            ocr = d.ocr ? 1 : 0;
  sql_ << "INSERT INTO hub_documents (id, ocid, kind, title, country, contract_type, "
          "document_type, language, year, resources_key, companies_key, categories_key, "
          "parent_id, status, confidential, meta_json, file_sha256, file_name, page_count, ocr, "
          "created_by, created_at, updated_at, version) VALUES (:id, :ocid, :kind, :title, "
          ":country, :ct, :dt, :lang, :year, :res, :comp, :cat, :parent, :status, :conf, :meta, "
          ":sha, :fname, :pages, :ocr, :by, :created, :updated, :version)",
      soci::use(d.id), soci::use(d.ocid), soci::use(d.meta.kind), soci::use(d.meta.title),
      soci::use(d.meta.country), soci::use(d.meta.contract_type), soci::use(d.meta.document_type),
      soci::use(d.meta.language), soci::use(year), soci::use(resources), soci::use(companies),
      soci::use(categories), soci::use(d.meta.parent_id), soci::use(d.status),
      soci::use(confidential), soci::use(meta), soci::use(d.file_sha256), soci::use(d.file_name),
      soci::use(d.page_count), soci::use(ocr), soci::use(d.created_by), soci::use(created),
      soci::use(updated), soci::use(d.version);
  long long seq = 0;
  sql_ << "SELECT seq FROM hub_documents WHERE id = :id", soci::into(seq), soci::use(d.id);
  d.seq = seq;
  Reindex(d.id, PageStems::kRedo);
}

std::optional<HubDocument> SqlHubRepository::FindDocument(const std::string& id) {
  return SelectFirst(sql_, std::string(kDocumentColumns) + "WHERE id = :v", id, DocumentFromRow);
}

std::optional<HubDocument> SqlHubRepository::FindDocumentByFile(const std::string& sha256) {
  return SelectFirst(sql_,
                     std::string(kDocumentColumns) + "WHERE file_sha256 = :v ORDER BY seq LIMIT 1",
                     sha256, DocumentFromRow);
}

bool SqlHubRepository::UpdateDocument(const HubDocument& d, int expected_version) {
  const std::string meta = ToJson(d.meta).dump(), updated = ToIso(d.updated_at),
                    resources = Key(d.meta.resources), companies = Key(CompanyNames(d.meta));
  const int year = SignatureYear(d.meta), confidential = d.meta.confidential ? 1 : 0,
            ocr = d.ocr ? 1 : 0;
  soci::statement st =
      (sql_.prepare << "UPDATE hub_documents SET ocid = :ocid, kind = :kind, title = :title, "
                       "country = :country, contract_type = :ct, document_type = :dt, "
                       "language = :lang, year = :year, resources_key = :res, "
                       "companies_key = :comp, parent_id = :parent, status = :status, "
                       "confidential = :conf, meta_json = :meta, file_sha256 = :sha, "
                       "file_name = :fname, page_count = :pages, ocr = :ocr, "
                       "updated_at = :updated, version = :version WHERE id = :id AND version = "
                       ":expected",
       soci::use(d.ocid), soci::use(d.meta.kind), soci::use(d.meta.title),
       soci::use(d.meta.country), soci::use(d.meta.contract_type), soci::use(d.meta.document_type),
       soci::use(d.meta.language), soci::use(year), soci::use(resources), soci::use(companies),
       soci::use(d.meta.parent_id), soci::use(d.status), soci::use(confidential), soci::use(meta),
       soci::use(d.file_sha256), soci::use(d.file_name), soci::use(d.page_count), soci::use(ocr),
       soci::use(updated), soci::use(d.version), soci::use(d.id), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  Reindex(d.id, PageStems::kRedo);
  return true;
}

std::vector<HubDocument> SqlHubRepository::Children(const std::string& id) {
  return SelectRows(sql_, std::string(kDocumentColumns) + "WHERE parent_id = :v ORDER BY year, seq",
                    id, DocumentFromRow);
}

std::vector<HubDocument> SqlHubRepository::Documents() {
  std::vector<HubDocument> out;
  soci::rowset<soci::row> rows = (sql_.prepare << std::string(kDocumentColumns) + "ORDER BY seq");
  for (const soci::row& row : rows) out.push_back(DocumentFromRow(row));
  return out;
}

void SqlHubRepository::InsertStatusChange(const std::string& id, const std::string& from,
                                          const std::string& to, const std::string& actor,
                                          const std::string& reason, Instant at) {
  const std::string when = ToIso(at);
  sql_ << "INSERT INTO hub_status_changes (document_id, from_status, to_status, actor, reason, "
          "at) VALUES (:d, :f, :t, :a, :r, :at)",
      soci::use(id), soci::use(from), soci::use(to), soci::use(actor), soci::use(reason),
      soci::use(when);
}

std::vector<HubRepository::StatusChange> SqlHubRepository::StatusHistory(const std::string& id) {
  std::vector<StatusChange> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT from_status, to_status, actor, reason, at FROM hub_status_changes "
                       "WHERE document_id = :d ORDER BY " +
                           std::string(IsPostgresql(sql_) ? "seq" : "rowid"),
       soci::use(id));
  for (const soci::row& row : rows) {
    out.push_back({Text(row, 0), Text(row, 1), Text(row, 2), Text(row, 3),
                   ParseIso(Text(row, 4)).value_or(Instant{})});
  }
  return out;
}

void SqlHubRepository::ReplacePages(const HubDocument& d, const std::vector<HubPage>& pages) {
  const bool pg = IsPostgresql(sql_);
  // External-content FTS5: the old texts leave the index before the rows go.
  if (!pg) {
    sql_ << "INSERT INTO hub_page_fts (hub_page_fts, rowid, text) SELECT 'delete', id, text FROM "
            "hub_pages WHERE document_id = :d",
        soci::use(d.id);
  }
  sql_ << "DELETE FROM hub_pages WHERE document_id = :d", soci::use(d.id);
  for (const HubPage& p : pages) {
    const long long id = d.seq * kPagesPerDocument + p.number;
    sql_ << "INSERT INTO hub_pages (id, document_id, number, text, quality, source, edited_by) "
            "VALUES (:id, :d, :n, :t, :q, :s, :by)",
        soci::use(id), soci::use(d.id), soci::use(p.number), soci::use(p.text),
        soci::use(p.quality), soci::use(p.source), soci::use(p.edited_by);
  }
  if (!pg) {
    sql_ << "INSERT INTO hub_page_fts (rowid, text) SELECT id, text FROM hub_pages WHERE "
            "document_id = :d",
        soci::use(d.id);
  }
  Reindex(d.id, PageStems::kRedo);
}

std::vector<HubPage> SqlHubRepository::Pages(const std::string& id) {
  std::vector<HubPage> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT number, text, quality, source, edited_by FROM hub_pages WHERE "
                       "document_id = :d ORDER BY number",
       soci::use(id));
  for (const soci::row& row : rows) {
    out.push_back({static_cast<int>(Integer(row, 0)), Text(row, 1), Text(row, 2), Text(row, 3),
                   Text(row, 4)});
  }
  return out;
}

std::optional<HubPage> SqlHubRepository::Page(const std::string& id, int number) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT number, text, quality, source, edited_by FROM hub_pages WHERE "
                       "document_id = :d AND number = :n",
       soci::use(id), soci::use(number));
  for (const soci::row& row : rows) {
    return HubPage{static_cast<int>(Integer(row, 0)), Text(row, 1), Text(row, 2), Text(row, 3),
                   Text(row, 4)};
  }
  return std::nullopt;
}

void SqlHubRepository::UpdatePage(const HubDocument& d, const HubPage& p) {
  const long long id = d.seq * kPagesPerDocument + p.number;
  const bool pg = IsPostgresql(sql_);
  if (!pg) {
    sql_ << "INSERT INTO hub_page_fts (hub_page_fts, rowid, text) SELECT 'delete', id, text FROM "
            "hub_pages WHERE id = :id",
        soci::use(id);
  }
  sql_ << "UPDATE hub_pages SET text = :t, quality = :q, source = :s, edited_by = :by WHERE id = "
          ":id",
      soci::use(p.text), soci::use(p.quality), soci::use(p.source), soci::use(p.edited_by),
      soci::use(id);
  if (!pg) {
    sql_ << "INSERT INTO hub_page_fts (rowid, text) VALUES (:id, :t)", soci::use(id),
        soci::use(p.text);
  }
  Reindex(d.id, PageStems::kRedo);
}

namespace {

constexpr const char* kAnnotationColumns =
    "SELECT id, document_id, category, summary, language, pages_json, article, "
    "translations_json, status, created_by, reviewed_by, created_at, updated_at, version FROM "
    "hub_annotations ";

Annotation AnnotationFromRow(const soci::row& row) {
  Annotation a;
  a.id = Text(row, 0);
  a.document_id = Text(row, 1);
  a.category = Text(row, 2);
  a.summary = Text(row, 3);
  a.language = Text(row, 4);
  const auto pages = nlohmann::json::parse(Text(row, 5), nullptr, false);
  if (pages.is_array()) {
    for (const auto& p : pages) {
      if (p.is_number_integer()) a.pages.push_back(p.get<int>());
    }
  }
  a.article = Text(row, 6);
  const auto translations = nlohmann::json::parse(Text(row, 7), nullptr, false);
  if (translations.is_array()) {
    for (const auto& t : translations) {
      if (t.is_object()) {
        a.translations.emplace_back(t.value("language", ""), t.value("summary", ""));
      }
    }
  }
  a.status = Text(row, 8);
  a.created_by = Text(row, 9);
  a.reviewed_by = Text(row, 10);
  a.created_at = ParseIso(Text(row, 11)).value_or(Instant{});
  a.updated_at = ParseIso(Text(row, 12)).value_or(Instant{});
  a.version = static_cast<int>(Integer(row, 13));
  return a;
}

}  // namespace

void SqlHubRepository::InsertAnnotation(const Annotation& a) {
  const nlohmann::json j = ToJson(a);
  const std::string pages = j["pages"].dump(), translations = j["translations"].dump(),
                    created = ToIso(a.created_at), updated = ToIso(a.updated_at);
  sql_ << "INSERT INTO hub_annotations (id, document_id, category, summary, language, "
          "pages_json, article, translations_json, status, created_by, reviewed_by, created_at, "
          "updated_at, version) VALUES (:id, :d, :c, :s, :l, :p, :a, :t, :st, :by, :rb, :ca, "
          ":ua, :v)",
      soci::use(a.id), soci::use(a.document_id), soci::use(a.category), soci::use(a.summary),
      soci::use(a.language), soci::use(pages), soci::use(a.article), soci::use(translations),
      soci::use(a.status), soci::use(a.created_by), soci::use(a.reviewed_by), soci::use(created),
      soci::use(updated), soci::use(a.version);
  Reindex(a.document_id, PageStems::kKeep);
}

bool SqlHubRepository::UpdateAnnotation(const Annotation& a, int expected_version) {
  const nlohmann::json j = ToJson(a);
  const std::string pages = j["pages"].dump(), translations = j["translations"].dump(),
                    updated = ToIso(a.updated_at);
  soci::statement st =
      (sql_.prepare << "UPDATE hub_annotations SET category = :c, summary = :s, language = :l, "
                       "pages_json = :p, article = :a, translations_json = :t, status = :st, "
                       "reviewed_by = :rb, updated_at = :ua, version = :v WHERE id = :id AND "
                       "version = :expected",
       soci::use(a.category), soci::use(a.summary), soci::use(a.language), soci::use(pages),
       soci::use(a.article), soci::use(translations), soci::use(a.status), soci::use(a.reviewed_by),
       soci::use(updated), soci::use(a.version), soci::use(a.id), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  Reindex(a.document_id, PageStems::kKeep);
  return true;
}

void SqlHubRepository::DeleteAnnotation(const std::string& id) {
  const auto a = FindAnnotation(id);
  if (!a) return;
  sql_ << "DELETE FROM hub_annotations WHERE id = :id", soci::use(id);
  Reindex(a->document_id, PageStems::kKeep);
}

std::optional<Annotation> SqlHubRepository::FindAnnotation(const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kAnnotationColumns) + "WHERE id = :id", soci::use(id));
  for (const soci::row& row : rows) return AnnotationFromRow(row);
  return std::nullopt;
}

std::vector<Annotation> SqlHubRepository::Annotations(const std::string& document_id) {
  std::vector<Annotation> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kAnnotationColumns) +
                           "WHERE document_id = :d ORDER BY created_at, id",
       soci::use(document_id));
  for (const soci::row& row : rows) out.push_back(AnnotationFromRow(row));
  return out;
}

long long SqlHubRepository::RebuildSearchIndex() {
  if (!IsPostgresql(sql_)) sql_ << "INSERT INTO hub_page_fts (hub_page_fts) VALUES ('rebuild')";
  std::vector<std::string> ids;
  soci::rowset<std::string> rows = (sql_.prepare << "SELECT id FROM hub_documents ORDER BY seq");
  for (const std::string& id : rows) ids.push_back(id);
  for (const std::string& id : ids) Reindex(id, PageStems::kRedo);
  return static_cast<long long>(ids.size());
}

void SqlHubRepository::Reindex(const std::string& id, PageStems pages) {
  const auto d = FindDocument(id);
  if (!d) return;
  std::string annotations;
  std::set<std::string> categories;
  for (const Annotation& a : Annotations(id)) {
    // Drafts are the Support Unit's work in progress: the index, which
    // answers the public too, holds reviewed annotations only.
    if (a.status != "reviewed") continue;
    const AnnotationCategory* c = FindCategory(a.category);
    annotations += (c ? c->label : a.category) + " " + a.summary + " " + a.article + "\n";
    for (const auto& [lang, text] : a.translations) annotations += text + "\n";
    categories.insert(a.category);
  }
  std::string body;
  soci::rowset<std::string> texts =
      (sql_.prepare << "SELECT text FROM hub_pages WHERE document_id = :d ORDER BY number",
       soci::use(id));
  for (const std::string& t : texts) body += t + "\n";
  const std::string meta = MetaText(d->meta),
                    categories_key = Key({categories.begin(), categories.end()});
  sql_ << "UPDATE hub_documents SET categories_key = :k WHERE id = :id", soci::use(categories_key),
      soci::use(id);
  if (IsPostgresql(sql_)) {
    // The same four fields as FTS5's columns, weighted as Search ranks them,
    // stemmed in the document's language, as are its pages (migration 019).
    sql_ << "UPDATE hub_documents SET search = "
            "setweight(hub_search_vector(language, :t), 'A') || "
            "setweight(hub_search_vector(language, :m), 'B') || "
            "setweight(hub_search_vector(language, :a), 'C') || "
            "setweight(hub_search_vector(language, :b), 'D') WHERE id = :id",
        soci::use(d->meta.title), soci::use(meta), soci::use(annotations), soci::use(body),
        soci::use(id);
    if (pages == PageStems::kKeep) return;
    sql_ << "UPDATE hub_pages SET search = hub_search_vector(d.language, hub_pages.text) FROM "
            "hub_documents d WHERE d.id = hub_pages.document_id AND hub_pages.document_id = :d",
        soci::use(id);
    return;
  }
  sql_ << "DELETE FROM hub_fts WHERE rowid = :seq", soci::use(d->seq);
  sql_ << "INSERT INTO hub_fts (rowid, title, meta, annotations, body) VALUES (:seq, :t, :m, :a, "
          ":b)",
      soci::use(d->seq), soci::use(d->meta.title), soci::use(meta), soci::use(annotations),
      soci::use(body);
}

std::string SqlHubRepository::IdfArguments(const std::string& text) {
  // Pages of one document are ranked with the corpus' document frequencies:
  // only the words' relative weight matters there, and counting over every
  // page of the hub would cost more than the search itself.
  long long documents = 0;
  sql_ << "SELECT count(*) FROM hub_documents", soci::into(documents);
  std::string out;
  for (const std::string& phrase : FtsPhrases(text)) {
    long long holding = 0;
    sql_ << "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH :p", soci::use(phrase),
        soci::into(holding);
    char idf[32];
    std::snprintf(idf, sizeof idf, ", %.17g", Idf(documents, holding));
    out += idf;
  }
  return out;
}

HubResults SqlHubRepository::Search(const HubQuery& q) {
  const std::string fts = FtsQuery(q.text);
  const bool pg = IsPostgresql(sql_);
  std::vector<std::string> values;
  auto bound = [&](const std::string& v) {
    values.push_back(v);
    return ":v" + std::to_string(values.size() - 1);
  };
  // BM25 weighted 8/4/3/1 (title, metadata, annotations, body); on
  // PostgreSQL ts_rank with the same weights (D, C, B, A), negated so that
  // lower is better on both backends.
  const std::string idfs = fts.empty() || pg ? "" : IdfArguments(q.text);
  const std::string rank = fts.empty() ? "0.0"
                           : pg        ? "-ts_rank('{0.125, 0.375, 0.5, 1.0}', d.search, query)"
                                       : "hub_rank(hub_fts, 8.0, 4.0, 3.0, 1.0" + idfs + ")";
  std::string sql =
      "SELECT d.seq, d.id, " + rank +
      ", d.country, d.resources_key, d.contract_type, d.document_type, d.year, d.language, "
      "d.companies_key, d.categories_key, d.title FROM ";
  // With a selective filter, start from the documents passing it and look
  // each up in the index by rowid: ranking every match of common words first
  // costs a BM25 per document of the corpus (ADR 007).
  const bool selective = !q.country.empty() || !q.contract_type.empty() || q.year ||
                         !q.resource.empty() || !q.company.empty() || !q.category.empty();
  if (fts.empty()) {
    sql += "hub_documents d WHERE 1 = 1";
  } else if (pg) {
    sql += "hub_documents d, hub_search_query(" + bound(fts) + ") query WHERE d.search @@ query";
  } else if (selective) {
    sql += "hub_documents d CROSS JOIN hub_fts ON hub_fts.rowid = d.seq WHERE hub_fts MATCH " +
           bound(fts);
  } else {
    sql +=
        "hub_fts JOIN hub_documents d ON d.seq = hub_fts.rowid WHERE hub_fts MATCH " + bound(fts);
  }
  // Conditions are fixed texts; every value is bound.
  // Unary + keeps the planner off the status index, which every public
  // document shares, so that a selective filter's index is used instead.
  if (q.public_only) {
    sql += pg ? " AND d.status = 'published' AND d.confidential = 0"
              : " AND +d.status = 'published' AND +d.confidential = 0";
  }
  if (!q.status.empty()) sql += " AND d.status = " + bound(q.status);
  if (!q.kind.empty()) sql += " AND d.kind = " + bound(q.kind);
  if (!q.country.empty()) sql += " AND d.country = " + bound(q.country);
  if (!q.contract_type.empty()) sql += " AND d.contract_type = " + bound(q.contract_type);
  if (!q.document_type.empty()) sql += " AND d.document_type = " + bound(q.document_type);
  if (!q.language.empty()) sql += " AND d.language = " + bound(q.language);
  if (q.year) sql += " AND d.year = " + bound(std::to_string(q.year));
  if (!q.resource.empty()) sql += " AND d.resources_key LIKE " + bound("%|" + q.resource + "|%");
  if (!q.category.empty()) {
    sql += " AND d.categories_key LIKE " + bound("%|" + LikeEscaped(q.category) + "|%") +
           " ESCAPE '\\'";
  }
  if (!q.company.empty()) {
    // Any case: SQLite's LIKE ignores ASCII case, PostgreSQL's needs ILIKE.
    sql += std::string(pg ? " AND d.companies_key ILIKE " : " AND d.companies_key LIKE ") +
           bound("%" + LikeEscaped(q.company) + "%") + " ESCAPE '\\'";
  }
  struct Match {
    long long seq;
    std::string id;
    double score;
    int year;
    std::string title;
  };
  std::vector<Match> matches;
  std::map<std::string, std::map<std::string, int>> counts;
  soci::statement st = sql_.prepare << sql;
  soci::row row;
  st.exchange(soci::into(row));
  for (const std::string& v : values) st.exchange(soci::use(v));
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      const int year = static_cast<int>(Integer(row, 7));
      matches.push_back({Integer(row, 0), Text(row, 1), Real(row, 2), year, Text(row, 11)});
      Bump(counts["country"], Text(row, 3));
      for (const std::string& r : Unkey(Text(row, 4))) Bump(counts["resource"], r);
      Bump(counts["contract_type"], Text(row, 5));
      Bump(counts["document_type"], Text(row, 6));
      if (year) Bump(counts["year"], std::to_string(year));
      Bump(counts["language"], Text(row, 8));
      for (const std::string& c : Unkey(Text(row, 9))) Bump(counts["company"], c);
      for (const std::string& c : Unkey(Text(row, 10))) Bump(counts["category"], c);
    } while (st.fetch());
  }
  HubResults out;
  out.total = static_cast<int>(matches.size());
  for (const char* facet : {"country", "resource", "contract_type", "document_type", "year",
                            "language", "company", "category"}) {
    out.facets[facet] = Sorted(counts[facet], 50);
  }
  // Best first; without words, the newest signature first, then by title.
  std::stable_sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
    if (!fts.empty() && a.score != b.score) return a.score < b.score;
    if (fts.empty() && a.year != b.year) return a.year > b.year;
    return a.title < b.title;
  });
  const size_t from = std::min(matches.size(), static_cast<size_t>(std::max(q.offset, 0)));
  const size_t to =
      q.limit > 0 ? std::min(matches.size(), from + static_cast<size_t>(q.limit)) : matches.size();
  for (size_t i = from; i < to; ++i) {
    HubHit hit{matches[i].id, matches[i].score, 0, {}};
    if (!fts.empty() && q.limit > 0) {
      // The best page of this document: its pages are one rowid range.
      const long long lo = matches[i].seq * kPagesPerDocument;
      for (PageHit& best : BestPages(lo, fts, idfs, 16, 1)) {
        hit.page = best.page;
        hit.snippet = std::move(best.snippet);
      }
    }
    out.hits.push_back(std::move(hit));
  }
  return out;
}

std::vector<PageHit> SqlHubRepository::SearchPages(const HubDocument& d, const std::string& text,
                                                   int limit) {
  const std::string fts = FtsQuery(text);
  if (fts.empty()) return {};
  return BestPages(d.seq * kPagesPerDocument, fts, IsPostgresql(sql_) ? "" : IdfArguments(text), 24,
                   limit);
}

std::vector<PageHit> SqlHubRepository::BestPages(long long lo, const std::string& fts,
                                                 const std::string& idfs, int words, int limit) {
  const long long hi = lo + kPagesPerDocument - 1;
  // Both mark matches with \x02 ... \x03, which Parts() reads.
  const std::string sql =
      IsPostgresql(sql_)
          ? "SELECT p.id, ts_headline(hub_search_config(d.language), p.text, query, "
            "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MinWords=" +
                std::to_string(words / 2) + ", MaxWords=" + std::to_string(words) +
                "'), ts_rank(p.search, query) AS r FROM hub_pages p JOIN hub_documents d ON d.id = "
                "p.document_id, hub_search_query(:q) query WHERE p.search @@ query AND p.id "
                "BETWEEN :lo AND :hi ORDER BY r DESC, p.id LIMIT :n"
          : "SELECT rowid, snippet(hub_page_fts, 0, char(2), char(3), '…', " +
                std::to_string(words) + "), hub_rank(hub_page_fts, 1.0" + idfs +
                ") AS r FROM hub_page_fts WHERE hub_page_fts MATCH :q AND rowid BETWEEN :lo AND "
                ":hi ORDER BY r LIMIT :n";
  std::vector<PageHit> out;
  soci::rowset<soci::row> pages =
      (sql_.prepare << sql, soci::use(fts), soci::use(lo), soci::use(hi), soci::use(limit));
  for (const soci::row& p : pages) {
    out.push_back({static_cast<int>(Integer(p, 0) - lo), Parts(Text(p, 1))});
  }
  return out;
}

}  // namespace connex::store
