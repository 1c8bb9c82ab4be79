#include "api/http_server.hpp"

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <sstream>
#include <unordered_map>

namespace connex::api {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

std::string HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (beast::iequals(k, beast::string_view(name.data(), name.size()))) return v;
  }
  return "";
}

std::string DecodeUrl(std::string_view text, bool plus_is_space) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// Splits a request target into its decoded path and query parameters.
void ReadTarget(std::string_view target, HttpRequest& r) {
  const size_t q = target.find('?');
  r.path = DecodeUrl(target.substr(0, q), false);
  if (q == std::string_view::npos) return;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      r.query.emplace_back(
          DecodeUrl(pair.substr(0, eq), true),
          eq == std::string_view::npos ? "" : DecodeUrl(pair.substr(eq + 1), true));
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
}

using Answer = http::response<http::string_body>;

// A server-sent stream with nothing new is asked again after this.
constexpr auto kPollEvery = std::chrono::milliseconds(250);

// fn(), or `fallback` if it throws: for application code run on the I/O thread.
template <typename F, typename T>
T Guarded(F&& fn, T fallback) {
  try {
    return fn();
  } catch (...) {
    return fallback;
  }
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpLimits limits, HttpHandlers handlers)
      : limits_(std::move(limits)),
        handlers_(std::move(handlers)),
        acceptor_(io_),
        workers_(static_cast<size_t>(std::max(1, limits_.workers))),
        drain_timer_(io_),
        wait_timer_(io_) {}

  class Connection;

  std::optional<std::string> Bind(const std::string& host, int port) {
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec) return "not an address: " + host;
    const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return ec.message();
    return std::nullopt;
  }

  void Run() {
    Accept();
    // A handler that throws on the I/O thread costs its connection, not the server.
    for (;;) {
      try {
        io_.run();
        break;
      } catch (const std::exception&) {
      }
    }
    workers_.join();
  }

  void Stop() {
    net::post(io_, [this] { Drain(); });
  }

  void Accept();
  void Drain();
  void AwaitLastConnection();
  // Counts of open connections, touched on the I/O thread only.
  bool Admit(const std::string& address) {
    if (open_ >= limits_.connections) return false;
    size_t& n = per_address_[address];
    if (n >= limits_.per_address) {
      if (n == 0) per_address_.erase(address);
      return false;
    }
    ++n;
    ++open_;
    return true;
  }
  void Release(const std::string& address) {
    --open_;
    auto it = per_address_.find(address);
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  }
  // Serialises an answer, with the headers every answer carries.
  std::shared_ptr<Answer> Build(HttpResponse res, unsigned version, bool head) const {
    auto msg = std::make_shared<Answer>(static_cast<http::status>(res.status), version);
    for (const auto& [k, v] : handlers_.always) msg->set(k, v);
    for (const auto& [k, v] : res.headers) msg->insert(k, v);
    const size_t length = res.body.size();
    if (!head) msg->body() = std::move(res.body);
    if (res.status != 204 && res.status != 304 && res.status >= 200) {
      msg->content_length(length);
    }
    return msg;
  }

  HttpLimits limits_;
  HttpHandlers handlers_;
  bool draining_ = false;
  int queued_ = 0;  // requests given to the workers and not answered yet
  size_t open_ = 0;
  std::unordered_map<std::string, size_t> per_address_;
  std::map<Connection*, std::weak_ptr<Connection>> connections_;
  // After the counts above: connections still held by handlers the context
  // destroys release their counts on the way out.
  net::io_context io_{1};
  tcp::acceptor acceptor_;
  net::thread_pool workers_;
  net::steady_timer drain_timer_;
  net::steady_timer wait_timer_;  // drain's check for the last connection; accept's pause
};

class HttpServer::Impl::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Impl& server, tcp::socket socket, std::string address)
      : s_(server),
        stream_(std::move(socket)),
        poll_(stream_.get_executor()),
        address_(std::move(address)) {}
  ~Connection() { s_.Release(address_); }

  void Start() { ReadHeader(); }

  // Closes the connection if it waits for a request; a request being read,
  // handled or answered finishes first.
  void CloseIfIdle() {
    if (state_ == State::kWaiting) Close(false);
  }

 private:
  enum class State { kWaiting, kReading, kHandling, kWriting };

  void ReadHeader() {
    state_ = State::kWaiting;
    head_ = false;
    version_ = 11;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(s_.limits_.header_bytes));
    parser_->body_limit(s_.limits_.body_bytes);
    // A new connection's first header must arrive within the header deadline;
    // later ones within the idle limit, which also ends idle keep-alive.
    stream_.expires_after(first_ ? s_.limits_.header_deadline : s_.limits_.idle);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    first_ = false;
    if (ec) return Fail(ec);
    state_ = State::kReading;
    version_ = parser_->get().version();
    // The body this request may send, known from its header before any of
    // the body is read (and before Beast reserves room for it).
    const auto length = parser_->content_length();
    const std::size_t common_bytes = std::min(s_.limits_.common_body_bytes, s_.limits_.body_bytes);
    const bool common = length ? *length <= common_bytes : !parser_->chunked();
    std::size_t limit = common ? common_bytes : s_.limits_.body_bytes;
    if (s_.handlers_.body_limit && !common) {
      HttpRequest head;
      head.method = std::string(parser_->get().method_string());
      const auto target = parser_->get().target();
      ReadTarget(std::string_view(target.data(), target.size()), head);
      for (const auto& field : parser_->get()) {
        head.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      }
      limit = std::min(limit, Guarded([&] { return s_.handlers_.body_limit(head); }, limit));
    }
    parser_->body_limit(limit);
    if (length && *length > limit) return Refuse(HttpFailure::kBodyTooLarge);
    stream_.expires_after(s_.limits_.body_deadline);
    if (beast::iequals(parser_->get()[http::field::expect], "100-continue") &&
        !parser_->is_done()) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      return net::async_write(stream_, net::buffer(kContinue),
                              [self = shared_from_this()](beast::error_code e, size_t) {
                                if (e) return self->Close(false);
                                self->ReadBody();
                              });
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->Fail(ec);
                       self->Dispatch();
                     });
  }

  // A read that ended without a request: the client left or took too long
  // (closed quietly), or sent what is not HTTP or too much (answered).
  void Fail(beast::error_code ec) {
    if (ec == http::error::header_limit) return Refuse(HttpFailure::kHeaderTooLarge);
    if (ec == http::error::body_limit) return Refuse(HttpFailure::kBodyTooLarge);
    if (ec.category() == http::make_error_code(http::error::end_of_stream).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message) {
      return Refuse(HttpFailure::kUnreadable);
    }
    Close(false);
  }

  void Refuse(HttpFailure failure) {
    keep_alive_ = false;
    Write(s_.handlers_.refuse(failure));  // builds a small JSON body: does not throw but for memory
  }

  void Dispatch() {
    state_ = State::kHandling;
    stream_.expires_never();
    auto& msg = parser_->get();
    auto req = std::make_shared<HttpRequest>();
    req->method = std::string(msg.method_string());
    ReadTarget(std::string_view(msg.target().data(), msg.target().size()), *req);
    for (const auto& field : msg) {
      req->headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    req->body = std::move(msg.body());
    req->remote = address_;
    head_ = msg.method() == http::verb::head;
    version_ = msg.version();
    keep_alive_ = msg.keep_alive() && !s_.draining_;
    if (s_.handlers_.direct) {
      std::optional<HttpResponse> now =
          Guarded([&] { return s_.handlers_.direct(*req); }, std::optional<HttpResponse>());
      if (now) return Write(std::move(*now));
    }
    if (s_.queued_ >= s_.limits_.queue + s_.limits_.workers) {
      return Write(s_.handlers_.refuse(HttpFailure::kOverloaded));
    }
    ++s_.queued_;
    // The guard keeps the I/O thread running until the answer is back.
    net::post(s_.workers_,
              [self = shared_from_this(), req, work = net::make_work_guard(s_.io_)]() mutable {
                HttpResponse res;
                try {
                  res = self->s_.handlers_.handle(*req);
                } catch (...) {
                  res = self->s_.handlers_.refuse(HttpFailure::kInternal);
                }
                // Moved, so that the connection is released on the I/O thread.
                net::io_context& io = self->s_.io_;
                net::post(io, [self = std::move(self), res = std::move(res)]() mutable {
                  --self->s_.queued_;
                  self->Write(std::move(res));
                });
              });
  }

  void Write(HttpResponse res) {
    state_ = State::kWriting;
    stream_.expires_after(s_.limits_.write_deadline);
    if (res.stream && !head_) return StartStream(std::move(res));
    answer_ = s_.Build(std::move(res), version_, head_);
    answer_->keep_alive(keep_alive_ && !s_.draining_);
    http::async_write(stream_, *answer_, [self = shared_from_this()](beast::error_code ec, size_t) {
      const bool again = !ec && self->answer_->keep_alive();
      self->answer_.reset();
      if (!again) return self->Close(!ec);
      self->buffer_.shrink_to_fit();
      self->ReadHeader();
    });
  }

  // A streamed answer: the header without a length, then what the stream
  // gives until it ends; the end of the body is the end of the connection.
  void StartStream(HttpResponse res) {
    stream_fn_ = std::move(res.stream);
    res.stream = nullptr;
    res.headers.emplace_back("Connection", "close");
    auto msg = s_.Build(std::move(res), version_, false);
    msg->erase(http::field::content_length);
    std::ostringstream header;
    header << msg->base();
    out_ = header.str();
    net::async_write(stream_, net::buffer(out_),
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->Close(false);
                       self->Poll();
                     });
  }

  // Each poll takes a worker for a moment: counted with the requests, so that
  // many streams cannot crowd them out (the stream ends when the queue is full).
  void Poll() {
    if (s_.draining_ || s_.queued_ >= s_.limits_.queue + s_.limits_.workers) return Close(false);
    ++s_.queued_;
    net::post(s_.workers_,
              [self = shared_from_this(), work = net::make_work_guard(s_.io_)]() mutable {
                std::optional<std::string> next;
                try {
                  next = self->stream_fn_();
                } catch (...) {
                }
                net::io_context& io = self->s_.io_;
                net::post(io, [self = std::move(self), next = std::move(next)]() mutable {
                  --self->s_.queued_;
                  if (!next) return self->Close(false);
                  if (next->empty()) {
                    self->poll_.expires_after(kPollEvery);
                    return self->poll_.async_wait([self](beast::error_code ec) {
                      if (ec) return self->Close(false);
                      self->Poll();
                    });
                  }
                  self->out_ = std::move(*next);
                  self->stream_.expires_after(self->s_.limits_.write_deadline);
                  net::async_write(self->stream_, net::buffer(self->out_),
                                   [self](beast::error_code ec, size_t) {
                                     if (ec) return self->Close(false);
                                     self->Poll();
                                   });
                });
              });
  }

  // `linger`: after an answer, so that a client still sending (a body
  // refused as too large) reads the answer rather than a reset: stop
  // sending, take what the client still sends for up to a second, then close.
  void Close(bool linger) {
    if (closed_) return;
    closed_ = true;
    poll_.cancel();
    s_.connections_.erase(this);
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!linger) return stream_.close();
    stream_.expires_after(std::chrono::seconds(1));
    Discard();
  }

  void Discard() {
    stream_.async_read_some(net::buffer(discard_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) return self->stream_.close();
                              self->Discard();
                            });
  }

 public:
  void Register() { s_.connections_.emplace(this, weak_from_this()); }

 private:
  Impl& s_;
  beast::tcp_stream stream_;
  net::steady_timer poll_;
  std::string address_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Answer> answer_;
  std::function<std::optional<std::string>()> stream_fn_;
  std::string out_;
  std::array<char, 4096> discard_;
  State state_ = State::kWaiting;
  unsigned version_ = 11;
  bool head_ = false;
  bool first_ = true;
  bool keep_alive_ = true;
  bool closed_ = false;
};

void HttpServer::Impl::Accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      // The acceptor was closed to drain, or the process is out of files for
      // a moment: try again a little later unless draining.
      if (draining_ || !acceptor_.is_open()) return;
      wait_timer_.expires_after(std::chrono::milliseconds(50));
      wait_timer_.async_wait([this](beast::error_code e) {
        if (!e) Accept();
      });
      return;
    }
    beast::error_code ignored;
    if (draining_) {  // accepted just before the drain
      socket.close(ignored);
      return;
    }
    const auto remote = socket.remote_endpoint(ignored);
    std::string address = ignored ? "" : remote.address().to_string();
    socket.set_option(tcp::no_delay(true), ignored);
    if (!Admit(address)) {
      // No state is kept for a connection refused: one try to say why, then close.
      std::ostringstream text;
      text << *Build(handlers_.refuse(HttpFailure::kOverloaded), 11, false);
      socket.non_blocking(true, ignored);
      socket.write_some(net::buffer(text.str()), ignored);
      socket.close(ignored);
    } else {
      auto connection = std::make_shared<Connection>(*this, std::move(socket), std::move(address));
      connection->Register();
      connection->Start();
    }
    Accept();
  });
}

void HttpServer::Impl::Drain() {
  if (draining_) return;
  draining_ = true;
  beast::error_code ignored;
  acceptor_.close(ignored);
  for (auto& [raw, weak] : std::map(connections_)) {
    if (auto c = weak.lock()) c->CloseIfIdle();
  }
  drain_timer_.expires_after(limits_.drain);
  drain_timer_.async_wait([this](beast::error_code ec) {
    if (!ec) io_.stop();
  });
  AwaitLastConnection();
}

// The drain timer is work that keeps Run() going: cancelled once the last
// connection is gone.
void HttpServer::Impl::AwaitLastConnection() {
  if (connections_.empty()) {
    drain_timer_.cancel();
    return;
  }
  wait_timer_.expires_after(std::chrono::milliseconds(50));
  wait_timer_.async_wait([this](beast::error_code) { AwaitLastConnection(); });
}

HttpServer::HttpServer(HttpLimits limits, HttpHandlers handlers)
    : impl_(std::make_unique<Impl>(std::move(limits), std::move(handlers))) {}
HttpServer::~HttpServer() = default;
std::optional<std::string> HttpServer::Bind(const std::string& host, int port) {
  return impl_->Bind(host, port);
}
void HttpServer::Run() { impl_->Run(); }
void HttpServer::Stop() { impl_->Stop(); }

}  // namespace connex::api
