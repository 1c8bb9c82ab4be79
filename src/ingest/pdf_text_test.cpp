// Ingestion of PDFs made here from known text with cairo: a text PDF, a
// scanned one (the same text as an image only) read back by OCR, an
// encrypted and a truncated file reported cleanly, and the child process
// that contains a crashing or hanging reader.
#include "ingest/pdf_text.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "ingest/isolated_extract.hpp"
#include "ingest/pdf_streams.hpp"

namespace connex::ingest {
namespace {

const char* const kSentence = "The royalty rate is five percent of gross revenue.";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lines of text drawn on an A4 page (595 x 842 points) at `size` points.
void DrawLines(cairo_t* cr, const std::vector<std::string>& lines, double size, double scale) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size * scale);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = 72 * scale;
  for (const std::string& line : lines) {
    cairo_move_to(cr, 60 * scale, y);
    cairo_show_text(cr, line.c_str());
    y += size * 1.6 * scale;
  }
}

// A PDF with a text layer: `pages` pages of `lines`.
std::string TextPdf(const std::vector<std::string>& lines, int pages) {
  std::string out;
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(Append, &out, 595, 842);
  cairo_t* cr = cairo_create(pdf);
  for (int p = 0; p < pages; ++p) {
    DrawLines(cr, lines, 11, 1.0);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  cairo_surface_destroy(pdf);
  return out;
}

// The same page as a scan: the text drawn into a 200 dpi image, and only
// that image placed on the PDF page.
std::string ScannedPdf(const std::vector<std::string>& lines) {
  const double scale = 200.0 / 72.0;
  cairo_surface_t* image = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, static_cast<int>(595 * scale), static_cast<int>(842 * scale));
  cairo_t* ic = cairo_create(image);
  cairo_set_source_rgb(ic, 1, 1, 1);
  cairo_paint(ic);
  DrawLines(ic, lines, 14, scale);
  cairo_destroy(ic);
  std::string out;
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(Append, &out, 595, 842);
  cairo_t* cr = cairo_create(pdf);
  cairo_scale(cr, 1 / scale, 1 / scale);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  cairo_surface_destroy(pdf);
  cairo_surface_destroy(image);
  return out;
}

std::vector<std::string> Contract() {
  std::vector<std::string> lines = {"Article 12. Royalties.", kSentence};
  for (int i = 0; i < 30; ++i) {
    lines.push_back("Clause " + std::to_string(i + 1) +
                    ": the holder shall pay the royalty each quarter to the treasury.");
  }
  return lines;
}

TEST(PdfText, ReadsTheTextLayerPageByPage) {
  const auto r = ExtractPdf(TextPdf(Contract(), 3), {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->ocr);
  ASSERT_EQ(r->pages.size(), 3u);
  EXPECT_EQ(r->pages[2].number, 3);
  EXPECT_NE(r->pages[0].text.find(kSentence), std::string::npos);
  EXPECT_EQ(r->pages[0].quality, "acceptable");
  EXPECT_EQ(r->pages[0].source, "text");
}

TEST(PdfText, ReadsAScannedPageByOcr) {
  const std::string pdf = ScannedPdf({"Article 12. Royalties.", kSentence});
  const auto r = ExtractPdf(pdf, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->ocr);
  ASSERT_EQ(r->pages.size(), 1u);
  EXPECT_EQ(r->pages[0].source, "ocr");
  EXPECT_NE(r->pages[0].text.find(kSentence), std::string::npos) << r->pages[0].text;
}

TEST(PdfText, ReportsEncryptedTruncatedAndForeignFiles) {
  // A standard security handler whose empty user password does not open it.
  std::string encrypted = TextPdf({"secret"}, 1);
  const size_t trailer = encrypted.rfind("trailer");
  ASSERT_NE(trailer, std::string::npos);
  encrypted.insert(trailer + 7 + 3,
                   "/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /Length 40 "
                   "/O <" +
                       std::string(64, 'A') + "> /U <" + std::string(64, 'B') + "> >>\n");
  const std::string doc_id =
      "/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]\n";
  encrypted.insert(trailer + 7 + 3, doc_id);
  auto r = ExtractPdf(encrypted, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("encrypted"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().field, "file");

  const std::string whole = TextPdf(Contract(), 2);
  r = ExtractPdf(whole.substr(0, whole.size() / 3), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("damaged"), std::string::npos) << r.error().message;

  r = ExtractPdf("MZ\x90\x00 not a pdf", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "is not a PDF file");
}

// A PDF whose one content stream is `inflated` zero bytes, Flate-compressed.
std::string Bomb(size_t inflated) {
  const std::string zeros(inflated, '\0');
  uLongf size = compressBound(zeros.size());
  std::string packed(size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
            reinterpret_cast<const Bytef*>(zeros.data()), zeros.size(), 9);
  packed.resize(size);
  return "%PDF-1.4\n1 0 obj << /Length " + std::to_string(size) +
         " /Filter /FlateDecode >>\nstream\r\n" + packed + "\nendstream\nendobj\n%%EOF\n";
}

TEST(PdfText, ADecompressionBombIsRefusedUnread) {
  // A small file inflating past the limit: refused before any library reads it.
  ExtractOptions options;
  options.max_inflated = 8u << 20;
  const std::string bomb = Bomb(64u << 20);
  ASSERT_LT(bomb.size(), 200u << 10);
  EXPECT_GT(InflatedSize(bomb, options.max_inflated), options.max_inflated);
  const auto start = std::chrono::steady_clock::now();
  auto r = ExtractPdf(bomb, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "file");
  EXPECT_NE(r.error().message.find("expands to more than 8 MB"), std::string::npos)
      << r.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // Within the limit it is counted whole; a real document's streams pass.
  EXPECT_EQ(InflatedSize(Bomb(1u << 20), options.max_inflated), 1u << 20);
  EXPECT_TRUE(ExtractPdf(TextPdf(Contract(), 2), options).ok());
}

// A stand-in for the reader: a script that does `body`.
std::string Script(const std::string& name, const std::string& body) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  chmod(path.c_str(), 0755);
  return path.string();
}

TEST(IsolatedExtract, ACrashingOrHangingReaderCostsOnlyItsProcess) {
  IsolationLimits crash{Script("connex-reader-crash", "kill -SEGV $$"), std::chrono::seconds(30)};
  auto r = ExtractIsolated("%PDF-1.4", "en", crash);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("signal 11"), std::string::npos) << r.error().message;

  IsolationLimits hang{Script("connex-reader-hang", "exec sleep 30"), std::chrono::seconds(1)};
  r = ExtractIsolated("%PDF-1.4", "en", hang);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("took longer than 1 s"), std::string::npos);

  IsolationLimits answer{
      Script(
          "connex-reader-ok",
          R"(echo '{"pages":[{"number":1,"text":"hello","quality":"acceptable","source":"text"}],"ocr":false}')"),
      std::chrono::seconds(30)};
  r = ExtractIsolated("%PDF-1.4", "en", answer);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->pages.size(), 1u);
  EXPECT_EQ(r->pages[0].text, "hello");
}

}  // namespace
}  // namespace connex::ingest
