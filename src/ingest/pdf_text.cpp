#include "ingest/pdf_text.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <memory>

#include "ingest/pdf_streams.hpp"

// Fontconfig, loaded by poppler and cairo, keeps its caches until exit; the
// leak checker of the sanitizer builds is told so (no effect elsewhere).
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace connex::ingest {

namespace {

// Poppler reports recoverable damage on stderr; the result says what matters.
void Quiet(const std::string&, void*) {}

std::string TesseractLanguage(const std::string& language) {
  if (language == "fr") return "fra";
  if (language == "es") return "spa";
  if (language == "pt") return "por";
  return "eng";
}

Error Unreadable(const std::string& why) { return Error{ErrorCode::kInvalidInput, why, "file"}; }

}  // namespace

Result<domain::ExtractedText> ExtractPdf(const std::string& bytes, const ExtractOptions& options) {
  poppler::set_debug_error_function(Quiet, nullptr);
  if (bytes.rfind("%PDF-", 0) != 0) return Unreadable("is not a PDF file");
  const std::size_t limit = std::max(options.max_inflated, 100 * bytes.size());
  if (InflatedSize(bytes, limit) > limit) {
    return Unreadable("expands to more than " + std::to_string(limit >> 20) +
                      " MB when decompressed, far more than a document does; it is refused "
                      "unread");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Unreadable("is damaged or truncated: no page can be read");
  if (doc->is_locked()) {
    return Unreadable("is encrypted: ask for a copy without a password");
  }
  const int count = doc->pages();
  if (count <= 0) return Unreadable("is damaged or truncated: no page can be read");
  if (count > options.max_pages) {
    return Unreadable("has " + std::to_string(count) + " pages; at most " +
                      std::to_string(options.max_pages) + " are read");
  }
  domain::ExtractedText out;
  size_t total = 0;
  std::vector<std::unique_ptr<poppler::page>> pages;
  for (int i = 0; i < count; ++i) {
    pages.emplace_back(doc->create_page(i));
    std::string text;
    if (pages.back()) {
      const poppler::byte_array utf8 = pages.back()->text().to_utf8();
      text.assign(utf8.begin(), utf8.end());
    }
    total += text.size();
    out.pages.push_back({i + 1, text, domain::RatePage(text, -1), "text", ""});
  }
  if (total / static_cast<size_t>(count) >= kScannedBytesPerPage) return out;

  // Scanned: read every page by OCR.
  tesseract::TessBaseAPI ocr;
  if (ocr.Init(nullptr, TesseractLanguage(options.language).c_str()) != 0) {
    return Error{ErrorCode::kIo, "the OCR language data is missing", "language"};
  }
  ocr.SetPageSegMode(tesseract::PSM_AUTO);
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  out.ocr = true;
  for (int i = 0; i < count; ++i) {
    if (!pages[static_cast<size_t>(i)]) continue;
    const poppler::image img =
        renderer.render_page(pages[static_cast<size_t>(i)].get(), options.ocr_dpi, options.ocr_dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_argb32) continue;
    ocr.SetImage(reinterpret_cast<const unsigned char*>(img.const_data()), img.width(),
                 img.height(), 4, img.bytes_per_row());
    std::unique_ptr<char[]> text(ocr.GetUTF8Text());
    const int confidence = ocr.MeanTextConf();
    const std::string t = text ? text.get() : "";
    auto& page = out.pages[static_cast<size_t>(i)];
    // Keep a text layer that says more than the OCR (a mixed document).
    if (t.size() > page.text.size()) {
      page.text = t;
      page.source = "ocr";
      page.quality = domain::RatePage(t, confidence);
    }
  }
  ocr.End();
  return out;
}

nlohmann::json ToJson(const Result<domain::ExtractedText>& r) {
  if (!r) return {{"error", r.error().message}};
  nlohmann::json pages = nlohmann::json::array();
  for (const domain::HubPage& p : r->pages) {
    pages.push_back(
        {{"number", p.number}, {"text", p.text}, {"quality", p.quality}, {"source", p.source}});
  }
  return {{"pages", pages}, {"ocr", r->ocr}};
}

Result<domain::ExtractedText> ExtractedFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Unreadable("could not be read");
  if (j.contains("error") && j["error"].is_string()) {
    return Unreadable(j["error"].get<std::string>());
  }
  domain::ExtractedText out;
  out.ocr = j.value("ocr", false);
  for (const nlohmann::json& p : j.value("pages", nlohmann::json::array())) {
    out.pages.push_back({p.value("number", 0), p.value("text", ""), p.value("quality", ""),
                         p.value("source", ""), ""});
  }
  return out;
}

}  // namespace connex::ingest
