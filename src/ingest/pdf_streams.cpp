#include "ingest/pdf_streams.hpp"

#include <zlib.h>

#include <array>

namespace connex::ingest {

namespace {

// The bytes the zlib data at pdf[start..] inflates to, stopping once `budget`
// is passed. Data that is not zlib inflates to what was read before the error.
std::size_t InflateFrom(const std::string& pdf, std::size_t start, std::size_t budget) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return 0;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(pdf.data() + start));
  z.avail_in = static_cast<uInt>(pdf.size() - start);
  std::array<unsigned char, 1 << 16> out;
  std::size_t total = 0;
  for (;;) {
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_NO_FLUSH);
    total += out.size() - z.avail_out;
    if (rc != Z_OK || total > budget) break;  // the end, an error, or enough
  }
  inflateEnd(&z);
  return total;
}

}  // namespace

std::size_t InflatedSize(const std::string& pdf, std::size_t limit) {
  std::size_t total = 0;
  for (std::size_t pos = pdf.find("stream"); pos != std::string::npos;
       pos = pdf.find("stream", pos + 6)) {
    // "stream" then CRLF or LF starts a stream's data; "endstream" does not.
    if (pos >= 3 && pdf.compare(pos - 3, 3, "end") == 0) continue;
    std::size_t data = pos + 6;
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data >= pdf.size() || pdf[data] != '\n') continue;
    ++data;
    total += InflateFrom(pdf, data, limit - total);
    if (total > limit) return limit + 1;
  }
  return total;
}

}  // namespace connex::ingest
