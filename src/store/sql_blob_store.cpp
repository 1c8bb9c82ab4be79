#include "store/sql_blob_store.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

// PostgreSQL's bytea travels as hex text (encode/decode): SOCI's soci::blob
// speaks large objects there, not bytea.
std::string ToHex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[b >> 4];
    out[2 * i + 1] = kDigits[b & 15];
  }
  return out;
}

std::string FromHex(const std::string& hex) {
  auto value = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<char>(value(hex[2 * i]) * 16 + value(hex[2 * i + 1]));
  }
  return out;
}

}  // namespace

void SqlBlobStore::Put(const std::string& sha256, const std::string& bytes) {
  int present = 0;
  sql_ << "SELECT COUNT(*) FROM blobs WHERE sha256 = :h", soci::into(present), soci::use(sha256);
  if (present) return;
  const long long size = static_cast<long long>(bytes.size());
  if (IsPostgresql(sql_)) {
    const std::string hex = ToHex(bytes);
    sql_ << "INSERT INTO blobs (sha256, size, content) VALUES (:h, :s, decode(:c, 'hex'))",
        soci::use(sha256), soci::use(size), soci::use(hex);
    return;
  }
  soci::blob content(sql_);
  content.write(0, bytes.data(), bytes.size());
  sql_ << "INSERT INTO blobs (sha256, size, content) VALUES (:h, :s, :c)", soci::use(sha256),
      soci::use(size), soci::use(content);
}

std::optional<std::string> SqlBlobStore::Get(const std::string& sha256) {
  if (IsPostgresql(sql_)) {
    std::string hex;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT encode(content, 'hex') FROM blobs WHERE sha256 = :h", soci::into(hex, ind),
        soci::use(sha256);
    if (!sql_.got_data() || ind == soci::i_null) return std::nullopt;
    return FromHex(hex);
  }
  soci::blob content(sql_);
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT content FROM blobs WHERE sha256 = :h", soci::into(content, ind),
      soci::use(sha256);
  if (!sql_.got_data() || ind == soci::i_null) return std::nullopt;
  std::string bytes(content.get_len(), '\0');
  if (!bytes.empty()) content.read(0, bytes.data(), bytes.size());
  return bytes;
}

}  // namespace connex::store
