// CopyDatabase: every row of the embedded database into PostgreSQL, for a
// Support Unit that outgrows the SQLite default (`connex db copy`).
//
// The target gets the PostgreSQL schema from the same migrations, then each
// table in one transaction: referenced tables before the tables that refer to
// them, rows streamed with COPY in the source's insertion order (so identity
// columns the SQLite schema lacks number them as rowid did), identity
// sequences moved past the copied values, and the hub's search vectors built
// from the copied text. A failure leaves the target without a row, ready for
// another attempt. The source is read in one snapshot and never written.
//
// Nothing is dropped silently: a source table or column with no place in the
// target stops the copy before any row is written, and each table's row count
// read is checked against the count PostgreSQL reports.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace connex::store {

struct CopiedTable {
  std::string name;
  long long rows = 0;
};

struct CopyReport {
  std::vector<CopiedTable> tables;  // in the order they were copied
  long long rows = 0;               // all tables
  long long documents_indexed = 0;  // hub documents whose search vectors were built
};

// Called with each table as its rows have gone, then once with "search index".
using CopyProgress = std::function<void(const std::string& step, long long rows)>;

// REQUIRES: `from` is SQLite and `to` PostgreSQL; both at the schema this
// binary knows (the caller applies `from`'s migrations). `to` holds no table,
// or the CONNEX schema that nobody has used (no user, no audit entry).
Result<CopyReport> CopyDatabase(Database& from, Database& to, const CopyProgress& progress);

}  // namespace connex::store
