#include "store/database_copy.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include "store/migrations.hpp"
#include "store/sql_hub_repository.hpp"

namespace connex::store {

namespace {

// SOCI declares SQLite's API in this namespace (its header includes sqlite3.h).
using namespace sqlite_api;

// Table and column names come from the two catalogs, never from a user; they
// are quoted all the same.
std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

struct TargetColumn {
  std::string name;
  bool bytes = false;        // bytea: the value travels as \x hex
  bool has_default = false;  // may be absent from the source (search vectors, identities)
};

Error CopyError(const std::string& table, const std::string& reason) {
  return Error{ErrorCode::kInvalidInput, reason, table};
}

// The PostgreSQL tables, each after the tables its foreign keys point to
// (name order among equals, so the output reads the same every run).
std::vector<std::string> TablesInDependencyOrder(soci::session& pg) {
  std::map<std::string, std::set<std::string>> needs;
  soci::rowset<std::string> names =
      (pg.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     "current_schema() AND table_type = 'BASE TABLE'");
  for (const std::string& n : names) needs[n];
  soci::rowset<soci::row> refs =
      (pg.prepare << "SELECT a.relname, b.relname FROM pg_constraint c JOIN pg_class a ON a.oid = "
                     "c.conrelid JOIN pg_class b ON b.oid = c.confrelid WHERE c.contype = 'f' AND "
                     "c.connamespace = current_schema()::regnamespace");
  for (const soci::row& r : refs) {
    const std::string from = r.get<std::string>(0), to = r.get<std::string>(1);
    if (from != to) needs[from].insert(to);  // a self-reference is checked per statement
  }
  std::vector<std::string> out;
  while (!needs.empty()) {
    auto ready =
        std::find_if(needs.begin(), needs.end(), [](const auto& n) { return n.second.empty(); });
    if (ready == needs.end()) ready = needs.begin();  // a cycle: name order
    const std::string name = ready->first;
    out.push_back(name);
    needs.erase(ready);
    for (auto& [table, deps] : needs) deps.erase(name);
  }
  return out;
}

std::vector<TargetColumn> TargetColumns(soci::session& pg, const std::string& table) {
  std::vector<TargetColumn> out;
  soci::rowset<soci::row> rows =
      (pg.prepare << "SELECT column_name, data_type, CASE WHEN column_default IS NOT NULL OR "
                     "is_identity = 'YES' THEN 1 ELSE 0 END FROM information_schema.columns "
                     "WHERE table_schema = current_schema() AND table_name = :t ORDER BY "
                     "ordinal_position",
       soci::use(table));
  for (const soci::row& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1) == "bytea", r.get<int>(2) == 1});
  }
  return out;
}

// The tables that hold the source's data: not SQLite's own, not a full-text
// index (virtual tables and their shadow tables are rebuilt in the target).
std::set<std::string> SourceTables(soci::session& lite) {
  std::vector<std::string> virtuals;
  std::set<std::string> out;
  soci::rowset<soci::row> rows =
      (lite.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT "
                       "LIKE 'sqlite\\_%' ESCAPE '\\'");
  for (const soci::row& r : rows) {
    const std::string name = r.get<std::string>(0), sql = r.get<std::string>(1);
    if (sql.rfind("CREATE VIRTUAL TABLE", 0) == 0) {
      virtuals.push_back(name);
    } else {
      out.insert(name);
    }
  }
  for (const std::string& v : virtuals) {
    std::erase_if(out, [&](const std::string& n) { return n.rfind(v + "_", 0) == 0; });
  }
  return out;
}

std::set<std::string> SourceColumns(soci::session& lite, const std::string& table) {
  std::set<std::string> out;
  soci::rowset<std::string> names =
      (lite.prepare << "SELECT name FROM pragma_table_info(:t)", soci::use(table));
  for (const std::string& n : names) out.insert(n);
  return out;
}

// One value of the current row in COPY's text format.
void AppendField(std::string& out, sqlite3_stmt* row, int i, bool bytes) {
  static const char* kHex = "0123456789abcdef";
  switch (sqlite3_column_type(row, i)) {
    case SQLITE_NULL:
      out += "\\N";
      return;
    case SQLITE_INTEGER:
      out += std::to_string(sqlite3_column_int64(row, i));
      return;
    case SQLITE_FLOAT: {
      char number[32];
      std::snprintf(number, sizeof number, "%.17g", sqlite3_column_double(row, i));  // exact
      out += number;
      return;
    }
    default:
      break;
  }
  const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(row, i));
  const int n = sqlite3_column_bytes(row, i);
  if (bytes) {
    out += "\\\\x";
    for (int k = 0; k < n; ++k) {
      out += kHex[p[k] >> 4];
      out += kHex[p[k] & 15];
    }
    return;
  }
  for (int k = 0; k < n; ++k) {
    switch (p[k]) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += static_cast<char>(p[k]);
    }
  }
}

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string PgMessage(PGconn* pq) {
  std::string m = PQerrorMessage(pq);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// Streams the rows of `table` (columns `columns`) from SQLite into PostgreSQL.
Result<long long> CopyRows(sqlite3* lite, PGconn* pq, const std::string& table,
                           const std::vector<TargetColumn>& columns) {
  std::string list;
  for (const TargetColumn& c : columns) list += (list.empty() ? "" : ", ") + Quoted(c.name);
  sqlite3_stmt* raw = nullptr;
  const std::string select = "SELECT " + list + " FROM " + Quoted(table) + " ORDER BY rowid";
  if (sqlite3_prepare_v2(lite, select.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return CopyError(table, std::string("cannot read it: ") + sqlite3_errmsg(lite));
  }
  Statement rows(raw, &sqlite3_finalize);
  {
    const std::string copy = "COPY " + Quoted(table) + " (" + list + ") FROM STDIN";
    PgResult started(PQexec(pq, copy.c_str()), &PQclear);
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
      return CopyError(table, "PostgreSQL refused the copy: " + PgMessage(pq));
    }
  }
  std::string buffer;
  long long read = 0;
  int step = SQLITE_ROW;
  bool sent = true;
  while (sent && (step = sqlite3_step(rows.get())) == SQLITE_ROW) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) buffer += '\t';
      AppendField(buffer, rows.get(), static_cast<int>(i), columns[i].bytes);
    }
    buffer += '\n';
    ++read;
    if (buffer.size() >= (1u << 20)) {
      sent = PQputCopyData(pq, buffer.data(), static_cast<int>(buffer.size())) == 1;
      buffer.clear();
    }
  }
  if (sent && !buffer.empty()) {
    sent = PQputCopyData(pq, buffer.data(), static_cast<int>(buffer.size())) == 1;
  }
  const bool source_ok = step == SQLITE_DONE || step == SQLITE_ROW;
  const std::string source_error = source_ok ? "" : sqlite3_errmsg(lite);
  PQputCopyEnd(pq, source_ok && sent ? nullptr : "the source could not be read");
  PgResult ended(PQgetResult(pq), &PQclear);
  const bool copied = PQresultStatus(ended.get()) == PGRES_COMMAND_OK;
  const long long written = copied ? std::atoll(PQcmdTuples(ended.get())) : -1;
  const std::string pg_error = copied ? "" : PgMessage(pq);
  while (PGresult* more = PQgetResult(pq)) PQclear(more);
  if (!source_ok) return CopyError(table, "reading it failed: " + source_error);
  if (!copied) return CopyError(table, "PostgreSQL refused a row: " + pg_error);
  if (written != read) {
    return CopyError(
        table, std::to_string(read) + " rows read but " + std::to_string(written) + " written");
  }
  return read;
}

// Identity and serial columns continue after the largest copied value.
void AdvanceSequences(soci::session& pg) {
  std::vector<std::pair<std::string, std::string>> columns;
  soci::rowset<soci::row> rows =
      (pg.prepare << "SELECT table_name, column_name FROM information_schema.columns WHERE "
                     "table_schema = current_schema() AND (is_identity = 'YES' OR column_default "
                     "LIKE 'nextval(%')");
  for (const soci::row& r : rows)
    columns.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
  for (const auto& [table, column] : columns) {
    long long next = 0;
    const std::string quoted = Quoted(table);  // outlives the statement that binds it
    pg << "SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX(" + Quoted(column) +
              "), 0) + 1, false) FROM " + Quoted(table),
        soci::use(quoted), soci::use(column), soci::into(next);
  }
}

bool TargetIsEmpty(Database& to) {
  auto tables = to.Read([](soci::session& pg) -> Result<long long> {
    long long n = 0;
    pg << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        soci::into(n);
    return n;
  });
  return tables.ok() && *tables == 0;
}

}  // namespace

Result<CopyReport> CopyDatabase(Database& from, Database& to, const CopyProgress& progress) {
  if (from.backend() != Backend::kSqlite || to.backend() != Backend::kPostgresql) {
    return Error{ErrorCode::kInvalidInput, "copies an SQLite database into PostgreSQL", "to"};
  }
  // A fresh target gets its schema here; one from a failed attempt has it already.
  if (TargetIsEmpty(to)) {
    if (auto applied = ApplyMigrations(to); !applied) return applied.errors();
  }
  return from.Read([&](soci::session& lite) -> Result<CopyReport> {
    return to.Write([&](soci::session& pg) -> Result<CopyReport> {
      // Every change a person makes is audited and migrations audit nothing:
      // a target with no audit entry and no user has only the migrations'
      // codelists, which the source's rows replace.
      long long used = 0;
      pg << "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM users)",
          soci::into(used);
      if (used > 0) {
        return CopyError("to",
                         "the target database holds data already; copy into an empty "
                         "database");
      }
      const std::vector<std::string> tables = TablesInDependencyOrder(pg);
      std::set<std::string> unplaced = SourceTables(lite);
      CopyReport report;
      std::vector<std::pair<std::string, std::vector<TargetColumn>>> plan;
      // Everything is checked before the first row moves.
      for (const std::string& table : tables) {
        unplaced.erase(table);
        if (table == "schema_migrations") continue;  // the target's own, by ApplyMigrations
        std::set<std::string> source = SourceColumns(lite, table);
        if (source.empty()) {
          return CopyError(table,
                           "the source has no such table: migrate it with this version "
                           "first");
        }
        std::vector<TargetColumn> columns;
        for (const TargetColumn& c : TargetColumns(pg, table)) {
          if (source.erase(c.name) > 0) {
            columns.push_back(c);
          } else if (!c.has_default) {
            return CopyError(table, "column " + c.name + " has no value in the source");
          }
        }
        if (!source.empty()) {
          return CopyError(table, "column " + *source.begin() + " has no place in the target");
        }
        plan.emplace_back(table, std::move(columns));
      }
      if (!unplaced.empty()) {
        return CopyError(*unplaced.begin(), "the target has no such table");
      }
      std::string all;
      for (const auto& [table, columns] : plan) all += (all.empty() ? "" : ", ") + Quoted(table);
      pg << "TRUNCATE " + all;
      sqlite3* sqlite = static_cast<soci::sqlite3_session_backend*>(lite.get_backend())->conn_;
      PGconn* pq = static_cast<soci::postgresql_session_backend*>(pg.get_backend())->conn_;
      for (const auto& [table, columns] : plan) {
        auto rows = CopyRows(sqlite, pq, table, columns);
        if (!rows) return rows.errors();
        report.tables.push_back({table, *rows});
        report.rows += *rows;
        if (progress) progress(table, *rows);
      }
      AdvanceSequences(pg);
      report.documents_indexed = SqlHubRepository(pg).RebuildSearchIndex();
      if (progress) progress("search index", report.documents_indexed);
      return report;
    });
  });
}

}  // namespace connex::store
