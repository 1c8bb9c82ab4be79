#include "api/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "api/compression.hpp"
#include "core/crypto.hpp"

namespace connex::api {

namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string TypeOf(const std::string& extension) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  auto it = kTypes.find(extension);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// Whether If-None-Match names `etag` (or is "*"); a weak W/"..." matches
// too, as If-None-Match compares weakly.
bool Matches(const std::string& header, const std::string& etag) {
  return header.find('*') != std::string::npos || header.find(etag) != std::string::npos;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& dir) {
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    const fs::path path = entry.path();
    const std::string ext = path.extension().string();
    if (ext == ".br" || ext == ".gz") continue;
    File file;
    file.type = TypeOf(ext);
    file.identity = ReadAll(path);
    if (fs::exists(path.string() + ".br")) file.br = ReadAll(path.string() + ".br");
    if (fs::exists(path.string() + ".gz")) file.gz = ReadAll(path.string() + ".gz");
    file.etag = Sha256Hex(file.identity).substr(0, 20);
    std::string url(1, '/');
    url += fs::relative(path, dir).generic_string();
    file.immutable = url.rfind("/assets/", 0) == 0;
    files_.emplace(std::move(url), std::move(file));
  }
}

std::optional<HttpResponse> StaticFiles::Answer(const HttpRequest& r) const {
  if (r.method != "GET" && r.method != "HEAD") return std::nullopt;
  auto it = files_.find(r.path == "/" ? "/index.html" : r.path);
  if (it == files_.end()) return std::nullopt;
  return Serve(it->second, r);
}

std::optional<HttpResponse> StaticFiles::AppPage(const HttpRequest& r) const {
  if (r.method != "GET" && r.method != "HEAD") return std::nullopt;
  auto it = files_.find("/index.html");
  if (it == files_.end()) return std::nullopt;
  return Serve(it->second, r);
}

std::optional<HttpResponse> StaticFiles::Serve(const File& file, const HttpRequest& r) const {
  const std::string accept = r.Header("Accept-Encoding");
  const std::string* body = &file.identity;
  std::string coding, suffix;
  if (!file.br.empty() && AcceptsCoding(accept, "br")) {
    body = &file.br, coding = "br", suffix = "-br";
  } else if (!file.gz.empty() && AcceptsCoding(accept, "gzip")) {
    body = &file.gz, coding = "gzip", suffix = "-gz";
  }
  HttpResponse res;
  const std::string etag = "\"" + file.etag + suffix + "\"";
  res.headers = {
      {"ETag", etag},
      {"Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache"}};
  if (!file.br.empty() || !file.gz.empty()) res.headers.emplace_back("Vary", "Accept-Encoding");
  if (Matches(r.Header("If-None-Match"), etag)) {
    res.status = 304;
    return res;
  }
  res.headers.emplace_back("Content-Type", file.type);
  if (!coding.empty()) res.headers.emplace_back("Content-Encoding", coding);
  res.body = *body;
  return res;
}

}  // namespace connex::api
