#include "mail/smtp_client.hpp"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace connex::mail {

namespace {

struct Upload {
  const std::string* data;
  size_t at = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, up->data->size() - up->at);
  std::memcpy(buffer, up->data->data() + up->at, n);
  up->at += n;
  return n;
}

void InitialiseOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string RedactedUrl(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t at = url.rfind('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

SmtpOutcome SendMail(const SmtpSettings& settings, const std::string& recipient,
                     const std::string& message) {
  InitialiseOnce();
  SmtpOutcome out;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    out.error = "the mail library could not start";
    return out;
  }
  char error[CURL_ERROR_SIZE] = {0};
  Upload upload{&message};
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + recipient + ">").c_str());
  const std::string from = "<" + settings.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  // STARTTLS when the relay offers it; smtps:// is TLS from the start.
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) {
    out.sent = true;
    return out;
  }
  out.permanent = code >= 500 && code < 600;
  out.error = std::string(error[0] != '\0' ? error : curl_easy_strerror(rc));
  if (code != 0) out.error += " (the relay answered " + std::to_string(code) + ")";
  return out;
}

}  // namespace connex::mail
