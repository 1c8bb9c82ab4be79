#include "domain/mail/mail_render.hpp"

#include <map>
#include <stdexcept>

#include "domain/shared/vocabulary.hpp"

namespace connex {
extern const char* const kMailMessagesEn;
extern const char* const kMailMessagesFr;
extern const char* const kMailMessagesEs;
extern const char* const kMailMessagesPt;
}  // namespace connex

namespace connex::domain {

namespace {

const std::map<std::string, nlohmann::json>& Catalogs() {
  static const std::map<std::string, nlohmann::json> all = {
      {"en", nlohmann::json::parse(kMailMessagesEn)},
      {"fr", nlohmann::json::parse(kMailMessagesFr)},
      {"es", nlohmann::json::parse(kMailMessagesEs)},
      {"pt", nlohmann::json::parse(kMailMessagesPt)},
  };
  return all;
}

std::string ParamText(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Paragraphs separated by blank lines; single line breaks kept.
std::string HtmlParagraphs(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i <= text.size()) {
    size_t end = text.find("\n\n", i);
    if (end == std::string::npos) end = text.size();
    std::string p = HtmlEscape(text.substr(i, end - i));
    for (size_t at = p.find('\n'); at != std::string::npos; at = p.find('\n', at + 5)) {
      p.replace(at, 1, "<br>");
    }
    if (!p.empty()) out += "<p>" + p + "</p>\n";
    i = end + 2;
  }
  return out;
}

std::string Host(const std::string& address) {
  const size_t at = address.rfind('@');
  return at == std::string::npos ? "connex.invalid" : address.substr(at + 1);
}

struct Section {
  std::string text;  // paragraphs
  std::string link;  // absolute; may be empty
};

}  // namespace

const std::vector<std::string>& MailLanguages() { return kPortalLanguages; }

const nlohmann::json& MailCatalog(const std::string& language) {
  const auto& all = Catalogs();
  const auto it = all.find(language);
  return it == all.end() ? all.at("en") : it->second;
}

bool IsMailLanguage(const std::string& language) { return Catalogs().count(language) > 0; }

// `tmpl` with each {name} replaced by the parameter's text, and each
// {name|list} by the catalog's word for the parameter's value in `list` (the
// value itself when the list has none: a code never silently vanishes).
std::string FillWords(const nlohmann::json& catalog, const std::string& tmpl,
                      const nlohmann::json& params) {
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t open = tmpl.find('{', i);
    const size_t close = open == std::string::npos ? open : tmpl.find('}', open);
    if (close == std::string::npos) {
      out += tmpl.substr(i);
      break;
    }
    out += tmpl.substr(i, open - i);
    const std::string spec = tmpl.substr(open + 1, close - open - 1);
    const size_t bar = spec.find('|');
    const std::string name = spec.substr(0, bar);
    std::string value = params.contains(name) ? ParamText(params[name]) : "";
    if (bar != std::string::npos) {
      const std::string list = spec.substr(bar + 1);
      if (catalog.contains(list) && catalog[list].contains(value)) {
        value = catalog[list][value].get<std::string>();
      }
    }
    out += value;
    i = close + 1;
  }
  return out;
}

std::string MailSubject(const OutboundMail& m) {
  const nlohmann::json& c = MailCatalog(m.language);
  if (!c["kinds"].contains(m.kind)) throw std::logic_error("no words for mail kind " + m.kind);
  const std::string subject =
      FillWords(c, c["kinds"][m.kind]["subject"].get<std::string>(), m.params);
  return m.reference.empty() ? subject : "[" + m.reference + "] " + subject;
}

std::string ReplyAddress(const std::string& from, const std::string& token) {
  const size_t at = from.rfind('@');
  if (at == std::string::npos) return "";
  return from.substr(0, at) + "+" + token + from.substr(at);
}

RenderedMail RenderMail(const OutboundMail& m, const MailSettings& settings) {
  const nlohmann::json& c = MailCatalog(m.language);
  const nlohmann::json& kind = c["kinds"].at(m.kind);
  RenderedMail r;
  r.from = "CONNEX <" + settings.from + ">";
  r.to = m.recipient;
  r.subject = MailSubject(m);
  const std::string host = Host(settings.from);
  r.message_id = "<" + m.id + "@" + host + ">";
  if (!m.request_id.empty()) r.in_reply_to = "<request." + m.request_id + "@" + host + ">";
  if (!m.reply_token.empty()) r.reply_to = ReplyAddress(settings.from, m.reply_token);

  std::vector<std::string> paragraphs;
  const std::string name = m.params.contains("name") ? ParamText(m.params["name"]) : "";
  if (!name.empty()) paragraphs.push_back(FillWords(c, c["greeting"].get<std::string>(), m.params));
  paragraphs.push_back(FillWords(c, kind["body"].get<std::string>(), m.params));
  for (const auto& [key, tmpl] : kind.items()) {
    if (key.rfind("if_", 0) != 0) continue;
    const std::string param = key.substr(3);
    if (m.params.contains(param) && !ParamText(m.params[param]).empty()) {
      paragraphs.push_back(FillWords(c, tmpl.get<std::string>(), m.params));
    }
  }
  // A digest lists its items, each with its page.
  std::vector<Section> items;
  if (m.params.contains("items")) {
    for (const nlohmann::json& item : m.params["items"]) {
      items.push_back({item.value("subject", ""), settings.base_url + item.value("link", "/")});
    }
  }
  const std::string link = m.link.empty() ? "" : settings.base_url + m.link;
  std::string footer;  // why this mail came, and for an account where to choose
  if (m.kind == "invitation") {
    footer = c["footer_invitation"].get<std::string>();
  } else if (m.user_id.empty()) {
    footer = c["footer_address"].get<std::string>();
  } else if (m.kind != "password_reset") {
    footer = FillWords(c, c["footer"].get<std::string>(),
                       {{"settings", settings.base_url + "/account"}});
  }

  std::string text;
  for (const std::string& p : paragraphs) text += p + "\n\n";
  for (const Section& item : items) text += "- " + item.text + "\n  " + item.link + "\n";
  if (!items.empty()) text += "\n";
  if (!link.empty()) text += c["open"].get<std::string>() + "\n" + link + "\n\n";
  if (!r.reply_to.empty()) text += c["reply"].get<std::string>() + "\n\n";
  if (!footer.empty()) text += "-- \n" + footer + "\n";
  r.text = text;

  std::string html = "<!DOCTYPE html>\n<html lang=\"" + HtmlEscape(m.language) +
                     "\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(r.subject) +
                     "</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; "
                     "max-width: 40em;\">\n";
  for (const std::string& p : paragraphs) html += HtmlParagraphs(p);
  if (!items.empty()) {
    html += "<ul>\n";
    for (const Section& item : items) {
      html +=
          "<li><a href=\"" + HtmlEscape(item.link) + "\">" + HtmlEscape(item.text) + "</a></li>\n";
    }
    html += "</ul>\n";
  }
  if (!link.empty()) {
    html += "<p>" + HtmlEscape(c["open"].get<std::string>()) + " <a href=\"" + HtmlEscape(link) +
            "\">" + HtmlEscape(link) + "</a></p>\n";
  }
  if (!r.reply_to.empty()) html += HtmlParagraphs(c["reply"].get<std::string>());
  if (!footer.empty()) {
    html += "<hr>\n<p style=\"color: #555; font-size: 0.9em;\">" + HtmlEscape(footer) + "</p>\n";
  }
  html += "</body></html>\n";
  r.html = html;
  return r;
}

}  // namespace connex::domain
