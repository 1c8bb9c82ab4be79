// A progress bar for long commands. Internal to the CLI.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace connex::cli {

// Progress on stderr, only when it is a terminal: percentage, rate and ETA,
// redrawn at most ten times a second.
class ProgressBar {
 public:
  ProgressBar(bool enabled, const char* unit)
      : enabled_(enabled), unit_(unit), start_(Clock::now()) {}
  void Update(std::int64_t done, std::int64_t total) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
    const int width = 30;
    const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
    std::fprintf(stderr, "\r[%s%s] %3d%%  %lld/%lld %s  %.1f/s  ETA %.0fs ",
                 std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(width - filled), '.').c_str(),
                 total > 0 ? static_cast<int>(100 * done / total) : 100,
                 static_cast<long long>(done), static_cast<long long>(total), unit_, rate, eta);
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::fputc('\n', stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  const char* unit_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_{};
};

}  // namespace connex::cli
