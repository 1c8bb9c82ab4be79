// How much a PDF's compressed (Flate) streams expand to, counted before any
// PDF library reads them: a 1 MB file can inflate to gigabytes (a
// "decompression bomb"), which would hold the reader for many seconds and
// its memory. Counting stops as soon as the limit is passed.
//
// Thread-safety: reentrant.
#pragma once

#include <cstddef>
#include <string>

namespace connex::ingest {

// The bytes the Flate streams of `pdf` inflate to, or `limit` + 1 as soon as
// they pass `limit`. Streams that are not Flate (images in JPEG, say) count 0.
std::size_t InflatedSize(const std::string& pdf, std::size_t limit);

}  // namespace connex::ingest
