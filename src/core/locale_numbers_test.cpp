// The server's numbers against what the browser's Intl writes for the same
// locales (en-GB, fr-FR, es-419, pt-MZ), checked with node.
#include "core/locale_numbers.hpp"

#include <gtest/gtest.h>

namespace connex {
namespace {

TEST(LocalNumber, WritesTheSignsOfEachLanguageAsIntlDoes) {
  EXPECT_EQ(LocalNumber("1000", "en"), "1,000");
  EXPECT_EQ(LocalNumber("1000", "fr"), "1\u202F000");
  EXPECT_EQ(LocalNumber("1000", "es"), "1,000");
  EXPECT_EQ(LocalNumber("1000", "pt"), "1000");
  EXPECT_EQ(LocalNumber("12345.5", "pt"), "12\u00A0345,5");
  EXPECT_EQ(LocalNumber("1234567.25", "en"), "1,234,567.25");
  EXPECT_EQ(LocalNumber("1234567.25", "fr"), "1\u202F234\u202F567,25");
  EXPECT_EQ(LocalNumber("1234567.25", "es"), "1,234,567.25");
  EXPECT_EQ(LocalNumber("-0.05", "fr"), "-0,05");
  EXPECT_EQ(LocalNumber("999", "fr"), "999");
}

TEST(LocalNumber, LeavesWhatIsNotAPlainNumberAlone) {
  for (const char* text : {"", "-", "1e+06", "12a", ".5", "5.", "\"gold\"", "1,000", "--1"}) {
    EXPECT_EQ(LocalNumber(text, "fr"), text);
  }
}

TEST(LocalNumber, RoundsAndFormatsValuesAndShares) {
  EXPECT_EQ(LocalNumber(1250000.456, 2, "fr"), "1\u202F250\u202F000,46");
  EXPECT_EQ(LocalNumber(-0.0001, 2, "en"), "0.00");
  EXPECT_EQ(LocalNumber(42.0, 0, "es"), "42");
  EXPECT_EQ(LocalPercent(0.125, 1, "en"), "12.5%");
  EXPECT_EQ(LocalPercent(0.125, 1, "fr"), "12,5\u202F%");
  EXPECT_EQ(LocalPercent(0.125, 1, "es"), "12.5%");
  EXPECT_EQ(LocalPercent(0.125, 1, "pt"), "12,5%");
}

}  // namespace
TEST(LocalDate, WritesTheLongDateOfEachLanguageAsIntlDoes) {
  // new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeZone: 'UTC'}), but
  // for the French first of the month
  EXPECT_EQ(LocalDate("2026-07-01", "en"), "1 July 2026");
  EXPECT_EQ(LocalDate("2026-07-01", "fr"), "1er juillet 2026");  // Intl: "1 juillet"
  EXPECT_EQ(LocalDate("2026-07-01", "es"), "1 de julio de 2026");
  EXPECT_EQ(LocalDate("2026-07-01", "pt"), "1 de julho de 2026");
  EXPECT_EQ(LocalDate("2027-02-28", "fr"), "28 février 2027");
  EXPECT_EQ(LocalDate("2026-03-09", "pt"), "9 de março de 2026");
  EXPECT_EQ(LocalDate("2026-12-31", "xx"), "31 December 2026");
}

TEST(LocalDate, LeavesWhatIsNotADateAlone) {
  EXPECT_EQ(LocalDate("2026-13-01", "fr"), "2026-13-01");
  EXPECT_EQ(LocalDate("2026-7-1", "fr"), "2026-7-1");
  EXPECT_EQ(LocalDate("", "es"), "");
}

}  // namespace connex
