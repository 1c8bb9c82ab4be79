#include "mail_sink.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <thread>

#include "server_process.hpp"

namespace connex::testing {

MailSink::MailSink(int port) : port_(port == 0 ? FreePort() : port) {
  std::random_device rd;
  dir_ = (std::filesystem::temp_directory_path() /
          ("connex-mail-" + std::to_string(getpid()) + "-" + std::to_string(rd())))
             .string();
  std::filesystem::create_directories(dir_);
  int out[2];
  if (pipe(out) != 0) return;
  const int pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    const std::string script = std::string(CONNEX_SOURCE_DIR) + "/tests/support/smtp_sink.py";
    const std::string port_text = std::to_string(port_);
    // Debian's Python, where Debian's aiosmtpd is, whatever else is on PATH.
    execl("/usr/bin/python3", "python3", script.c_str(), port_text.c_str(), dir_.c_str(), nullptr);
    _exit(127);
  }
  close(out[1]);
  // Ready once the sink says so (it listens before it prints). The pipe stays
  // open until the sink stops, so no write of the sink ever meets a closed pipe.
  stdout_ = out[0];
  std::string said;
  char c = 0;
  while (said.size() < 16 && read(stdout_, &c, 1) == 1 && c != '\n') said += c;
  if (said == "ready") {
    pid_ = pid;
  } else if (pid > 0) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
}

MailSink::~MailSink() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  if (stdout_ >= 0) close(stdout_);
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::vector<nlohmann::json> MailSink::Mails() const {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    if (e.path().extension() == ".json") names.push_back(e.path().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<nlohmann::json> out;
  for (const std::string& name : names) {
    std::ifstream in(name);
    out.push_back(nlohmann::json::parse(in));
  }
  return out;
}

std::vector<nlohmann::json> MailSink::MailsTo(const std::string& address) const {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& m : Mails()) {
    for (const auto& to : m["rcpt_tos"]) {
      if (to == address) out.push_back(m);
    }
  }
  return out;
}

std::vector<nlohmann::json> MailSink::WaitFor(
    const std::string& address, size_t count, int seconds,
    const std::function<bool(const nlohmann::json&)>& keep) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    std::vector<nlohmann::json> got = MailsTo(address);
    if (keep) got.erase(std::remove_if(got.begin(), got.end(), std::not_fn(keep)), got.end());
    if (got.size() >= count || std::chrono::steady_clock::now() > end) return got;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace connex::testing
