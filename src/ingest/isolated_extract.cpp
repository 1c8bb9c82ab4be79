#include "ingest/isolated_extract.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "ingest/pdf_text.hpp"

namespace connex::ingest {

namespace {

Error Failed(const std::string& why) { return Error{ErrorCode::kInvalidInput, why, "file"}; }

// A temporary file holding the bytes, removed when this goes.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& bytes) {
    char name[] = "/tmp/connex-ingest-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) return;
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    close(fd);
    if (done == bytes.size())
      path = name;
    else
      unlink(name);
  }
  ~TempFile() {
    if (!path.empty()) unlink(path.c_str());
  }
};

}  // namespace

Result<domain::ExtractedText> ExtractIsolated(const std::string& bytes, const std::string& language,
                                              const IsolationLimits& limits) {
  TempFile file(bytes);
  if (file.path.empty()) return Error{ErrorCode::kIo, "no room to read the file", "file"};
  // Everything the child needs is built before fork: after it, only exec.
  std::vector<std::string> args = {
      limits.program, "hub", "extract", "--language", language.empty() ? "en" : language,
      file.path};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return Error{ErrorCode::kIo, "cannot start the reader", "file"};
  const rlim_t cpu = static_cast<rlim_t>(limits.timeout.count());
  const pid_t pid = fork();
  if (pid < 0) {
    close(out[0]);
    close(out[1]);
    return Error{ErrorCode::kIo, "cannot start the reader", "file"};
  }
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);
    rlimit limit{cpu, cpu};
    setrlimit(RLIMIT_CPU, &limit);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + limits.timeout;
  bool timed_out = false;
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    output.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return Failed("took longer than " + std::to_string(limits.timeout.count()) +
                  " s to read; the file is likely damaged");
  }
  if (WIFSIGNALED(status)) {
    return Failed("stopped the PDF reader (signal " + std::to_string(WTERMSIG(status)) +
                  "); the file is likely damaged");
  }
  const nlohmann::json j = nlohmann::json::parse(output, nullptr, false);
  if (j.is_discarded()) {
    return Failed("could not be read (the reader exited with " +
                  std::to_string(WEXITSTATUS(status)) + ")");
  }
  return ExtractedFromJson(j);
}

}  // namespace connex::ingest
