// Impact reporting (docs/adr/011-impact-reports-and-the-funder-role.md): what the Support Unit,
// its board and funders learn from the requests as a whole — how many, from
// where, on what, how fast they were answered, how long engagements lasted,
// how satisfied governments were, what revenue they estimate the support
// added. Aggregates only: no request, name, document or comment appears, and
// a figure resting on fewer than kMinimumGroup requests is suppressed.
//
// Suppression, exactly (ADR 011):
// - the whole report when the filtered requests are fewer than kMinimumGroup;
// - a row of a breakdown (a period, country, region, commodity, discipline)
//   with fewer requests; and then, so that no suppressed row can be worked
//   out from the total and the others, the smallest shown rows too until at
//   least two rows and kMinimumGroup requests are hidden (or none is shown);
// - the response-time figures of a clock measured on fewer requests, the
//   durations over fewer closed engagements, the satisfaction over fewer
//   answers, the added revenue over fewer estimates (per currency), the
//   disclosure figures over fewer commitments due; a provider's referrals,
//   as a breakdown's row, when fewer, and all referrals when fewer.
//
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/requests/request.hpp"
#include "domain/sla/clocks.hpp"

namespace connex::domain {

inline constexpr int kMinimumGroup = 3;

// One submitted request, as the report counts it.
struct ImpactRecord {
  std::string country;
  std::string commodity;
  std::vector<std::string> disciplines;  // as requested
  Instant submitted;
  std::optional<Instant> engaged;  // first entered active: an engagement
  std::optional<Instant> closed;   // first entered closed after that
  std::vector<ClockReading> clocks;
  std::optional<Feedback> feedback;
  // Referrals to other providers: the provider's name in the directory,
  // where the referral stands, and the days it took the provider to answer.
  struct Referred {
    std::string provider;
    std::string state;  // proposed, accepted, declined, completed
    std::optional<double> response_days;
  };
  std::vector<Referred> referrals;
  // A commitment to publish the signed contract: its DisclosureState
  // (requests/disclosure.hpp), or "" when the scope makes none.
  std::string disclosure;
};

enum class Interval { kMonth, kQuarter, kYear };

struct ImpactQuery {
  // Months of submission, inclusive ("2026-01"); empty: unbounded. Whole
  // months only, so no two reports differ by a day's requests.
  std::string from;
  std::string to;
  Interval interval = Interval::kQuarter;
  std::string country;  // ISO 3166-1 alpha-3
  std::string region;   // ReportRegions()
  std::string commodity;
  std::string discipline;
};

// Reads the query string, naming each wrong parameter; `disciplines` is the
// disciplines codelist.
Result<ImpactQuery> ReadImpactQuery(const std::map<std::string, std::string>& params,
                                    const std::vector<std::string>& disciplines);

struct GroupRow {
  std::string key;
  bool suppressed = false;
  int requests = 0;     // 0 when suppressed
  int engagements = 0;  // of those requests, how many became engagements
};

struct ClockFigures {
  ClockKind kind;
  double target_hours = 0;
  bool suppressed = false;
  int measured = 0;  // clocks met or breached (running ones have no outcome yet)
  int met = 0;
  double share_met = 0;                // met / measured
  std::optional<double> median_hours;  // business hours of the stopped clocks
};

struct RevenueFigures {
  std::string currency;
  bool suppressed = false;
  int estimates = 0;
  double total = 0;
  double median = 0;
};

// Commitments to publish the signed contract. A commitment is due once its
// date has passed or the contract is published; the shares are of those due.
struct DisclosureFigures {
  bool suppressed = false;  // fewer than kMinimumGroup commitments due
  int committed = 0;
  int due = 0;
  int on_time = 0;
  int late = 0;
  int overdue = 0;
  double share_published = 0;  // (on_time + late) / due
  double share_on_time = 0;    // on_time / due
};

// Referrals to one provider (or all of them: key ""), what came of them and
// how fast the provider answered.
struct ReferralRow {
  std::string key;  // the provider's name
  bool suppressed = false;
  int referrals = 0;
  int accepted = 0;  // accepted, completed ones included
  int declined = 0;
  int completed = 0;
  int answered = 0;
  std::optional<double> median_response_days;
};

struct ImpactReport {
  ImpactQuery query;
  bool suppressed = false;  // fewer than kMinimumGroup requests: nothing below is shown
  int requests = 0;
  int engagements = 0;
  int closed = 0;
  int answered = 0;  // surveys answered
  std::vector<GroupRow> over_time, by_country, by_region, by_commodity, by_discipline;
  std::vector<ClockFigures> response_times;
  // Closed engagements, first active to first closed, in calendar days.
  bool durations_suppressed = false;
  int durations = 0;
  double median_days = 0;
  double mean_days = 0;
  // Mean of each rating (kFeedbackRatings order) over the answered surveys.
  bool satisfaction_suppressed = false;
  std::array<double, 6> mean_ratings{};
  std::vector<RevenueFigures> added_revenue;  // per currency
  DisclosureFigures disclosure;
  ReferralRow referrals;                           // every provider together
  std::vector<ReferralRow> referrals_by_provider;  // hidden as the breakdowns are
};

// The period key of an instant: "2026-03", "2026-Q1" or "2026" (UTC).
std::string PeriodOf(Instant at, Interval interval);

ImpactReport BuildImpactReport(const std::vector<ImpactRecord>& records, const ImpactQuery& q,
                               const SlaPolicy& policy);

// Suppressed figures are null, with "suppressed": true beside them.
nlohmann::json ToJson(const ImpactReport& r);
// One figure per line: section, group, measure, value, note; suppressed
// figures have an empty value and the note says why.
std::string ImpactCsv(const ImpactReport& r);

const char* ToString(Interval i);

}  // namespace connex::domain
