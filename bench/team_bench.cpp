// Team proposals over a synthetic roster: 10,000 experts, 12 disciplines,
// 5 languages, screening of every expert's declarations against the
// request's counterparties included, three alternative teams.
#include <benchmark/benchmark.h>

#include <random>

#include "domain/roster/team_proposal.hpp"
#include "domain/shared/vocabulary.hpp"

namespace {

using namespace connex::domain;

struct Synthetic {
  std::vector<Candidate> roster;
  std::vector<std::vector<Declaration>> declarations;
};

// Twelve disciplines, as the codelist the portal ships with.
const std::vector<std::string> kDisciplines = {"legal",
                                               "fiscal_modelling",
                                               "economics",
                                               "geology",
                                               "geophysics",
                                               "mining_engineering",
                                               "petroleum_engineering",
                                               "environmental",
                                               "social_community",
                                               "health_safety",
                                               "gender",
                                               "procurement"};

const Synthetic& Roster() {
  static const Synthetic s = [] {
    Synthetic out;
    std::mt19937 rng(2026);
    std::uniform_int_distribution<int> discipline(0, static_cast<int>(kDisciplines.size()) - 1);
    std::uniform_int_distribution<int> language(0, static_cast<int>(kLanguages.size()) - 1);
    std::uniform_real_distribution<double> rate(400, 2000);
    std::uniform_int_distribution<int> load(0, 120);
    const std::vector<std::pair<std::string, std::string>> companies = {
        {"Acme Mining", "Ltd"},
        {"Atlantic Gas", "plc"},
        {"Copperbelt Resources", "SA"},
        {"Sahel Gold", "SARL"},
        {"Andes Lithium", "SpA"}};
    for (int i = 0; i < 10000; ++i) {
      Candidate c;
      c.id = "exp_" + std::to_string(i);
      c.name = c.id;
      c.disciplines = {kDisciplines[static_cast<size_t>(discipline(rng))]};
      if (i % 3 == 0) c.disciplines.push_back(kDisciplines[static_cast<size_t>(discipline(rng))]);
      c.languages = {"en"};
      if (i % 2 == 0) c.languages.push_back(kLanguages[static_cast<size_t>(language(rng))]);
      c.day_rate = rate(rng);
      c.load_days = load(rng);
      c.attested = i % 17 != 0;
      if (i % 11 == 0) c.unavailable = {{"2027-01-15", "2027-01-25"}};
      std::vector<Declaration> d;
      for (int k = 0; k < 2; ++k) {
        const auto& [name, form] = companies[static_cast<size_t>((i + k) % 5)];
        d.push_back({"dcl",
                     c.id,
                     name + " " + std::to_string(i % 40) + " " + form,
                     {},
                     "consultancy",
                     "2019-01-01",
                     i % 7 == 0 ? "" : "2021-12-31",
                     ""});
      }
      out.roster.push_back(c);
      out.declarations.push_back(d);
    }
    return out;
  }();
  return s;
}

void BM_ProposeTeamsTenThousandExperts(benchmark::State& state) {
  const Synthetic& s = Roster();
  TeamSpec spec;
  spec.slots = {{"fiscal_modelling", 1, {}},
                {"mining_engineering", 1, {}},
                {"legal", 2, {}},
                {"geology", 1, {"fr"}},
                {"environmental", 1, {}}};
  spec.team_languages = {"fr", "pt"};
  spec.start = "2027-01-11";
  spec.end = "2027-03-05";
  spec.days_per_expert = 15;
  spec.budget = 250000;
  const std::vector<Counterparty> parties = {{"ACME MINING 3 LIMITED", {"Acme Ghana 3"}},
                                             {"Sahel Gold 12 S.A.R.L.", {}}};
  size_t teams = 0, conflicts = 0;
  for (auto _ : state) {
    std::vector<Candidate> roster = s.roster;
    for (size_t i = 0; i < roster.size(); ++i) {
      roster[i].screening = Screen(s.declarations[i], parties, {}, "2026-11-23", 3);
    }
    auto p = ProposeTeams(spec, roster);
    teams = p.ok() ? p->teams.size() : 0;
    conflicts = 0;
    for (const Candidate& c : roster) conflicts += c.screening.outcome != ScreeningOutcome::kClear;
    benchmark::DoNotOptimize(p);
  }
  state.counters["teams"] = static_cast<double>(teams);
  state.counters["conflicts"] = static_cast<double>(conflicts);
}
BENCHMARK(BM_ProposeTeamsTenThousandExperts)->Unit(benchmark::kMillisecond);

}  // namespace
