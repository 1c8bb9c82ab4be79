// A referral of a request to another support provider, as stored
// (referral.hpp says how one is made and moves).
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace connex::domain {

extern const std::vector<std::string> kReferralParts;   // whole, discipline, phase
extern const std::vector<std::string> kReferralStates;  // proposed, accepted, declined, completed

struct Referral {
  std::string id;
  std::string request_id;
  std::string provider_id;
  std::string part = "whole";
  std::string discipline;  // with part "discipline": the disciplines codelist
  std::string phase;       // with part "phase": preparation, negotiation, implementation
  std::string note;        // what is referred and why
  std::string consent;     // how the government consented: a letter, a call and its date
  std::string state = "proposed";
  std::string outcome;  // the provider's answer, what came of it
  std::string created_by;
  Instant proposed_at{};
  std::optional<Instant> responded_at;  // accepted or declined
  std::optional<Instant> completed_at;
  Instant updated_at{};
  int version = 1;
};

}  // namespace connex::domain
