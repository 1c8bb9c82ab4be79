// A real SMTP server for API tests (tests/support/smtp_sink.py over Debian's
// python3-aiosmtpd): every message it accepts is kept, decoded, as JSON
// (envelope, threading headers, text and HTML parts).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace connex::testing {

class MailSink {
 public:
  // Listens on `port` (0: a free one) and keeps mails in a new directory.
  explicit MailSink(int port = 0);
  ~MailSink();
  MailSink(const MailSink&) = delete;
  MailSink& operator=(const MailSink&) = delete;

  bool ready() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The mails received so far, oldest first.
  std::vector<nlohmann::json> Mails() const;
  // The mails received to `address` (envelope recipient) so far.
  std::vector<nlohmann::json> MailsTo(const std::string& address) const;
  // Waits up to `seconds` for `count` mails to `address` (of those that
  // `keep`, when given); the mails to it.
  std::vector<nlohmann::json> WaitFor(
      const std::string& address, size_t count, int seconds = 20,
      const std::function<bool(const nlohmann::json&)>& keep = nullptr);

 private:
  int port_ = 0;
  int pid_ = -1;
  int stdout_ = -1;  // the read end of the sink's standard output
  std::string dir_;
};

}  // namespace connex::testing
