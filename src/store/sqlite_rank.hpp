// hub_rank(hub_fts, w1..wC, idf1..idfP): FTS5's BM25 (k1 = 1.2, b = 0.75,
// column weights w, scores negative so that ORDER BY ascending is best
// first), with each phrase's inverse document frequency given by the caller.
// FTS5's own bm25() counts the documents holding each phrase by reading all
// of their position lists on every query, ~50 ms for a common word over
// 10,000 contracts; the caller counts them with a plain MATCH instead (ADR 007).
//
// Thread-safety: registered once per connection, before it is shared.
#pragma once

#include <soci/soci.h>

#include <cstdint>

namespace connex::store {

// Registers hub_rank on the SQLite connection of `sql`; false when FTS5 is missing.
bool RegisterHubRank(soci::session& sql);

// The idf FTS5's bm25 uses: log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
double Idf(std::int64_t documents, std::int64_t holding);

}  // namespace connex::store
