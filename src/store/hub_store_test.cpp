// The hub's storage and search on every backend (SQLite FTS5, PostgreSQL
// tsvector): ranking on a small corpus whose order is known, snippets with
// page numbers, filters, facet counts, and what the public never sees; and
// SQLite's own BM25 reimplementation.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/hub/hub_service.hpp"
#include "store/sql_hub_repository.hpp"
#include "store/sql_rows.hpp"
#include "store/sql_stores.hpp"
#include "store/sqlite_rank.hpp"
#include "store/store_fixture.hpp"

namespace connex::store {
namespace {

using namespace domain;

template <typename Base>
class HubFixture : public Base {
 protected:
  // Adds a document with `pages` of text, in `status`.
  std::string Add(const std::string& title, const std::string& country,
                  std::vector<std::string> resources, const std::vector<std::string>& pages,
                  const std::string& status = "published", bool confidential = false,
                  const std::string& company = "") {
    auto r = WriteStores(*this->db_, [&](Stores& s) -> Result<std::string> {
      HubDocument d;
      d.id = NewId("hub");
      d.meta.title = title;
      d.meta.country = country;
      d.meta.resources = std::move(resources);
      d.meta.contract_type = "mining_convention";
      d.meta.language = language_;
      d.meta.signature_date = "2019-06-30";
      d.meta.confidential = confidential;
      if (!company.empty()) d.meta.companies.push_back({company, 100, "", "", "", true});
      d.status = status;
      s.hub.InsertDocument(d);
      std::vector<HubPage> ps;
      for (size_t i = 0; i < pages.size(); ++i) {
        ps.push_back({static_cast<int>(i + 1), pages[i], "acceptable", "text", ""});
      }
      d.page_count = static_cast<int>(ps.size());
      s.hub.ReplacePages(d, ps);
      return d.id;
    });
    return *r;
  }
  // Found for `text`, published documents only.
  std::vector<std::string> Found(const std::string& text) {
    HubQuery q;
    q.text = text;
    return Ids(Find(q));
  }
  std::string language_ = "en";  // of the documents Add makes
  HubResults Find(HubQuery q) {
    return *ReadStores(*this->db_,
                       [&](Stores& s) -> Result<HubResults> { return s.hub.Search(q); });
  }
  static std::vector<std::string> Ids(const HubResults& r) {
    std::vector<std::string> out;
    for (const HubHit& h : r.hits) out.push_back(h.id);
    return out;
  }
  static int Count(const HubResults& r, const std::string& facet, const std::string& value) {
    for (const FacetCount& c : r.facets.at(facet)) {
      if (c.value == value) return c.count;
    }
    return 0;
  }
};

using HubStore = HubFixture<Store>;
using SqliteHubStore = HubFixture<SqliteStore>;

const std::string kFiller =
    "The parties agree on the schedule of works, the reporting of production and the "
    "maintenance of the access roads in the licence area. ";

TEST_P(HubStore, RanksTitleThenFrequencyAndFindsThePage) {
  const std::string a = Add("Stabilisation agreement for the Kibali project", "COD", {"gold"},
                            {kFiller + "General terms."});
  const std::string b =
      Add("Mining convention Tarkwa", "GHA", {"gold"},
          {kFiller, kFiller + "Stabilisation: the fiscal stabilisation period is ten years; "
                              "stabilisation covers royalties; stabilisation ends early."});
  const std::string c =
      Add("Exploration licence Simandou", "GIN", {"iron_ore"},
          {kFiller + kFiller + kFiller + kFiller + "A stabilisation clause.", kFiller, kFiller});
  Add("Water use permit", "GHA", {"gold"}, {kFiller});
  const std::string draft = Add("Stabilisation draft", "GHA", {"gold"}, {"stabilisation"}, "draft");
  const std::string secret =
      Add("Stabilisation confidential", "GHA", {"gold"}, {"stabilisation"}, "published", true);

  HubQuery q;
  q.text = "stabilisation";
  const HubResults r = Find(q);
  EXPECT_EQ(Ids(r), (std::vector<std::string>{a, b, c}));
  EXPECT_EQ(r.total, 3);
  // The snippet comes from the best page, with the word marked.
  ASSERT_EQ(r.hits[1].page, 2);
  bool marked = false;
  for (const SnippetPart& part : r.hits[1].snippet) {
    std::string word = part.text;
    std::transform(word.begin(), word.end(), word.begin(), ::tolower);
    marked = marked || (part.hit && word == "stabilisation");
  }
  EXPECT_TRUE(marked) << r.hits[1].snippet.size();
  EXPECT_EQ(r.hits[2].page, 1);
  // The Support Unit also finds drafts and confidential documents.
  q.public_only = false;
  const auto all = Ids(Find(q));
  EXPECT_EQ(all.size(), 5u);
  EXPECT_NE(std::find(all.begin(), all.end(), draft), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), secret), all.end());
}

TEST_P(HubStore, FiltersAndFacetsCountTheMatches) {
  Add("Gold convention one", "GHA", {"gold"}, {"royalty of five percent"}, "published", false,
      "Acme Mining Ltd.");
  Add("Gold and copper convention", "GHA", {"gold", "copper"}, {"royalty of three percent"});
  Add("Copper licence", "ZMB", {"copper"}, {"royalty on copper"});
  Add("Copper licence draft", "ZMB", {"copper"}, {"royalty on copper"}, "draft");

  HubQuery q;
  q.text = "royalty";
  HubResults r = Find(q);
  EXPECT_EQ(r.total, 3);
  EXPECT_EQ(Count(r, "country", "GHA"), 2);
  EXPECT_EQ(Count(r, "country", "ZMB"), 1);
  EXPECT_EQ(Count(r, "resource", "gold"), 2);
  EXPECT_EQ(Count(r, "resource", "copper"), 2);
  EXPECT_EQ(Count(r, "year", "2019"), 3);
  EXPECT_EQ(Count(r, "company", "Acme Mining Ltd."), 1);
  EXPECT_EQ(r.facets.at("country").front().value, "GHA");  // most first

  q.country = "GHA";
  q.resource = "copper";
  r = Find(q);
  ASSERT_EQ(r.total, 1);
  EXPECT_EQ(Count(r, "resource", "gold"), 1);
  q = HubQuery{};
  q.company = "acme";  // any case, part of the name
  EXPECT_EQ(Find(q).total, 1);
  q.company = "100%";  // LIKE wildcards are taken literally
  EXPECT_EQ(Find(q).total, 0);
}

TEST_P(HubStore, ReviewedAnnotationsAreSearchedAndFilterByCategory) {
  const std::string id = Add("Convention with annotations", "SEN", {"gold"}, {kFiller, kFiller});
  Add("Convention without", "SEN", {"gold"}, {kFiller});
  Annotation a;
  a.id = NewId("ann");
  a.document_id = id;
  a.category = "stabilization";
  a.summary = "Fiscal terms are frozen for fifteen years from first production.";
  a.translations = {{"fr", "Les termes fiscaux sont gelés pendant quinze ans."}};
  a.pages = {2};
  WriteStores(*db_, [&](Stores& s) -> Result<Done> {
    s.hub.InsertAnnotation(a);
    return Done{};
  });
  // A draft is not in the index, which answers the public too.
  HubQuery q;
  q.text = "frozen";
  EXPECT_EQ(Find(q).total, 0);
  q.text.clear();
  q.category = "stabilization";
  EXPECT_EQ(Find(q).total, 0);
  q.category.clear();
  WriteStores(*db_, [&](Stores& s) -> Result<Done> {
    a.status = "reviewed";
    a.version = 2;
    EXPECT_TRUE(s.hub.UpdateAnnotation(a, 1));
    return Done{};
  });
  q.text = "frozen";
  EXPECT_EQ(Ids(Find(q)), std::vector<std::string>{id});
  q.text = "geles";  // the French translation, accents ignored
  EXPECT_EQ(Ids(Find(q)), std::vector<std::string>{id});
  q.text.clear();
  q.category = "stabilization";
  const HubResults r = Find(q);
  EXPECT_EQ(Ids(r), std::vector<std::string>{id});
  EXPECT_EQ(Count(r, "category", "stabilization"), 1);
}

TEST_P(HubStore, FindsWordsInTheFourLanguagesWhateverTheirAccentsCaseAndApostrophes) {
  language_ = "es";
  const std::string es = Add("Contrato de exploración de litio", "BOL", {"lithium"},
                             {"El regimen fiscal aplicable a los contratos de exploración."});
  language_ = "fr";
  const std::string fr =
      Add("Convention minière", "SEN", {"gold"},
          {"Les conditions d'exploitation et la stabilité du régime fiscal de l'État."});
  language_ = "pt";
  const std::string pt = Add("Contrato de concessão", "MOZ", {"coal"},
                             {"A tributação do carvão segue a lei de minas."});
  language_ = "en";
  const std::string en =
      Add("Mining lease", "GHA", {"gold"}, {"The royalty is five per cent of gross revenue."});
  auto holds = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  EXPECT_TRUE(holds(Found("régimen fiscal"), es));
  EXPECT_TRUE(holds(Found("REGIMEN FISCAL"), es));
  EXPECT_EQ(Found("l'exploitation"), std::vector<std::string>{fr});
  EXPECT_EQ(Found("L’EXPLOITATION"), std::vector<std::string>{fr});
  EXPECT_EQ(Found("« stabilité »"), std::vector<std::string>{fr});
  EXPECT_EQ(Found("stabilite de l'Etat"), std::vector<std::string>{fr});
  EXPECT_EQ(Found("tributação"), std::vector<std::string>{pt});
  // Stemming: English on both backends; French, Spanish and Portuguese where
  // the backend has their stemmers (PostgreSQL's text search configurations;
  // SQLite's FTS5 has the English Porter stemmer only).
  EXPECT_EQ(Found("royalties"), std::vector<std::string>{en});
  if (GetParam() == Backend::kPostgresql) {
    EXPECT_EQ(Found("tributações"), std::vector<std::string>{pt});
    EXPECT_TRUE(holds(Found("exploraciones"), es));
    EXPECT_TRUE(holds(Found("régimes fiscaux"), fr));
  }
}

TEST_P(HubStore, EditedPagesAreSearchedByTheirNewText) {
  const std::string id = Add("Scanned convention", "MLI", {"gold"}, {"Illegible scan"});
  WriteStores(*db_, [&](Stores& s) -> Result<Done> {
    auto d = s.hub.FindDocument(id);
    s.hub.UpdatePage(*d, {1, "Corrected text about bauxite", "acceptable", "edited", "u1"});
    return Done{};
  });
  HubQuery q;
  q.text = "bauxite";
  EXPECT_EQ(Find(q).total, 1);
  q.text = "illegible";
  EXPECT_EQ(Find(q).total, 0);
}

// A contract's fiscal terms keep their instruments, products, base year and
// citations as written, refuse a stale version, and keep every change.
TEST_P(HubStore, ContractTermsKeepTheirCitationsVersionsAndHistory) {
  const std::string id = Add("Sadiola gold convention", "MLI", {"gold"}, {"Royalty of 6%"});
  auto read = ReadContractTerms(nlohmann::json::parse(R"({
    "terms": {"name": "Sadiola", "instruments": [{"type": "royalty", "product": "gold", "rate": 0.06}]},
    "products": [{"name": "gold", "unit": "oz"}], "base_year": 2019,
    "citations": [{"parameter": "instruments[0].rate", "page": 1, "article": "Art. 9"}]})"));
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  ContractTerms t = *read;
  t.document_id = id;
  t.citations[0].document_id = id;
  t.updated_by = "u1";
  t.version = 1;
  t.created_at = t.updated_at = Instant{std::chrono::seconds(1700000000)};
  WriteStores(*db_, [&](Stores& s) -> Result<Done> {
    s.hub.InsertTerms(t);
    s.hub.InsertTermsChange(id, {1, "saved", "u1", t.updated_at, ToJson(t)});
    return Done{};
  });
  ContractTerms reviewed = t;
  reviewed.status = "reviewed";
  reviewed.reviewed_by = "u2";
  reviewed.version = 2;
  const bool stored = *WriteStores(*db_, [&](Stores& s) -> Result<bool> {
    EXPECT_FALSE(s.hub.UpdateTerms(reviewed, 7));  // stale
    s.hub.InsertTermsChange(
        id, {2, "reviewed", "u2", t.updated_at + std::chrono::seconds(5), ToJson(reviewed)});
    return s.hub.UpdateTerms(reviewed, 1);
  });
  EXPECT_TRUE(stored);
  const auto back = *ReadStores(
      *db_, [&](Stores& s) -> Result<std::optional<ContractTerms>> { return s.hub.FindTerms(id); });
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->status, "reviewed");
  EXPECT_EQ(back->version, 2);
  EXPECT_EQ(back->base_year, 2019);
  EXPECT_EQ(back->terms["instruments"][0]["rate"], 0.06);
  ASSERT_EQ(back->products.size(), 1u);
  EXPECT_EQ(back->products[0].unit, "oz");
  ASSERT_EQ(back->citations.size(), 1u);
  EXPECT_EQ(back->citations[0].document_id, id);
  EXPECT_EQ(back->citations[0].page, 1);
  EXPECT_EQ(back->citations[0].article, "Art. 9");
  const auto history =
      *ReadStores(*db_, [&](Stores& s) -> Result<std::vector<ContractTermsChange>> {
        return s.hub.TermsHistory(id);
      });
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].action, "saved");
  EXPECT_EQ(history[1].action, "reviewed");
  EXPECT_EQ(history[1].snapshot["citations"][0]["article"], "Art. 9");
  const auto all = *ReadStores(
      *db_, [&](Stores& s) -> Result<std::vector<ContractTerms>> { return s.hub.AllTerms(); });
  EXPECT_EQ(all.size(), 1u);
}

TEST(FtsQuery, QuotesWordsAndPhrasesAndDropsOperators) {
  EXPECT_EQ(FtsQuery("royalty rate"), "\"royalty\" \"rate\"");
  EXPECT_EQ(FtsQuery("\"cost recovery\" ceiling"), "\"cost recovery\" \"ceiling\"");
  EXPECT_EQ(FtsQuery("stab* OR NEAR(x) -y"), "\"stab\" \"OR\" \"NEAR\" \"x\" \"y\"");
  EXPECT_EQ(FtsQuery("\"unclosed phrase"), "\"unclosed phrase\"");
  EXPECT_EQ(FtsQuery("*** ()"), "");
  EXPECT_EQ(FtsQuery("redevance minière"), "\"redevance\" \"minière\"");
  // Punctuation and symbols beyond ASCII separate words; alone they are no word.
  EXPECT_EQ(FtsQuery("« stabilité »"), "\"stabilité\"");
  EXPECT_EQ(FtsQuery("royalty €"), "\"royalty\"");
  // French elisions drop the elided word, with either apostrophe.
  EXPECT_EQ(FtsQuery("l’État"), "\"État\"");
  EXPECT_EQ(FtsQuery("L'exploitation d'or"), "\"exploitation\" \"or\"");
  EXPECT_EQ(FtsQuery("\"jusqu'à l'échéance\""), "\"à échéance\"");
  EXPECT_EQ(FtsQuery("company's rights"), "\"company\" \"s\" \"rights\"");
  EXPECT_EQ(FtsQuery("’"), "");
  EXPECT_EQ(FtsQuery("\xF0\x9F\x98\x80 mine"), "\"mine\"");
  EXPECT_EQ(FtsQuery("\"« »\" gold"), "\"gold\"");
  // Bytes that are not UTF-8 are no letters either.
  EXPECT_EQ(FtsQuery("\xFF\xFE"), "");
  std::string many;
  for (int i = 0; i < 200; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(FtsPhrases(many).size(), kMaxSearchWords);
}

// hub_rank with the idf counted by the caller scores exactly as FTS5's bm25.
TEST_F(SqliteHubStore, HubRankScoresAsFts5Bm25) {
  Add("Royalty convention", "GHA", {"gold"}, {"royalty royalty on gross revenue", "tax"});
  Add("Tax agreement", "GHA", {"gold"}, {"income tax at thirty per cent royalty", "gross"});
  Add("Local content", "SEN", {"oil"}, {"training and procurement", "gross royalty of ten"});
  Add("Unrelated", "SEN", {"oil"}, {"arbitration in Paris"});
  auto compared = db_->Read([&](soci::session& sql) -> Result<int> {
    long long documents = 0, royalty = 0, gross = 0;
    sql << "SELECT count(*) FROM hub_documents", soci::into(documents);
    sql << "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH '\"royalty\"'", soci::into(royalty);
    sql << "SELECT count(*) FROM hub_fts WHERE hub_fts MATCH '\"gross\"'", soci::into(gross);
    const double a = Idf(documents, royalty), b = Idf(documents, gross);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT bm25(hub_fts, 8.0, 4.0, 3.0, 1.0), hub_rank(hub_fts, 8.0, 4.0, "
                        "3.0, 1.0, :a, :b) FROM hub_fts WHERE hub_fts MATCH '\"royalty\" "
                        "\"gross\"'",
         soci::use(a), soci::use(b));
    int n = 0;
    for (const soci::row& row : rows) {
      EXPECT_NEAR(Real(row, 0), Real(row, 1), 1e-9);
      EXPECT_LT(Real(row, 1), 0.0);
      ++n;
    }
    return n;
  });
  ASSERT_TRUE(compared.ok());
  EXPECT_EQ(*compared, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, HubStore, ::testing::ValuesIn(TestBackends()), BackendName);

}  // namespace
}  // namespace connex::store
