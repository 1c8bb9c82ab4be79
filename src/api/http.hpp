// The API's request and reply, independent of the HTTP library, and the one
// place where errors become HTTP statuses and JSON bodies
// ({"error": {"code", "message", "field"}, "errors": [...]}, docs/api.md).
//
// Thread-safety: plain values.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/policy/policy.hpp"

namespace connex::api {

struct Request {
  std::string method;
  std::string path;
  std::vector<std::string> params;           // path parameters, in order
  std::map<std::string, std::string> query;  // first value of each query parameter
  nlohmann::json body;                       // an object; empty when the request had none
  std::string raw;           // the body as sent, for routes that take files (Route::raw_body)
  std::string content_type;  // the Content-Type header
  std::string client;        // remote address
  std::string request_id;
  domain::Principal principal;
  std::optional<domain::SignedIn> signed_in;
  // The reader's language (en, fr, es, pt): the account's, else the one
  // Accept-Language prefers, else English. Errors, letters, calendars and
  // workbooks are written in it.
  std::string language = "en";
};

struct Reply {
  Reply() = default;
  Reply(int status_, nlohmann::json body_,
        std::vector<std::pair<std::string, std::string>> headers_ = {})
      : status(status_), body(std::move(body_)), headers(std::move(headers_)) {}

  int status = 200;
  nlohmann::json body = nlohmann::json::object();
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, sent as is with `raw_type` instead of `body` as JSON (downloads).
  std::optional<std::string> raw;
  std::string raw_type;
  // When set, the body is streamed with `raw_type` (server-sent events): each
  // call answers the next chunk, "" when there is nothing new yet (asked again
  // 250 ms later), or nullopt at the end. Must not block: it runs on a worker
  // that the connection does not hold between calls (api/http_server.hpp).
  std::function<std::optional<std::string>()> stream;
};

using Handler = std::function<Result<Reply>(Request&)>;

// The HTTP status and machine-readable code of an error.
int StatusOf(ErrorCode code);
const char* CodeName(ErrorCode code);
// {"error": first, "errors": all}.
nlohmann::json ErrorBody(const Errors& errors);
nlohmann::json ErrorBody(const std::string& code, const std::string& message,
                         const std::string& field);

// A request body as a JSON object, or the reply refusing it: 400 invalid_json
// (with the byte where parsing failed) or 400 invalid_input (not an object,
// or a text anywhere in it holding U+0000, naming its path).
struct ParsedBody {
  nlohmann::json value;
  std::optional<Reply> refusal;
};
ParsedBody ParseJsonBody(const std::string& text);

// The reply body as text. Strings that reached a message undecoded (a query
// parameter with %FF, say) are not valid UTF-8: they are replaced, not thrown on.
std::string BodyText(const nlohmann::json& body);

// A JSON object body read with the shared strict reader (core/json_reader.hpp):
// every field must be known, of the right type and within bounds; every
// problem is reported, naming the field.
class BodyReader {
 public:
  BodyReader(const nlohmann::json& body, const std::vector<std::string>& known);
  // A string of 1..max_length characters (or absent and not required: "").
  std::string Text(const std::string& field, bool required, size_t max_length = 1000);
  // A whole number in [lo, hi] (or absent and not required: `fallback`).
  int Integer(const std::string& field, bool required, int lo, int hi, int fallback = 0);
  // A finite number (or absent and not required: `fallback`).
  double Number(const std::string& field, bool required, double fallback = 0);
  // A nested value as sent (nullptr when absent or null), for readers of their own.
  const nlohmann::json* Value(const std::string& field);
  // Adds errors found by another reader of this body.
  void Add(const Errors& more) { errors_.insert(errors_.end(), more.begin(), more.end()); }
  // Errors so far, unknown fields first; empty when the body is acceptable.
  const Errors& errors() const { return errors_; }

 private:
  const nlohmann::json& body_;
  Errors errors_;
  JsonReader reader_{errors_};  // after errors_: it writes there
};

// Parses a query parameter as an integer in [lo, hi], `fallback` when absent.
Result<int> QueryInt(const Request& r, const std::string& name, int fallback, int lo, int hi);
// The query parameter `name`, or "" when absent.
std::string QueryText(const Request& r, const std::string& name);
// The query parameter `name` if it is one of `codes`, or "" (absent, or not a
// code: then an error naming it is added to `errors`).
std::string QueryCode(const Request& r, const std::string& name,
                      const std::vector<std::string>& codes, Errors& errors);

}  // namespace connex::api
