#include "mail/inbound_message.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace connex::mail {
namespace {

// A reply from tests/mail/replies/, in the shape its client sends.
InboundMail Reply(const std::string& name) {
  std::ifstream in(std::string(CONNEX_SOURCE_DIR) + "/tests/mail/replies/" + name,
                   std::ios::binary);
  std::stringstream raw;
  raw << in.rdbuf();
  auto mail = ParseInboundMail(raw.str());
  EXPECT_TRUE(mail.ok()) << name;
  return mail.ok() ? *mail : InboundMail{};
}

TEST(InboundMail, EachClientsReplyGivesItsWordsWithoutTheHistoryOrTheSignature) {
  const struct {
    const char* file;
    const char* from;
    const char* message_id;
    const char* words;
  } cases[] = {
      {"thunderbird_en.eml", "focal.ghana@connex.example", "abc@mail.gov.gh",
       "Thank you. The draft lease is attached to our file; the royalty clause is in article "
       "12.\n\nKwame"},
      {"outlook_fr.eml", "focal.senegal@connex.example", "DB9PR@outlook.com",
       "Merci, nous envoyons le projet de bail aujourd'hui.\nCordialement,\nAminata Diop"},
      {"gmail_en.eml", "focal.ghana@connex.example", "CAF=abc@mail.gmail.com",
       "Yes, article 12 sets the royalty at 3%."},
      {"apple_fr.eml", "focal.senegal@connex.example", "5F2A@me.com",
       "D'accord, l'équipe juridique relira l'article 12 d'ici lundi."},
      {"html_only.eml", "focal.ghana@connex.example", "",
       "We agree with the schedule & the fees.\nKwame"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const InboundMail m = Reply(c.file);
    EXPECT_EQ(m.from, c.from);
    EXPECT_EQ(m.message_id, c.message_id);
    ASSERT_FALSE(m.recipients.empty());
    EXPECT_EQ(m.recipients[0], "connex+k7qf4token@mail.example");
    // format=flowed soft breaks aside, the words are the writer's.
    std::string words = ReplyText(m.text);
    for (size_t at = words.find(" \n"); at != std::string::npos; at = words.find(" \n")) {
      words.replace(at, 2, " ");
    }
    EXPECT_EQ(words, c.words);
  }
}

TEST(InboundMail, AttachmentsComeDecodedWithTheirNames) {
  const InboundMail m = Reply("attachment.eml");
  EXPECT_EQ(ReplyText(m.text), "Here is the draft lease.");
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].name, "draft-lease.pdf");
  EXPECT_EQ(m.attachments[0].bytes.rfind("%PDF-1.4", 0), 0u);
}

TEST(InboundMail, WhatIsNoMailIsRefusedWithItsReason) {
  EXPECT_FALSE(ParseInboundMail("").ok());
  auto nobody = ParseInboundMail("Subject: hello\r\n\r\nno sender\r\n");
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().message, "names no sender");
}

}  // namespace
}  // namespace connex::mail
