// Screening of an expert's declared interests against the companies on the
// other side of a government's negotiation
// (docs/adr/006-screening-and-team-proposals.md). A declaration matches when
// its entity or one of its affiliates is the same company (company_names.hpp) as a counterparty or
// one of its affiliates. A match that is current, or ended inside the look-back window (default 3
// years, the IBA "orange list"), excludes the expert unless the government gave a written waiver
// for it; an older match is disclosed; no match is clear. The most severe outcome over all
// declarations is the expert's, with the reason a coordinator can read out.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "domain/requests/request.hpp"

namespace connex::domain {

struct Declaration {
  std::string id;
  std::string expert_id;
  std::string entity;
  std::vector<std::string> affiliates;
  std::string relation;  // employment | consultancy | shareholding | board | family | other
  std::string start;     // YYYY-MM-DD
  std::string end;       // YYYY-MM-DD; empty: ongoing
  std::string evidence;
};
extern const std::vector<std::string> kRelations;

// The government's written consent to one declaration for one request.
struct Waiver {
  std::string declaration_id;
  std::string
      consent_document_id;  // the government's signed consent, among the request's documents
};

enum class ScreeningOutcome { kClear, kDisclose, kWaiver, kExclude };  // in rising severity
inline constexpr EnumNames<ScreeningOutcome, 4> kScreeningOutcomeNames{
    {"clear", "disclose", "waiver", "exclude"}};
inline const char* ToString(ScreeningOutcome v) { return kScreeningOutcomeNames[v]; }

struct ScreeningResult {
  ScreeningOutcome outcome = ScreeningOutcome::kClear;
  std::string reason;          // empty when clear
  std::string declaration_id;  // the declaration that decided it
};

// `today` and the dates as YYYY-MM-DD; `lookback_years` >= 0.
ScreeningResult Screen(const std::vector<Declaration>& declarations,
                       const std::vector<Counterparty>& counterparties,
                       const std::vector<Waiver>& waivers, const std::string& today,
                       int lookback_years);

// The date `years` before `day` (29 February becomes 28 February).
std::string YearsBefore(const std::string& day, int years);

}  // namespace connex::domain
