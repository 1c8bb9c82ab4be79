// Handing one message to an SMTP relay, through libcurl: smtp:// upgrades to
// TLS when the relay offers STARTTLS, smtps:// starts in TLS; a user and
// password in the URL (smtps://user:secret@relay.example:465) sign in when
// the relay asks (AUTH).
//
// Thread-safety: SendMail may be called from any thread (one libcurl handle
// per call; the library is initialised once).
#pragma once

#include <string>

namespace connex::mail {

struct SmtpSettings {
  std::string url;   // smtp://host:port or smtps://user:password@host:port
  std::string from;  // the envelope sender
  long timeout_seconds = 60;
};

struct SmtpOutcome {
  bool sent = false;
  // The relay refused for good (a 5xx answer): sending again will not help.
  bool permanent = false;
  std::string error;  // why not, for the administrators' outbox view
};

SmtpOutcome SendMail(const SmtpSettings& settings, const std::string& recipient,
                     const std::string& message);

// The URL without its password, for logs and pages.
std::string RedactedUrl(const std::string& url);

}  // namespace connex::mail
