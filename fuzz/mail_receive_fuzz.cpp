// libFuzzer target for the path of a reply by mail: any bytes read as a
// mail (GMime), its words taken above the quoted history, its HTML read as
// text, its reply token found. Nothing may crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/mail/mail_replies.hpp"
#include "mail/inbound_message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  auto mail = connex::mail::ParseInboundMail(raw);
  if (mail.ok()) {
    (void)connex::mail::ReplyText(mail->text);
    for (const std::string& to : mail->recipients) (void)connex::domain::ReplyTokenOf(to);
  }
  (void)connex::mail::HtmlAsText(raw);
  (void)connex::mail::ReplyText(raw);
  return 0;
}
