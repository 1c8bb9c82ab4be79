// Team proposals on small rosters whose answers are worked out by hand.
#include "domain/roster/team_proposal.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace connex::domain;

Candidate Expert(const std::string& id, std::vector<std::string> disciplines,
                 std::vector<std::string> languages, double rate) {
  Candidate c;
  c.id = id;
  c.name = id;
  c.disciplines = std::move(disciplines);
  c.languages = std::move(languages);
  c.day_rate = rate;
  c.attested = true;
  return c;
}

// A copper negotiation in a francophone country: a fiscal modeller, a mining
// engineer and a lawyer for 10 days each, one of them speaking French.
TeamSpec Copper() {
  TeamSpec s;
  s.slots = {{"fiscal_modelling", 1, {}}, {"mining_engineering", 1, {}}, {"legal", 1, {}}};
  s.team_languages = {"fr"};
  s.start = "2027-01-11";
  s.end = "2027-02-05";
  s.days_per_expert = 10;
  s.load_weight = 0;
  return s;
}

std::vector<Candidate> Roster() {
  std::vector<Candidate> r = {
      Expert("A", {"fiscal_modelling"}, {"en"}, 800),
      Expert("B", {"fiscal_modelling"}, {"en", "fr"}, 1050),
      Expert("C", {"mining_engineering"}, {"en"}, 700),
      Expert("D", {"mining_engineering", "legal"}, {"fr"}, 900),
      Expert("E", {"legal"}, {"en"}, 600),
      Expert("F", {"legal"}, {"fr"}, 1200),
      Expert("G", {"fiscal_modelling"}, {"en", "fr"}, 500),  // has not attested
      Expert("H", {"legal"}, {"fr"}, 400),                   // conflicted
      Expert("I", {"mining_engineering"}, {"fr"}, 300),      // away in January
      Expert("J", {"geology"}, {"fr"}, 300),                 // not asked for
  };
  r[6].attested = false;
  r[7].screening = {ScreeningOutcome::kExclude, "employment with Acme Mining Ltd.", "dcl_h"};
  r[8].unavailable = {{"2027-01-20", "2027-01-31"}};
  return r;
}

std::vector<std::string> Ids(const Team& t) {
  std::vector<std::string> ids;
  for (const Pick& p : t.members) ids.push_back(p.expert_id);
  return ids;
}

std::string Reason(const Proposal& p, const std::string& id) {
  for (const Exclusion& e : p.not_chosen) {
    if (e.expert_id == id) return e.reason;
  }
  return "(chosen)";
}

TEST(TeamProposal, FindsTheOptimumAndTheNextBestByHand) {
  // Without French: A+C+E = 21,000, not allowed. With one French speaker:
  // A+D(mining)+E = 23,000; B+C+E = 23,500; A+C+D(legal) = 24,000.
  const auto p = ProposeTeams(Copper(), Roster());
  ASSERT_TRUE(p.ok()) << p.error().ToString();
  ASSERT_EQ(p->teams.size(), 3u);
  EXPECT_EQ(Ids(p->teams[0]), (std::vector<std::string>{"A", "D", "E"}));
  EXPECT_DOUBLE_EQ(p->teams[0].cost, 23000);
  EXPECT_EQ(p->teams[0].members[1].slot, 1);  // D as the mining engineer
  EXPECT_EQ(Ids(p->teams[1]), (std::vector<std::string>{"B", "C", "E"}));
  EXPECT_DOUBLE_EQ(p->teams[1].cost, 23500);
  EXPECT_EQ(Ids(p->teams[2]), (std::vector<std::string>{"A", "C", "D"}));
  EXPECT_DOUBLE_EQ(p->teams[2].cost, 24000);
  EXPECT_TRUE(p->shortfalls.empty());
  // Everyone not chosen, with why.
  EXPECT_EQ(p->not_chosen.size(), 7u);
  EXPECT_EQ(Reason(*p, "G"), "no_attestation");
  EXPECT_EQ(Reason(*p, "H"), "conflict");
  EXPECT_EQ(Reason(*p, "I"), "unavailable");
  EXPECT_EQ(Reason(*p, "J"), "no_matching_slot");
  EXPECT_EQ(Reason(*p, "B"), "eligible");
  EXPECT_EQ(Reason(*p, "F"), "eligible");
  EXPECT_EQ(Reason(*p, "A"), "(chosen)");
}

TEST(TeamProposal, LoadSpreadsAndTheCoordinatorsConstraintsHold) {
  std::vector<Candidate> roster = Roster();
  roster[0].load_days = 20;  // A worked 20 days this year: +2,000 at 100 per day
  TeamSpec spec = Copper();
  spec.load_weight = 100;
  auto p = ProposeTeams(spec, roster);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Ids(p->teams[0]), (std::vector<std::string>{"B", "C", "E"}));
  spec = Copper();
  spec.must_include = {"F"};
  p = ProposeTeams(spec, Roster());
  EXPECT_EQ(Ids(p->teams[0]), (std::vector<std::string>{"A", "C", "F"}));  // 27,000
  spec = Copper();
  spec.must_exclude = {"D"};
  p = ProposeTeams(spec, Roster());
  EXPECT_EQ(Ids(p->teams[0]), (std::vector<std::string>{"B", "C", "E"}));
  EXPECT_EQ(Reason(*p, "D"), "excluded");
}

TEST(TeamProposal, NoTeamNamesTheSlotThatCannotBeFilledAndWhatWouldMakeItPossible) {
  TeamSpec spec = Copper();
  spec.slots.push_back({"geology", 1, {"fr"}});
  std::vector<Candidate> roster = Roster();
  roster[9].languages = {"en"};  // the only geologist speaks no French
  auto p = ProposeTeams(spec, roster);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->teams.empty());
  ASSERT_EQ(p->shortfalls.size(), 1u);
  Shortfall f = p->shortfalls[0];
  EXPECT_EQ(f.kind, "slot");
  EXPECT_EQ(f.slot, 3);
  EXPECT_EQ(f.needed, 1);
  EXPECT_EQ(f.available, 0);
  EXPECT_EQ(f.without_language, 1);  // J, if the slot did not ask for French
  EXPECT_EQ(Reason(*p, "J"), "no_matching_slot");
  EXPECT_EQ(Reason(*p, "A"), "eligible");  // nobody is "not needed" when no team exists

  // Three mining engineers: C and D are free, I is away in January.
  spec = Copper();
  spec.slots[1].count = 3;
  p = ProposeTeams(spec, Roster());
  ASSERT_EQ(p->shortfalls.size(), 1u);
  f = p->shortfalls[0];
  EXPECT_EQ(f.slot, 1);
  EXPECT_EQ(f.needed, 3);
  EXPECT_EQ(f.available, 2);
  EXPECT_EQ(f.other_window, 1);
  EXPECT_EQ(f.without_language, 0);
  // With a budget I's fees exceed, another window alone would not let I in.
  spec.budget = 2900;  // I: 3,000 for 10 days
  p = ProposeTeams(spec, Roster());
  const auto mining = std::find_if(p->shortfalls.begin(), p->shortfalls.end(),
                                   [](const Shortfall& x) { return x.slot == 1; });
  ASSERT_NE(mining, p->shortfalls.end());
  EXPECT_EQ(mining->other_window, 0);
  EXPECT_EQ(mining->higher_budget, 2);  // C and D, free but dearer than the budget
  for (const Exclusion& x : p->not_chosen) {
    if (x.expert_id == "I") {
      EXPECT_EQ(x.from + " " + x.to, "2027-01-20 2027-01-31");
    }
  }

  // A lawyer for USD 5,000: D (9,000), E (6,000) and F (12,000) cost more alone.
  spec = Copper();
  spec.slots = {{"legal", 1, {}}};
  spec.team_languages = {};
  spec.budget = 5000;
  p = ProposeTeams(spec, Roster());
  ASSERT_EQ(p->shortfalls.size(), 1u);
  EXPECT_EQ(p->shortfalls[0].higher_budget, 3);
  EXPECT_EQ(Reason(*p, "E"), "over_budget");

  spec = Copper();
  spec.budget = 22000;
  p = ProposeTeams(spec, Roster());
  ASSERT_TRUE(p->teams.empty());
  EXPECT_EQ(p->shortfalls[0].kind, "budget");
  EXPECT_DOUBLE_EQ(p->shortfalls[0].cheapest, 23000);

  spec = Copper();
  spec.slots = {{"legal", 3, {}}};  // D, E and F are the only lawyers free of conflict
  spec.team_languages = {};
  p = ProposeTeams(spec, Roster());
  ASSERT_EQ(p->teams.size(), 1u);  // only one team of three lawyers exists
  spec.slots = {{"legal", 3, {}}, {"mining_engineering", 2, {}}};
  p = ProposeTeams(spec, Roster());
  EXPECT_TRUE(p->teams.empty());  // both slots need D, who fills one
  EXPECT_EQ(p->shortfalls[0].kind, "distinct");

  spec = Copper();
  spec.must_include = {"H"};
  p = ProposeTeams(spec, Roster());
  EXPECT_TRUE(p->teams.empty());
  EXPECT_EQ(p->shortfalls[0].kind, "required");
  EXPECT_EQ(p->shortfalls[0].reason, "conflict");
  EXPECT_EQ(p->shortfalls[0].detail, "employment with Acme Mining Ltd.");
}

TEST(TeamProposal, BadSpecsNameTheField) {
  TeamSpec spec = Copper();
  spec.slots[0].discipline = "Astrology!";
  spec.slots[1].count = 0;
  spec.end = "2026-01-01";
  const auto p = ProposeTeams(spec, Roster());
  ASSERT_FALSE(p.ok());
  std::vector<std::string> fields;
  for (const auto& e : p.errors()) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"slots[0].discipline", "slots[1].count", "end"}));
}

}  // namespace
