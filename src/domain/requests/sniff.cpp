#include "domain/requests/sniff.hpp"

#include <algorithm>
#include <cctype>

namespace connex::domain {

namespace {

constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string Extension(const std::string& name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos) return "";
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// Valid UTF-8 without control characters other than tab, CR, LF, form feed.
bool IsText(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
      if (c == 0x7f) return false;
      ++i;
      continue;
    }
    const int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (extra < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4) return false;
    // A sequence cut by the end of the sample (the first MiB) is not an error.
    if (i + static_cast<size_t>(extra) >= s.size()) return true;
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0xC0) != 0x80) return false;
    }
    i += static_cast<size_t>(extra) + 1;
  }
  return true;
}

// The media type an extension promises, or nothing for extensions not accepted.
std::optional<std::string> TypeOfExtension(const std::string& ext) {
  if (ext == "pdf") return "application/pdf";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "docx") return kDocx;
  if (ext == "xlsx") return kXlsx;
  if (ext == "pptx") return kPptx;
  if (ext == "txt") return "text/plain";
  if (ext == "csv") return "text/csv";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> SniffMediaType(std::string_view b, std::string_view file_name) {
  if (StartsWith(b, "%PDF-")) return "application/pdf";
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (StartsWith(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(b, "PK\x03\x04")) {
    // Office Open XML packages are zip files whose parts name the kind.
    const std::string_view head = b.substr(0, std::min<size_t>(b.size(), 1 << 16));
    if (head.find("word/") != std::string_view::npos) return kDocx;
    if (head.find("xl/") != std::string_view::npos) return kXlsx;
    if (head.find("ppt/") != std::string_view::npos) return kPptx;
    return std::nullopt;
  }
  if (!b.empty() && IsText(b.substr(0, std::min<size_t>(b.size(), 1 << 20)))) {
    return Extension(std::string(file_name)) == "csv" ? "text/csv" : "text/plain";
  }
  return std::nullopt;
}

Result<std::string> CheckDocumentType(std::string_view bytes, const std::string& file_name,
                                      const std::string& declared_type) {
  const auto promised = TypeOfExtension(Extension(file_name));
  if (!promised) {
    return Error{
        ErrorCode::kUnsupportedType,
        "\"" + file_name +
            "\" is not an accepted kind of file (pdf, docx, xlsx, pptx, png, jpg, txt, csv)",
        "name"};
  }
  const auto sniffed = SniffMediaType(bytes, file_name);
  if (!sniffed || *sniffed != *promised) {
    return Error{ErrorCode::kUnsupportedType,
                 "the content of \"" + file_name + "\" is not a " + Extension(file_name) + " file" +
                     (sniffed ? " (it reads as " + *sniffed + ")" : ""),
                 "file"};
  }
  std::string declared = declared_type.substr(0, declared_type.find(';'));
  if (!declared.empty() && declared != "application/octet-stream" && declared != *sniffed &&
      !(*sniffed == "text/csv" && declared == "text/plain")) {
    return Error{ErrorCode::kUnsupportedType,
                 "declared as " + declared + " but the content is " + *sniffed, "Content-Type"};
  }
  return *sniffed;
}

}  // namespace connex::domain
