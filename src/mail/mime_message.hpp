// A mail as the wire carries it (RFC 5322 with MIME, RFC 2045-2047): the
// headers that thread it, and its text and HTML as alternatives, both UTF-8
// in base64, so no line is ever too long and no byte is ever altered.
//
// Thread-safety: pure function.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "domain/mail/mail_render.hpp"

namespace connex::mail {

// The whole message; `boundary_seed` makes the MIME boundary (any text).
// Header values are stripped of line breaks, so nothing from a name or a
// subject can add a header.
std::string MimeMessage(const domain::RenderedMail& m, Instant date,
                        const std::string& boundary_seed);

// "Fri, 04 Dec 2026 11:38:00 +0000" (RFC 5322 section 3.3).
std::string MailDate(Instant t);
// `text` as RFC 2047 encoded words when it is not plain ASCII; as is otherwise.
std::string EncodedWords(const std::string& text);

}  // namespace connex::mail
