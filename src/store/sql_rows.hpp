// Reading and binding values the same way in every repository: NULL as an
// empty text, integers whatever width the backend returns.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"

namespace connex::store {

inline std::string Text(const soci::row& row, int i) {
  return row.get_indicator(static_cast<size_t>(i)) == soci::i_null
             ? ""
             : row.get<std::string>(static_cast<size_t>(i));
}

// Integer columns come back as int from SQLite and may be wider elsewhere;
// aggregates may come back as text.
inline long long Integer(const soci::row& row, int i) {
  const size_t k = static_cast<size_t>(i);
  if (row.get_indicator(k) == soci::i_null) return 0;
  switch (row.get_properties(k).get_data_type()) {
    case soci::dt_long_long:
      return row.get<long long>(k);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(k));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(k));
    case soci::dt_string:  // SQLite gives computed columns (SUM, MAX) no declared type
      return std::stoll(row.get<std::string>(k));
    default:
      return row.get<int>(k);
  }
}

// Instants are stored as ISO 8601 texts; an empty or unreadable one reads as
// the epoch (At) or as none (MaybeAt).
inline Instant At(const soci::row& row, int i) {
  return ParseIso(Text(row, i)).value_or(Instant{});
}
inline std::optional<Instant> MaybeAt(const soci::row& row, int i) {
  return ParseIso(Text(row, i));
}
inline std::string IsoOrEmpty(const std::optional<Instant>& t) { return t ? ToIso(*t) : ""; }

// Real columns, computed ones (bm25) included, which SQLite may give as text.
inline double Real(const soci::row& row, int i) {
  const size_t k = static_cast<size_t>(i);
  if (row.get_indicator(k) == soci::i_null) return 0;
  switch (row.get_properties(k).get_data_type()) {
    case soci::dt_double:
      return row.get<double>(k);
    case soci::dt_string:
      return std::stod(row.get<std::string>(k));
    default:
      return static_cast<double>(Integer(row, i));
  }
}

// Whether the session speaks to PostgreSQL (else SQLite): for the few
// statements the two dialects say differently.
inline bool IsPostgresql(soci::session& sql) { return sql.get_backend_name() == "postgresql"; }

// A text bound as NULL when empty. SOCI binds the indicator by reference, so
// it lives beside the value for the statement's lifetime.
struct NullableText {
  explicit NullableText(const std::string& s)
      : value(s), ind(s.empty() ? soci::i_null : soci::i_ok) {}
  std::string value;
  soci::indicator ind;
};

// The rows of `query` (whose one parameter is bound to `value`), each read by
// `from_row`; and the first of them, if any.
template <typename FromRow>
auto SelectRows(soci::session& sql, const std::string& query, const std::string& value,
                FromRow from_row) {
  std::vector<decltype(from_row(std::declval<const soci::row&>()))> out;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(value));
  for (const soci::row& row : rows) out.push_back(from_row(row));
  return out;
}
template <typename FromRow>
auto SelectFirst(soci::session& sql, const std::string& query, const std::string& value,
                 FromRow from_row) {
  auto rows = SelectRows(sql, query, value, from_row);
  return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
}

}  // namespace connex::store
