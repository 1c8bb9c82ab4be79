// The portal's HTTP/1.1 server, event-driven (Boost.Beast over Asio,
// docs/adr/015-event-driven-server.md): one thread waits on every connection
// at once, so a connection that is idle, slow or dribbling bytes costs memory,
// never a thread. Handlers run on a bounded pool of workers. What the server
// holds against a hostile client:
//   - a deadline for a request's whole header and, once the header is read,
//     for its whole body (not per byte: a byte every second does not extend it);
//   - an idle limit between the requests of a keep-alive connection;
//   - a cap on connections per remote address and in total (beyond: 503);
//   - a cap on requests waiting for a worker (beyond: 503 at once);
//   - header and body size limits, read before the body is.
// Stop() drains: no new connections, idle ones closed, requests being handled
// finish and are answered, then Run() returns.
//
// Thread-safety: Stop() may be called from any thread; handlers are called on
// the workers (Handler) or on the I/O thread (Direct) concurrently.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace connex::api {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpLimits {
  int workers = 16;                  // threads running handlers
  int queue = 1024;                  // requests waiting for a worker beyond which 503
  std::size_t connections = 20000;   // open connections in total
  std::size_t per_address = 256;     // open connections from one remote address
  std::size_t header_bytes = 16384;  // request line and headers
  std::size_t body_bytes = 1 << 20;  // the largest body any route accepts
  // A body every route accepts: a request that sends no more is read without
  // asking HttpHandlers::body_limit.
  std::size_t common_body_bytes = 64 << 10;
  std::chrono::milliseconds header_deadline{10000};  // first byte to the end of the header
  std::chrono::milliseconds body_deadline{120000};   // end of the header to the end of the body
  std::chrono::milliseconds idle{20000};             // between the requests of a connection
  std::chrono::milliseconds write_deadline{120000};  // for the client to take an answer
  std::chrono::milliseconds drain{25000};            // Stop(): then connections are cut
};

struct HttpRequest {
  std::string method;  // HEAD is passed on as is; the server drops the answer's body
  std::string path;    // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  Headers headers;
  std::string body;
  std::string remote;  // the client's address
  // The value of header `name` (any case), or "".
  std::string Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  Headers headers;
  std::string body;
  // A long answer (server-sent events): polled on a worker for what to send
  // next: text, "" for nothing yet (polled again 250 ms later, holding no
  // thread meanwhile), or nullopt at the end. Must not block. The connection
  // closes at the end.
  std::function<std::optional<std::string>()> stream;
};

// What the HTTP layer itself refuses, for the application to word.
enum class HttpFailure {
  kUnreadable,      // 400: not HTTP
  kHeaderTooLarge,  // 431
  kBodyTooLarge,    // 413
  kOverloaded,      // 503: every worker busy and the queue full, or too many connections
  kInternal,        // 500: the handler failed
};

struct HttpHandlers {
  // Answers a request; runs on a worker.
  std::function<HttpResponse(HttpRequest&)> handle;
  // Answers on the I/O thread when it can without waiting (files kept in
  // memory), else nullopt and `handle` gets the request.
  std::function<std::optional<HttpResponse>(const HttpRequest&)> direct;
  // The answer for a refusal of the HTTP layer.
  std::function<HttpResponse(HttpFailure)> refuse;
  // The largest body a request may send, from its method, path and headers
  // (no body yet); at least HttpLimits::common_body_bytes, at most
  // body_bytes. Asked only of requests that announce a larger body or send
  // one in chunks. Unset: body_bytes.
  std::function<std::size_t(const HttpRequest&)> body_limit;
  // Added to every answer.
  Headers always;
};

class HttpServer {
 public:
  HttpServer(HttpLimits limits, HttpHandlers handlers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on host:port; an error message when it cannot.
  std::optional<std::string> Bind(const std::string& host, int port);
  // Serves until Stop() and the drain that follows.
  void Run();
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Percent-decodes `text`; `plus_is_space` for query strings. Malformed escapes stay as sent.
std::string DecodeUrl(std::string_view text, bool plus_is_space);

}  // namespace connex::api
