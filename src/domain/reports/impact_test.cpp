#include "domain/reports/impact.hpp"

#include <gtest/gtest.h>

#include "domain/reports/regions.hpp"
#include "domain/requests/disclosure.hpp"

namespace connex::domain {
namespace {

using std::chrono::hours;

Instant At(const char* iso) { return *ParseIso(iso); }

ImpactRecord Record(const char* country, const char* commodity,
                    std::vector<std::string> disciplines, const char* submitted) {
  ImpactRecord r;
  r.country = country;
  r.commodity = commodity;
  r.disciplines = std::move(disciplines);
  r.submitted = At(submitted);
  return r;
}

ClockReading Clock(ClockKind kind, ClockStatus status, int elapsed_hours, bool stopped) {
  ClockReading c;
  c.kind = kind;
  c.status = status;
  c.elapsed = hours(elapsed_hours);
  if (stopped) c.stopped = At("2026-06-01T00:00:00Z");
  return c;
}

Feedback Answer(int base, std::optional<double> estimate) {
  Feedback f;
  f.quality = base;
  f.timeliness = base - 1;
  f.independence = 5;
  f.multidisciplinarity = base;
  f.capacity_built = 3;
  f.value_added = base;
  f.estimated_added_value = estimate;
  f.currency = "USD";
  return f;
}

// Seven requests with known answers: 3 from Ghana (2 gold, 1 oil), 2 from
// Senegal (oil), 1 from Kenya and 1 from Peru (copper).
std::vector<ImpactRecord> Seeded() {
  std::vector<ImpactRecord> v = {
      Record("GHA", "gold", {"legal", "fiscal"}, "2026-01-10T09:00:00Z"),
      Record("GHA", "gold", {"legal", "fiscal"}, "2026-02-03T09:00:00Z"),
      Record("GHA", "oil", {"legal", "fiscal"}, "2026-03-31T23:59:59Z"),
      Record("SEN", "oil", {"legal", "fiscal"}, "2026-04-01T00:00:00Z"),
      Record("SEN", "oil", {"legal", "geology"}, "2026-05-20T12:00:00Z"),
      Record("KEN", "copper", {"environment"}, "2026-07-01T08:00:00Z"),
      Record("PER", "copper", {}, "2026-08-15T08:00:00Z"),
  };
  // Acknowledgement: met after 2, 4 and 6 business hours, breached (stopped)
  // at 10, one still running (no outcome yet), one cancelled.
  v[0].clocks = {Clock(ClockKind::kAcknowledge, ClockStatus::kMet, 2, true),
                 Clock(ClockKind::kDecide, ClockStatus::kMet, 30, true)};
  v[1].clocks = {Clock(ClockKind::kAcknowledge, ClockStatus::kMet, 6, true),
                 Clock(ClockKind::kDecide, ClockStatus::kBreached, 90, true)};
  v[2].clocks = {Clock(ClockKind::kAcknowledge, ClockStatus::kMet, 4, true)};
  v[3].clocks = {Clock(ClockKind::kAcknowledge, ClockStatus::kBreached, 10, true)};
  v[4].clocks = {Clock(ClockKind::kAcknowledge, ClockStatus::kRunning, 3, false)};
  v[5].clocks = {Clock(ClockKind::kAcknowledge, ClockStatus::kCancelled, 1, true)};
  // Engagements of 10, 20 and 40 days, and one still active.
  const Instant start = At("2026-03-01T00:00:00Z");
  for (int i = 0; i < 4; ++i) v[static_cast<size_t>(i)].engaged = start;
  v[0].closed = start + std::chrono::days(10);
  v[1].closed = start + std::chrono::days(20);
  v[2].closed = start + std::chrono::days(40);
  v[0].feedback = Answer(5, 100e6);
  v[1].feedback = Answer(4, 50e6);
  v[2].feedback = Answer(3, std::nullopt);
  return v;
}

const GroupRow& Row(const std::vector<GroupRow>& rows, const std::string& key) {
  for (const GroupRow& r : rows) {
    if (r.key == key) return r;
  }
  throw std::runtime_error("no row " + key);
}

TEST(ImpactReport, CountsEachBreakdownAndHidesGroupsUnderThreeSoNoneCanBeWorkedOut) {
  const ImpactReport r = BuildImpactReport(Seeded(), {}, SlaPolicy{});
  EXPECT_FALSE(r.suppressed);
  EXPECT_EQ(r.requests, 7);
  EXPECT_EQ(r.engagements, 4);
  EXPECT_EQ(r.closed, 3);
  EXPECT_EQ(r.answered, 3);
  // Ghana's 3 are shown; Kenya, Peru and Senegal are under 3 each.
  EXPECT_FALSE(Row(r.by_country, "GHA").suppressed);
  EXPECT_EQ(Row(r.by_country, "GHA").requests, 3);
  EXPECT_EQ(Row(r.by_country, "GHA").engagements, 3);
  for (const char* c : {"KEN", "PER", "SEN"}) {
    EXPECT_TRUE(Row(r.by_country, c).suppressed) << c;
    EXPECT_EQ(Row(r.by_country, c).requests, 0) << c;
  }
  // Latin America's single request alone would be the total minus Africa's
  // 6: Africa is hidden with it.
  EXPECT_TRUE(Row(r.by_region, "latin_america_caribbean").suppressed);
  EXPECT_TRUE(Row(r.by_region, "africa").suppressed);
  // Gold 2 and copper 2 hidden (4 between them); oil 3 shown.
  EXPECT_TRUE(Row(r.by_commodity, "gold").suppressed);
  EXPECT_TRUE(Row(r.by_commodity, "copper").suppressed);
  EXPECT_EQ(Row(r.by_commodity, "oil").requests, 3);
  // Disciplines: legal 5, fiscal 4, geology 1, environment 1. The two hidden
  // rows add up to 2, which the others would give away: fiscal goes too.
  EXPECT_EQ(Row(r.by_discipline, "legal").requests, 5);
  EXPECT_TRUE(Row(r.by_discipline, "fiscal").suppressed);
  EXPECT_TRUE(Row(r.by_discipline, "geology").suppressed);
  EXPECT_TRUE(Row(r.by_discipline, "environment").suppressed);
  // Quarters: Q1 3 (the last second of March included), Q2 2, Q3 2.
  ASSERT_EQ(r.over_time.size(), 3u);
  EXPECT_EQ(r.over_time[0].key, "2026-Q1");
  EXPECT_EQ(r.over_time[0].requests, 3);
  EXPECT_TRUE(r.over_time[1].suppressed);
  EXPECT_TRUE(r.over_time[2].suppressed);
}

TEST(ImpactReport, ResponseTimesCountOnlyClocksWithAnOutcome) {
  const ImpactReport r = BuildImpactReport(Seeded(), {}, SlaPolicy{});
  ASSERT_EQ(r.response_times.size(), 4u);
  const ClockFigures& ack = r.response_times[0];
  EXPECT_EQ(ack.kind, ClockKind::kAcknowledge);
  EXPECT_EQ(ack.target_hours, 8);
  EXPECT_FALSE(ack.suppressed);
  EXPECT_EQ(ack.measured, 4);  // 3 met + 1 breached; running and cancelled left out
  EXPECT_EQ(ack.met, 3);
  EXPECT_DOUBLE_EQ(ack.share_met, 0.75);
  ASSERT_TRUE(ack.median_hours);
  EXPECT_DOUBLE_EQ(*ack.median_hours, 5.0);  // 2, 4, 6, 10: as MEDIAN() in a spreadsheet
  // The decision clock has only two outcomes: hidden.
  EXPECT_TRUE(r.response_times[1].suppressed);
  EXPECT_EQ(r.response_times[1].measured, 0);
  EXPECT_TRUE(ToJson(r)["response_times"][1]["median_hours"].is_null());
}

TEST(ImpactReport, DurationsSatisfactionAndRevenueNeedThreeEach) {
  ImpactReport r = BuildImpactReport(Seeded(), {}, SlaPolicy{});
  EXPECT_FALSE(r.durations_suppressed);
  EXPECT_EQ(r.durations, 3);
  EXPECT_DOUBLE_EQ(r.median_days, 20);
  EXPECT_NEAR(r.mean_days, 70.0 / 3, 1e-12);
  EXPECT_FALSE(r.satisfaction_suppressed);
  EXPECT_DOUBLE_EQ(r.mean_ratings[0], 4.0);  // quality 5, 4, 3
  EXPECT_DOUBLE_EQ(r.mean_ratings[1], 3.0);  // timeliness 4, 3, 2
  EXPECT_DOUBLE_EQ(r.mean_ratings[2], 5.0);  // independence
  EXPECT_DOUBLE_EQ(r.mean_ratings[4], 3.0);  // capacity built
  ASSERT_EQ(r.added_revenue.size(), 1u);     // two estimates in USD: hidden
  EXPECT_TRUE(r.added_revenue[0].suppressed);
  EXPECT_EQ(r.added_revenue[0].total, 0);

  std::vector<ImpactRecord> more = Seeded();
  more[3].closed = At("2026-03-03T12:00:00Z");  // 2.5 days
  more[3].feedback = Answer(2, 30e6);
  r = BuildImpactReport(more, {}, SlaPolicy{});
  EXPECT_EQ(r.durations, 4);
  EXPECT_DOUBLE_EQ(r.median_days, 15);  // 2.5, 10, 20, 40
  EXPECT_DOUBLE_EQ(r.mean_ratings[0], 3.5);
  ASSERT_EQ(r.added_revenue.size(), 1u);
  EXPECT_FALSE(r.added_revenue[0].suppressed);
  EXPECT_EQ(r.added_revenue[0].estimates, 3);
  EXPECT_DOUBLE_EQ(r.added_revenue[0].total, 180e6);
  EXPECT_DOUBLE_EQ(r.added_revenue[0].median, 50e6);

  // Two answers only: the means are not shown.
  more[2].feedback.reset();
  more[3].feedback.reset();
  r = BuildImpactReport(more, {}, SlaPolicy{});
  EXPECT_TRUE(r.satisfaction_suppressed);
  const nlohmann::json j = ToJson(r);
  EXPECT_TRUE(j["satisfaction"]["suppressed"].get<bool>());
  EXPECT_TRUE(j["satisfaction"]["mean"]["quality"].is_null());
  EXPECT_TRUE(j["satisfaction"]["answers"].is_null());
}

TEST(ImpactReport, DisclosureCountsCommitmentsDueAndHidesFewerThanThree) {
  std::vector<ImpactRecord> v = Seeded();
  // Five commitments: two published on time, one late, one overdue, one not
  // yet due (pending) — four due, of which three published.
  v[0].disclosure = "met_on_time";
  v[1].disclosure = "met_on_time";
  v[2].disclosure = "met_late";
  v[3].disclosure = "overdue";
  v[4].disclosure = "due_soon";
  ImpactReport r = BuildImpactReport(v, {}, SlaPolicy{});
  EXPECT_FALSE(r.disclosure.suppressed);
  EXPECT_EQ(r.disclosure.committed, 5);
  EXPECT_EQ(r.disclosure.due, 4);
  EXPECT_EQ(r.disclosure.on_time, 2);
  EXPECT_EQ(r.disclosure.late, 1);
  EXPECT_EQ(r.disclosure.overdue, 1);
  EXPECT_DOUBLE_EQ(r.disclosure.share_published, 0.75);
  EXPECT_DOUBLE_EQ(r.disclosure.share_on_time, 0.5);
  const nlohmann::json j = ToJson(r)["disclosure"];
  EXPECT_EQ(j["share_published"], 0.75);
  EXPECT_NE(ImpactCsv(r).find("contract disclosure,,share published,0.75,"), std::string::npos);

  // Two due (one published, one overdue) and a pending one: nothing shown.
  v[0].disclosure = v[1].disclosure = "";
  r = BuildImpactReport(v, {}, SlaPolicy{});
  EXPECT_TRUE(r.disclosure.suppressed);
  EXPECT_EQ(r.disclosure.committed, 0);
  EXPECT_TRUE(ToJson(r)["disclosure"]["committed"].is_null());
  EXPECT_TRUE(ToJson(r)["disclosure"]["share_published"].is_null());
}

TEST(ImpactReport, ReferralsCountOutcomesAndAnswerTimesPerProviderHidingSmallOnes) {
  std::vector<ImpactRecord> v = Seeded();
  using R = ImpactRecord::Referred;
  // NRGI: four referrals (accepted in 2 and 6 days, declined in 4, one still
  // proposed); CCSI: three (completed after 10 days' answer, accepted in 1,
  // declined in 3); ALSF: one, accepted in 5 days.
  v[0].referrals = {R{"NRGI", "accepted", 2.0}, R{"CCSI", "completed", 10.0}};
  v[1].referrals = {R{"NRGI", "completed", 6.0}, R{"CCSI", "accepted", 1.0}};
  v[2].referrals = {R{"NRGI", "declined", 4.0}, R{"CCSI", "declined", 3.0}};
  v[3].referrals = {R{"NRGI", "proposed", std::nullopt}, R{"ALSF", "accepted", 5.0}};
  const ImpactReport r = BuildImpactReport(v, {}, SlaPolicy{});
  EXPECT_EQ(r.referrals.referrals, 8);
  EXPECT_EQ(r.referrals.accepted, 5);  // completed ones were accepted first
  EXPECT_EQ(r.referrals.declined, 2);
  EXPECT_EQ(r.referrals.completed, 2);
  EXPECT_EQ(r.referrals.answered, 7);
  EXPECT_DOUBLE_EQ(*r.referrals.median_response_days, 4.0);  // 1 2 3 4 5 6 10
  ASSERT_EQ(r.referrals_by_provider.size(), 3u);
  // ALSF alone (1) could be worked out from the total: CCSI, the smallest
  // shown, is hidden with it.
  EXPECT_EQ(r.referrals_by_provider[0].key, "ALSF");
  EXPECT_TRUE(r.referrals_by_provider[0].suppressed);
  EXPECT_EQ(r.referrals_by_provider[0].referrals, 0);
  EXPECT_TRUE(r.referrals_by_provider[1].suppressed);  // CCSI
  const ReferralRow& nrgi = r.referrals_by_provider[2];
  EXPECT_FALSE(nrgi.suppressed);
  EXPECT_EQ(nrgi.referrals, 4);
  EXPECT_EQ(nrgi.accepted, 2);
  EXPECT_EQ(nrgi.declined, 1);
  EXPECT_DOUBLE_EQ(*nrgi.median_response_days, 4.0);  // 2 4 6
  const nlohmann::json j = ToJson(r);
  EXPECT_TRUE(j["referrals_by_provider"][0]["referrals"].is_null());
  EXPECT_EQ(j["referrals_by_provider"][2]["median_response_days"], 4.0);
  EXPECT_NE(ImpactCsv(r).find("referrals,NRGI,referrals,4,"), std::string::npos);

  // Two referrals in all: nothing is shown.
  for (ImpactRecord& x : v) x.referrals.clear();
  v[0].referrals = {R{"NRGI", "accepted", 2.0}, R{"NRGI", "declined", 3.0}};
  const ImpactReport few = BuildImpactReport(v, {}, SlaPolicy{});
  EXPECT_TRUE(few.referrals.suppressed);
  EXPECT_EQ(few.referrals.referrals, 0);
  EXPECT_FALSE(few.referrals.median_response_days);
  EXPECT_TRUE(few.referrals_by_provider[0].suppressed);
}

TEST(DisclosureState, MetOnTimeLateOverdueDueSoonOrPending) {
  EXPECT_EQ(DisclosureState("2026-06-30", "2026-06-30", "2026-12-01"), "met_on_time");
  EXPECT_EQ(DisclosureState("2026-06-30", "2026-07-01", "2026-12-01"), "met_late");
  EXPECT_EQ(DisclosureState("2026-06-30", "", "2026-07-01"), "overdue");
  EXPECT_EQ(DisclosureState("2026-06-30", "", "2026-06-30"), "due_soon");
  EXPECT_EQ(DisclosureState("2026-06-30", "", "2026-05-31"), "due_soon");  // 30 days before
  EXPECT_EQ(DisclosureState("2026-06-30", "", "2026-05-30"), "pending");
  // Published before the date: met on time even while the date is ahead.
  EXPECT_EQ(DisclosureState("2027-06-30", "2026-12-01", "2026-12-02"), "met_on_time");
}

TEST(ImpactReport, FiltersNarrowTheRequestsAndASmallSelectionShowsNothing) {
  ImpactQuery q;
  q.region = "africa";
  ImpactReport r = BuildImpactReport(Seeded(), q, SlaPolicy{});
  EXPECT_EQ(r.requests, 6);
  q = {};
  q.from = "2026-02";
  q.to = "2026-05";
  q.interval = Interval::kMonth;
  r = BuildImpactReport(Seeded(), q, SlaPolicy{});
  EXPECT_EQ(r.requests, 4);  // February to May, inclusive
  ASSERT_EQ(r.over_time.size(), 4u);
  EXPECT_EQ(r.over_time[0].key, "2026-02");
  for (const GroupRow& row : r.over_time) EXPECT_TRUE(row.suppressed) << row.key;

  q = {};
  q.country = "SEN";
  r = BuildImpactReport(Seeded(), q, SlaPolicy{});
  EXPECT_TRUE(r.suppressed);
  const nlohmann::json j = ToJson(r);
  EXPECT_TRUE(j["requests"].is_null());
  EXPECT_TRUE(j["by_commodity"].empty());
  EXPECT_TRUE(j["durations"]["median_days"].is_null());
  q = {};
  q.discipline = "legal";
  q.commodity = "oil";
  EXPECT_EQ(BuildImpactReport(Seeded(), q, SlaPolicy{}).requests, 3);
}

TEST(ImpactReport, PeriodsAreUtcMonthsQuartersAndYears) {
  EXPECT_EQ(PeriodOf(At("2026-03-31T23:59:59Z"), Interval::kQuarter), "2026-Q1");
  EXPECT_EQ(PeriodOf(At("2026-04-01T00:00:00Z"), Interval::kQuarter), "2026-Q2");
  EXPECT_EQ(PeriodOf(At("2026-12-31T12:00:00Z"), Interval::kQuarter), "2026-Q4");
  EXPECT_EQ(PeriodOf(At("2026-02-28T00:00:00Z"), Interval::kMonth), "2026-02");
  EXPECT_EQ(PeriodOf(At("2027-01-01T00:00:00Z"), Interval::kYear), "2027");
}

TEST(ImpactReport, TheQueryStringIsReadStrictly) {
  const std::vector<std::string> disciplines = {"legal", "fiscal"};
  auto q = ReadImpactQuery({{"from", "2026-01"},
                            {"to", "2026-06"},
                            {"interval", "month"},
                            {"region", "africa"},
                            {"discipline", "legal"},
                            {"format", "csv"}},
                           disciplines);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->interval, Interval::kMonth);
  EXPECT_EQ(q->region, "africa");
  q = ReadImpactQuery({{"from", "2026-13"},
                       {"to", "2026-6"},
                       {"interval", "week"},
                       {"country", "Ghana"},
                       {"region", "mars"},
                       {"commodity", "tin"},
                       {"discipline", "astrology"},
                       {"page", "2"}},
                      disciplines);
  ASSERT_FALSE(q.ok());
  std::vector<std::string> fields;
  for (const Error& e : q.errors()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"commodity", "country", "discipline", "from",
                                              "interval", "page", "region", "to"}));
  q = ReadImpactQuery({{"from", "2026-06"}, {"to", "2026-01"}}, disciplines);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.errors()[0].field, "to");
}

TEST(ImpactReport, TheCsvHasOneFigurePerLineAndSaysWhyOneIsMissing) {
  const std::string csv = ImpactCsv(BuildImpactReport(Seeded(), {}, SlaPolicy{}));
  EXPECT_EQ(csv.rfind("section,group,measure,value,note\r\n", 0), 0u);
  EXPECT_NE(csv.find("total,,requests,7,\r\n"), std::string::npos);
  EXPECT_NE(csv.find("country,GHA,requests,3,\r\n"), std::string::npos);
  EXPECT_NE(csv.find("country,SEN,requests,,suppressed: fewer than 3 requests in the group\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("response time,acknowledge,share met,0.75,\r\n"), std::string::npos);
  EXPECT_NE(csv.find("satisfaction,quality,mean rating (1-5),4,\r\n"), std::string::npos);
  EXPECT_EQ(csv.find("SEN,requests,2"), std::string::npos);
}

TEST(ReportRegions, EveryCountryHasOneRegionAndUnknownCodesAreOther) {
  EXPECT_EQ(RegionOf("GHA"), "africa");
  EXPECT_EQ(RegionOf("MAR"), "middle_east_north_africa");
  EXPECT_EQ(RegionOf("PNG"), "asia_pacific");
  EXPECT_EQ(RegionOf("KAZ"), "europe_central_asia");
  EXPECT_EQ(RegionOf("GUY"), "latin_america_caribbean");
  EXPECT_EQ(RegionOf("CAN"), "north_america");
  EXPECT_EQ(RegionOf("ATA"), "other");
  EXPECT_EQ(ReportRegions().back(), "other");
  EXPECT_EQ(ReportRegions().size(), 7u);
}

}  // namespace
}  // namespace connex::domain
