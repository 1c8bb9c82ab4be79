#include "mail/mime_message.hpp"

#include <gtest/gtest.h>

namespace connex::mail {
namespace {

TEST(MimeMessage, ThreadsAndEncodesWithoutLettingTextAddHeaders) {
  domain::RenderedMail m;
  m.from = "CONNEX <connex@mail.example>";
  m.to = "focal@example.org\r\nBcc: everyone@example.org";
  m.subject = "[CNX-2026-K7QF4] Étape : « Équipe proposée »";
  m.text = "Bonjour,\n";
  m.html = "<p>Bonjour,</p>";
  m.message_id = "<mail-1@mail.example>";
  m.in_reply_to = "<request.req-1@mail.example>";
  const std::string wire = MimeMessage(m, Instant{}, "seed");
  EXPECT_NE(wire.find("In-Reply-To: <request.req-1@mail.example>\r\n"), std::string::npos);
  EXPECT_NE(wire.find("References: <request.req-1@mail.example>\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(wire.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_EQ(wire.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(wire.find("Auto-Submitted: auto-generated\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Content-Type: multipart/alternative;"), std::string::npos);
  // No line of the message is longer than RFC 5322's 78 characters.
  size_t start = 0;
  for (size_t end = wire.find("\r\n"); end != std::string::npos;
       start = end + 2, end = wire.find("\r\n", start)) {
    EXPECT_LE(end - start, 78u) << wire.substr(start, end - start);
  }
}

TEST(MimeMessage, EncodedWordsCutBetweenCharacters) {
  EXPECT_EQ(EncodedWords("plain"), "plain");
  const std::string long_text(60, 'e');
  const std::string words = EncodedWords("é" + long_text + "é");
  EXPECT_EQ(words.rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_NE(words.find("\r\n =?UTF-8?B?"), std::string::npos);
}

}  // namespace
}  // namespace connex::mail
