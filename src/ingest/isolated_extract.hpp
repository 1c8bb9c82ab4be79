// Runs ExtractPdf in a child process (`connex hub extract`), so that a PDF
// that crashes or hangs a library costs that child only: the caller gets an
// error naming the file as unreadable, and the server keeps serving.
//
// Thread-safety: reentrant (fork and exec only; nothing shared).
#pragma once

#include <chrono>
#include <string>

#include "core/result.hpp"
#include "domain/hub/hub_service.hpp"

namespace connex::ingest {

struct IsolationLimits {
  std::string program = "/proc/self/exe";  // the connex binary
  std::chrono::seconds timeout{300};       // wall clock, then the child is killed
};

Result<domain::ExtractedText> ExtractIsolated(const std::string& bytes, const std::string& language,
                                              const IsolationLimits& limits = {});

}  // namespace connex::ingest
