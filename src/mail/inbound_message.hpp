// A mail that arrives (a reply to one of the portal's mails), read with
// GMime: its sender, its recipients, its text in UTF-8 whatever its charset
// and transfer encoding (the text part, or else the HTML part as text), and
// its attachments, decoded. ReplyText keeps what the writer wrote: the
// quoted history and the signature that clients append are dropped.
//
// Thread-safety: ParseInboundMail may be called from any thread (GMime is
// initialised once).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace connex::mail {

struct InboundAttachment {
  std::string name;
  std::string bytes;
};

struct InboundMail {
  std::string from;                     // the sender's address, lowercase
  std::vector<std::string> recipients;  // To, Cc and Delivered-To addresses, lowercase
  std::string message_id;               // without its angle brackets; empty when the mail has none
  std::string subject;
  std::string text;  // UTF-8
  std::vector<InboundAttachment> attachments;
};

// kInvalidInput (field "message") when `raw` is not a mail with a sender.
Result<InboundMail> ParseInboundMail(std::string_view raw);

// The words of a reply above the quoted history and the signature.
std::string ReplyText(std::string_view text);

// The text of an HTML body: tags dropped, breaks and paragraphs as new
// lines, entities decoded, a quoted history (blockquote, Gmail's and
// Outlook's reply blocks) left out.
std::string HtmlAsText(std::string_view html);

}  // namespace connex::mail
