// `connex mail send`: delivers the outbox now, from the console (a portal
// with --smtp does it every second by itself). `connex mail receive`: takes
// one reply from standard input, as the mail server pipes it (docs/deploy.md).
#include <iostream>
#include <iterator>

#include "cli/commands/platform_common.hpp"
#include "domain/mail/mail_replies.hpp"
#include "mail/inbound_message.hpp"
#include "store/sql_stores.hpp"

namespace connex::cli {

namespace {

struct MailArgs {
  DataOptions data;
  api::MailConfig mail;
  std::string base_url = "http://127.0.0.1:8080";
  std::string recipient;
  long long max_bytes = 25 << 20;
};

// Exit statuses a mail server understands (sysexits.h): a refused reply
// bounces with its reason; a database that cannot be reached is tried again.
constexpr int kRefused = 65;   // EX_DATAERR
constexpr int kTryLater = 75;  // EX_TEMPFAIL

void Said(const nlohmann::json& line) { std::cerr << line.dump() << "\n"; }

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

  CLI::App* receive = mail->add_subcommand(
      "receive",
      "Take one reply from standard input (RFC 5322, as the mail server pipes it) into its "
      "request's messages; exit 0 when taken, 65 when refused (the reason on standard error), "
      "75 when the database cannot be reached");
  AddDataOption(receive, args->data);
  receive
      ->add_option("--recipient", args->recipient,
                   "The envelope recipient, connex+TOKEN@host (Postfix: ${recipient}); "
                   "default: the message's To, Cc and Delivered-To")
      ->type_name("ADDRESS");
  receive->add_option("--max-bytes", args->max_bytes, "Larger messages are refused")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 1LL << 30));
  receive->callback([args, &exit_code] {
    std::string raw;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      raw.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (static_cast<long long>(raw.size()) > args->max_bytes) break;
    }
    const auto refuse = [&](const std::string& reason) {
      Said({{"event", "mail refused"}, {"reason", reason}});
      exit_code = kRefused;
    };
    if (static_cast<long long>(raw.size()) > args->max_bytes) {
      return refuse("the message is larger than " + std::to_string(args->max_bytes) + " bytes");
    }
    auto parsed = connex::mail::ParseInboundMail(raw);
    if (!parsed) return refuse("the message " + parsed.error().message);
    domain::MailReply reply;
    std::vector<std::string> addresses = parsed->recipients;
    if (!args->recipient.empty()) addresses = {args->recipient};
    for (const std::string& a : addresses) {
      if (reply.token.empty()) reply.token = domain::ReplyTokenOf(a);
    }
    reply.from = parsed->from;
    reply.message_id = parsed->message_id;
    reply.text = connex::mail::ReplyText(parsed->text);
    for (auto& a : parsed->attachments) reply.attachments.emplace_back(a.name, std::move(a.bytes));
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kTryLater);
    const domain::RequestService requests(static_cast<size_t>(args->max_bytes));
    auto taken = store::WriteStores(
        *db, [&](domain::Stores& st) { return domain::TakeMailReply(st, requests, reply, Now()); });
    if (!taken) return refuse(taken.error().message);
    if (taken->again) {
      // Exit 0: the mail server delivered it twice; the sender needs no bounce.
      Said({{"event", "mail already taken"},
            {"request", taken->request_id},
            {"message_id", reply.message_id}});
      return;
    }
    Said({{"event", "mail received"},
          {"request", taken->request_id},
          {"message", taken->message_id},
          {"documents", taken->documents}});
  });
}

}  // namespace connex::cli
