// What a confidential document really is, read from its first bytes rather
// than from the name or the Content-Type the browser sent: a file called
// report.pdf that is an executable is refused, not stored.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace connex::domain {

// The media type of `bytes` among the accepted ones (PDF, Word, Excel and
// PowerPoint documents, PNG, JPEG, plain text and CSV), or nothing.
std::optional<std::string> SniffMediaType(std::string_view bytes, std::string_view file_name);

// Accepts a document when its content is of an accepted type that agrees with
// its name's extension and with the declared type (application/octet-stream
// declares nothing); returns the sniffed type, or kUnsupportedType naming why.
Result<std::string> CheckDocumentType(std::string_view bytes, const std::string& file_name,
                                      const std::string& declared_type);

}  // namespace connex::domain
