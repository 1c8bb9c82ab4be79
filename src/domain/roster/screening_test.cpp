// Conflict screening: name normalisation, the look-back window, affiliates,
// waivers.
#include "domain/roster/screening.hpp"

#include <gtest/gtest.h>

#include "domain/roster/company_names.hpp"

namespace {

using namespace connex::domain;

TEST(CompanyNames, LegalFormsCasePunctuationAndAccentsDoNotDistinguish) {
  EXPECT_TRUE(SameCompany("Acme Mining Ltd.", "ACME MINING LIMITED"));
  EXPECT_TRUE(SameCompany("Société Minière S.A.", "Societe Miniere SA"));
  EXPECT_TRUE(SameCompany("Smith & Sons Pty Ltd", "smith and sons"));
  EXPECT_TRUE(SameCompany("The Atlantic Gas Company plc", "Atlantic Gas"));
  EXPECT_TRUE(SameCompany("Minera Andina S.A. de C.V.", "MINERA ANDINA"));
  EXPECT_TRUE(SameCompany("PT Nusantara Tambang", "Nusantara Tambang"));
  EXPECT_TRUE(SameCompany("Acme-Mining, Inc.", "Acme Mining Incorporated"));
  EXPECT_FALSE(SameCompany("Acme Mining Ltd", "Acme Minerals Ltd"));
  EXPECT_FALSE(SameCompany("Acme Mining", "Acme Mining Ghana"));
  EXPECT_FALSE(SameCompany("Ltd", "Limited"));  // no name at all is no match
  EXPECT_EQ(NormaliseCompanyName("  ACME   Mining Co. Ltd  "), "acme mining");
}

Declaration Worked(const std::string& entity, const std::string& start, const std::string& end,
                   std::vector<std::string> affiliates = {}) {
  return {"dcl_1", "usr_e", entity, std::move(affiliates), "employment", start, end, "CV"};
}

const std::vector<Counterparty> kParties = {
    {"ACME MINING LIMITED", {"Acme Ghana Ltd", "Acme Holdings plc"}}};

TEST(Screening, InsideTheLookBackExcludesOutsideItDiscloses) {
  const std::string today = "2026-11-23";
  auto r = Screen({Worked("Acme Mining Ltd.", "2018-01-01", "2024-06-30")}, kParties, {}, today, 3);
  EXPECT_EQ(r.outcome, ScreeningOutcome::kExclude);
  EXPECT_NE(r.reason.find("within the 3-year look-back"), std::string::npos);
  EXPECT_EQ(r.declaration_id, "dcl_1");
  r = Screen({Worked("Acme Mining Ltd.", "2010-01-01", "2022-06-30")}, kParties, {}, today, 3);
  EXPECT_EQ(r.outcome, ScreeningOutcome::kDisclose);
  // The window's first day is inside it; a longer look-back catches more.
  EXPECT_EQ(
      Screen({Worked("Acme", "2010-01-01", "2023-11-23")}, {{"Acme", {}}}, {}, today, 3).outcome,
      ScreeningOutcome::kExclude);
  EXPECT_EQ(
      Screen({Worked("Acme", "2010-01-01", "2023-11-22")}, {{"Acme", {}}}, {}, today, 3).outcome,
      ScreeningOutcome::kDisclose);
  EXPECT_EQ(
      Screen({Worked("Acme Mining", "2010-01-01", "2022-06-30")}, kParties, {}, today, 5).outcome,
      ScreeningOutcome::kExclude);
  // Ongoing relations are current.
  EXPECT_EQ(Screen({Worked("Acme Mining", "2025-01-01", "")}, kParties, {}, today, 3).outcome,
            ScreeningOutcome::kExclude);
}

TEST(Screening, AffiliatesOnEitherSideMatch) {
  const std::string today = "2026-11-23";
  // The expert worked for the counterparty's affiliate.
  auto r =
      Screen({Worked("Acme Ghana Limited", "2020-01-01", "2025-01-01")}, kParties, {}, today, 3);
  EXPECT_EQ(r.outcome, ScreeningOutcome::kExclude);
  EXPECT_NE(r.reason.find("affiliate of counterparty ACME MINING LIMITED"), std::string::npos);
  // The expert declared the counterparty as an affiliate of their employer.
  r = Screen({Worked("Blue Holdings", "2020-01-01", "", {"Acme Mining Ltd"})}, kParties, {}, today,
             3);
  EXPECT_EQ(r.outcome, ScreeningOutcome::kExclude);
  EXPECT_EQ(Screen({Worked("Copper Co", "2020-01-01", "")}, kParties, {}, today, 3).outcome,
            ScreeningOutcome::kClear);
}

TEST(Screening, AWrittenWaiverTurnsAnExclusionIntoAWaiverAndTheWorstOutcomeWins) {
  const std::string today = "2026-11-23";
  const Declaration recent = Worked("Acme Mining", "2020-01-01", "2025-01-01");
  EXPECT_EQ(Screen({recent}, kParties, {{"dcl_1", "doc_consent"}}, today, 3).outcome,
            ScreeningOutcome::kWaiver);
  // A waiver without the government's consent document is no waiver.
  EXPECT_EQ(Screen({recent}, kParties, {{"dcl_1", ""}}, today, 3).outcome,
            ScreeningOutcome::kExclude);
  Declaration old = Worked("Acme Holdings", "2001-01-01", "2005-01-01");
  old.id = "dcl_0";
  Declaration other = recent;
  other.id = "dcl_2";
  const auto r = Screen({old, recent, other}, kParties, {{"dcl_1", "doc_consent"}}, today, 3);
  EXPECT_EQ(r.outcome, ScreeningOutcome::kExclude);
  EXPECT_EQ(r.declaration_id, "dcl_2");
}

TEST(Screening, YearsBeforeKeepsTheDayOrTheLastOfFebruary) {
  EXPECT_EQ(YearsBefore("2026-11-23", 3), "2023-11-23");
  EXPECT_EQ(YearsBefore("2028-02-29", 3), "2025-02-28");
  EXPECT_EQ(YearsBefore("2028-02-29", 4), "2024-02-29");
}

}  // namespace
