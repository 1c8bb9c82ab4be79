// Secrets and digests, all through libsodium: passwords hashed with argon2id,
// random tokens from the OS generator, SHA-256 for stored token digests,
// HMAC-SHA-256 for the audit chain.
//
// Thread-safety: every function is safe from any thread once InitCrypto() has
// returned (it is idempotent and called by each entry point that needs it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace connex {

// REQUIRES: called before any other function here; false if libsodium cannot start.
bool InitCrypto();

// An argon2id hash in the standard encoded form ($argon2id$v=19$m=...), with a
// random salt. Interactive cost: about 0.1 s and 64 MiB per hash.
std::string HashPassword(std::string_view password);
// True when `password` matches `encoded`; false for any malformed hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

// `bytes` random bytes as URL-safe base64 without padding (32 bytes: 43 chars).
std::string RandomToken(int bytes = 32);
// A new opaque identifier: prefix, '_' and 16 random bytes in lowercase hex.
// Random rather than sequential, so ids reveal nothing about volumes or order.
std::string NewId(std::string_view prefix);

// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Lowercase hex HMAC-SHA-256 of `data` under `key` (any length; 32 bytes is usual).
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// `bytes` random bytes in lowercase hex.
std::string RandomHex(int bytes);
// The bytes `hex` spells; nullopt unless it is an even number of hex digits.
std::optional<std::string> FromHex(std::string_view hex);

// Equality in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace connex
