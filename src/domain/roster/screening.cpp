#include "domain/roster/screening.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/roster/company_names.hpp"

namespace connex::domain {

const std::vector<std::string> kRelations = {"employment", "consultancy", "shareholding",
                                             "board",      "family",      "other"};

std::string YearsBefore(const std::string& day, int years) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(day.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return day;
  y -= years;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) d = 28;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
  return out;
}

namespace {

struct Match {
  std::string declared;  // the declared name that matched
  std::string other;     // the counterparty name it matched
  std::string counterparty;
};

std::optional<Match> FindMatch(const Declaration& d, const std::vector<Counterparty>& parties) {
  std::vector<std::string> declared = {d.entity};
  declared.insert(declared.end(), d.affiliates.begin(), d.affiliates.end());
  for (const Counterparty& c : parties) {
    std::vector<std::string> names = {c.name};
    names.insert(names.end(), c.affiliates.begin(), c.affiliates.end());
    for (const std::string& a : declared) {
      for (const std::string& b : names) {
        if (SameCompany(a, b)) return Match{a, b, c.name};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

ScreeningResult Screen(const std::vector<Declaration>& declarations,
                       const std::vector<Counterparty>& counterparties,
                       const std::vector<Waiver>& waivers, const std::string& today,
                       int lookback_years) {
  const std::string window_start = YearsBefore(today, lookback_years);
  ScreeningResult worst;
  for (const Declaration& d : declarations) {
    const auto m = FindMatch(d, counterparties);
    if (!m) continue;
    const bool recent = d.end.empty() || d.end >= window_start;
    const std::string what =
        d.relation + " with " + m->declared +
        (m->other == m->counterparty
             ? " (counterparty " + m->counterparty + ")"
             : " (" + m->other + ", affiliate of counterparty " + m->counterparty + ")");
    const std::string when =
        d.end.empty() ? "since " + d.start + ", ongoing" : "from " + d.start + " to " + d.end;
    ScreeningResult r;
    r.declaration_id = d.id;
    if (!recent) {
      r.outcome = ScreeningOutcome::kDisclose;
      r.reason = what + ", " + when + ": before the " + std::to_string(lookback_years) +
                 "-year look-back; disclose to the government";
    } else {
      const bool waived = std::any_of(waivers.begin(), waivers.end(), [&](const Waiver& w) {
        return w.declaration_id == d.id && !w.consent_document_id.empty();
      });
      r.outcome = waived ? ScreeningOutcome::kWaiver : ScreeningOutcome::kExclude;
      r.reason = what + ", " + when + ": within the " + std::to_string(lookback_years) +
                 "-year look-back" + (waived ? "; waived by the government in writing" : "");
    }
    if (static_cast<int>(r.outcome) > static_cast<int>(worst.outcome)) worst = r;
  }
  return worst;
}

}  // namespace connex::domain
