// Reads and validates a "connex.fiscal/1" model (docs/fiscal-model-format.md).
//
// Validation is strict and complete: unknown fields, wrong units, missing or
// extra years, negative production, unsorted or overlapping tiers and
// inconsistent options are all reported, each with the JSON path of the
// offending field and the reason. Nothing is returned unless the whole model is valid.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "fiscal/model.hpp"

namespace connex::fiscal::io {

inline constexpr const char* kModelSchema = "connex.fiscal/1";

// Parses JSON text (no comments allowed) and validates it.
Result<Model> ReadModel(std::string_view json_text);

// Reads a file; an unreadable file is an ErrorCode::kIo error naming the path.
Result<Model> ReadModelFile(const std::string& path);

// A term sheet read onto another model's project, to benchmark that project
// against it: its products are that project's products of the same name (in
// the same unit), its per-year schedules that project's years, its amounts in
// that model's currency. Its calendar years (signature bonuses, tax holidays)
// move with the project: a bonus paid at signature is paid in the project's
// first year. A term sheet that needs what the project lacks keeps its errors
// instead of a regime.
struct TermSheetOnto {
  std::string name;
  std::optional<Regime> regime;
  Errors errors;  // each on its path in the document read ("regimes[2].instruments[0].product")
};

// Every term sheet of a model document, read onto `onto`'s project; of the
// document's own project only its first year is read (its years move to
// `onto`'s). Errors: the text is not a model document with term sheets.
Result<std::vector<TermSheetOnto>> ReadTermSheetsOnto(std::string_view json_text,
                                                      const Model& onto);
Result<std::vector<TermSheetOnto>> ReadTermSheetsOntoFile(const std::string& path,
                                                          const Model& onto);
// One term sheet ({"name", "instruments"}) in JSON text, read onto `onto`'s
// project in `currency`, its calendar years moved by `year_offset`; its
// errors' paths start at `path`.
TermSheetOnto ReadTermSheetOnto(std::string_view json_text, const std::string& currency,
                                const Model& onto, const std::string& path = "",
                                int year_offset = 0);

// The years a term sheet standing alone is checked over (CheckTermSheet).
inline constexpr int kStandingYears = 60;
// The errors of a term sheet standing alone, as a published contract carries
// it: its instruments read against `products` (name, unit) and years from
// `first_year` (2000 when 0) over kStandingYears; paths start at `path`.
Errors CheckTermSheet(std::string_view json_text, const std::string& currency,
                      const std::vector<std::pair<std::string, std::string>>& products,
                      int first_year, const std::string& path);

// The instrument types a term sheet may hold ("royalty", "income_tax", ...), in
// the order the format documents them.
std::vector<std::string> InstrumentTypes();

}  // namespace connex::fiscal::io
