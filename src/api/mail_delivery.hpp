// Delivering the outbox: one instance at a time (the lease in the database),
// each mail worded at delivery, handed to the relay, and recorded sent or
// retried at once. A failed attempt waits 30 s (MailConfig), then twice as long each time
// up to an hour, for as long as the relay answers "try later"; a relay that
// refuses for good (5xx) marks the mail failed. Duplicates are bounded: a mail
// is marked sent right after the relay accepts it, so only the one in flight
// when an instance dies can go twice (docs/adr/018-mail.md).
//
// Thread-safety: DeliverDueMail may run on any thread; the lease keeps two
// instances (or two threads) from delivering at once.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "store/database.hpp"

namespace connex::api {

struct MailConfig {
  std::string smtp_url;  // empty: mails stay queued
  std::string from;      // sender address, "connex@mail.example"
  // The wait after a first failed attempt; it doubles each time, up to an hour.
  std::chrono::seconds first_retry{30};
};

struct DeliveryRound {
  int sent = 0;
  int retried = 0;
  int failed = 0;
};

// What this process calls itself when it holds the lease.
std::string SenderName();

// Delivers what is due now, at most `batch` mails; nothing when another
// instance holds the lease or nothing is due. `log` gets one line per mail.
DeliveryRound DeliverDueMail(store::Database& db, const MailConfig& mail,
                             const std::string& base_url, const std::string& holder,
                             const std::function<void(nlohmann::json)>& log, int batch = 50);

}  // namespace connex::api
