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
// the same unit), its years and per-year schedules that project's years, its
// amounts in that model's currency. A term sheet that needs what the project
// lacks keeps its errors instead of a regime.
struct TermSheetOnto {
  std::string name;
  std::optional<Regime> regime;
  Errors errors;  // each on its path in the document read ("regimes[2].instruments[0].product")
};

// Every term sheet of a model document, read onto `onto`'s project; the
// document's own project is not read. Errors: the text is not a model
// document with term sheets.
Result<std::vector<TermSheetOnto>> ReadTermSheetsOnto(std::string_view json_text,
                                                      const Model& onto);
Result<std::vector<TermSheetOnto>> ReadTermSheetsOntoFile(const std::string& path,
                                                          const Model& onto);
// One term sheet ({"name", "instruments"}) in JSON text, read onto `onto`'s
// project in `currency`; its errors' paths start at `path`.
TermSheetOnto ReadTermSheetOnto(std::string_view json_text, const std::string& currency,
                                const Model& onto, const std::string& path = "");

// The instrument types a term sheet may hold ("royalty", "income_tax", ...), in
// the order the format documents them.
std::vector<std::string> InstrumentTypes();

}  // namespace connex::fiscal::io
