// The web app's built files, read into memory once at start and served from
// there without a worker thread. Each file's Brotli and gzip forms are made at
// build time (web/scripts/compress.mjs writes `name.br` and `name.gz` beside
// it) and chosen here by the client's Accept-Encoding.
//
// Caching (what must hold for browsers on slow links to load the app from
// their cache):
//   - files under /assets/ carry a content hash in their names (Vite): cached
//     for a year and never revalidated (`immutable`);
//   - every other file (index.html above all) is revalidated on every use
//     (`no-cache`) with its ETag, and a matching If-None-Match gets 304.
//
// Thread-safety: read-only after construction.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "api/http_server.hpp"

namespace connex::api {

class StaticFiles {
 public:
  // Reads every file under `dir` (none when `dir` is empty or missing).
  explicit StaticFiles(const std::string& dir);

  bool empty() const { return files_.empty(); }
  size_t size() const { return files_.size(); }
  // The answer for a GET or HEAD of `r.path`: the file, or 304; nullopt when
  // there is no such file.
  std::optional<HttpResponse> Answer(const HttpRequest& r) const;
  // The web app's page (index.html) for a path the app routes itself.
  std::optional<HttpResponse> AppPage(const HttpRequest& r) const;

 private:
  struct File {
    std::string type;  // Content-Type
    std::string etag;  // quoted; differs between encodings
    std::string identity, br, gz;
    bool immutable = false;
  };
  std::optional<HttpResponse> Serve(const File& file, const HttpRequest& r) const;
  std::map<std::string, File> files_;  // by URL path: "/index.html", "/assets/..."
};

}  // namespace connex::api
