#include "store/audit_anchor.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace connex::store {

namespace {

Error AnchorError(const std::string& path, const std::string& why) {
  return {ErrorCode::kIo, "audit anchor " + path + ": " + why, ""};
}

// fsync of a file or directory by name; false when it cannot be opened or synced.
bool Sync(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

}  // namespace

AnchorLock::AnchorLock(const std::string& path) {
  const std::string lock = path + ".lock";
  fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  // Without a lock file (a read-only directory) the anchor is not written either.
  if (fd_ >= 0) ::flock(fd_, LOCK_EX);
}

AnchorLock::~AnchorLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

Result<std::optional<AuditAnchor>> ReadAuditAnchor(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    if (errno == ENOENT) return std::optional<AuditAnchor>();
    return AnchorError(path, std::strerror(errno));
  }
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object() || !j.contains("entries") || !j["entries"].is_number_integer() ||
      !j.contains("head") || !j["head"].is_string() || !j.contains("key_id") ||
      !j["key_id"].is_string() || !j.contains("at") || !j["at"].is_string() ||
      j["entries"].get<std::int64_t>() < 0 ||
      (j.contains("seen") && !j["seen"].is_number_integer()) ||
      (j.contains("alarm") && !j["alarm"].is_string()) ||
      (j.contains("broken") && !j["broken"].is_number_integer()) ||
      (j.contains("unkeyed") && !j["unkeyed"].is_number_integer())) {
    return AnchorError(path, "not an audit anchor");
  }
  AuditAnchor a{j["entries"].get<std::int64_t>(),
                j["head"].get<std::string>(),
                j["key_id"].get<std::string>(),
                j["at"].get<std::string>(),
                0,
                j.value("alarm", "")};
  a.seen = std::max(a.entries, j.value("seen", a.entries));
  a.broken = j.value("broken", std::int64_t{0});
  a.unkeyed = j.value("unkeyed", std::int64_t{0});
  return std::optional<AuditAnchor>(a);
}

Result<Done> WriteAuditAnchor(const std::string& path, const AuditAnchor& anchor) {
  const std::string text = nlohmann::json{{"entries", anchor.entries},
                                          {"head", anchor.head},
                                          {"key_id", anchor.key_id},
                                          {"at", anchor.at},
                                          {"seen", std::max(anchor.seen, anchor.entries)},
                                          {"alarm", anchor.alarm},
                                          {"broken", anchor.broken},
                                          {"unkeyed", anchor.unkeyed}}
                               .dump() +
                           "\n";
  // A name of its own (mkstemp), so two writers never share one.
  std::string staged = path + ".XXXXXX";
  const int fd = ::mkstemp(staged.data());
  if (fd < 0)
    return AnchorError(path, std::string("could not be written (") + std::strerror(errno) + ")");
  std::error_code ec;
  if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
      ::fsync(fd) != 0) {
    ec = std::make_error_code(std::errc::io_error);
  }
  ::close(fd);
  if (!ec) std::filesystem::rename(staged, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(staged, ignored);
    return AnchorError(path, "could not be written (" + ec.message() + ")");
  }
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (!Sync(dir.empty() ? "." : dir.string(), O_RDONLY | O_DIRECTORY)) {
    return AnchorError(path, "its directory could not be synced");
  }
  return Done{};
}

}  // namespace connex::store
