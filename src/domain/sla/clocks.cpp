#include "domain/sla/clocks.hpp"

#include <algorithm>
#include <cmath>

namespace connex::domain {

namespace {

using std::chrono::seconds;
using S = RequestState;

struct ClockRule {
  S start;
  bool (*stops)(S);  // reaching this state stops the clock (met or breached)
};

bool AfterSubmitted(S s) { return s != S::kSubmitted && s != S::kWithdrawn && s != S::kDraft; }
bool Decided(S s) {
  return s == S::kApproved || s == S::kDeclined ||
         (static_cast<int>(s) > static_cast<int>(S::kDeclined) && s != S::kWithdrawn);
}
bool TeamProposedOrLater(S s) {
  return static_cast<int>(s) >= static_cast<int>(S::kTeamProposed) && s != S::kWithdrawn;
}
bool Never(S) { return false; }  // the first deliverable is not a state

ClockRule RuleOf(ClockKind k) {
  switch (k) {
    case ClockKind::kAcknowledge:
      return {S::kSubmitted, AfterSubmitted};
    case ClockKind::kDecide:
      return {S::kSubmitted, Decided};
    case ClockKind::kTeamProposed:
      return {S::kApproved, TeamProposedOrLater};
    case ClockKind::kFirstDeliverable:
      return {S::kActive, Never};
  }
  return {S::kSubmitted, Never};
}

// States that end a request before the clock could stop: the clock is cancelled.
bool Cancels(ClockKind k, S s) {
  if (s == S::kWithdrawn) return true;
  if (s == S::kDeclined) return k == ClockKind::kTeamProposed || k == ClockKind::kFirstDeliverable;
  return k == ClockKind::kFirstDeliverable && (s == S::kClosed || s == S::kEvaluated);
}

ClockReading Read(ClockKind kind, const std::vector<StateChange>& history,
                  std::optional<Instant> first_delivery, const SlaPolicy& policy,
                  const Calendar& calendar, Instant now) {
  const ClockRule rule = RuleOf(kind);
  ClockReading r;
  r.kind = kind;
  r.target = seconds(static_cast<long long>(
      std::llround(policy.target_hours[static_cast<size_t>(kind)] * 3600.0)));
  bool cancelled = false;
  std::optional<Instant> crossed;
  for (size_t i = 0; i < history.size(); ++i) {
    const StateChange& c = history[i];
    if (!r.started) {
      if (c.to != rule.start) continue;
      r.started = c.at;
    } else if (rule.stops(c.to)) {
      r.stopped = c.at;
      break;
    } else if (Cancels(kind, c.to)) {
      r.stopped = c.at;
      cancelled = true;
      break;
    }
    // The segment [c.at, end) spent in c.to, cut at the first delivery.
    Instant end = i + 1 < history.size() ? history[i + 1].at : now;
    if (kind == ClockKind::kFirstDeliverable && first_delivery && *first_delivery <= end) {
      end = std::max(*first_delivery, c.at);
      r.stopped = end;
    }
    if (IsPaused(c.to)) {
      const bool resumed = i + 1 < history.size() || r.stopped;
      r.pauses.push_back({c.at, resumed ? std::optional<Instant>(end) : std::nullopt});
    } else {
      const seconds counted = calendar.Between(c.at, end);
      if (!crossed && r.elapsed + counted >= r.target) {
        crossed = calendar.Add(c.at, r.target - r.elapsed);
      }
      r.elapsed += counted;
    }
    if (r.stopped) break;
  }
  if (!r.started) return r;
  const bool breached = crossed.has_value();
  if (breached) {
    r.status = ClockStatus::kBreached;
    r.due = crossed;
  } else if (cancelled) {
    r.status = ClockStatus::kCancelled;
  } else if (r.stopped) {
    r.status = ClockStatus::kMet;
  } else {
    const bool paused = !r.pauses.empty() && !r.pauses.back().second;
    if (r.elapsed.count() >= policy.warning_share * static_cast<double>(r.target.count())) {
      r.status = ClockStatus::kWarning;
    } else {
      r.status = paused ? ClockStatus::kPaused : ClockStatus::kRunning;
    }
    if (!paused) r.due = calendar.Add(now, r.target - r.elapsed);
  }
  return r;
}

int Rank(const ClockReading& r) {
  if (r.stopped) return 9;
  switch (r.status) {
    case ClockStatus::kBreached:
      return 0;
    case ClockStatus::kWarning:
      return 1;
    case ClockStatus::kRunning:
      return 2;
    case ClockStatus::kPaused:
      return 3;
    default:
      return 9;
  }
}

}  // namespace

Errors ValidatePolicy(const SlaPolicy& policy) {
  Errors errors;
  if (policy.name.empty() || policy.name.size() > 100) {
    errors.push_back({ErrorCode::kInvalidInput, "must be 1 to 100 characters", "name"});
  }
  for (ClockKind k : kClockKinds) {
    const double h = policy.target_hours[static_cast<size_t>(k)];
    if (!(h >= 0 && h <= 10000)) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "must be between 0 (not measured) and 10000 business hours",
                        std::string("targets.") + ToString(k)});
    }
  }
  if (!(policy.warning_share > 0 && policy.warning_share < 1)) {
    errors.push_back(
        {ErrorCode::kInvalidInput, "must be between 0 and 1 (e.g. 0.75)", "warning_share"});
  }
  auto calendar = Calendar::Build(policy.calendar);
  if (!calendar) {
    for (Error e : calendar.errors()) {
      e.field = "calendar." + e.field;
      errors.push_back(std::move(e));
    }
  }
  return errors;
}

std::vector<ClockReading> ReadClocks(const std::vector<StateChange>& history,
                                     std::optional<Instant> first_delivery, const SlaPolicy& policy,
                                     const Calendar& calendar, Instant now) {
  std::vector<ClockReading> out;
  for (ClockKind k : kClockKinds) {
    if (policy.target_hours[static_cast<size_t>(k)] <= 0) continue;
    out.push_back(Read(k, history, first_delivery, policy, calendar, now));
  }
  return out;
}

const ClockReading* MostUrgent(const std::vector<ClockReading>& readings) {
  const ClockReading* best = nullptr;
  for (const ClockReading& r : readings) {
    if (Rank(r) == 9) continue;
    if (!best || Rank(r) < Rank(*best) ||
        (Rank(r) == Rank(*best) && r.due && (!best->due || *r.due < *best->due))) {
      best = &r;
    }
  }
  return best;
}

int Urgency(const std::vector<ClockReading>& readings) {
  const ClockReading* urgent = MostUrgent(readings);
  return urgent ? Rank(*urgent) : 9;
}

}  // namespace connex::domain
