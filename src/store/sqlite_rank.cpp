#include "store/sqlite_rank.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <cmath>
#include <vector>

namespace connex::store {

namespace {

// SOCI declares SQLite's API inside this namespace.
using namespace sqlite_api;

void HubRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc,
             sqlite3_value** argv) {
  const int columns = api->xColumnCount(fts);
  const int phrases = api->xPhraseCount(fts);
  if (argc != columns + phrases) {
    sqlite3_result_error(out, "hub_rank: one weight per column and one idf per phrase", -1);
    return;
  }
  std::vector<double> frequency(static_cast<size_t>(phrases), 0.0);
  int instances = 0;
  if (api->xInstCount(fts, &instances) != SQLITE_OK) {
    sqlite3_result_error(out, "hub_rank: cannot read the matches", -1);
    return;
  }
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) continue;
    frequency[static_cast<size_t>(phrase)] += sqlite3_value_double(argv[column]);
  }
  sqlite3_int64 rows = 0, total = 0;
  int length = 0;
  api->xRowCount(fts, &rows);
  api->xColumnTotalSize(fts, -1, &total);
  api->xColumnSize(fts, -1, &length);
  const double average = rows > 0 ? static_cast<double>(total) / static_cast<double>(rows) : 1.0;
  const double k1 = 1.2, b = 0.75;
  const double norm = k1 * (1 - b + b * length / (average > 0 ? average : 1.0));
  double score = 0;
  for (int i = 0; i < phrases; ++i) {
    const double f = frequency[static_cast<size_t>(i)];
    score += sqlite3_value_double(argv[columns + i]) * (f * (k1 + 1.0)) / (f + norm);
  }
  sqlite3_result_double(out, -score);
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

}  // namespace

bool RegisterHubRank(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  fts5_api* api = backend ? Fts5Api(backend->conn_) : nullptr;
  if (!api) return false;
  return api->xCreateFunction(api, "hub_rank", nullptr, &HubRank, nullptr) == SQLITE_OK;
}

double Idf(std::int64_t documents, std::int64_t holding) {
  const double idf = std::log((static_cast<double>(documents - holding) + 0.5) /
                              (static_cast<double>(holding) + 0.5));
  return idf > 0 ? idf : 1e-6;
}

}  // namespace connex::store
