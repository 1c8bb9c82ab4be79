#include "domain/roster/company_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace connex::domain {

namespace {

// Legal forms across the jurisdictions CONNEX meets (common law, OHADA and
// French, Portuguese, Spanish, German, Dutch, Nordic, Asian registries).
constexpr std::array<std::string_view, 40> kLegalForms = {
    "ltd", "limited", "llc",  "inc",  "incorporated", "corp",  "corporation", "plc",
    "sa",  "sas",     "sasu", "sarl", "sarlu",        "suarl", "gmbh",        "ag",
    "bv",  "nv",      "pty",  "co",   "company",      "lp",    "llp",         "spa",
    "srl", "ab",      "as",   "asa",  "oy",           "kk",    "pte",         "bhd",
    "sdn", "lda",     "ltda", "sl",   "slu",          "cv",    "de",          "pt"};

// The ASCII letter of a Latin-1 accented letter given as its code point.
char Unaccent(unsigned code) {
  static const char* const kFrom00C0 =
      "aaaaaaaceeeeiiiidnooooo/ouuuuyts"   // U+00C0..U+00DF
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
  if (code >= 0xC0 && code <= 0xFF) return kFrom00C0[code - 0xC0];
  return ' ';
}

bool IsLegalForm(std::string_view word) {
  return std::find(kLegalForms.begin(), kLegalForms.end(), word) != kLegalForms.end();
}

}  // namespace

std::string NormaliseCompanyName(std::string_view name) {
  // Lowercase ASCII, accents dropped, "&" as a word, anything else a separator.
  std::string flat;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) {
        flat += static_cast<char>(std::tolower(c));
      } else if (c == '&') {
        flat += " and ";
      } else if (c == '.' || c == '\'') {
        // "S.A." and "O'Neil" read as one word.
      } else {
        flat += ' ';
      }
    } else if ((c & 0xE0) == 0xC0 && i + 1 < name.size()) {
      const unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
      flat += Unaccent(code);
      ++i;
    } else {
      flat += ' ';
    }
  }
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < flat.size()) {
    const size_t start = flat.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    const size_t end = flat.find(' ', start);
    words.push_back(flat.substr(start, end == std::string::npos ? std::string::npos : end - start));
    pos = end == std::string::npos ? flat.size() : end;
  }
  // "The" and the Indonesian "PT" open a name without distinguishing it.
  while (words.size() > 1 && (words.front() == "the" || words.front() == "pt")) {
    words.erase(words.begin());
  }
  // Legal forms close a name ("Acme Mining Pty Ltd"): drop them from the end.
  while (words.size() > 1 && IsLegalForm(words.back())) words.pop_back();
  if (words.size() == 1 && IsLegalForm(words.back())) words.clear();
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool SameCompany(std::string_view a, std::string_view b) {
  const std::string na = NormaliseCompanyName(a);
  return !na.empty() && na == NormaliseCompanyName(b);
}

}  // namespace connex::domain
