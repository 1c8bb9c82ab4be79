#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

namespace connex {
namespace {

TEST(Crypto, PasswordsHashWithArgon2idAndVerify) {
  ASSERT_TRUE(InitCrypto());
  const std::string h = HashPassword("correct horse battery staple");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", h));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", h));
  EXPECT_FALSE(VerifyPassword("anything", ""));
  EXPECT_FALSE(VerifyPassword("anything", "$argon2id$garbage"));
  EXPECT_NE(HashPassword("same"), HashPassword("same"));  // salted
}

TEST(Crypto, TokensAndIdsAreRandomAndWellFormed) {
  ASSERT_TRUE(InitCrypto());
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = RandomToken();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  const std::string id = NewId("usr");
  EXPECT_EQ(id.size(), 4u + 32u);
  EXPECT_EQ(id.rfind("usr_", 0), 0u);
}

TEST(Crypto, Sha256KnownAnswerAndConstantTimeEquality) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(ConstantTimeEquals("token", "token"));
  EXPECT_FALSE(ConstantTimeEquals("token", "tokem"));
  EXPECT_FALSE(ConstantTimeEquals("token", "tok"));
}

}  // namespace
}  // namespace connex
