// The roster's CSV: quoting both ways, formula injection, per-row errors.
#include "domain/roster/roster_csv.hpp"

#include <gtest/gtest.h>

#include "domain/shared/csv.hpp"

namespace {

using namespace connex::domain;

TEST(RosterCsv, ParsesQuotesLineBreaksAndExcelsByteOrderMark) {
  const auto rows = ParseCsv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n,\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*rows)[1], (std::vector<std::string>{"x, y", "say \"hi\"\nthere"}));
  EXPECT_EQ((*rows)[2], (std::vector<std::string>{"", ""}));
  const auto open = ParseCsv("a,b\n\"never closed,\n");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.error().message.find("line 2"), std::string::npos);
}

TEST(RosterCsv, CellsAreQuotedAndFormulasDefused) {
  EXPECT_EQ(CsvCell("plain"), "plain");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvCell("-1"), "'-1");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  // Tab and carriage return start formulas in some spreadsheets too.
  EXPECT_EQ(CsvCell("\t=1+1"), "'\t=1+1");
  EXPECT_EQ(CsvCell("\r=1+1"), "\"'\r=1+1\"");
}

TEST(RosterCsv, ExportThenImportGivesTheSameProfiles) {
  ExpertProfile p;
  p.name = "Elena Fiscal";
  p.seniority = "principal";
  p.disciplines = {"fiscal_modelling", "economics"};
  p.languages = {"en", "fr"};
  p.countries = {"GHA", "SEN"};
  p.commodities = {"copper"};
  p.day_rate = 1200.5;
  p.bio = "Twelve negotiations, \"hard\" ones, too";
  const RosterImport back = ReadRosterCsv(RosterCsv({p}, {"elena@example.org"}));
  ASSERT_TRUE(back.errors.empty());
  ASSERT_EQ(back.valid.size(), 1u);
  EXPECT_EQ(back.valid[0].email, "elena@example.org");
  EXPECT_EQ(back.valid[0].line, 2);
  EXPECT_EQ(back.valid[0].profile.disciplines, p.disciplines);
  EXPECT_EQ(back.valid[0].profile.countries, p.countries);
  EXPECT_DOUBLE_EQ(back.valid[0].profile.day_rate, 1200.5);
  EXPECT_EQ(back.valid[0].profile.bio, p.bio);
}

TEST(RosterCsv, EveryBadRowIsReportedWithItsLineAndColumn) {
  const RosterImport r = ReadRosterCsv(
      "email,seniority,disciplines,languages,day_rate\n"
      "a@example.org,senior,legal,en,900\n"
      "b@example.org,guru,legal,en,900\n"
      "c@example.org,senior,astrology,en,lots\n"
      "\n"
      ",senior,legal;geology,fr,700\n");
  ASSERT_EQ(r.valid.size(), 1u);
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].line, 3);
  EXPECT_EQ(r.errors[0].field, "seniority");
  EXPECT_EQ(r.errors[1].line, 4);
  EXPECT_EQ(r.errors[1].field, "day_rate");
  EXPECT_EQ(r.errors[2].line, 6);
  EXPECT_EQ(r.errors[2].field, "email");
  const RosterImport headless = ReadRosterCsv("mail,rate\nx,1\n");
  ASSERT_FALSE(headless.errors.empty());
  EXPECT_EQ(headless.errors[0].line, 1);
}

}  // namespace
