// The HTTP layer against a hostile client (api/http_server.hpp): slow and
// idle connections hold no worker and end at their deadlines, connection
// limits, the web app's files compressed and cached, and the layer's own
// errors in the API's shape. Bounded to seconds; the large figures (1,000
// slow connections, 10,000 idle ones) are in `make bench`.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "server_process.hpp"

namespace connex::testing {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// A raw TCP connection to the server, for what a well-behaved client never does.
class Raw {
 public:
  explicit Raw(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Raw() { close(fd_); }
  bool connected() const { return connected_; }
  bool Send(const std::string& text) {
    return send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }
  // What arrives within `wait`, until the server closes or `wait` passes.
  std::string Read(std::chrono::milliseconds wait) {
    std::string out;
    const auto until = Clock::now() + wait;
    while (Clock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (poll(&p, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) break;
      char buf[4096];
      const ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }
  // True when the server closed the connection (Read saw the end).
  bool closed() const { return closed_; }

 private:
  int fd_;
  bool connected_ = false;
  bool closed_ = false;
};

TEST(HttpServer, SlowClientsHoldNoWorkerAndEndAtTheHeaderDeadline) {
  // Two workers; ten times as many connections dribbling a header line every
  // 200 ms would have held every thread of a thread-per-connection server.
  ServerProcess server({"--threads", "2", "--header-timeout", "2"});
  ASSERT_TRUE(server.ready());
  std::vector<std::unique_ptr<Raw>> slow;
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<Raw>(server.port()));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->Send("GET /healthz HTTP/1.1\r\n"));
  }
  Client visitor(server.port()), admin(server.port());
  ASSERT_TRUE(admin.SignIn("admin@connex.example"));
  const auto start = Clock::now();
  for (int round = 0; round < 5; ++round) {
    for (auto& c : slow) c->Send("X-Dribble: " + std::to_string(round) + "\r\n");
    const auto asked = Clock::now();
    EXPECT_EQ(Status(visitor.Get("/healthz")), 200);
    EXPECT_EQ(Status(admin.Get("/api/v1/session")), 200);
    EXPECT_LT(Clock::now() - asked, 1s) << "answered late while slow clients were held";
    std::this_thread::sleep_for(200ms);
  }
  // Each kept sending, yet the whole header had 2 s: every one is closed by
  // about then, unanswered, although the last byte came less than 200 ms ago.
  for (auto& c : slow) {
    c->Send("X-Still: here\r\n");
    const std::string got = c->Read(3s);
    EXPECT_TRUE(c->closed());
    EXPECT_EQ(got, "");
  }
  EXPECT_LT(Clock::now() - start, 5s);
}

TEST(HttpServer, IdleKeepAliveConnectionsCloseAfterTheIdleLimit) {
  ServerProcess server({"--keep-alive", "1"});
  ASSERT_TRUE(server.ready());
  Raw c(server.port());
  ASSERT_TRUE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_NE(c.Read(500ms).find("HTTP/1.1 200"), std::string::npos);
  EXPECT_FALSE(c.closed());
  // The same connection answers a second request while within the limit...
  ASSERT_TRUE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_NE(c.Read(500ms).find("HTTP/1.1 200"), std::string::npos);
  // ...and is closed once idle for longer.
  c.Read(2500ms);
  EXPECT_TRUE(c.closed());
}

TEST(HttpServer, ConnectionsBeyondThePerAddressLimitAreRefused) {
  ServerProcess server({"--max-connections-per-address", "3"});
  ASSERT_TRUE(server.ready());
  std::vector<std::unique_ptr<Raw>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<Raw>(server.port()));
  std::this_thread::sleep_for(200ms);  // accepted and counted
  Raw extra(server.port());
  const std::string refused = extra.Read(2s);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After"), std::string::npos);
  EXPECT_TRUE(extra.closed());
  // Once one closes, a new connection is served.
  held.pop_back();
  std::this_thread::sleep_for(200ms);
  Raw next(server.port());
  ASSERT_TRUE(next.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(next.Read(2s).rfind("HTTP/1.1 200", 0), 0u);
}

TEST(HttpServer, ErrorsOfTheHttpLayerHaveTheApiShape) {
  ServerProcess server({"--max-body", "2048", "--max-document", "4096"});
  ASSERT_TRUE(server.ready());
  Client client(server.port());
  auto check = [](const httplib::Result& r, int status, const std::string& field) {
    ASSERT_EQ(Status(r), status);
    EXPECT_FALSE(r->get_header_value("X-Request-Id").empty());
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
    EXPECT_EQ(Json(r)["error"]["field"], field);
    EXPECT_FALSE(Json(r)["error"]["message"].get<std::string>().empty());
  };
  check(client.Get("/api/v1/no-such-route"), 404, "path");
  auto wrong_method = client.Raw("PUT", "/healthz", "{}", "application/json");
  check(wrong_method, 405, "method");
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "GET");
  check(client.Raw("POST", "/api/v1/session", std::string(10000, 'x'), "application/json"), 413,
        "body");

  // A file upload may be larger than other bodies, but only from a client with
  // a session: refused from the header alone otherwise, before the body comes.
  const std::string upload =
      "POST /api/v1/hub/documents/hub_x/file?name=a.pdf HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/pdf\r\nContent-Length: 3000\r\n";
  Raw anonymous(server.port());
  anonymous.Send(upload + "\r\n");
  const std::string early = anonymous.Read(2s);
  EXPECT_EQ(early.rfind("HTTP/1.1 413", 0), 0u) << early;
  Raw with_session(server.port());
  with_session.Send(upload + "Cookie: connex_session=not-a-session\r\n\r\n" +
                    std::string(3000, 'x'));
  const std::string read = with_session.Read(2s);
  EXPECT_EQ(read.rfind("HTTP/1.1 401", 0), 0u) << read.substr(0, 200);

  // Not HTTP at all, and a header beyond its limit: answered, then closed.
  Raw garbage(server.port());
  garbage.Send("HELLO THERE\r\n\r\n");
  const std::string unreadable = garbage.Read(2s);
  EXPECT_EQ(unreadable.rfind("HTTP/1.1 400", 0), 0u) << unreadable;
  EXPECT_NE(unreadable.find("X-Request-Id"), std::string::npos);
  Raw huge(server.port());
  huge.Send("GET /healthz HTTP/1.1\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  const std::string too_large = huge.Read(2s);
  EXPECT_EQ(too_large.rfind("HTTP/1.1 431", 0), 0u) << too_large.substr(0, 200);
  EXPECT_NE(too_large.find("\"field\":\"headers\""), std::string::npos);
}

// The API's JSON: gzipped above 1 kB for clients that take it, and exactly
// the same JSON once inflated; small answers and clients without gzip get it as is.
std::string Gunzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 22, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

TEST(HttpServer, LargeJsonAnswersGoGzippedToClientsThatTakeIt) {
  ServerProcess server;
  ASSERT_TRUE(server.ready());
  httplib::Client http("127.0.0.1", server.port());
  http.set_decompress(false);
  auto plain = http.Get("/api/v1/hub/codelists", {{"Accept-Encoding", "identity"}});
  ASSERT_EQ(Status(plain), 200);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_GT(plain->body.size(), 10000u);
  auto gz = http.Get("/api/v1/hub/codelists", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(Status(gz), 200);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(gz->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(gz->get_header_value("Content-Type"), "application/json");
  EXPECT_LT(gz->body.size() * 4, plain->body.size());
  EXPECT_EQ(Gunzip(gz->body), plain->body);
  // The session (with its CSRF token) is small and goes as it is.
  auto session = http.Get("/api/v1/session", {{"Accept-Encoding", "gzip"}});
  EXPECT_FALSE(session->has_header("Content-Encoding"));
  EXPECT_EQ(Status(http.Get("/api/v1/hub/codelists", {{"Accept-Encoding", "gzip;q=0"}})), 200);
  EXPECT_FALSE(http.Get("/api/v1/hub/codelists", {{"Accept-Encoding", "gzip;q=0"}})
                   ->has_header("Content-Encoding"));
}

TEST(HttpServer, WebFilesAreSentCompressedAndCachedAsTheirNamesAllow) {
  const auto web =
      std::filesystem::temp_directory_path() / ("connex-web-" + std::to_string(getpid()));
  std::filesystem::create_directories(web / "assets");
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(web / name, std::ios::binary) << text;
  };
  write("index.html", "<!doctype html><title>CONNEX</title>");
  write("index.html.gz", "gzip form of the page");
  write("assets/app-1a2b3c.js", "console.log('app');");
  write("assets/app-1a2b3c.js.br", "brotli form");
  write("assets/app-1a2b3c.js.gz", "gzip form");
  ServerProcess server({"--web", web.string()});
  ASSERT_TRUE(server.ready());
  httplib::Client http("127.0.0.1", server.port());
  http.set_decompress(false);

  // A hashed asset: the Brotli form when taken, else gzip, else as is; cached for a year.
  auto br = http.Get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(Status(br), 200);
  EXPECT_EQ(br->body, "brotli form");
  EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(br->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(br->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(br->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto gz = http.Get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "gzip, br;q=0"}});
  EXPECT_EQ(gz->body, "gzip form");
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  auto plain = http.Get("/assets/app-1a2b3c.js", {{"Accept-Encoding", "identity"}});
  EXPECT_EQ(plain->body, "console.log('app');");
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_NE(plain->get_header_value("ETag"), br->get_header_value("ETag"));

  // The page: revalidated every time; the same ETag gets 304 without a body.
  auto page = http.Get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(Status(page), 200);
  EXPECT_EQ(page->body, "gzip form of the page");
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-cache");
  const std::string etag = page->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = http.Get("/", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}});
  EXPECT_EQ(Status(again), 304);
  EXPECT_EQ(again->body, "");
  EXPECT_EQ(again->get_header_value("ETag"), etag);
  // A path the web app routes itself gets the same page; the API does not.
  auto routed = http.Get("/requests/req_123", {{"Accept-Encoding", "identity"}});
  EXPECT_EQ(routed->body, "<!doctype html><title>CONNEX</title>");
  EXPECT_EQ(Status(http.Get("/api/v1/nothing-here")), 404);
  EXPECT_EQ(Json(http.Get("/healthz"))["status"], "ok");
  std::filesystem::remove_all(web);
}

}  // namespace
}  // namespace connex::testing
