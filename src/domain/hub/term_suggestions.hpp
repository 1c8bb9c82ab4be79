// Fiscal terms suggested from a contract's annotation text: "a royalty of 5%
// of the net smelter return", "taux de l'impôt sur les sociétés de 30 %",
// "cost oil limited to 60% of production", "the State holds a free carried
// interest of 10%". Each suggestion carries the sentence it came from, so
// that a person confirms it against the text; nothing is ever applied
// without that confirmation.
//
// What must hold: a sentence gives a suggestion only when its words leave no
// doubt. A percentage that is an interest rate, a penalty or a withholding
// tax, a profit split whose party is not named, or a sliding scale (tiers,
// R-factor) gives none: a wrong figure at the table costs more than a figure
// typed by hand. English and French; Spanish and Portuguese for the common
// phrasings.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

namespace connex::domain {

struct TermSuggestion {
  std::string instrument;  // royalty | income_tax | cost_recovery | profit_split |
                           // state_participation (the model format's types)
  std::string field;       // rate | ceiling | state_share | share
  double value = 0;        // a share, 0-1
  std::string option;      // royalty: its base when the text names it (net_smelter_return,
                           // gross_value); participation: its mode (free, carried, paid)
  std::string quote;       // the sentence, as written
};

std::vector<TermSuggestion> SuggestTerms(const std::string& text);

}  // namespace connex::domain
