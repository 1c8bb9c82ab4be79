#include "domain/reports/impact.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <sstream>

#include "domain/reports/regions.hpp"
#include "domain/shared/csv.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

namespace {

using std::chrono::floor;
using std::chrono::year_month_day;

constexpr const char* kIntervals[] = {"month", "quarter", "year"};

bool IsMonth(const std::string& s) {
  // YYYY-MM with a month 01..12
  if (s.size() != 7 || s[4] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

double Median(std::vector<double> v) {
  // As spreadsheets compute it: the mean of the two middle values of an even count.
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

bool Matches(const ImpactRecord& r, const ImpactQuery& q) {
  const std::string month = PeriodOf(r.submitted, Interval::kMonth);
  if (!q.from.empty() && month < q.from) return false;
  if (!q.to.empty() && month > q.to) return false;
  if (!q.country.empty() && r.country != q.country) return false;
  if (!q.region.empty() && RegionOf(r.country) != q.region) return false;
  if (!q.commodity.empty() && r.commodity != q.commodity) return false;
  if (!q.discipline.empty() &&
      std::find(r.disciplines.begin(), r.disciplines.end(), q.discipline) == r.disciplines.end()) {
    return false;
  }
  return true;
}

// Marks the rows counting fewer than kMinimumGroup (by `count`) suppressed,
// then, so that no hidden row can be worked out from the total and the rows
// shown, the smallest shown ones too until at least two rows and
// kMinimumGroup are hidden (or none is shown).
template <typename Row>
void Suppress(std::vector<Row>& rows, int Row::*count) {
  int hidden_rows = 0, hidden = 0;
  for (Row& row : rows) {
    if (row.*count < kMinimumGroup) {
      row.suppressed = true;
      ++hidden_rows;
      hidden += row.*count;
    }
  }
  while (hidden_rows > 0 && (hidden_rows < 2 || hidden < kMinimumGroup)) {
    Row* smallest = nullptr;
    for (Row& row : rows) {
      if (!row.suppressed && (!smallest || row.*count < smallest->*count)) smallest = &row;
    }
    if (!smallest) break;
    smallest->suppressed = true;
    ++hidden_rows;
    hidden += smallest->*count;
  }
}

// Referrals counted into `row`, their response days into `days`.
void Count(const ImpactRecord::Referred& r, ReferralRow& row, std::vector<double>& days) {
  ++row.referrals;
  row.accepted += r.state == "accepted" || r.state == "completed";
  row.declined += r.state == "declined";
  row.completed += r.state == "completed";
  if (r.response_days) {
    ++row.answered;
    days.push_back(*r.response_days);
  }
}

void Hide(ReferralRow& row) {
  ReferralRow hidden;
  hidden.key = row.key;
  hidden.suppressed = true;
  row = hidden;
}

// Rows in key order, each counted, then suppressed as the header says.
template <typename KeysOf>
std::vector<GroupRow> Breakdown(const std::vector<const ImpactRecord*>& records, KeysOf keys_of) {
  std::map<std::string, GroupRow> rows;
  for (const ImpactRecord* r : records) {
    for (const std::string& key : keys_of(*r)) {
      GroupRow& row = rows[key];
      row.key = key;
      ++row.requests;
      if (r->engaged) ++row.engagements;
    }
  }
  std::vector<GroupRow> out;
  for (auto& [key, row] : rows) out.push_back(row);
  Suppress(out, &GroupRow::requests);
  for (GroupRow& row : out) {
    if (row.suppressed) row.requests = row.engagements = 0;
  }
  return out;
}

std::vector<std::string> One(std::string s) { return {std::move(s)}; }

ClockFigures Figures(ClockKind kind, const std::vector<const ImpactRecord*>& records,
                     const SlaPolicy& policy) {
  ClockFigures f;
  f.kind = kind;
  f.target_hours = policy.target_hours[static_cast<size_t>(kind)];
  std::vector<double> stopped_hours;
  for (const ImpactRecord* r : records) {
    for (const ClockReading& c : r->clocks) {
      if (c.kind != kind) continue;
      if (c.status == ClockStatus::kMet) ++f.met;
      if (c.status != ClockStatus::kMet && c.status != ClockStatus::kBreached) continue;
      ++f.measured;
      if (c.stopped) stopped_hours.push_back(static_cast<double>(c.elapsed.count()) / 3600.0);
    }
  }
  if (f.measured < kMinimumGroup) {
    f.suppressed = true;
    f.measured = f.met = 0;
    return f;
  }
  f.share_met = static_cast<double>(f.met) / f.measured;
  if (!stopped_hours.empty()) f.median_hours = Median(stopped_hours);
  return f;
}

}  // namespace

const char* ToString(Interval i) { return kIntervals[static_cast<int>(i)]; }

Result<ImpactQuery> ReadImpactQuery(const std::map<std::string, std::string>& params,
                                    const std::vector<std::string>& disciplines) {
  ImpactQuery q;
  Errors errors;
  auto fail = [&](const std::string& field, const std::string& why) {
    errors.push_back({ErrorCode::kInvalidInput, why, field});
  };
  for (const auto& [name, value] : params) {
    if (name == "from" || name == "to") {
      if (!IsMonth(value)) fail(name, "\"" + value + "\" is not a month such as 2026-03");
      (name == "from" ? q.from : q.to) = value;
    } else if (name == "interval") {
      auto it = std::find(std::begin(kIntervals), std::end(kIntervals), value);
      if (it == std::end(kIntervals)) {
        fail(name, "must be month, quarter or year");
      } else {
        q.interval = static_cast<Interval>(it - std::begin(kIntervals));
      }
    } else if (name == "country") {
      if (!IsThreeLetterCode(value)) fail(name, "must be an ISO 3166-1 alpha-3 code such as GHA");
      q.country = value;
    } else if (name == "region") {
      const auto& regions = ReportRegions();
      if (std::find(regions.begin(), regions.end(), value) == regions.end()) {
        fail(name, "\"" + value + "\" is not a region of the report");
      }
      q.region = value;
    } else if (name == "commodity") {
      if (std::find(kCommodities.begin(), kCommodities.end(), value) == kCommodities.end()) {
        fail(name, "\"" + value + "\" is not a commodity of the codelist");
      }
      q.commodity = value;
    } else if (name == "discipline") {
      if (std::find(disciplines.begin(), disciplines.end(), value) == disciplines.end()) {
        fail(name, "\"" + value + "\" is not a discipline of the codelist");
      }
      q.discipline = value;
    } else if (name != "format") {
      fail(name, "is not a parameter of the report");
    }
  }
  if (errors.empty() && !q.from.empty() && !q.to.empty() && q.to < q.from) {
    fail("to", "must not be before from");
  }
  if (!errors.empty()) return errors;
  return q;
}

std::string PeriodOf(Instant at, Interval interval) {
  const year_month_day d{floor<std::chrono::days>(at)};
  const int year = static_cast<int>(d.year());
  const unsigned month = static_cast<unsigned>(d.month());
  char buf[32];
  switch (interval) {
    case Interval::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
      break;
    case Interval::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%u", year, (month - 1) / 3 + 1);
      break;
    case Interval::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
  }
  return buf;
}

ImpactReport BuildImpactReport(const std::vector<ImpactRecord>& all, const ImpactQuery& q,
                               const SlaPolicy& policy) {
  ImpactReport out;
  out.query = q;
  std::vector<const ImpactRecord*> records;
  for (const ImpactRecord& r : all) {
    if (Matches(r, q)) records.push_back(&r);
  }
  if (static_cast<int>(records.size()) < kMinimumGroup) {
    out.suppressed = true;
    return out;
  }
  out.requests = static_cast<int>(records.size());
  std::vector<double> days;
  std::vector<const Feedback*> answers;
  for (const ImpactRecord* r : records) {
    if (r->engaged) ++out.engagements;
    if (r->engaged && r->closed) {
      ++out.closed;
      days.push_back(static_cast<double>((*r->closed - *r->engaged).count()) / 86400.0);
    }
    if (r->feedback) answers.push_back(&*r->feedback);
  }
  out.answered = static_cast<int>(answers.size());

  out.over_time = Breakdown(
      records, [&](const ImpactRecord& r) { return One(PeriodOf(r.submitted, q.interval)); });
  out.by_country = Breakdown(records, [](const ImpactRecord& r) { return One(r.country); });
  out.by_region =
      Breakdown(records, [](const ImpactRecord& r) { return One(RegionOf(r.country)); });
  out.by_commodity = Breakdown(records, [](const ImpactRecord& r) { return One(r.commodity); });
  out.by_discipline = Breakdown(records, [](const ImpactRecord& r) { return r.disciplines; });

  for (ClockKind kind : kClockKinds) out.response_times.push_back(Figures(kind, records, policy));

  out.durations = static_cast<int>(days.size());
  out.durations_suppressed = out.durations < kMinimumGroup;
  if (out.durations_suppressed) {
    out.durations = 0;
  } else {
    out.median_days = Median(days);
    out.mean_days = std::accumulate(days.begin(), days.end(), 0.0) / days.size();
  }

  out.satisfaction_suppressed = out.answered < kMinimumGroup;
  if (!out.satisfaction_suppressed) {
    for (const Feedback* f : answers) {
      const int ratings[] = {f->quality,        f->timeliness,
                             f->independence,   f->multidisciplinarity,
                             f->capacity_built, f->value_added};
      for (size_t i = 0; i < 6; ++i) out.mean_ratings[i] += ratings[i];
    }
    for (double& m : out.mean_ratings) m /= out.answered;
  }

  std::map<std::string, std::vector<double>> estimates;
  for (const Feedback* f : answers) {
    if (f->estimated_added_value) estimates[f->currency].push_back(*f->estimated_added_value);
  }
  for (const auto& [currency, values] : estimates) {
    RevenueFigures rf;
    rf.currency = currency;
    if (static_cast<int>(values.size()) < kMinimumGroup) {
      rf.suppressed = true;
    } else {
      rf.estimates = static_cast<int>(values.size());
      rf.total = std::accumulate(values.begin(), values.end(), 0.0);
      rf.median = Median(values);
    }
    out.added_revenue.push_back(rf);
  }

  std::map<std::string, std::pair<ReferralRow, std::vector<double>>> providers;
  std::vector<double> all_days;
  for (const ImpactRecord* r : records) {
    for (const ImpactRecord::Referred& x : r->referrals) {
      Count(x, out.referrals, all_days);
      auto& [row, response_days] = providers[x.provider];
      row.key = x.provider;
      Count(x, row, response_days);
    }
  }
  if (!all_days.empty()) out.referrals.median_response_days = Median(all_days);
  if (out.referrals.referrals < kMinimumGroup) Hide(out.referrals);
  for (auto& [name, entry] : providers) {
    if (!entry.second.empty()) entry.first.median_response_days = Median(entry.second);
    out.referrals_by_provider.push_back(entry.first);
  }
  Suppress(out.referrals_by_provider, &ReferralRow::referrals);
  for (ReferralRow& row : out.referrals_by_provider) {
    if (row.suppressed) Hide(row);
  }

  DisclosureFigures& d = out.disclosure;
  for (const ImpactRecord* r : records) {
    if (r->disclosure.empty()) continue;
    ++d.committed;
    d.on_time += r->disclosure == "met_on_time";
    d.late += r->disclosure == "met_late";
    d.overdue += r->disclosure == "overdue";
  }
  d.due = d.on_time + d.late + d.overdue;
  d.suppressed = d.due < kMinimumGroup;
  if (d.suppressed) {
    d = DisclosureFigures{true};
  } else {
    d.share_published = static_cast<double>(d.on_time + d.late) / d.due;
    d.share_on_time = static_cast<double>(d.on_time) / d.due;
  }
  return out;
}

namespace {

nlohmann::json Rows(const std::vector<GroupRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const GroupRow& r : rows) {
    if (r.suppressed) {
      out.push_back(
          {{"key", r.key}, {"suppressed", true}, {"requests", nullptr}, {"engagements", nullptr}});
    } else {
      out.push_back({{"key", r.key},
                     {"suppressed", false},
                     {"requests", r.requests},
                     {"engagements", r.engagements}});
    }
  }
  return out;
}

nlohmann::json Shown(bool suppressed, double value) {
  return suppressed ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json QueryJson(const ImpactQuery& q) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  };
  return {{"from", or_null(q.from)},
          {"to", or_null(q.to)},
          {"interval", ToString(q.interval)},
          {"country", or_null(q.country)},
          {"region", or_null(q.region)},
          {"commodity", or_null(q.commodity)},
          {"discipline", or_null(q.discipline)}};
}

}  // namespace

namespace {

nlohmann::json ReferralJson(const ReferralRow& row, bool hidden) {
  const bool h = hidden || row.suppressed;
  return {{"provider", row.key},
          {"suppressed", h},
          {"referrals", Shown(h, row.referrals)},
          {"accepted", Shown(h, row.accepted)},
          {"declined", Shown(h, row.declined)},
          {"completed", Shown(h, row.completed)},
          {"answered", Shown(h, row.answered)},
          {"median_response_days", h || !row.median_response_days
                                       ? nlohmann::json()
                                       : nlohmann::json(*row.median_response_days)}};
}

}  // namespace

nlohmann::json ToJson(const ImpactReport& r) {
  nlohmann::json j = {{"query", QueryJson(r.query)},
                      {"minimum_group", kMinimumGroup},
                      {"suppressed", r.suppressed}};
  const bool s = r.suppressed;
  j["requests"] = Shown(s, r.requests);
  j["engagements"] = Shown(s, r.engagements);
  j["closed"] = Shown(s, r.closed);
  j["answered"] = Shown(s, r.answered);
  j["over_time"] = Rows(r.over_time);
  j["by_country"] = Rows(r.by_country);
  j["by_region"] = Rows(r.by_region);
  j["by_commodity"] = Rows(r.by_commodity);
  j["by_discipline"] = Rows(r.by_discipline);
  nlohmann::json clocks = nlohmann::json::array();
  for (const ClockFigures& c : r.response_times) {
    clocks.push_back(
        {{"clock", ToString(c.kind)},
         {"target_hours", c.target_hours},
         {"suppressed", c.suppressed},
         {"measured", Shown(c.suppressed, c.measured)},
         {"met", Shown(c.suppressed, c.met)},
         {"share_met", Shown(c.suppressed, c.share_met)},
         {"median_hours",
          c.median_hours && !c.suppressed ? nlohmann::json(*c.median_hours) : nlohmann::json()}});
  }
  j["response_times"] = clocks;
  const bool ds = s || r.durations_suppressed;
  j["durations"] = {{"suppressed", ds},
                    {"closed", Shown(ds, r.durations)},
                    {"median_days", Shown(ds, r.median_days)},
                    {"mean_days", Shown(ds, r.mean_days)}};
  const bool ss = s || r.satisfaction_suppressed;
  nlohmann::json ratings = nlohmann::json::object();
  for (size_t i = 0; i < 6; ++i) ratings[kFeedbackRatings[i]] = Shown(ss, r.mean_ratings[i]);
  j["satisfaction"] = {{"suppressed", ss}, {"answers", Shown(ss, r.answered)}, {"mean", ratings}};
  nlohmann::json revenue = nlohmann::json::array();
  for (const RevenueFigures& f : r.added_revenue) {
    revenue.push_back({{"currency", f.currency},
                       {"suppressed", f.suppressed},
                       {"estimates", Shown(f.suppressed, f.estimates)},
                       {"total", Shown(f.suppressed, f.total)},
                       {"median", Shown(f.suppressed, f.median)}});
  }
  j["added_revenue"] = revenue;
  const DisclosureFigures& d = r.disclosure;
  const bool dsup = s || d.suppressed;
  j["disclosure"] = {{"suppressed", dsup},
                     {"committed", Shown(dsup, d.committed)},
                     {"due", Shown(dsup, d.due)},
                     {"on_time", Shown(dsup, d.on_time)},
                     {"late", Shown(dsup, d.late)},
                     {"overdue", Shown(dsup, d.overdue)},
                     {"share_published", Shown(dsup, d.share_published)},
                     {"share_on_time", Shown(dsup, d.share_on_time)}};
  j["referrals"] = ReferralJson(r.referrals, s);
  nlohmann::json providers = nlohmann::json::array();
  for (const ReferralRow& row : r.referrals_by_provider) providers.push_back(ReferralJson(row, s));
  j["referrals_by_provider"] = providers;
  return j;
}

std::string ImpactCsv(const ImpactReport& r) {
  std::ostringstream out;
  out << "section,group,measure,value,note\r\n";
  const std::string why =
      "suppressed: fewer than " + std::to_string(kMinimumGroup) + " requests in the group";
  auto line = [&](const std::string& section, const std::string& group, const std::string& measure,
                  std::optional<double> value) {
    out << CsvCell(section) << ',' << CsvCell(group) << ',' << CsvCell(measure) << ',';
    if (value) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.10g", *value);
      out << buf << ",\r\n";
    } else {
      out << ',' << CsvCell(why) << "\r\n";
    }
  };
  auto shown = [](bool suppressed, double v) {
    return suppressed ? std::nullopt : std::optional<double>(v);
  };
  const bool s = r.suppressed;
  line("total", "", "requests", shown(s, r.requests));
  line("total", "", "engagements", shown(s, r.engagements));
  line("total", "", "closed", shown(s, r.closed));
  line("total", "", "surveys answered", shown(s, r.answered));
  const std::pair<const char*, const std::vector<GroupRow>*> breakdowns[] = {
      {"period", &r.over_time},
      {"country", &r.by_country},
      {"region", &r.by_region},
      {"commodity", &r.by_commodity},
      {"discipline", &r.by_discipline}};
  for (const auto& [section, rows] : breakdowns) {
    for (const GroupRow& g : *rows) {
      line(section, g.key, "requests", shown(g.suppressed, g.requests));
      line(section, g.key, "engagements", shown(g.suppressed, g.engagements));
    }
  }
  for (const ClockFigures& c : r.response_times) {
    const std::string clock = ToString(c.kind);
    line("response time", clock, "target hours", c.target_hours);
    line("response time", clock, "measured", shown(c.suppressed, c.measured));
    line("response time", clock, "met", shown(c.suppressed, c.met));
    line("response time", clock, "share met", shown(c.suppressed, c.share_met));
    if (c.median_hours || c.suppressed) {
      line("response time", clock, "median business hours",
           c.suppressed ? std::nullopt : c.median_hours);
    }
  }
  const bool ds = s || r.durations_suppressed;
  line("engagement duration", "", "closed engagements", shown(ds, r.durations));
  line("engagement duration", "", "median days", shown(ds, r.median_days));
  line("engagement duration", "", "mean days", shown(ds, r.mean_days));
  const bool ss = s || r.satisfaction_suppressed;
  line("satisfaction", "", "answers", shown(ss, r.answered));
  for (size_t i = 0; i < 6; ++i) {
    line("satisfaction", kFeedbackRatings[i], "mean rating (1-5)", shown(ss, r.mean_ratings[i]));
  }
  for (const RevenueFigures& f : r.added_revenue) {
    line("estimated added revenue", f.currency, "estimates", shown(f.suppressed, f.estimates));
    line("estimated added revenue", f.currency, "total", shown(f.suppressed, f.total));
    line("estimated added revenue", f.currency, "median", shown(f.suppressed, f.median));
  }
  const DisclosureFigures& d = r.disclosure;
  const bool dsup = s || d.suppressed;
  line("contract disclosure", "", "commitments", shown(dsup, d.committed));
  line("contract disclosure", "", "due", shown(dsup, d.due));
  line("contract disclosure", "", "published on time", shown(dsup, d.on_time));
  line("contract disclosure", "", "published late", shown(dsup, d.late));
  line("contract disclosure", "", "not published, overdue", shown(dsup, d.overdue));
  line("contract disclosure", "", "share published", shown(dsup, d.share_published));
  line("contract disclosure", "", "share published on time", shown(dsup, d.share_on_time));
  std::vector<ReferralRow> referrals = {r.referrals};
  referrals.insert(referrals.end(), r.referrals_by_provider.begin(), r.referrals_by_provider.end());
  for (const ReferralRow& row : referrals) {
    const bool h = s || row.suppressed;
    line("referrals", row.key, "referrals", shown(h, row.referrals));
    line("referrals", row.key, "accepted", shown(h, row.accepted));
    line("referrals", row.key, "declined", shown(h, row.declined));
    line("referrals", row.key, "completed", shown(h, row.completed));
    if (row.median_response_days || h) {
      line("referrals", row.key, "median days to answer",
           h ? std::nullopt : row.median_response_days);
    }
  }
  return out.str();
}

}  // namespace connex::domain
