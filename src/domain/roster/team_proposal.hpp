// Team proposals (docs/adr/006-screening-and-team-proposals.md): the cheapest team, with the
// load spread over the roster, that fills every required slot (a discipline,
// a count, languages each member of the slot must speak), has at least one
// speaker of each team language, fits the budget, includes whom the
// coordinator requires and nobody excluded. Solved exactly as a 0-1 integer
// programme with COIN-OR CBC; the next-best alternatives come from re-solving
// with the earlier teams cut off.
//
// Experts who may not be chosen are removed first, each with the reason:
// a conflict of interest (screening excludes), no attestation of the current
// Code of Conduct, unavailable in the engagement window, their own cost over
// the budget, excluded by the coordinator. Of the rest, a team needs at most
// T = sum of slot counts experts. Per slot, and per slot and language, the
// T + 1 best candidates by objective and the T + 1 cheapest by fee are kept:
// any member outside them could be swapped for a kept candidate not yet on the
// team that is no worse in objective, so the optimum is unchanged whenever the
// budget does not bind it; this keeps a 10,000-expert roster to a model of a
// few hundred variables. When the reduced model has no team, the full one is
// solved before the answer is "none", so infeasibility is always exact.
//
// Thread-safety: reentrant; each call builds its own CBC model.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/roster/screening.hpp"

namespace connex::domain {

struct Slot {
  std::string discipline;
  int count = 1;
  std::vector<std::string> languages;  // every member in this slot speaks all of them
};

struct TeamSpec {
  std::vector<Slot> slots;
  std::vector<std::string> team_languages;  // at least one member speaks each
  std::string start;                        // engagement window, YYYY-MM-DD
  std::string end;
  int days_per_expert = 10;
  double budget = 0;         // USD; 0: no budget
  double load_weight = 100;  // USD of objective per day already assigned in the past year
  std::vector<std::string> must_include;
  std::vector<std::string> must_exclude;
  int alternatives = 3;  // teams to propose, best first
};

struct Candidate {
  std::string id;
  std::string name;
  std::vector<std::string> disciplines;
  std::vector<std::string> languages;
  double day_rate = 0;
  int load_days = 0;                                             // days assigned over the past year
  std::vector<std::pair<std::string, std::string>> unavailable;  // [from, to] dates
  bool attested = false;  // attested the Code of Conduct in force
  ScreeningResult screening;
};

struct Pick {
  std::string expert_id;
  int slot = 0;
  double cost = 0;
};

struct Team {
  std::vector<Pick> members;
  double cost = 0;       // fees: day rate x days
  double objective = 0;  // cost plus the load term
};

struct Exclusion {
  std::string expert_id{};
  std::string reason{};  // conflict | no_attestation | unavailable | over_budget | excluded |
                         // no_matching_slot | eligible (may be chosen; the best team is another)
  std::string detail{};  // for a conflict: the screening's finding
  std::string declaration_id{};  // for a conflict: the declaration a waiver would cover
  std::string from{}, to{};      // when unavailable: the period away that meets the window
};

// One reason no team exists, with what would make a team possible, counted in
// experts who would then qualify. Several may hold at once.
struct Shortfall {
  std::string kind{};       // slot | team_language | budget | distinct | required
  int slot = -1;            // slot: the slot that cannot be filled (index into TeamSpec::slots)
  int needed = 0;           // slot: experts it asks for
  int available = 0;        // slot: eligible experts who fit it
  std::string language{};   // team_language: spoken by no eligible expert who fits a slot
  std::string expert_id{};  // required: the expert the coordinator asked for
  std::string reason{};     // required: an Exclusion reason, or not_on_roster
  std::string detail{};     // required: the Exclusion's detail
  double cheapest = 0;      // budget: what the cheapest team costs
  // Experts who would qualify if the slot's languages were dropped, if the
  // window moved past their time away, if the budget covered their fees.
  int without_language = 0;
  int other_window = 0;
  int higher_budget = 0;
};

struct Proposal {
  std::vector<Team> teams;            // best first; empty when no team is possible
  std::vector<Exclusion> not_chosen;  // every candidate outside the best team
  std::vector<Shortfall> shortfalls;  // when no team: why, and what would help
};

// kInvalidInput naming the field for a spec that cannot be solved as asked.
Result<Proposal> ProposeTeams(const TeamSpec& spec, const std::vector<Candidate>& roster);

}  // namespace connex::domain
