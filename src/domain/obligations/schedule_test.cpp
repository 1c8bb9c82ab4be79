// Due dates of contract obligations: recurrence from the first due date with
// the end-of-month cases a treasury meets, and overdue detection read in each
// contract's own time zone.
#include "domain/obligations/schedule.hpp"

#include <gtest/gtest.h>

#include "domain/obligations/obligation.hpp"

namespace {

using namespace connex;
using namespace connex::domain;
using Dates = std::vector<std::string>;

Instant At(const char* iso) { return *ParseIso(iso); }

Schedule Every(const std::string& recurrence, const std::string& first, bool eom = false,
               const std::string& until = "") {
  return {first, recurrence, eom, until};
}

TEST(ObligationSchedule, MonthlyFromThe31stFallsOnEachMonthsLastDayWhenShorterAndReturns) {
  const Schedule s = Every("monthly", "2027-01-31");
  EXPECT_EQ(
      DueDates(s, "2027-01-01", "2027-06-30"),
      (Dates{"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30"}));
  // A leap February keeps its 29th.
  EXPECT_EQ(DueDates(Every("monthly", "2028-01-30"), "2028-02-01", "2028-03-31"),
            (Dates{"2028-02-29", "2028-03-30"}));
}

TEST(ObligationSchedule, EndOfMonthFollowsEveryMonthsLastDay) {
  const Schedule s = Every("monthly", "2027-04-30", true);
  EXPECT_EQ(DueDates(s, "2027-04-01", "2027-07-31"),
            (Dates{"2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31"}));
  // Without it, the 30th stays the 30th.
  EXPECT_EQ(DueDates(Every("monthly", "2027-04-30"), "2027-05-01", "2027-05-31"),
            (Dates{"2027-05-30"}));
  // Quarter ends, through a leap February.
  EXPECT_EQ(DueDates(Every("quarterly", "2027-11-30", true), "2027-01-01", "2028-12-31"),
            (Dates{"2027-11-30", "2028-02-29", "2028-05-31", "2028-08-31", "2028-11-30"}));
}

TEST(ObligationSchedule, QuarterlyAndYearlyCountFromTheFirstDueDate) {
  EXPECT_EQ(DueDates(Every("quarterly", "2026-11-15"), "2026-01-01", "2027-12-31"),
            (Dates{"2026-11-15", "2027-02-15", "2027-05-15", "2027-08-15", "2027-11-15"}));
  // 29 February: the 28th in common years, the 29th again in leap years.
  EXPECT_EQ(DueDates(Every("yearly", "2028-02-29"), "2028-01-01", "2032-12-31"),
            (Dates{"2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"}));
  EXPECT_EQ(NthDue(Every("yearly", "2026-06-30"), 30), "2056-06-30");
}

TEST(ObligationSchedule, OnceAndUntilBoundTheDueDates) {
  EXPECT_EQ(DueDates(Every("once", "2027-03-31"), "2020-01-01", "2040-01-01"),
            (Dates{"2027-03-31"}));
  EXPECT_EQ(NthDue(Every("once", "2027-03-31"), 1), "");
  const Schedule s = Every("monthly", "2027-01-31", false, "2027-04-29");
  EXPECT_EQ(DueDates(s, "2027-01-01", "2030-01-01"),
            (Dates{"2027-01-31", "2027-02-28", "2027-03-31"}));
  EXPECT_TRUE(IsDueDate(s, "2027-02-28"));
  EXPECT_FALSE(IsDueDate(s, "2027-02-27"));
  EXPECT_FALSE(IsDueDate(s, "2027-04-30"));  // past until
  // The range is inclusive at both ends and may start after many due dates.
  EXPECT_EQ(DueDates(Every("monthly", "2000-01-15"), "2026-11-15", "2026-12-15"),
            (Dates{"2026-11-15", "2026-12-15"}));
}

TEST(ObligationSchedule, WrongSchedulesNameTheirField) {
  auto fields = [](const Schedule& s) {
    std::vector<std::string> out;
    for (const Error& e : CheckSchedule(s)) out.push_back(e.field);
    return out;
  };
  EXPECT_TRUE(fields(Every("monthly", "2027-01-31")).empty());
  EXPECT_EQ(fields(Every("monthly", "2027-02-30")), (Dates{"first_due"}));
  EXPECT_EQ(fields(Every("weekly", "2027-01-31")), (Dates{"recurrence"}));
  EXPECT_EQ(fields(Every("monthly", "2027-01-30", true)), (Dates{"end_of_month"}));
  EXPECT_EQ(fields(Every("once", "2027-01-31", true)), (Dates{"end_of_month"}));
  EXPECT_EQ(fields(Every("monthly", "2027-01-31", false, "2026-12-31")), (Dates{"until"}));
  EXPECT_EQ(fields(Every("monthly", "2027-01-31", false, "someday")), (Dates{"until"}));
}

TEST(ObligationOverdue, ADueDateIsLateFromTheNextLocalMidnightOfTheContractsZone) {
  const auto* moresby = FindZone("Pacific/Port_Moresby");  // UTC+10
  const auto* lima = FindZone("America/Lima");             // UTC-5
  ASSERT_TRUE(moresby && lima);
  EXPECT_EQ(DueEnd("2027-03-31", moresby), At("2027-03-31T14:00:00Z"));
  EXPECT_EQ(DueEnd("2027-03-31", lima), At("2027-04-01T05:00:00Z"));
  // At 15:00 UTC on 31 March it is 1 April in Port Moresby and still 31 March in Lima.
  const Instant now = At("2027-03-31T15:00:00Z");
  EXPECT_EQ(OccurrenceState("2027-03-31", moresby, 14, "", now), "overdue");
  EXPECT_EQ(OccurrenceState("2027-03-31", lima, 14, "", now), "due_soon");
  EXPECT_EQ(OccurrenceState("2027-03-31", lima, 14, "", At("2027-04-01T04:59:59Z")), "due_soon");
  EXPECT_EQ(OccurrenceState("2027-03-31", lima, 14, "", At("2027-04-01T05:00:00Z")), "overdue");
  EXPECT_EQ(LocalDate(now, moresby), "2027-04-01");
  EXPECT_EQ(LocalDate(now, lima), "2027-03-31");
}

TEST(ObligationOverdue, DaylightSavingMovesTheDeadlineWithTheWallClock) {
  const auto* santiago = FindZone("America/Santiago");
  const auto* london = FindZone("Europe/London");
  ASSERT_TRUE(santiago && london);
  // London: GMT until 28 March 2027, BST (UTC+1) after.
  EXPECT_EQ(DueEnd("2027-03-27", london), At("2027-03-28T00:00:00Z"));
  EXPECT_EQ(DueEnd("2027-03-28", london), At("2027-03-28T23:00:00Z"));
  // Santiago springs forward at local midnight (first Sunday of September):
  // 2026-09-06 00:00 does not exist, the day starts at 01:00 -03 = 04:00 UTC.
  EXPECT_EQ(DueEnd("2026-09-05", santiago), At("2026-09-06T04:00:00Z"));
  EXPECT_EQ(OccurrenceState("2026-09-05", santiago, 0, "", At("2026-09-06T03:59:59Z")), "due_soon");
  EXPECT_EQ(OccurrenceState("2026-09-05", santiago, 0, "", At("2026-09-06T04:00:00Z")), "overdue");
}

TEST(ObligationOverdue, RemindersStartRemindDaysBeforeAndRecordsCloseADueDate) {
  const auto* accra = FindZone("Africa/Accra");
  ASSERT_TRUE(accra);
  EXPECT_EQ(OccurrenceState("2027-03-31", accra, 14, "", At("2027-03-16T23:59:59Z")), "upcoming");
  EXPECT_EQ(OccurrenceState("2027-03-31", accra, 14, "", At("2027-03-17T00:00:00Z")), "due_soon");
  EXPECT_EQ(OccurrenceState("2027-03-31", accra, 14, "met", At("2027-05-01T00:00:00Z")), "met");
  EXPECT_EQ(OccurrenceState("2027-03-31", accra, 14, "waived", At("2027-05-01T00:00:00Z")),
            "waived");
  EXPECT_EQ(OccurrenceState("2027-03-31", accra, 14, "partly_met", At("2027-05-01T00:00:00Z")),
            "overdue");
  EXPECT_EQ(AddDays("2027-03-01", -1), "2027-02-28");
  EXPECT_EQ(DaysBetween("2028-02-28", "2028-03-01"), 2);
  EXPECT_EQ(DaysBetween("2027-03-01", "2027-02-28"), -1);
  EXPECT_EQ(FindZone("Mars/Olympus_Mons"), nullptr);
}

TEST(ObligationRecord, ReadingAnObligationNamesEveryWrongField) {
  auto read = ReadObligation(nlohmann::json{{"type", "bribe"},
                                            {"amount", -5},
                                            {"currency", "usd"},
                                            {"first_due", "2027-01-30"},
                                            {"recurrence", "monthly"},
                                            {"end_of_month", true},
                                            {"remind_days", 400},
                                            {"colour", "red"}});
  ASSERT_FALSE(read);
  std::vector<std::string> fields;
  for (const Error& e : read.errors()) fields.push_back(e.field);
  for (const char* f :
       {"colour", "type", "title", "party", "amount", "currency", "end_of_month", "remind_days"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
  auto ok = ReadObligation(nlohmann::json{{"type", "payment"},
                                          {"title", "Surface rent"},
                                          {"party", "Ashanti Gold Ltd"},
                                          {"amount", 250000},
                                          {"currency", "USD"},
                                          {"first_due", "2027-01-31"},
                                          {"recurrence", "yearly"}});
  ASSERT_TRUE(ok) << ok.errors().front().ToString();
  EXPECT_EQ(ok->remind_days, 14);
  EXPECT_EQ(ok->status, "active");
  EXPECT_EQ(*ok->amount, 250000);
}

TEST(ObligationRecord, AnnotationCategoriesSuggestATypeOrNone) {
  EXPECT_EQ(SuggestedObligationType("royalties"), "payment");
  EXPECT_EQ(SuggestedObligationType("surface-fees-or-rent"), "payment");
  EXPECT_EQ(SuggestedObligationType("local-employment"), "local_content");
  EXPECT_EQ(SuggestedObligationType("reporting-requirements"), "reporting");
  EXPECT_EQ(SuggestedObligationType("environmental-monitoring"), "environmental");
  EXPECT_EQ(SuggestedObligationType("community-consultation"), "community");
  EXPECT_EQ(SuggestedObligationType("governing-law"), "");
  EXPECT_EQ(SuggestedObligationType("no-such-category"), "");
}

}  // namespace
