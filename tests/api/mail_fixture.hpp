// The portal with a real SMTP server (tests/support/smtp_sink.py) for the
// suites that read what it mails: one sink per suite, the demo accounts
// signed in, and the shapes of mail those suites look for.
#pragma once

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "mail_sink.hpp"
#include "server_process.hpp"

namespace connex::testing {

inline constexpr const char* kMailFrom = "connex@mail.example";
inline constexpr const char* kBaseUrl = "https://connex.example";

inline std::vector<std::string> MailOptions(const std::string& smtp) {
  return {"--smtp", smtp, "--mail-from", kMailFrom, "--base-url", kBaseUrl, "--mail-retry", "1"};
}

// A Ghanaian request for `project`, complete enough to submit.
inline nlohmann::json LeaseForm(const std::string& project) {
  return {{"entity", "Minerals Commission"},
          {"focal_points", {{{"name", "Kwame Mensah"}, {"email", "focal.ghana@connex.example"}}}},
          {"counterparties", {{{"name", "Acme Mining Ltd."}}}},
          {"project_name", project},
          {"commodity", "gold"},
          {"disciplines", {"legal"}},
          {"phase", "negotiation"},
          {"language", "en"},
          {"background", "A draft lease to review."}};
}

// The thread every mail about request `id` belongs to.
inline std::string ThreadOf(const std::string& request_id) {
  return "<request." + request_id + "@mail.example>";
}

template <typename Suite>
class MailTest : public PortalTest<Suite> {
 public:
  static std::vector<std::string> ServerOptions() {
    sink_ = new MailSink();
    return MailOptions(sink_->url());
  }
  static void TearDownTestSuite() {
    PortalTest<Suite>::TearDownTestSuite();
    delete sink_;
    sink_ = nullptr;
  }

 protected:
  void SetUp() override {
    PortalTest<Suite>::SetUp();
    if (::testing::Test::HasFatalFailure()) return;
    ASSERT_TRUE(sink_->ready()) << "the SMTP sink did not start";
    this->SignIn(
        {&this->ghana_, &this->senegal_, &this->coordinator_, &this->admin_, &this->expert_});
  }
  // The mails to `address` whose subject matches `pattern`, waiting up to
  // `seconds` for the first.
  std::vector<nlohmann::json> Subject(const std::string& address, const std::string& pattern,
                                      int seconds = 20) {
    return sink_->WaitFor(address, 1, seconds, [&](const nlohmann::json& m) {
      return std::regex_search(m["subject"].template get<std::string>(), std::regex(pattern));
    });
  }
  static inline MailSink* sink_ = nullptr;
};

}  // namespace connex::testing
