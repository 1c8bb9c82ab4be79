#include "store/migrations.hpp"

#include <sstream>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace connex::store {

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current, line;
  std::istringstream in(sql);
  while (std::getline(in, line)) {
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line;
    current += '\n';
    const size_t last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.rfind(';'));
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

namespace {

void EnsureTable(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

bool AppliesTo(const Migration& m, const Database& db) {
  return m.backend.empty() || m.backend == ToString(db.backend());
}

}  // namespace

Result<int> ApplyMigrations(Database& db, int through) {
  int applied = 0;
  for (const Migration& m : Migrations()) {
    if (!AppliesTo(m, db) || m.version > through) continue;
    Result<bool> ran = db.WriteSchema([&](soci::session& sql) -> Result<bool> {
      EnsureTable(sql);
      int count = 0;
      sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version),
          soci::into(count);
      if (count > 0) return false;
      for (const std::string& statement : SplitStatements(m.sql)) sql << statement;
      const std::string now = ToIso(Now());
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(m.version), soci::use(m.name), soci::use(now);
      return true;
    });
    if (!ran.ok()) return ran.errors();
    if (*ran) ++applied;
  }
  return applied;
}

Result<std::vector<MigrationStatus>> ListMigrations(Database& db) {
  // A write: a database no migration has touched gets its empty bookkeeping table.
  return db.Write([&](soci::session& sql) -> Result<std::vector<MigrationStatus>> {
    EnsureTable(sql);
    std::vector<MigrationStatus> out;
    for (const Migration& m : Migrations()) {
      if (!AppliesTo(m, db)) continue;
      std::string applied_at;
      soci::indicator ind = soci::i_null;
      sql << "SELECT applied_at FROM schema_migrations WHERE version = :v", soci::use(m.version),
          soci::into(applied_at, ind);
      out.push_back({m.version, m.name, sql.got_data() && ind == soci::i_ok ? applied_at : ""});
    }
    return out;
  });
}

}  // namespace connex::store
