// Text of a PDF, page by page: read from the PDF where it has a text layer;
// a PDF averaging under kScannedBytesPerPage of text per page is treated as
// scanned and read by OCR (tesseract) from pages rendered by poppler. Each
// page is rated (domain::RatePage).
//
// The libraries run on untrusted bytes: call ExtractPdf only in a process of
// its own (`connex hub extract`, isolated_extract.hpp), never in the server.
//
// Thread-safety: reentrant; each call has its own library objects.
#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/hub/hub_document.hpp"

namespace connex::ingest {

constexpr size_t kScannedBytesPerPage = 500;

struct ExtractOptions {
  std::string language = "en";  // the document's: picks the OCR model
  int ocr_dpi = 250;
  int max_pages = 2000;
  // What the compressed streams may expand to before the file is refused
  // unread (pdf_streams.hpp): 256 MiB, or 100 times the file when larger.
  std::size_t max_inflated = 256u << 20;
};

// The pages, or why the file cannot be read: encrypted, damaged, not a PDF.
Result<domain::ExtractedText> ExtractPdf(const std::string& bytes, const ExtractOptions& options);

// As JSON for the parent process, and back.
nlohmann::json ToJson(const Result<domain::ExtractedText>& r);
Result<domain::ExtractedText> ExtractedFromJson(const nlohmann::json& j);

}  // namespace connex::ingest
