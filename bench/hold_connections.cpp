// hold_connections PORT COUNT SECONDS slow|idle: holds COUNT connections to
// a local `connex serve` for SECONDS, as hostile or merely many clients do
// (scripts/load-bench measures the portal meanwhile):
//   slow: each sends a request line, then one header line every 2 s and never
//         ends its header; a connection the server closes (its header
//         deadline) is opened again at once, as an attacker would;
//   idle: each sends one keep-alive request, reads the answer and stays open.
// Prints how many were open at the end and how many the server closed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

int Open(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool Send(int fd, const std::string& text) {
  return send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

// True while the server keeps `fd` open (reads and drops what it sent).
bool StillOpen(int fd) {
  char buf[4096];
  for (;;) {
    const ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: hold_connections PORT COUNT SECONDS slow|idle\n");
    return 2;
  }
  const int port = std::atoi(argv[1]), count = std::atoi(argv[2]), seconds = std::atoi(argv[3]);
  const bool slow = std::string(argv[4]) == "slow";
  const std::string start = slow ? "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 : "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  std::vector<int> fds(static_cast<size_t>(count), -1);
  long closed_by_server = 0, refused = 0;
  auto reopen = [&](int& fd) {
    if (fd >= 0) close(fd);
    fd = Open(port);
    if (fd < 0 || !Send(fd, start)) ++refused;
  };
  for (int& fd : fds) reopen(fd);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (int tick = 0; std::chrono::steady_clock::now() < until; ++tick) {
    std::this_thread::sleep_for(std::chrono::seconds(slow ? 2 : 1));
    for (int& fd : fds) {
      if (fd >= 0 && StillOpen(fd) &&
          (!slow || Send(fd, "X-Dribble: " + std::to_string(tick) + "\r\n"))) {
        continue;
      }
      if (fd >= 0) ++closed_by_server;
      if (slow)
        reopen(fd);
      else if (fd >= 0)
        close(fd), fd = -1;
    }
  }
  int open = 0;
  for (int fd : fds) open += fd >= 0 && StillOpen(fd);
  std::printf("%s connections: %d open at the end, %ld closed by the server, %ld not opened\n",
              argv[4], open, closed_by_server, refused);
  return 0;
}
