#include "fiscal/io/report.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fiscal/io/model_reader.hpp"
#include "fiscal/io/workbook_words.hpp"

namespace connex::fiscal::io {
namespace {

struct Fixture {
  Model model = ReadModelFile("examples/copper_mine.json").value();
  ProjectSeries series = Resolve(model.project);
  std::vector<Analysis> analyses{Analyze(series, model.regimes[0], model.discounting, model.sweep)};
};

TEST(WriteRun, JsonStatesConventionsAndHasEveryLedgerLine) {
  Fixture f;
  std::ostringstream out;
  WriteRun(out, f.model, f.analyses, Format::kJson);
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["conventions"]["timing"], "end_of_year");
  EXPECT_EQ(j["conventions"]["discount_rate"], 0.10);
  const auto& ledger = j["regimes"][0]["ledger"];
  EXPECT_EQ(ledger.size(), static_cast<size_t>(kLineCount) + 1);  // + the year column
  EXPECT_EQ(ledger["year"][0], 2026);
  EXPECT_DOUBLE_EQ(j["regimes"][0]["metrics"]["government_receipts"].get<double>(),
                   f.analyses[0].metrics.government_total);
  // Revenue by product: copper and gold, which add up to the gross revenue
  // every year; copper's is its price times its production.
  const auto& by_product = j["regimes"][0]["revenue_by_product"];
  ASSERT_EQ(by_product.size(), 2u);
  const Product& copper = f.model.project.products[0];
  for (int t = 0; t < f.model.project.years; ++t) {
    const double copper_t = by_product["copper"][t], gold_t = by_product["gold"][t];
    EXPECT_DOUBLE_EQ(copper_t + gold_t, ledger["gross_revenue"][t].get<double>()) << t;
    EXPECT_DOUBLE_EQ(copper_t, f.series.price[0][t] * copper.production[t]) << t;
  }
  EXPECT_GT(by_product["gold"][10].get<double>(), 0);
}

TEST(WriteRun, CsvHasOneRowPerYearAndEveryLine) {
  Fixture f;
  std::ostringstream out;
  WriteRun(out, f.model, f.analyses, Format::kCsv);
  std::istringstream lines(out.str());
  std::string header, row;
  std::getline(lines, header);
  int rows = 0;
  while (std::getline(lines, row)) ++rows;
  EXPECT_EQ(rows, f.model.project.years);
  // Regime, year, every line, then each product's revenue.
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), kLineCount + 1 + 2);
  EXPECT_NE(header.find(",gross_revenue:copper,gross_revenue:gold"), std::string::npos) << header;
}

TEST(WriteRun, TableMarksUndefinedMetricsWithTheirReason) {
  Fixture f;
  f.model.project.products[0].production.assign(22, 0.0);
  f.model.project.products[1].production.assign(22, 0.0);
  f.series = Resolve(f.model.project);
  f.analyses = {Analyze(f.series, f.model.regimes[0], f.model.discounting, f.model.sweep)};
  std::ostringstream out;
  WriteRun(out, f.model, f.analyses, Format::kTable);
  EXPECT_NE(out.str().find("n/a [1]"), std::string::npos);
  EXPECT_NE(out.str().find("[1] undiscounted pre-tax cash flow is not positive"),
            std::string::npos);
  EXPECT_NE(out.str().find("Conventions: discount rate 10.00%"), std::string::npos);
}

TEST(WriteXlsx, WritesAWorkbookOrReportsWhyNot) {
  Fixture f;
  const std::string path = ::testing::TempDir() + "report_test.xlsx";
  Workbook book;
  book.model = &f.model;
  book.analyses = {&f.analyses[0]};
  ASSERT_TRUE(WriteXlsx(path, book).ok());
  EXPECT_GT(std::filesystem::file_size(path), 4000u);
  std::remove(path.c_str());
  const auto failed = WriteXlsx("/no/such/dir/x.xlsx", book);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kIo);
}

// The sheet names and cell texts of the fixture's first term sheet written
// as a workbook in `language` (read back through unzip, in scripts/setup).
// The file is named after the running test: ctest runs each test as its own
// process, side by side, and a shared name let one test delete the other's.
std::string WorkbookText(const Fixture& f, const std::string& language) {
  const std::string path = ::testing::TempDir() +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
                           language + ".xlsx";
  Workbook book;
  book.model = &f.model;
  book.analyses = {&f.analyses[0]};
  book.language = language;
  if (!WriteXlsx(path, book).ok()) return "";
  std::string text;
  FILE* in = popen(("unzip -p '" + path + "' xl/workbook.xml xl/sharedStrings.xml").c_str(), "r");
  if (in) {
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, in)) > 0;) text.append(buffer, n);
    pclose(in);
  }
  std::remove(path.c_str());
  return text;
}

TEST(WriteXlsx, WritesItsWordsInTheReadersLanguage) {
  Fixture f;
  const std::string pt = WorkbookText(f, "pt");
  for (const char* words : {"name=\"Resumo\"", "name=\"Fluxos ", "Receita bruta", "Royalties",
                            "Imposto sobre o rendimento", "taxa de desconto 10%",
                            "Taxa efetiva média de tributação", "Ano"}) {
    EXPECT_NE(pt.find(words), std::string::npos) << words;
  }
  // No ledger line reaches an analyst as its code.
  for (const char* code : {"gross_revenue", "income_tax", "pretax_cash_flow"}) {
    EXPECT_EQ(pt.find(code), std::string::npos) << code;
  }
  const std::string en = WorkbookText(f, "en");
  EXPECT_NE(en.find("name=\"Summary\""), std::string::npos);
  EXPECT_NE(en.find("discount rate 10%"), std::string::npos);
}

// Terms that grant an incentive get a sheet of what it costs the state, in
// the reader's words; terms without incentives do not.
TEST(WriteXlsx, ListsWhatEachIncentiveCostsTheState) {
  Fixture f;
  EXPECT_EQ(WorkbookText(f, "fr").find("Dépenses fiscales"), std::string::npos);
  Regime r = f.model.regimes[0];
  ASSERT_TRUE(r.income_tax.has_value());
  r.income_tax->holiday_first_production_years = 3;
  f.analyses[0] = Analyze(f.series, r, f.model.discounting, f.model.sweep);
  ASSERT_EQ(f.analyses[0].tax_expenditure.items.size(), 1u);
  EXPECT_GT(f.analyses[0].tax_expenditure.items[0].nominal, 0);
  const std::string fr = WorkbookText(f, "fr");
  for (const char* words : {"name=\"Dépenses fiscales\"", "Exonération temporaire d",
                            "Interaction des incitations", "Toutes les incitations ensemble"}) {
    EXPECT_NE(fr.find(words), std::string::npos) << words;
  }
  EXPECT_EQ(fr.find("income_tax_holiday"), std::string::npos);
}

TEST(WriteXlsx, CutsLongSheetNamesAtACharacterNotInsideOne) {
  Fixture f;
  f.analyses[0].regime = "Régime proposé par la société minière";
  // 31 characters: "Fluxos 1 " and 22 of the name, the "é"s whole.
  EXPECT_NE(WorkbookText(f, "pt").find("name=\"Fluxos 1 Régime proposé par la \""),
            std::string::npos);
}

// Every language names every sheet, head, metric and ledger line English does.
TEST(WorkbookWords, EveryLanguageHasEveryEntryOfEnglish) {
  const nlohmann::json& all = WorkbookWords::Catalog();
  const nlohmann::json en = all["en"].flatten();
  for (const char* language : {"fr", "es", "pt"}) {
    const nlohmann::json words = all[language].flatten();
    for (const auto& [key, value] : en.items()) {
      ASSERT_TRUE(words.contains(key)) << language << " " << key;
      EXPECT_FALSE(words[key].get<std::string>().empty()) << language << " " << key;
    }
    EXPECT_EQ(words.size(), en.size()) << language;
  }
  for (int l = 0; l < kLineCount; ++l) {
    EXPECT_TRUE(en.contains(std::string("/line/") + LineName(static_cast<Line>(l))))
        << LineName(static_cast<Line>(l));
  }
  EXPECT_EQ(WorkbookWords("fr")("sheet/ledger"), "Flux");
  EXPECT_EQ(WorkbookWords("ar")("sheet/ledger"), "Ledger");
  EXPECT_EQ(WorkbookWords("es")("comparison/title", {{"to", "B"}, {"from", "A"}}),
            "Ingresos del Estado: B menos A");
}

}  // namespace
}  // namespace connex::fiscal::io
