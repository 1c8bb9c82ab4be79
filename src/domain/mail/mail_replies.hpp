// A reply by mail, taken into its request's messages: the token of the
// address it was sent to names the request and the recipient it was given
// to; the reply is taken only from that recipient's own address, while
// their account is enabled and may still write on the request. Its
// attachments become the request's documents (sniffed like uploads). All of
// it or nothing: a refusal writes nothing and says why. A reply whose
// Message-ID was taken before is answered `again` and writes nothing.
//
// Thread-safety: a function of the caller's transaction.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/requests/request_service.hpp"
#include "domain/shared/stores.hpp"

namespace connex::domain {

struct MailReply {
  std::string token;       // from the address replied to, connex+TOKEN@host
  std::string from;        // the sender's address
  std::string message_id;  // its Message-ID: a reply piped twice is taken once
  std::string text;        // the writer's words, the quoted history dropped
  std::vector<std::pair<std::string, std::string>> attachments;  // name, bytes
};

struct TakenReply {
  std::string request_id;
  std::string message_id;
  int documents = 0;
  bool again = false;  // taken before, by its Message-ID: nothing written now
};

Result<TakenReply> TakeMailReply(Stores& s, const RequestService& requests, const MailReply& reply,
                                 Instant now);

// The token of an address connex+TOKEN@host, or "".
std::string ReplyTokenOf(const std::string& address);

}  // namespace connex::domain
