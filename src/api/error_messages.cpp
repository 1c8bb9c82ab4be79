#include "api/error_messages.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "core/locale_numbers.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex {
extern const char* const kErrorMessagesJson;  // src/api/messages/errors.json
}

namespace connex::api {
namespace {

// A catalog entry's server message cut at its {names}: fixed texts around
// the parts that vary ("must be from ", min, " to ", max, ", got ", got, "").
struct Pattern {
  std::vector<std::string> fixed;  // one more than names
  std::vector<std::string> names;
  size_t fixed_length = 0;  // how much of a message it pins down: more wins
  nlohmann::json words;     // {"en": ..., "fr": ..., "es": ..., "pt": ...}
};

Pattern Parse(const nlohmann::json& entry) {
  Pattern p;
  const std::string server = entry.at("server").get<std::string>();
  std::string text;
  for (size_t i = 0; i < server.size(); ++i) {
    const size_t close = server[i] == '{' ? server.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      text += server[i];
      continue;
    }
    p.fixed.push_back(text);
    p.fixed_length += text.size();
    text.clear();
    p.names.push_back(server.substr(i + 1, close - i - 1));
    i = close;
  }
  p.fixed.push_back(text);
  p.fixed_length += text.size();
  p.words = entry;
  return p;
}

const std::vector<Pattern>& Catalog() {
  static const std::vector<Pattern> patterns = [] {
    std::vector<Pattern> out;
    const nlohmann::json catalog = nlohmann::json::parse(kErrorMessagesJson);
    for (const nlohmann::json& e : catalog.at("messages")) out.push_back(Parse(e));
    return out;
  }();
  return patterns;
}

// The values of `p`'s names in `message`, each as short as it can be and
// never empty; nullopt when `message` does not have `p`'s shape.
std::optional<std::vector<std::string>> Match(const Pattern& p, const std::string& message) {
  if (message.compare(0, p.fixed[0].size(), p.fixed[0]) != 0) return std::nullopt;
  if (p.names.empty()) {
    if (message.size() != p.fixed[0].size()) return std::nullopt;
    return std::vector<std::string>{};
  }
  std::vector<std::string> values;
  size_t at = p.fixed[0].size();
  for (size_t i = 1; i < p.fixed.size(); ++i) {
    const std::string& next = p.fixed[i];
    size_t found;
    if (i + 1 == p.fixed.size()) {  // the last fixed text ends the message
      if (message.size() < next.size() + at + 1) return std::nullopt;
      found = message.size() - next.size();
      if (message.compare(found, next.size(), next) != 0) return std::nullopt;
    } else {
      found = message.find(next, at + 1);
      if (found == std::string::npos) return std::nullopt;
    }
    values.push_back(message.substr(at, found - at));
    at = found + next.size();
  }
  return values;
}

bool EndsWithYear(const std::string& s) {
  return s.size() >= 4 && s.compare(s.size() - 4, 4, "year") == 0;
}

std::string Fill(std::string text, const Pattern& p, const std::vector<std::string>& values,
                 const std::string& language, bool year_field) {
  for (size_t i = 0; i < p.names.size(); ++i) {
    const std::string name = "{" + p.names[i] + "}";
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at)) {
      // A year is a number no language groups ("2026", never "2 026").
      const bool year = year_field || EndsWithYear(p.names[i]);
      const std::string value = year ? values[i] : LocalNumber(values[i], language);
      text.replace(at, name.size(), value);
      at += value.size();
    }
  }
  return text;
}

}  // namespace

std::string AcceptedLanguage(const std::string& header) {
  std::string best;
  double best_q = 0;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    const std::string item = header.substr(start, end - start);
    start = end + 1;
    const size_t semi = item.find(';');
    std::string tag = item.substr(0, semi);
    tag.erase(std::remove(tag.begin(), tag.end(), ' '), tag.end());
    double q = 1;
    if (semi != std::string::npos) {
      const size_t eq = item.find("q=", semi);
      if (eq != std::string::npos) q = std::strtod(item.c_str() + eq + 2, nullptr);
    }
    std::string primary = tag.substr(0, tag.find('-'));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto& spoken = domain::kPortalLanguages;
    if (q > best_q && std::find(spoken.begin(), spoken.end(), primary) != spoken.end()) {
      best = primary;
      best_q = q;
    }
  }
  return best;
}

std::string PersonMessage(const std::string& message, const std::string& language,
                          const std::string& field) {
  const Pattern* best = nullptr;
  std::vector<std::string> values;
  for (const Pattern& p : Catalog()) {
    if (best && p.fixed_length <= best->fixed_length) continue;
    if (auto found = Match(p, message)) {
      best = &p;
      values = std::move(*found);
    }
  }
  if (!best) return message;
  const std::string lang = best->words.contains(language) ? language : "en";
  return Fill(best->words.at(lang).get<std::string>(), *best, values, lang, EndsWithYear(field));
}

void InLanguage(nlohmann::json& body, const std::string& language) {
  if (!body.is_object()) return;
  auto rewrite = [&](nlohmann::json& e) {
    if (e.is_object() && e.contains("message") && e["message"].is_string()) {
      const std::string field =
          e.contains("field") && e["field"].is_string() ? e["field"].get<std::string>() : "";
      e["message"] = PersonMessage(e["message"].get<std::string>(), language, field);
    }
  };
  if (body.contains("error")) rewrite(body["error"]);
  if (body.contains("errors") && body["errors"].is_array()) {
    for (nlohmann::json& e : body["errors"]) rewrite(e);
  }
}

}  // namespace connex::api
