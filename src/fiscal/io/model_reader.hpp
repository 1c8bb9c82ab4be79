// Reads and validates a "connex.fiscal/1" model (docs/fiscal-model-format.md).
//
// Validation is strict and complete: unknown fields, wrong units, missing or
// extra years, negative production, unsorted or overlapping tiers and
// inconsistent options are all reported, each with the JSON path of the
// offending field and the reason. Nothing is returned unless the whole model is valid.
//
// Thread-safety: pure functions.
#pragma once

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

// The instrument types a term sheet may hold ("royalty", "income_tax", ...), in
// the order the format documents them.
std::vector<std::string> InstrumentTypes();

}  // namespace connex::fiscal::io
