#include "api/mail_delivery.hpp"

#include <unistd.h>

#include <algorithm>

#include "core/crypto.hpp"
#include "domain/mail/mail_render.hpp"
#include "domain/mail/mail_repository.hpp"
#include "mail/mime_message.hpp"
#include "mail/smtp_client.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

namespace {

constexpr auto kLease = std::chrono::minutes(2);  // longer than one SMTP exchange may take
constexpr auto kLongestWait = std::chrono::hours(1);

std::chrono::seconds RetryDelay(std::chrono::seconds first, int attempts) {
  std::chrono::seconds delay = first;
  for (int i = 1; i < attempts && delay < kLongestWait; ++i) delay *= 2;
  return std::min<std::chrono::seconds>(delay, kLongestWait);
}

bool TakeLease(store::Database& db, const std::string& holder) {
  auto taken = store::WriteStores(db, [&](domain::Stores& st) -> Result<bool> {
    const Instant now = Now();
    return st.mail.TakeLease(holder, now, now + kLease);
  });
  return taken.ok() && *taken;
}

}  // namespace

std::string SenderName() {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  static const std::string name =
      std::string(host) + ":" + std::to_string(getpid()) + ":" + RandomToken(6);
  return name;
}

DeliveryRound DeliverDueMail(store::Database& db, const MailConfig& mail,
                             const std::string& base_url, const std::string& holder,
                             const std::function<void(nlohmann::json)>& log, int batch) {
  DeliveryRound round;
  if (mail.smtp_url.empty()) return round;
  auto due =
      store::ReadStores(db, [&](domain::Stores& st) -> Result<std::vector<domain::OutboundMail>> {
        return st.mail.Due(Now(), batch);
      });
  if (!due || due->empty() || !TakeLease(db, holder)) return round;
  const domain::MailSettings settings{base_url, mail.from};
  const mail::SmtpSettings smtp{mail.smtp_url, mail.from};
  for (const domain::OutboundMail& m : *due) {
    // The lease is renewed before each mail, so a mail is never sent by an
    // instance whose lease lapsed while it worked on the one before.
    if (!TakeLease(db, holder)) break;
    const domain::RenderedMail words = domain::RenderMail(m, settings);
    const mail::SmtpOutcome outcome =
        mail::SendMail(smtp, m.recipient, mail::MimeMessage(words, Now(), m.id));
    const int attempts = m.attempts + 1;
    domain::MailStatus status = domain::MailStatus::kSent;
    if (!outcome.sent)
      status = outcome.permanent ? domain::MailStatus::kFailed : domain::MailStatus::kQueued;
    auto recorded = store::WriteStores(db, [&](domain::Stores& st) -> Result<Done> {
      const Instant now = Now();
      if (outcome.sent) {
        st.mail.MarkSent(m.id, now);
      } else {
        st.mail.MarkAttempt(m.id, status, attempts, now + RetryDelay(mail.first_retry, attempts),
                            outcome.error);
      }
      return Done{};
    });
    nlohmann::json line = {{"event", "mail"},
                           {"id", m.id},
                           {"kind", m.kind},
                           {"status", domain::ToString(status)},
                           {"attempts", attempts}};
    if (!outcome.sent) line["error"] = outcome.error;
    if (!recorded) line["record_error"] = recorded.error().ToString();
    line["level"] = outcome.sent ? "info" : "warn";
    log(std::move(line));
    if (outcome.sent) {
      ++round.sent;
    } else if (outcome.permanent) {
      ++round.failed;
    } else {
      ++round.retried;
      break;  // the relay is unwell: the rest wait for the next round
    }
  }
  store::WriteStores(db, [&](domain::Stores& st) -> Result<Done> {
    st.mail.ReleaseLease(holder);
    return Done{};
  });
  return round;
}

}  // namespace connex::api
