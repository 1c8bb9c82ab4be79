#include "core/locale_numbers.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace connex {
namespace {

struct Signs {
  const char* group;
  const char* decimal;
  size_t min_grouped;   // digits of the integer part from which it is grouped
  const char* percent;  // between the number and "%"
};

Signs SignsOf(const std::string& language) {
  if (language == "fr") return {"\u202F", ",", 4, "\u202F"};
  if (language == "pt") return {"\u00A0", ",", 5, ""};
  return {",", ".", 4, ""};  // en-GB and es-419 alike
}

bool Digits(const std::string& s, size_t from, size_t to) {
  if (from >= to) return false;
  for (size_t i = from; i < to; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string LocalNumber(const std::string& plain, const std::string& language) {
  const size_t start = !plain.empty() && plain[0] == '-' ? 1 : 0;
  const size_t point = plain.find('.');
  const size_t int_end = point == std::string::npos ? plain.size() : point;
  if (!Digits(plain, start, int_end)) return plain;
  if (point != std::string::npos && !Digits(plain, point + 1, plain.size())) return plain;
  const Signs signs = SignsOf(language);
  const std::string digits = plain.substr(start, int_end - start);
  std::string out = plain.substr(0, start);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits.size() >= signs.min_grouped) {
      out += signs.group;
    }
    out += digits[i];
  }
  if (point != std::string::npos) out += signs.decimal + plain.substr(point + 1);
  return out;
}

std::string LocalNumber(double value, int decimals, const std::string& language) {
  if (!std::isfinite(value)) return "";
  if (decimals < 0) decimals = 0;
  if (decimals > 9) decimals = 9;
  char text[400];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string plain = text;
  if (plain[0] == '-' && plain.find_first_not_of("-0.") == std::string::npos) {
    plain.erase(0, 1);  // no "-0"
  }
  return LocalNumber(plain, language);
}

std::string LocalPercent(double share, int decimals, const std::string& language) {
  return LocalNumber(share * 100, decimals, language) + SignsOf(language).percent + "%";
}

std::string LocalDate(const std::string& iso_date, const std::string& language) {
  using Months = std::array<const char*, 12>;
  static constexpr Months kEn = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  static constexpr Months kFr = {"janvier",   "février", "mars",     "avril",
                                 "mai",       "juin",    "juillet",  "août",
                                 "septembre", "octobre", "novembre", "décembre"};
  static constexpr Months kEs = {"enero",      "febrero", "marzo",     "abril",
                                 "mayo",       "junio",   "julio",     "agosto",
                                 "septiembre", "octubre", "noviembre", "diciembre"};
  static constexpr Months kPt = {"janeiro",  "fevereiro", "março",    "abril",
                                 "maio",     "junho",     "julho",    "agosto",
                                 "setembro", "outubro",   "novembro", "dezembro"};
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-' ||
      !Digits(iso_date, 0, 4) || !Digits(iso_date, 5, 7) || !Digits(iso_date, 8, 10)) {
    return iso_date;
  }
  const int month = std::stoi(iso_date.substr(5, 2)), day = std::stoi(iso_date.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso_date;
  const std::string year = iso_date.substr(0, 4), d = std::to_string(day);
  const size_t m = static_cast<size_t>(month - 1);
  // French writes the first of the month as an ordinal: "1er juillet 2026".
  if (language == "fr") return (day == 1 ? "1er" : d) + " " + kFr[m] + " " + year;
  if (language == "es") return d + " de " + kEs[m] + " de " + year;
  if (language == "pt") return d + " de " + kPt[m] + " de " + year;
  return d + " " + kEn[m] + " " + year;
}

}  // namespace connex
