// The generated corpus of the hub benchmarks and of `make bench`'s load
// runs: published documents of contract prose (a Zipf-like law over common
// contract words and a long tail of rarer terms), with country, commodity,
// contract type, year and company spread over the codelists. Seeded: every
// run builds the same corpus.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace connex::bench {

// The twenty countries the documents are spread over.
extern const std::vector<std::string> kCorpusCountries;

// Adds `documents` published documents of `pages` pages of about 600 bytes
// (ids hub_bench_0, hub_bench_1, ...), 200 to a transaction.
void AddGeneratedDocuments(store::Database& db, int documents, int pages);

}  // namespace connex::bench
