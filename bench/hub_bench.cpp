// The resource hub: ingestion throughput of text PDFs (pages per second,
// poppler in this process: the server runs the same code in a child), and
// search latency over a generated corpus of 10,000 documents of 50 pages of
// about 600 bytes (~500,000 pages, ~300 MB of text) in SQLite FTS5: a
// two-word query with two filters, and without, p50 and p95 over 400 searches.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "core/crypto.hpp"
#include "hub_corpus.hpp"
#include "ingest/pdf_text.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/sql_stores.hpp"
#include "support/text_pdf.hpp"

namespace {

using namespace connex;
using namespace connex::domain;

// `pages` pages of `lines` lines of contract prose.
std::string TextPdf(int pages, int lines) {
  std::vector<std::vector<std::string>> text(static_cast<size_t>(pages));
  for (int p = 0; p < pages; ++p) {
    for (int l = 0; l < lines; ++l) {
      text[static_cast<size_t>(p)].push_back(
          "Article " + std::to_string(p * lines + l) +
          ". The holder shall pay a royalty on gross revenue at the rate set out in the schedule.");
    }
  }
  return testing::TextPdf(text);
}

void BM_IngestTextPdf(benchmark::State& state) {
  const int pages = static_cast<int>(state.range(0));
  const std::string pdf = TextPdf(pages, 8);  // ~800 bytes of text a page
  for (auto _ : state) {
    auto text = ingest::ExtractPdf(pdf, {});
    if (!text || static_cast<int>(text->pages.size()) != pages) {
      state.SkipWithError("the PDF was not read");
      return;
    }
    benchmark::DoNotOptimize(text);
  }
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IngestTextPdf)->Arg(50)->Unit(benchmark::kMillisecond);

// The corpus, built once per run in a temporary directory, or kept in the
// directory named by CONNEX_HUB_CORPUS and reused by the next run.
struct Corpus {
  std::filesystem::path dir;
  bool keep = false;
  std::unique_ptr<store::Database> db;
  double build_seconds = 0;
  ~Corpus() {
    db.reset();
    if (!keep) std::filesystem::remove_all(dir);
  }
};

Corpus& TheCorpus() {
  static Corpus out;
  if (out.db) return out;
  {
    InitCrypto();
    const char* kept = std::getenv("CONNEX_HUB_CORPUS");
    out.keep = kept != nullptr;
    out.dir = kept
                  ? std::filesystem::path(kept)
                  : std::filesystem::temp_directory_path() / ("connex-hub-bench-" + RandomToken(6));
    const bool reuse = kept && std::filesystem::exists(out.dir / "connex.db");
    std::filesystem::create_directories(out.dir);
    store::UseAuditSeal({*store::ReadOrCreateAuditKey((out.dir / "audit.key").string()),
                         (out.dir / "audit.anchor").string()});
    out.db = std::move(store::Database::OpenSqlite((out.dir / "connex.db").string(), 2)).value();
    (void)store::ApplyMigrations(*out.db);
    if (reuse) return out;
    const auto start = std::chrono::steady_clock::now();
    bench::AddGeneratedDocuments(*out.db, 10000, 50);
    out.build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return out;
}

// 400 searches of two common words, with or without two filters (country
// and contract type); latency percentiles as counters.
void Searches(benchmark::State& state, bool filtered) {
  Corpus& corpus = TheCorpus();
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"royalty", "gross"},   {"stability", "term"},       {"arbitration", "state"},
      {"local", "training"},  {"export", "duty"},          {"dividend", "participation"},
      {"renewal", "licence"}, {"community", "environment"}};
  std::vector<double> ms;
  long long hits = 0;
  for (auto _ : state) {
    for (int i = 0; i < 400; ++i) {
      HubQuery q;
      const auto& words = queries[static_cast<size_t>(i) % queries.size()];
      q.text = words.first + " " + words.second;
      if (filtered) {
        q.country =
            bench::kCorpusCountries[static_cast<size_t>(i * 7) % bench::kCorpusCountries.size()];
        q.contract_type = kContractTypes[static_cast<size_t>(i) % 6];
      }
      const auto start = std::chrono::steady_clock::now();
      auto r = store::ReadStores(*corpus.db,
                                 [&](Stores& s) -> Result<HubResults> { return s.hub.Search(q); });
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      if (r) hits += r->total;
    }
  }
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = ms[ms.size() * 95 / 100];
  state.counters["max_ms"] = ms.back();
  state.counters["matches_per_query"] = static_cast<double>(hits) / static_cast<double>(ms.size());
  state.counters["corpus_build_s"] = corpus.build_seconds;
}

void BM_SearchTwoWordsTwoFilters(benchmark::State& state) { Searches(state, true); }
// The same words with no filter: every match is ranked (a bound for the worst case).
void BM_SearchTwoWordsNoFilter(benchmark::State& state) { Searches(state, false); }
BENCHMARK(BM_SearchTwoWordsTwoFilters)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchTwoWordsNoFilter)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
