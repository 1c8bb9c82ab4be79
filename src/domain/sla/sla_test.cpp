// Response-time clocks on business calendars: the edge cases a Support Unit
// meets (weekends, holidays, pauses, changed policies, zones other than UTC).
// 2026-11-20 is a Friday, 2026-11-23 a Monday.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/sla/calendar.hpp"
#include "domain/sla/clocks.hpp"
#include "domain/sla/policy_json.hpp"

namespace {

using namespace connex;
using namespace connex::domain;
using std::chrono::hours;
using std::chrono::minutes;
using S = RequestState;

Instant At(const char* iso) { return *ParseIso(iso); }

Calendar Cal(CalendarSpec spec = {}) { return *Calendar::Build(spec); }

SlaPolicy Policy(double ack_hours, double decide_hours = 80) {
  SlaPolicy p;
  p.name = "standard";
  p.target_hours = {ack_hours, decide_hours, 40, 160};
  return p;
}

ClockReading Clock(ClockKind kind, const std::vector<StateChange>& history, const SlaPolicy& p,
                   const Calendar& c, Instant now, std::optional<Instant> delivered = {}) {
  for (const ClockReading& r : ReadClocks(history, delivered, p, c, now)) {
    if (r.kind == kind) return r;
  }
  ADD_FAILURE() << "no clock " << ToString(kind);
  return {};
}

TEST(Calendar, CountsOnlyWorkingHoursAcrossAWeekend) {
  const Calendar c = Cal();
  EXPECT_EQ(c.Between(At("2026-11-20T15:00:00Z"), At("2026-11-23T10:00:00Z")), hours(3));
  EXPECT_EQ(c.Between(At("2026-11-21T10:00:00Z"), At("2026-11-22T23:00:00Z")), hours(0));
  EXPECT_EQ(c.Add(At("2026-11-20T15:00:00Z"), hours(8)), At("2026-11-23T15:00:00Z"));
  // Starting at night counts from the next morning.
  EXPECT_EQ(c.Add(At("2026-11-23T20:00:00Z"), hours(1)), At("2026-11-24T10:00:00Z"));
  EXPECT_EQ(c.Between(At("2026-11-23T12:00:00Z"), At("2026-11-23T11:00:00Z")), hours(0));
}

TEST(Calendar, SkipsHolidays) {
  CalendarSpec spec;
  spec.holidays = {"2026-11-23"};
  const Calendar c = Cal(spec);
  EXPECT_EQ(c.Add(At("2026-11-20T15:00:00Z"), hours(8)), At("2026-11-24T15:00:00Z"));
  EXPECT_EQ(c.Between(At("2026-11-23T00:00:00Z"), At("2026-11-24T00:00:00Z")), hours(0));
}

TEST(Calendar, ReadsWorkingHoursInTheCalendarsZone) {
  CalendarSpec spec;
  spec.timezone = "Africa/Nairobi";  // UTC+3 all year
  spec.day_start_minute = 8 * 60;
  const Calendar c = Cal(spec);
  // Friday 16:00 in Nairobi: one hour left that day; Monday starts 08:00 (05:00 UTC).
  EXPECT_EQ(c.Add(At("2026-11-20T13:00:00Z"), hours(8)), At("2026-11-23T12:00:00Z"));
}

TEST(Calendar, FollowsDaylightSavingChanges) {
  CalendarSpec paris;
  paris.timezone = "Europe/Paris";
  const Calendar c = Cal(paris);
  // Friday 23 October 2026, 16:00 CEST (UTC+2); summer time ends on the 25th,
  // so Monday 09:00 is 08:00 UTC and the target falls at 16:00 CET = 15:00 UTC.
  EXPECT_EQ(c.Add(At("2026-10-23T14:00:00Z"), hours(8)), At("2026-10-26T15:00:00Z"));
  // A whole-day calendar: the day clocks spring forward has 23 hours.
  paris.working_days = {true, true, true, true, true, true, true};
  paris.day_start_minute = 0;
  paris.day_end_minute = 24 * 60;
  const Calendar all_day = Cal(paris);
  EXPECT_EQ(all_day.Between(At("2026-03-28T23:00:00Z"), At("2026-03-29T22:00:00Z")), hours(23));
}

TEST(Calendar, RefusesUnusableSpecsNamingTheField) {
  CalendarSpec spec;
  spec.timezone = "Mars/Olympus";
  spec.day_start_minute = 18 * 60;
  spec.working_days = {};
  spec.holidays = {"2026-02-30"};
  const auto c = Calendar::Build(spec);
  ASSERT_FALSE(c.ok());
  std::vector<std::string> fields;
  for (const Error& e : c.errors()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"timezone", "hours", "working_days", "holidays"}));
}

const std::vector<StateChange> kWeekend = {{S::kSubmitted, At("2026-11-20T15:00:00Z")},
                                           {S::kAcknowledged, At("2026-11-23T14:30:00Z")}};

TEST(Clocks, AcrossAWeekendWarnThenBreachAtTheTarget) {
  const Calendar c = Cal();
  const SlaPolicy p = Policy(8);
  const std::vector<StateChange> open = {kWeekend[0]};
  ClockReading r = Clock(ClockKind::kAcknowledge, open, p, c, At("2026-11-23T10:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kRunning);
  EXPECT_EQ(r.elapsed, hours(3));
  EXPECT_EQ(r.due, At("2026-11-23T15:00:00Z"));
  r = Clock(ClockKind::kAcknowledge, open, p, c, At("2026-11-23T14:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kWarning);  // 7 h of 8, past 75%
  r = Clock(ClockKind::kAcknowledge, open, p, c, At("2026-11-23T15:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kBreached);
  EXPECT_EQ(r.due, At("2026-11-23T15:00:00Z"));
  r = Clock(ClockKind::kAcknowledge, kWeekend, p, c, At("2026-11-30T10:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kMet);
  EXPECT_EQ(r.elapsed, hours(7) + minutes(30));
  EXPECT_EQ(r.stopped, At("2026-11-23T14:30:00Z"));
}

TEST(Clocks, AHolidayMovesTheDueTime) {
  CalendarSpec spec;
  spec.holidays = {"2026-11-23"};
  const ClockReading r = Clock(ClockKind::kAcknowledge, {kWeekend[0]}, Policy(8), Cal(spec),
                               At("2026-11-23T16:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kRunning);
  EXPECT_EQ(r.elapsed, hours(2));
  EXPECT_EQ(r.due, At("2026-11-24T15:00:00Z"));
}

// Submitted Monday 09:00; paused Monday 12:00 to Tuesday 12:00 and Tuesday
// 14:00 to Wednesday 09:00; approved Wednesday 13:00: 3 + 2 + 4 = 9 hours.
const std::vector<StateChange> kPausedTwice = {
    {S::kSubmitted, At("2026-11-23T09:00:00Z")},
    {S::kAcknowledged, At("2026-11-23T10:00:00Z")},
    {S::kUnderReview, At("2026-11-23T11:00:00Z")},
    {S::kAwaitingInformation, At("2026-11-23T12:00:00Z")},
    {S::kUnderReview, At("2026-11-24T12:00:00Z")},
    {S::kAwaitingInformation, At("2026-11-24T14:00:00Z")},
    {S::kUnderReview, At("2026-11-25T09:00:00Z")},
    {S::kApproved, At("2026-11-25T13:00:00Z")},
};

TEST(Clocks, PausedAndResumedTwiceCountsOnlyTheRunningSpans) {
  const Calendar c = Cal();
  ClockReading r =
      Clock(ClockKind::kDecide, kPausedTwice, Policy(8, 16), c, At("2026-11-26T09:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kMet);
  EXPECT_EQ(r.elapsed, hours(9));
  ASSERT_EQ(r.pauses.size(), 2u);
  EXPECT_EQ(r.pauses[0].first, At("2026-11-23T12:00:00Z"));
  EXPECT_EQ(r.pauses[0].second, At("2026-11-24T12:00:00Z"));
  EXPECT_EQ(r.pauses[1].second, At("2026-11-25T09:00:00Z"));
  // With an 8-hour target the clock crosses it on Wednesday at 12:00.
  r = Clock(ClockKind::kDecide, kPausedTwice, Policy(8, 8), c, At("2026-11-26T09:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kBreached);
  EXPECT_EQ(r.due, At("2026-11-25T12:00:00Z"));
  // While paused the clock stands still and has no due time.
  const std::vector<StateChange> waiting(kPausedTwice.begin(), kPausedTwice.begin() + 4);
  r = Clock(ClockKind::kDecide, waiting, Policy(8, 16), c, At("2026-11-24T16:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kPaused);
  EXPECT_EQ(r.elapsed, hours(3));
  EXPECT_FALSE(r.due.has_value());
  ASSERT_EQ(r.pauses.size(), 1u);
  EXPECT_FALSE(r.pauses[0].second.has_value());
  // The acknowledge clock stopped at acknowledgement, before any pause.
  r = Clock(ClockKind::kAcknowledge, kPausedTwice, Policy(8, 16), c, At("2026-11-26T09:00:00Z"));
  EXPECT_EQ(r.status, ClockStatus::kMet);
  EXPECT_EQ(r.elapsed, hours(1));
}

TEST(Clocks, AChangedPolicyRecomputesFromTheHistory) {
  const Calendar c = Cal();
  const Instant now = At("2026-11-30T10:00:00Z");
  EXPECT_EQ(Clock(ClockKind::kAcknowledge, kWeekend, Policy(8), c, now).status, ClockStatus::kMet);
  const ClockReading tighter = Clock(ClockKind::kAcknowledge, kWeekend, Policy(4), c, now);
  EXPECT_EQ(tighter.status, ClockStatus::kBreached);
  EXPECT_EQ(tighter.due, At("2026-11-23T11:00:00Z"));
  // A new calendar (Monday made a holiday) also recomputes.
  CalendarSpec spec;
  spec.holidays = {"2026-11-23"};
  EXPECT_EQ(Clock(ClockKind::kAcknowledge, kWeekend, Policy(4), Cal(spec), now).elapsed, hours(2));
  // A target of zero is not measured at all.
  EXPECT_EQ(ReadClocks(kWeekend, {}, Policy(0), c, now).size(), 3u);
}

TEST(Clocks, NonUtcZoneCountsLocalWorkingHours) {
  CalendarSpec spec;
  spec.timezone = "Africa/Nairobi";
  const Calendar c = Cal(spec);
  // Submitted Friday 16:30 in Nairobi (13:30 UTC): 30 minutes that day, then
  // Monday 09:00-16:30 local (06:00-13:30 UTC).
  const std::vector<StateChange> h = {{S::kSubmitted, At("2026-11-20T13:30:00Z")}};
  const ClockReading r =
      Clock(ClockKind::kAcknowledge, h, Policy(8), c, At("2026-11-23T07:00:00Z"));
  EXPECT_EQ(r.elapsed, hours(1) + minutes(30));
  EXPECT_EQ(r.due, At("2026-11-23T13:30:00Z"));
}

TEST(Clocks, WithdrawalCancelsAndDeliveryStopsTheLastClock) {
  const Calendar c = Cal();
  std::vector<StateChange> h = {{S::kSubmitted, At("2026-11-23T09:00:00Z")},
                                {S::kWithdrawn, At("2026-11-23T11:00:00Z")}};
  EXPECT_EQ(Clock(ClockKind::kAcknowledge, h, Policy(8), c, At("2026-11-30T09:00:00Z")).status,
            ClockStatus::kCancelled);
  h = {{S::kSubmitted, At("2026-11-23T09:00:00Z")},
       {S::kAcknowledged, At("2026-11-23T10:00:00Z")},
       {S::kUnderReview, At("2026-11-23T10:00:00Z")},
       {S::kApproved, At("2026-11-23T11:00:00Z")},
       {S::kScoping, At("2026-11-23T11:00:00Z")},
       {S::kTeamProposed, At("2026-11-24T11:00:00Z")},
       {S::kTeamConfirmed, At("2026-11-24T12:00:00Z")},
       {S::kActive, At("2026-11-25T09:00:00Z")}};
  const ClockReading team =
      Clock(ClockKind::kTeamProposed, h, Policy(8), c, At("2026-11-30T09:00:00Z"));
  EXPECT_EQ(team.status, ClockStatus::kMet);
  EXPECT_EQ(team.elapsed, hours(8));  // 6 h on Monday, 2 h on Tuesday
  const ClockReading first = Clock(ClockKind::kFirstDeliverable, h, Policy(8), c,
                                   At("2026-11-30T09:00:00Z"), At("2026-11-26T09:00:00Z"));
  EXPECT_EQ(first.status, ClockStatus::kMet);
  EXPECT_EQ(first.elapsed, hours(8));
  EXPECT_EQ(first.stopped, At("2026-11-26T09:00:00Z"));
}

TEST(Clocks, MostUrgentPutsBreachesFirstThenTheNearestDue) {
  const Calendar c = Cal();
  const auto readings = ReadClocks({kWeekend[0]}, {}, Policy(8, 10), c, At("2026-11-23T15:30:00Z"));
  const ClockReading* top = MostUrgent(readings);
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->kind, ClockKind::kAcknowledge);
  EXPECT_EQ(top->status, ClockStatus::kBreached);
  EXPECT_EQ(MostUrgent(ReadClocks(kWeekend, {}, Policy(8, 0), c, At("2026-11-30T09:00:00Z"))),
            nullptr);
}

}  // namespace

namespace connex::domain {
namespace {

std::set<std::string> PolicyErrors(const nlohmann::json& j) {
  std::set<std::string> out;
  auto p = PolicyFromJson(j);
  if (!p.ok()) {
    for (const Error& e : p.errors()) out.insert(e.ToString());
  }
  return out;
}

TEST(PolicyFromJson, ACalendarClearedOrWrongIsRefusedAtEachFieldOnce) {
  nlohmann::json j = ToJson(SlaPolicy{});
  j["name"] = "Standard";
  ASSERT_TRUE(PolicyFromJson(j).ok());
  nlohmann::json cleared = j;
  cleared["calendar"]["timezone"] = "";
  cleared["calendar"]["day_start"] = "";
  cleared["calendar"]["day_end"] = "25:00";
  cleared["calendar"]["working_days"] = {1, 8};
  const std::set<std::string> errors = PolicyErrors(cleared);
  std::set<std::string> fields;
  for (const std::string& e : errors) fields.insert(e.substr(0, e.find(':')));
  EXPECT_EQ(fields, (std::set<std::string>{"calendar.timezone", "calendar.day_start",
                                           "calendar.day_end", "calendar.working_days"}));
  EXPECT_EQ(errors.size(), 4u) << ::testing::PrintToString(errors);
  EXPECT_EQ(errors.count("calendar.day_end: must be a time of day as HH:MM, got \"25:00\""), 1u);
}

}  // namespace
}  // namespace connex::domain
