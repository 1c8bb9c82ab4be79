// `connex mail send`: delivers the outbox now, from the console (a portal
// with --smtp does it every second by itself).
#include <iostream>

#include "cli/commands/platform_common.hpp"

namespace connex::cli {

namespace {

struct MailArgs {
  DataOptions data;
  api::MailConfig mail;
  std::string base_url = "http://127.0.0.1:8080";
};

}  // namespace

void AddMailCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MailArgs>();
  CLI::App* mail = app.add_subcommand("mail", "Deliver the outbox");
  mail->require_subcommand(1);

  CLI::App* send = mail->add_subcommand(
      "send",
      "Deliver every mail due now through --smtp, then exit; prints how many went, wait for a "
      "retry, or failed for good");
  AddDataOption(send, args->data);
  AddMailOptions(send, args->mail);
  send->add_option("--base-url", args->base_url, "The portal's public address, for links")
      ->envname("CONNEX_BASE_URL")
      ->capture_default_str();
  send->callback([args, &exit_code] {
    if (args->mail.smtp_url.empty()) {
      std::cerr << "error: --smtp: the relay to send through is needed\n";
      return void(exit_code = kOperatorInvalid);
    }
    if (const std::string why = CheckMailOptions(args->mail); !why.empty()) {
      std::cerr << "error: " << why << "\n";
      return void(exit_code = kOperatorInvalid);
    }
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kOperatorFailed);
    api::DeliveryRound total;
    const auto log = [](nlohmann::json line) { std::cerr << line.dump() << "\n"; };
    for (;;) {
      const api::DeliveryRound round =
          api::DeliverDueMail(*db, args->mail, args->base_url, api::SenderName(), log);
      total.sent += round.sent;
      total.retried += round.retried;
      total.failed += round.failed;
      if (round.sent + round.failed == 0 || round.retried > 0) break;
    }
    std::cout << total.sent << " sent, " << total.retried << " to retry, " << total.failed
              << " failed\n";
    if (total.retried > 0 || total.failed > 0) exit_code = kOperatorFailed;
  });
}

}  // namespace connex::cli
