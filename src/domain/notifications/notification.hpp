// A notice to one user about something that happened: a request submitted or
// moved, a clock about to breach, a message, an enquiry, a due date.
//
// Thread-safety: plain values.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace connex::domain {

struct Notification {
  std::string id;
  std::string user_id;
  std::string kind;        // request_submitted | state_changed | clock_warning | clock_breached |
                           // document | message | enquiry | ...
  std::string request_id;  // empty when the notice is about no request
  std::string text;        // in English: what a reader of a language without words for `kind` reads
  Instant at;
  std::optional<Instant> read_at;
  // The facts its words are made of: the mail catalog's parameters for `kind`
  // (domain/mail/messages), and "title", the request it is about; null for a
  // notification that has `text` only.
  nlohmann::json params = nullptr;
};

// The words of `n` for a reader of `language`: the subject of its kind's mail
// in that language, after the title of the request it is about.
std::string NotificationText(const Notification& n, const std::string& language);

}  // namespace connex::domain
