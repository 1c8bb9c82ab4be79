#include "domain/hub/hub_import.hpp"

#include <gtest/gtest.h>

namespace connex::domain {
namespace {

TEST(HubImportCsv, ReadsListsAndReportsEveryWrongRowByLineAndColumn) {
  const HubImportPlan plan = ReadHubImportCsv(
      "\xEF\xBB\xBF"
      "File,Title,Resources,Companies,Confidential,Country\r\n"
      "a.pdf,Alpha lease,gold; copper,One Ltd;Two SA,yes,GHA\r\n"
      "\r\n"
      "b.pdf,,oil,,maybe,GHA\r\n"
      "../c.pdf,Gamma,diamonds,,,ghana\r\n");
  ASSERT_EQ(plan.rows.size(), 1u);
  const HubImportRow& a = plan.rows[0];
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.file, "a.pdf");
  EXPECT_EQ(a.meta.resources, (std::vector<std::string>{"gold", "copper"}));
  ASSERT_EQ(a.meta.companies.size(), 2u);
  EXPECT_EQ(a.meta.companies[1].name, "Two SA");
  EXPECT_TRUE(a.meta.confidential);
  ASSERT_EQ(plan.errors.size(), 3u);
  EXPECT_EQ(plan.errors[0].line, 4);  // the blank line 3 keeps its number
  EXPECT_EQ(plan.errors[0].field, "confidential");
  EXPECT_EQ(plan.errors[1].line, 5);
  EXPECT_EQ(plan.errors[1].field, "file");
  EXPECT_EQ(plan.errors[2].field, "country");
}

TEST(HubImportCsv, AWrongHeaderStopsBeforeAnyRow) {
  const HubImportPlan plan = ReadHubImportCsv("file,name,colour\na.pdf,Alpha,red\n");
  EXPECT_TRUE(plan.rows.empty());
  std::vector<std::string> fields;
  for (const auto& e : plan.errors) {
    EXPECT_EQ(e.line, 1);
    fields.push_back(e.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"colour", "name", "title"}));
  EXPECT_EQ(ReadHubImportCsv("").errors[0].line, 1);
  EXPECT_EQ(ReadHubImportCsv("file,title\n\"a.pdf,x\n").errors[0].line, 0);
}

}  // namespace
}  // namespace connex::domain
