#include "mail/mime_message.hpp"

#include <ctime>

#include "core/crypto.hpp"

namespace connex::mail {

namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(const std::string& in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16 |
                       static_cast<unsigned char>(in[i + 1]) << 8 |
                       static_cast<unsigned char>(in[i + 2]);
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < in.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Base64 in lines of 76 characters, each ended by CRLF.
std::string Base64Lines(const std::string& in) {
  const std::string b = Base64(in);
  std::string out;
  for (size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

std::string OneLine(const std::string& v) {
  std::string out;
  for (const char c : v) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

bool Ascii(const std::string& s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x7f || (c < 0x20 && c != '\t')) return false;
  }
  return true;
}

}  // namespace

std::string EncodedWords(const std::string& text) {
  if (Ascii(text)) return text;
  // Each word holds at most 39 bytes (52 in base64), cut between UTF-8
  // characters, so a word and the header's name stay within 78 characters.
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = std::min(text.size(), i + 39);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string MailDate(Instant t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string MimeMessage(const domain::RenderedMail& m, Instant date,
                        const std::string& boundary_seed) {
  const std::string boundary = "=_connex_" + Sha256Hex(boundary_seed).substr(0, 24);
  std::string out;
  const auto header = [&out](const std::string& name, const std::string& value) {
    if (!value.empty()) out += name + ": " + OneLine(value) + "\r\n";
  };
  header("From", m.from);
  header("To", m.to);
  out += "Subject: " + EncodedWords(OneLine(m.subject)) + "\r\n";
  header("Date", MailDate(date));
  header("Message-ID", m.message_id);
  header("In-Reply-To", m.in_reply_to);
  header("References", m.in_reply_to);
  header("Reply-To", m.reply_to);
  header("MIME-Version", "1.0");
  // Vacation responders and mailing lists leave automatic mail alone (RFC 3834).
  header("Auto-Submitted", "auto-generated");
  out += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
  out += "\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Lines(m.text);
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  out += Base64Lines(m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace connex::mail
