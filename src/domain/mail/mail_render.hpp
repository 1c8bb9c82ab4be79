// The words of a mail: subject, plain text and HTML in the recipient's
// language, from the catalogs in domain/mail/messages/<language>.json, and
// the headers that put it in its request's thread. The same catalogs hold the
// words of the other texts the server writes for people (the decision letter,
// the obligations calendar): FillWords writes them.
//
// Threads: every mail about one request answers the same root,
// <request.ID@HOST>, through In-Reply-To and References, and carries the
// request's reference in its subject; a mail about no request starts no
// thread. The root names one request, so two requests never share a thread.
//
// Thread-safety: pure functions over constant catalogs.
#pragma once

#include <string>
#include <vector>

#include "domain/mail/mail.hpp"

namespace connex::domain {

struct MailSettings {
  std::string base_url;  // the portal's address, without a trailing slash
  std::string from;      // the sender's address, "connex@mail.example"
};

struct RenderedMail {
  std::string from;  // "CONNEX <connex@mail.example>"
  std::string to;
  std::string subject;
  std::string text;
  std::string html;
  std::string message_id;   // "<id@host>"
  std::string in_reply_to;  // the thread's root; empty outside a thread
  std::string reply_to;     // "connex+TOKEN@host" when replies are taken; else empty
};

// The languages mails are written in; any other reads as English.
const std::vector<std::string>& MailLanguages();
bool IsMailLanguage(const std::string& language);
// The words of one language (English for any other), for checks of the catalogs.
const nlohmann::json& MailCatalog(const std::string& language);
// `tmpl` with each {name} replaced by the parameter's text, and each
// {name|list} by `catalog`'s word for the parameter's value in `list` (the
// value itself when the list has none: a code never silently vanishes).
std::string FillWords(const nlohmann::json& catalog, const std::string& tmpl,
                      const nlohmann::json& params);
// The subject alone (what a digest lists).
std::string MailSubject(const OutboundMail& m);
RenderedMail RenderMail(const OutboundMail& m, const MailSettings& settings);
// The address replies go to for `token`: the sender's local part, "+", the token.
std::string ReplyAddress(const std::string& from, const std::string& token);

}  // namespace connex::domain
