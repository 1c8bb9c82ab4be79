// Response-time clocks (docs/adr/005-requests-clocks-and-documents.md), computed from a
// request's state history and the SLA policy in force, never stored: a changed
// policy or a corrected transition gives new readings on the next read.
//
// Each clock starts when the request first enters its start state and stops
// when it first reaches its stop state (or any state after it in the
// lifecycle); it counts business time on the policy's calendar and does not
// count the time the request spends paused (awaiting_information). It warns
// once the elapsed time reaches `warning_share` of the target and is breached
// once it reaches the target. A request withdrawn or declined before a clock
// stops cancels that clock: it counts neither as met nor as breached.
//
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/enum_names.hpp"
#include "domain/requests/lifecycle.hpp"
#include "domain/sla/calendar.hpp"

namespace connex::domain {

enum class ClockKind {
  kAcknowledge,       // submitted -> acknowledged
  kDecide,            // submitted -> approved or declined
  kTeamProposed,      // approved -> team proposed
  kFirstDeliverable,  // engagement active -> first deliverable delivered
};
inline constexpr int kClockCount = 4;
inline constexpr ClockKind kClockKinds[] = {ClockKind::kAcknowledge, ClockKind::kDecide,
                                            ClockKind::kTeamProposed, ClockKind::kFirstDeliverable};
inline constexpr EnumNames<ClockKind, 4> kClockKindNames{
    {"acknowledge", "decide", "team_proposed", "first_deliverable"}};
inline const char* ToString(ClockKind v) { return kClockKindNames[v]; }

struct SlaPolicy {
  std::string id;
  std::string name;
  CalendarSpec calendar;
  // Target per clock in business hours; 0: the clock is not measured.
  std::array<double, kClockCount> target_hours = {8, 80, 40, 160};
  double warning_share = 0.75;  // in (0, 1)
  int version = 1;
};

// Errors naming the field; the calendar's own errors included.
Errors ValidatePolicy(const SlaPolicy& policy);

struct StateChange {
  RequestState to;
  Instant at;
};

enum class ClockStatus {
  kNotStarted,
  kRunning,
  kPaused,
  kWarning,   // running or paused, at or past the warning share
  kBreached,  // reached the target (running or stopped)
  kMet,       // stopped before the target
  kCancelled,
};
inline constexpr EnumNames<ClockStatus, 7> kClockStatusNames{
    {"not_started", "running", "paused", "warning", "breached", "met", "cancelled"}};
inline const char* ToString(ClockStatus v) { return kClockStatusNames[v]; }

struct ClockReading {
  ClockKind kind;
  ClockStatus status = ClockStatus::kNotStarted;
  std::optional<Instant> started;
  std::optional<Instant> stopped;
  std::chrono::seconds elapsed{0};  // business time counted, pauses excluded
  std::chrono::seconds target{0};
  // When the target is (or was) reached if nothing pauses the clock: unknown
  // while paused and for clocks not started or stopped before it.
  std::optional<Instant> due;
  // Spans the clock was paused, in order ([start, end); end empty: still paused).
  std::vector<std::pair<Instant, std::optional<Instant>>> pauses;
};

// `history` in time order, starting with the move out of draft; `first_delivery`
// is when the engagement's first deliverable was delivered, if it was.
std::vector<ClockReading> ReadClocks(const std::vector<StateChange>& history,
                                     std::optional<Instant> first_delivery, const SlaPolicy& policy,
                                     const Calendar& calendar, Instant now);

// The most urgent reading: breached before warning before running, then the
// nearest due; the inbox sorts requests by it.
const ClockReading* MostUrgent(const std::vector<ClockReading>& readings);
// How urgent the most urgent of `readings` is, most urgent first: 0 breached,
// 1 warning, 2 running, 3 paused, 9 no clock running.
int Urgency(const std::vector<ClockReading>& readings);

}  // namespace connex::domain
