#include "domain/shared/vocabulary.hpp"

#include <algorithm>
#include <cctype>

namespace connex::domain {

const std::vector<std::string> kCommodities = {
    "oil",    "gas",       "copper", "gold",     "iron_ore",  "bauxite", "lithium",     "cobalt",
    "nickel", "manganese", "coal",   "diamonds", "phosphate", "uranium", "rare_earths", "other"};
const std::vector<std::string> kPhases = {"preparation", "negotiation", "implementation"};
const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt", "ar"};
const std::vector<std::string> kPortalLanguages = {"en", "fr", "es", "pt"};

bool IsDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const int y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(5, 2)),
            d = std::stoi(text.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool IsCodeWord(const std::string& s) {
  if (s.size() < 2 || s.size() > 40 || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsThreeLetterCode(const std::string& s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace connex::domain
