#include "hub_corpus.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "domain/hub/hub_document.hpp"
#include "domain/shared/vocabulary.hpp"
#include "store/sql_stores.hpp"

namespace connex::bench {

using namespace connex::domain;

namespace {

// Words of contract prose with a long tail of rarer terms, drawn with a
// Zipf-like law so that common words are common and query words are not all rare.
class Prose {
 public:
  explicit Prose(std::mt19937& rng) : rng_(rng) {
    words_ = {"the",         "shall",       "of",
              "and",         "to",          "company",
              "state",       "royalty",     "tax",
              "rate",        "revenue",     "gross",
              "mining",      "licence",     "area",
              "term",        "years",       "per",
              "cent",        "agreement",   "production",
              "costs",       "income",      "stability",
              "arbitration", "local",       "content",
              "training",    "environment", "community",
              "payment",     "dividend",    "participation",
              "interest",    "export",      "duty",
              "reporting",   "audit",       "termination",
              "renewal",     "exploration", "development"};
    for (int i = 0; i < 5000; ++i) words_.push_back("term" + std::to_string(i));
  }
  std::string Page(size_t bytes) {
    std::string out;
    std::uniform_real_distribution<double> u(0, 1);
    while (out.size() < bytes) {
      // Zipf-ish: index ~ n^u^2 favours the first (common) words.
      const double x = u(rng_);
      const size_t i = static_cast<size_t>(std::pow(static_cast<double>(words_.size()), x * x)) - 1;
      out += words_[std::min(i, words_.size() - 1)];
      out += out.size() % 97 < 8 ? ". " : " ";
    }
    return out;
  }

 private:
  std::mt19937& rng_;
  std::vector<std::string> words_;
};

}  // namespace

const std::vector<std::string> kCorpusCountries = {"GHA", "SEN", "GIN", "ZMB", "COD", "TZA", "MOZ",
                                                   "MLI", "BFA", "NER", "CIV", "LBR", "SLE", "KEN",
                                                   "UGA", "MNG", "PNG", "PER", "BOL", "COL"};

void AddGeneratedDocuments(store::Database& db, int documents, int pages) {
  std::mt19937 rng(7);
  Prose prose(rng);
  const int batch = 200;
  for (int first = 0; first < documents; first += batch) {
    (void)store::WriteStores(db, [&](Stores& s) -> Result<Done> {
      for (int i = first; i < first + batch; ++i) {
        HubDocument d;
        d.id = "hub_bench_" + std::to_string(i);
        d.status = "published";
        d.meta.title = "Convention " + std::to_string(i) + " " + prose.Page(40);
        d.meta.country = kCorpusCountries[static_cast<size_t>(i) % kCorpusCountries.size()];
        d.meta.resources = {kCommodities[static_cast<size_t>(i / 3) % 8]};
        d.meta.contract_type = kContractTypes[static_cast<size_t>(i / 7) % 6];
        d.meta.signature_date = std::to_string(1995 + i % 30) + "-06-01";
        d.meta.companies = {{"Company " + std::to_string(i % 700) + " Ltd", 100, "", "", "", true}};
        s.hub.InsertDocument(d);
        std::vector<HubPage> text;
        for (int p = 1; p <= pages; ++p)
          text.push_back({p, prose.Page(600), "acceptable", "text", ""});
        d.page_count = pages;
        s.hub.ReplacePages(d, text);
      }
      return Done{};
    });
  }
}

}  // namespace connex::bench
