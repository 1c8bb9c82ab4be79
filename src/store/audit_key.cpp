#include "store/audit_key.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

namespace connex::store {

namespace {

constexpr std::size_t kKeyBytes = 32;

Error KeyError(const std::string& path, const std::string& why) {
  return {ErrorCode::kIo, "audit key " + path + ": " + why, ""};
}

AuditKey FromSecret(std::string secret) {
  AuditKey key;
  key.id = HmacSha256Hex(secret, "connex audit key id").substr(0, 16);
  key.secret = std::move(secret);
  return key;
}

}  // namespace

Result<AuditKey> ReadAuditKey(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return KeyError(path, std::string(std::strerror(errno)) +
                              " (create one with `connex audit key new " + path + "`)");
  }
  std::string text;
  in >> text;
  auto secret = FromHex(text);
  if (!secret || secret->size() != kKeyBytes) {
    return KeyError(path, "not an audit key (64 hexadecimal digits expected)");
  }
  return FromSecret(std::move(*secret));
}

Result<AuditKey> CreateAuditKey(const std::string& path) {
  // Written whole beside its place, then linked there: link() never replaces
  // a file, and a process killed half-way leaves no empty key behind.
  std::string staged = path + ".XXXXXX";
  const int fd = ::mkstemp(staged.data());  // mode 0600, a name no other writer has
  if (fd < 0) return KeyError(path, std::strerror(errno));
  const std::string hex = RandomHex(kKeyBytes);
  const std::string line = hex + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  const int linked = written ? ::link(staged.c_str(), path.c_str()) : -1;
  const int link_error = errno;
  ::unlink(staged.c_str());
  if (!written) return KeyError(path, "could not be written");
  if (linked != 0) {
    return KeyError(path, link_error == EEXIST ? "already exists; a key is never overwritten"
                                               : std::strerror(link_error));
  }
  return FromSecret(*FromHex(hex));
}

Result<AuditKey> ReadOrCreateAuditKey(const std::string& path) {
  if (::access(path.c_str(), F_OK) != 0 && errno == ENOENT) {
    auto created = CreateAuditKey(path);
    if (created || ::access(path.c_str(), F_OK) != 0) return created;
    // Another process made it first: theirs is the key.
  }
  return ReadAuditKey(path);
}

}  // namespace connex::store
