#include "api/compression.hpp"

#include <zlib.h>

#include <cstdlib>
#include <stdexcept>

namespace connex::api {

bool AcceptsCoding(const std::string& header, const std::string& coding) {
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t end = header.find(',', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const size_t semi = part.find(';');
    std::string name = part.substr(0, semi);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (name == coding) {
      if (semi == std::string::npos) return true;
      const std::string params = part.substr(semi + 1);
      const size_t q = params.find("q=");
      return q == std::string::npos || std::strtod(params.c_str() + q + 2, nullptr) > 0;
    }
    pos = end + 1;
  }
  return false;
}

std::string Gzip(std::string_view data) {
  z_stream z{};
  // 15 bits of window, +16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (done != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

}  // namespace connex::api
