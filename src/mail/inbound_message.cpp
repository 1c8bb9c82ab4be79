#include "mail/inbound_message.hpp"

#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <regex>

namespace connex::mail {

namespace {

void InitialiseOnce() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

template <typename T>
struct Unref {
  void operator()(T* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <typename T>
using Owned = std::unique_ptr<T, Unref<T>>;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

void AddAddresses(InternetAddressList* list, std::vector<std::string>& out) {
  if (list == nullptr) return;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))) {
        out.push_back(Lower(addr));
      }
    } else if (INTERNET_ADDRESS_IS_GROUP(a)) {
      AddAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
    }
  }
}

// The decoded bytes of a leaf part.
std::string PartBytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return "";
  Owned<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, out.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

struct Walk {
  std::string plain, html;
  std::vector<InboundAttachment> attachments;
};

void WalkParts(GMimeObject* object, Walk& w, int depth) {
  if (object == nullptr || depth > 32) return;
  if (GMIME_IS_MULTIPART(object)) {
    GMimeMultipart* multi = GMIME_MULTIPART(object);
    for (int i = 0; i < g_mime_multipart_get_count(multi); ++i) {
      WalkParts(g_mime_multipart_get_part(multi, i), w, depth + 1);
    }
    return;
  }
  if (!GMIME_IS_PART(object)) return;  // a forwarded message stays out
  GMimePart* part = GMIME_PART(object);
  GMimeContentType* type = g_mime_object_get_content_type(object);
  const char* filename = g_mime_part_get_filename(part);
  const bool text = GMIME_IS_TEXT_PART(object) && !g_mime_part_is_attachment(part);
  if (text && g_mime_content_type_is_type(type, "text", "plain") && w.plain.empty()) {
    char* s = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
    if (s != nullptr) w.plain = s;
    g_free(s);
  } else if (text && g_mime_content_type_is_type(type, "text", "html") && w.html.empty()) {
    char* s = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
    if (s != nullptr) w.html = s;
    g_free(s);
  } else if (filename != nullptr || g_mime_part_is_attachment(part)) {
    w.attachments.push_back({filename != nullptr ? filename : "attachment", PartBytes(part)});
  }
}

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  return s.substr(start);
}

}  // namespace

Result<InboundMail> ParseInboundMail(std::string_view raw) {
  InitialiseOnce();
  Owned<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  Owned<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return Error{ErrorCode::kInvalidInput, "is not a mail message", "message"};
  InboundMail out;
  std::vector<std::string> from;
  AddAddresses(g_mime_message_get_from(message.get()), from);
  if (from.empty()) return Error{ErrorCode::kInvalidInput, "names no sender", "message"};
  out.from = from.front();
  AddAddresses(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO), out.recipients);
  AddAddresses(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_CC), out.recipients);
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
  for (int i = 0; headers != nullptr && i < g_mime_header_list_get_count(headers); ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    if (g_ascii_strcasecmp(g_mime_header_get_name(h), "Delivered-To") == 0) {
      out.recipients.push_back(Lower(Trim(g_mime_header_get_value(h))));
    }
  }
  if (const char* subject = g_mime_message_get_subject(message.get())) out.subject = subject;
  if (const char* id = g_mime_message_get_message_id(message.get())) out.message_id = id;
  Walk w;
  WalkParts(g_mime_message_get_mime_part(message.get()), w, 0);
  out.text = !w.plain.empty() ? w.plain : HtmlAsText(w.html);
  out.attachments = std::move(w.attachments);
  return out;
}

std::string HtmlAsText(std::string_view html_in) {
  std::string html(html_in);
  // The quoted history of Gmail, Outlook, Apple Mail and Thunderbird.
  for (const char* marker : {"<blockquote", "class=\"gmail_quote", "id=\"divRplyFwdMsg\"",
                             "id=\"appendonsend\"", "class=\"moz-cite-prefix\""}) {
    const std::string lower = Lower(html);
    const size_t at = lower.find(Lower(marker));
    if (at != std::string::npos) html = html.substr(0, html.rfind('<', at));
  }
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      const std::string tag = Lower(html.substr(i + 1, std::min<size_t>(end - i - 1, 10)));
      if (tag.rfind("br", 0) == 0 || tag.rfind("/p", 0) == 0 || tag.rfind("/div", 0) == 0 ||
          tag.rfind("/li", 0) == 0 || tag.rfind("/tr", 0) == 0) {
        out += '\n';
      }
      i = end + 1;
      // Nothing of a style, a script or the head is text.
      for (const char* skip : {"style", "script", "head"}) {
        if (tag.rfind(skip, 0) == 0) {
          const size_t close = Lower(html).find(std::string("</") + skip, i);
          const size_t after = close == std::string::npos ? close : html.find('>', close);
          i = after == std::string::npos ? html.size() : after + 1;
          break;
        }
      }
      continue;
    }
    if (html[i] == '&') {
      static const std::pair<const char*, const char*> entities[] = {
          {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},   {"&quot;", "\""},
          {"&#39;", "'"}, {"&nbsp;", " "}, {"&#160;", " "}, {"&apos;", "'"}};
      bool done = false;
      for (const auto& [name, text] : entities) {
        if (html.compare(i, std::strlen(name), name) == 0) {
          out += text;
          i += std::strlen(name);
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    if (html[i] != '\r' && html[i] != '\n') out += html[i];
    ++i;
  }
  return Trim(out);
}

std::string ReplyText(std::string_view text) {
  // A line that opens a quoted history or a signature; what follows is not the reply.
  static const std::regex history(
      R"(^(>.*|On .* wrote:\s*|Le .* a (é|e)crit\s*:\s*|.*<[^>]+@[^>]+>\s*(wrote|a (é|e)crit)\s*:\s*)"
      R"(|-{2,} ?Original Message ?-{2,}.*|-{2,} ?Message d'origine ?-{2,}.*|_{10,}\s*)"
      R"(|(From|De|Von|Envoyé|Sent) ?: .*|-- |--|Sent from my .*|Envoyé de mon .*|Get Outlook for .*)$)",
      std::regex::icase);
  // A wrapped "On ..., Name <address>" whose "wrote:" is on the next line.
  static const std::regex wrapped(R"(^(On|Le) .*(\d{4}|\d:\d\d).*$)");
  std::string out;
  std::string line;
  size_t start = 0;
  std::vector<std::string> lines;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    line = std::string(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    // No client writes a quote header this long; std::regex would recurse
    // once per character of a line of megabytes.
    if (l.size() > 400) {
      out += l + "\n";
      continue;
    }
    if (std::regex_match(l, history)) break;
    if (i + 1 < lines.size() && lines[i + 1].size() <= 400 && std::regex_match(l, wrapped) &&
        std::regex_search(lines[i + 1], std::regex(R"((wrote|a (é|e)crit)\s*:\s*$)"))) {
      break;
    }
    out += l + "\n";
  }
  return Trim(out);
}

}  // namespace connex::mail
