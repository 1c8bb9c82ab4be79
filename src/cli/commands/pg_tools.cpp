#include "cli/commands/pg_tools.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iostream>

extern char** environ;

namespace connex::cli {

std::pair<std::string, std::string> SplitPassword(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {url, ""};
  const size_t at = url.find('@', scheme), colon = url.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return {url, ""};
  std::string password;
  for (size_t i = colon + 1; i < at; ++i) {
    if (url[i] == '%' && i + 2 < at && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
      password += static_cast<char>(std::strtol(url.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      password += url[i];
    }
  }
  return {url.substr(0, colon) + url.substr(at), password};
}

int RunPgTool(const std::string& tool, const std::string& url, std::vector<std::string> args,
              std::string* output) {
  const auto [bare, password] = SplitPassword(url);
  args.insert(args.begin(), tool);
  if (!url.empty()) args.push_back("--dbname=" + bare);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0 || password.empty()) env_text.push_back(*e);
  }
  if (!password.empty()) env_text.push_back("PGPASSWORD=" + password);
  std::vector<char*> env;
  for (std::string& e : env_text) env.push_back(e.data());
  env.push_back(nullptr);

  int out[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (output) {
    if (pipe2(out, O_CLOEXEC) != 0) {
      std::cerr << "error: cannot start " << tool << ": " << std::strerror(errno) << "\n";
      return -1;
    }
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  }
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, tool.c_str(), &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (output) close(out[1]);
  if (spawned != 0) {
    if (output) close(out[0]);
    std::cerr << "error: cannot start " << tool << " (" << std::strerror(spawned)
              << "); it comes with Debian's postgresql-client package\n";
    return -1;
  }
  if (output) {
    char buffer[65536];
    ssize_t n = 0;
    while ((n = read(out[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
      if (n > 0) output->append(buffer, static_cast<size_t>(n));
    }
    close(out[0]);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace connex::cli
