#include "domain/hub/term_suggestions.hpp"

#include <gtest/gtest.h>

namespace connex::domain {
namespace {

// The one suggestion a text gives; fails when it gives none or several.
TermSuggestion One(const std::string& text) {
  const std::vector<TermSuggestion> s = SuggestTerms(text);
  EXPECT_EQ(s.size(), 1u) << text;
  return s.empty() ? TermSuggestion{} : s.front();
}

void Expect(const std::string& text, const std::string& instrument, const std::string& field,
            double value, const std::string& option = "") {
  SCOPED_TRACE(text);
  const TermSuggestion s = One(text);
  EXPECT_EQ(s.instrument, instrument);
  EXPECT_EQ(s.field, field);
  EXPECT_DOUBLE_EQ(s.value, value);
  EXPECT_EQ(s.option, option);
}

TEST(SuggestTerms, RoyaltiesWithTheirBaseWhenTheTextNamesIt) {
  Expect("The Holder shall pay a royalty of 5% of the net smelter return.", "royalty", "rate", 0.05,
         "net_smelter_return");
  Expect("Royalty: 12.5 percent of the gross value of production", "royalty", "rate", 0.125,
         "gross_value");
  Expect("A 3% royalty applies to gold sold.", "royalty", "rate", 0.03);
  Expect("Le titulaire paie une redevance minière de 3,5 % de la valeur marchande.", "royalty",
         "rate", 0.035, "gross_value");
  Expect("Se pagará una regalía del 6 % sobre el valor bruto.", "royalty", "rate", 0.06,
         "gross_value");
}

TEST(SuggestTerms, IncomeTaxInEnglishAndFrench) {
  Expect("The corporate income tax rate applicable to the Company is 30%.", "income_tax", "rate",
         0.30);
  // A French sentence, with a non-breaking space before the percent sign.
  Expect("Le taux de l'impôt sur les sociétés de 30\u00a0% est garanti.", "income_tax", "rate",
         0.30);
  Expect("L’IMPÔT SUR LES SOCIÉTÉS est fixé à 25 pour cent.", "income_tax", "rate", 0.25);
  Expect("O imposto de renda será de 32%.", "income_tax", "rate", 0.32);
  Expect("O imposto sobre o rendimento será de 32%.", "income_tax", "rate", 0.32);
}

TEST(SuggestTerms, CostRecoveryCeilings) {
  Expect("Cost oil limited to 60% of production.", "cost_recovery", "ceiling", 0.60);
  Expect("Cost recovery shall not exceed 70 per cent of gross revenues in any year.",
         "cost_recovery", "ceiling", 0.70);
  Expect("Le cost oil est plafonné à 55 % de la production totale.", "cost_recovery", "ceiling",
         0.55);
}

TEST(SuggestTerms, ACeilingAfterRoyaltyIsACeilingNotARoyalty) {
  Expect(
      "Cost recovery capped at 65% of production after royalty; unrecovered costs carried "
      "forward.",
      "cost_recovery", "ceiling", 0.65);
}

TEST(SuggestTerms, ProfitSplitAsTheStatesShareWhicheverPartyTheTextNames) {
  Expect("The State's share of profit oil is 60%.", "profit_split", "state_share", 0.60);
  Expect("Profit oil shall be shared 55% to the Government and 45% to the Contractor.",
         "profit_split", "state_share", 0.55);
  // The contractor's share named: the state's is the rest.
  Expect("The Contractor is entitled to 40% of profit oil.", "profit_split", "state_share", 0.60);
  Expect("La part de l'État dans le profit oil est de 65 %.", "profit_split", "state_share", 0.65);
}

TEST(SuggestTerms, StateParticipationWithItsMode) {
  Expect("The State holds a free carried interest of 10% in the Company.", "state_participation",
         "share", 0.10, "free");
  Expect("The Government shall have a carried interest of 15% through exploration.",
         "state_participation", "share", 0.15, "carried");
  Expect("The State may acquire a participating interest of up to 20%.", "state_participation",
         "share", 0.20, "paid");
  Expect("L'État détient une participation gratuite de 10 % au capital de la société.",
         "state_participation", "share", 0.10, "free");
}

TEST(SuggestTerms, EachSentenceOfALongerNoteGivesItsOwnSuggestionWithItsWords) {
  const auto s = SuggestTerms(
      "Fiscal terms. A royalty of 5% of the net smelter return applies; income tax is levied at "
      "25%.\nThe Contractor pays its costs.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].instrument, "royalty");
  EXPECT_EQ(s[0].quote, "A royalty of 5% of the net smelter return applies");
  EXPECT_EQ(s[1].instrument, "income_tax");
  EXPECT_EQ(s[1].quote, "income tax is levied at 25%.");
}

// Sentences whose figures are not the term: they must give nothing.
TEST(SuggestTerms, SentencesThatMustGiveNoSuggestion) {
  for (const char* text : {
           "The royalty shall be paid within 30 days of the end of each quarter.",
           "Late royalty payments bear interest at LIBOR plus 2%.",
           "Royalties unpaid bear interest at 4% per annum.",
           "The income tax rate shall not be increased during the term.",
           "Dividends are subject to a withholding tax of 10%, not the income tax.",
           "A minimum tax of 1% of turnover applies instead of income tax when lower.",
           "Profit oil is shared 50% and 50%.",
           "Profit oil is shared according to the R-factor: 60% to the State when R < 1 and 70% "
           "above.",
           "The royalty rate is 3% when the price is below USD 1,500 and 5% above.",
           "10% of the shares of the Company shall be offered on the stock exchange.",
           "The State shall pay interest at 2% on its share of costs.",
           "Cost oil is recovered from production.",
           "The Contractor shall pay a penalty of 5% of the unpaid amount.",
           "La redevance est payée dans les 30 jours.",
       }) {
    EXPECT_TRUE(SuggestTerms(text).empty()) << text << " gave " << SuggestTerms(text)[0].instrument;
  }
}

}  // namespace
}  // namespace connex::domain
