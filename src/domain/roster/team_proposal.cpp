#include "domain/roster/team_proposal.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool Fits(const Candidate& c, const Slot& s) {
  if (!Has(c.disciplines, s.discipline)) return false;
  return std::all_of(s.languages.begin(), s.languages.end(),
                     [&](const std::string& l) { return Has(c.languages, l); });
}

struct Var {
  int expert;  // index into the eligible candidates
  int slot;
};

struct Model {
  const TeamSpec& spec;
  const std::vector<const Candidate*>& experts;
  std::vector<Var> vars;
  double Fee(int e) const {
    return experts[static_cast<size_t>(e)]->day_rate * spec.days_per_expert;
  }
  double Objective(int e) const {
    return Fee(e) + spec.load_weight * experts[static_cast<size_t>(e)]->load_days;
  }
};

using CbcPtr = std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)>;

// Solves over `m.vars` without the teams in `cut`; nothing when infeasible.
std::optional<Team> Solve(const Model& m, const std::vector<std::set<int>>& cut, bool with_budget) {
  CbcPtr cbc(Cbc_newModel(), Cbc_deleteModel);
  Cbc_setLogLevel(cbc.get(), 0);
  for (const Var& v : m.vars) {
    Cbc_addCol(cbc.get(), "", 0.0, 1.0, m.Objective(v.expert), 1, 0, nullptr, nullptr);
  }
  auto row = [&](const std::vector<int>& cols, const std::vector<double>& coefs, char sense,
                 double rhs) {
    Cbc_addRow(cbc.get(), "", static_cast<int>(cols.size()), cols.data(), coefs.data(), sense, rhs);
  };
  // Each expert fills at most one slot (exactly one when the coordinator requires them).
  std::map<int, std::vector<int>> by_expert;
  for (size_t i = 0; i < m.vars.size(); ++i)
    by_expert[m.vars[i].expert].push_back(static_cast<int>(i));
  for (const auto& [e, cols] : by_expert) {
    const bool required = Has(m.spec.must_include, m.experts[static_cast<size_t>(e)]->id);
    row(cols, std::vector<double>(cols.size(), 1.0), required ? 'E' : 'L', 1.0);
  }
  for (size_t s = 0; s < m.spec.slots.size(); ++s) {
    std::vector<int> cols;
    for (size_t i = 0; i < m.vars.size(); ++i) {
      if (m.vars[i].slot == static_cast<int>(s)) cols.push_back(static_cast<int>(i));
    }
    row(cols, std::vector<double>(cols.size(), 1.0), 'E', m.spec.slots[s].count);
  }
  for (const std::string& lang : m.spec.team_languages) {
    std::vector<int> cols;
    for (size_t i = 0; i < m.vars.size(); ++i) {
      if (Has(m.experts[static_cast<size_t>(m.vars[i].expert)]->languages, lang)) {
        cols.push_back(static_cast<int>(i));
      }
    }
    row(cols, std::vector<double>(cols.size(), 1.0), 'G', 1.0);
  }
  if (with_budget && m.spec.budget > 0) {
    std::vector<int> cols;
    std::vector<double> fees;
    for (size_t i = 0; i < m.vars.size(); ++i) {
      cols.push_back(static_cast<int>(i));
      fees.push_back(m.Fee(m.vars[i].expert));
    }
    row(cols, fees, 'L', m.spec.budget);
  }
  // Earlier teams are cut off: at least one of their members must go.
  for (const std::set<int>& team : cut) {
    std::vector<int> cols;
    for (size_t i = 0; i < m.vars.size(); ++i) {
      if (team.count(m.vars[i].expert)) cols.push_back(static_cast<int>(i));
    }
    row(cols, std::vector<double>(cols.size(), 1.0), 'L', static_cast<double>(team.size()) - 1);
  }
  Cbc_solve(cbc.get());
  if (!Cbc_isProvenOptimal(cbc.get())) return std::nullopt;
  const double* x = Cbc_getColSolution(cbc.get());
  Team t;
  for (size_t i = 0; i < m.vars.size(); ++i) {
    if (x[i] < 0.5) continue;
    const Var& v = m.vars[i];
    t.members.push_back({m.experts[static_cast<size_t>(v.expert)]->id, v.slot, m.Fee(v.expert)});
    t.cost += m.Fee(v.expert);
    t.objective += m.Objective(v.expert);
  }
  std::sort(t.members.begin(), t.members.end(), [](const Pick& a, const Pick& b) {
    return a.slot < b.slot || (a.slot == b.slot && a.expert_id < b.expert_id);
  });
  return t;
}

bool Overlaps(const std::pair<std::string, std::string>& period, const std::string& start,
              const std::string& end) {
  return period.first <= end && period.second >= start;
}

Errors Validate(const TeamSpec& spec) {
  Errors e;
  if (spec.slots.empty())
    e.push_back({ErrorCode::kInvalidInput, "name at least one discipline", "slots"});
  for (size_t i = 0; i < spec.slots.size(); ++i) {
    const Slot& s = spec.slots[i];
    const std::string at = "slots[" + std::to_string(i) + "]";
    if (!IsCodeWord(s.discipline)) {
      e.push_back({ErrorCode::kInvalidInput, "must be a discipline code", at + ".discipline"});
    }
    if (s.count < 1 || s.count > 20)
      e.push_back({ErrorCode::kInvalidInput, "must be 1 to 20", at + ".count"});
    for (const std::string& l : s.languages) {
      if (!Has(kLanguages, l))
        e.push_back({ErrorCode::kInvalidInput, "is not a language code", at + ".languages"});
    }
  }
  for (const std::string& l : spec.team_languages) {
    if (!Has(kLanguages, l))
      e.push_back({ErrorCode::kInvalidInput, "is not a language code", "team_languages"});
  }
  if (!IsDate(spec.start))
    e.push_back({ErrorCode::kInvalidInput, "must be a date (YYYY-MM-DD)", "start"});
  if (!IsDate(spec.end) || spec.end < spec.start) {
    e.push_back({ErrorCode::kInvalidInput, "must be a date on or after the start", "end"});
  }
  if (spec.days_per_expert < 1 || spec.days_per_expert > 1000) {
    e.push_back({ErrorCode::kInvalidInput, "must be 1 to 1000", "days_per_expert"});
  }
  if (!(spec.budget >= 0))
    e.push_back({ErrorCode::kInvalidInput, "must be 0 (none) or more", "budget"});
  if (!(spec.load_weight >= 0))
    e.push_back({ErrorCode::kInvalidInput, "must be 0 or more", "load_weight"});
  if (spec.alternatives < 1 || spec.alternatives > 10) {
    e.push_back({ErrorCode::kInvalidInput, "must be 1 to 10", "alternatives"});
  }
  return e;
}

// Why no team exists, and what would make one possible. `roster` and
// `reasons` count the experts a relaxed language, window or budget would let in.
std::vector<Shortfall> Shortfalls(const Model& full, const TeamSpec& spec,
                                  const std::vector<Candidate>& roster,
                                  const std::map<std::string, Exclusion>& reasons) {
  auto kept_out_for = [&](const Candidate& c, const char* reason) {
    auto it = reasons.find(c.id);
    return it != reasons.end() && it->second.reason == reason;
  };
  // Experts kept out only by the window or the budget who would meet `fits`.
  // Reasons are checked in order, so one away in the window may also cost
  // more than the budget: moving the window alone would not let them in.
  auto relaxing = [&](Shortfall& out, const auto& fits) {
    for (const Candidate& c : roster) {
      if (!fits(c)) continue;
      const bool over = spec.budget > 0 && c.day_rate * spec.days_per_expert > spec.budget;
      if (kept_out_for(c, "unavailable") && !over) ++out.other_window;
      if (kept_out_for(c, "over_budget")) ++out.higher_budget;
    }
  };
  std::vector<Shortfall> out;
  for (size_t s = 0; s < spec.slots.size(); ++s) {
    const Slot& slot = spec.slots[s];
    std::set<int> able;
    for (const Var& v : full.vars) {
      if (v.slot == static_cast<int>(s)) able.insert(v.expert);
    }
    if (static_cast<int>(able.size()) >= slot.count) continue;
    Shortfall f{.kind = "slot",
                .slot = static_cast<int>(s),
                .needed = slot.count,
                .available = static_cast<int>(able.size())};
    for (const Candidate& c : roster) {
      const bool free = !reasons.count(c.id) || kept_out_for(c, "no_matching_slot");
      if (free && Has(c.disciplines, slot.discipline) && !Fits(c, slot)) ++f.without_language;
    }
    relaxing(f, [&](const Candidate& c) { return Fits(c, slot); });
    out.push_back(std::move(f));
  }
  for (const std::string& lang : spec.team_languages) {
    const bool any = std::any_of(full.vars.begin(), full.vars.end(), [&](const Var& v) {
      return Has(full.experts[static_cast<size_t>(v.expert)]->languages, lang);
    });
    if (any) continue;
    Shortfall f{.kind = "team_language", .language = lang};
    relaxing(f, [&](const Candidate& c) {
      return Has(c.languages, lang) && std::any_of(spec.slots.begin(), spec.slots.end(),
                                                   [&](const Slot& s) { return Fits(c, s); });
    });
    out.push_back(std::move(f));
  }
  if (!out.empty()) return out;
  if (spec.budget > 0) {
    if (auto cheapest = Solve(full, {}, false)) {
      out.push_back({.kind = "budget", .cheapest = cheapest->cost});
      return out;
    }
  }
  // Every slot has enough candidates on its own, but some are counted twice.
  out.push_back({.kind = "distinct"});
  for (const std::string& id : spec.must_include) {
    out.push_back({.kind = "required", .expert_id = id, .reason = "together"});
  }
  return out;
}

}  // namespace

Result<Proposal> ProposeTeams(const TeamSpec& spec, const std::vector<Candidate>& roster) {
  Errors errors = Validate(spec);
  if (!errors.empty()) return errors;
  Proposal out;
  std::vector<const Candidate*> eligible;
  std::map<std::string, Exclusion> reasons;
  for (const Candidate& c : roster) {
    const double fee = c.day_rate * spec.days_per_expert;
    auto busy = std::find_if(c.unavailable.begin(), c.unavailable.end(),
                             [&](const auto& p) { return Overlaps(p, spec.start, spec.end); });
    const bool fits_any = std::any_of(spec.slots.begin(), spec.slots.end(),
                                      [&](const Slot& s) { return Fits(c, s); });
    if (Has(spec.must_exclude, c.id)) {
      reasons[c.id] = {.expert_id = c.id, .reason = "excluded"};
    } else if (c.screening.outcome == ScreeningOutcome::kExclude) {
      reasons[c.id] = {.expert_id = c.id,
                       .reason = "conflict",
                       .detail = c.screening.reason,
                       .declaration_id = c.screening.declaration_id};
    } else if (!c.attested) {
      reasons[c.id] = {.expert_id = c.id, .reason = "no_attestation"};
    } else if (busy != c.unavailable.end()) {
      reasons[c.id] = {
          .expert_id = c.id, .reason = "unavailable", .from = busy->first, .to = busy->second};
    } else if (spec.budget > 0 && fee > spec.budget) {
      reasons[c.id] = {.expert_id = c.id, .reason = "over_budget"};
    } else if (!fits_any) {
      reasons[c.id] = {.expert_id = c.id, .reason = "no_matching_slot"};
    } else {
      eligible.push_back(&c);
    }
  }
  for (const std::string& id : spec.must_include) {
    auto it = reasons.find(id);
    if (it != reasons.end()) {
      out.shortfalls.push_back({.kind = "required",
                                .expert_id = id,
                                .reason = it->second.reason,
                                .detail = it->second.detail});
    } else if (std::none_of(eligible.begin(), eligible.end(),
                            [&](const Candidate* c) { return c->id == id; })) {
      out.shortfalls.push_back({.kind = "required", .expert_id = id, .reason = "not_on_roster"});
    }
  }

  Model full{spec, eligible, {}};
  for (size_t e = 0; e < eligible.size(); ++e) {
    for (size_t s = 0; s < spec.slots.size(); ++s) {
      if (Fits(*eligible[e], spec.slots[s]))
        full.vars.push_back({static_cast<int>(e), static_cast<int>(s)});
    }
  }
  // The reduced model: per slot and per slot-and-language, the best T + 1 by
  // objective and by fee, and everyone the coordinator requires.
  int team_size = 0;
  for (const Slot& s : spec.slots) team_size += s.count;
  const size_t keep = static_cast<size_t>(team_size) + 1;
  std::set<std::pair<int, int>> kept;
  auto keep_best = [&](std::vector<Var> group) {
    for (int by_fee = 0; by_fee < 2; ++by_fee) {
      const size_t n = std::min(keep, group.size());
      std::partial_sort(group.begin(), group.begin() + static_cast<long>(n), group.end(),
                        [&](const Var& a, const Var& b) {
                          const double ka = by_fee ? full.Fee(a.expert) : full.Objective(a.expert);
                          const double kb = by_fee ? full.Fee(b.expert) : full.Objective(b.expert);
                          return ka < kb || (ka == kb && a.expert < b.expert);
                        });
      for (size_t i = 0; i < n; ++i) kept.insert({group[i].expert, group[i].slot});
    }
  };
  for (size_t s = 0; s < spec.slots.size(); ++s) {
    std::vector<Var> group;
    for (const Var& v : full.vars) {
      if (v.slot == static_cast<int>(s)) group.push_back(v);
    }
    keep_best(group);
    for (const std::string& lang : spec.team_languages) {
      std::vector<Var> speakers;
      for (const Var& v : group) {
        if (Has(eligible[static_cast<size_t>(v.expert)]->languages, lang)) speakers.push_back(v);
      }
      keep_best(speakers);
    }
  }
  Model reduced{spec, eligible, {}};
  for (const Var& v : full.vars) {
    if (kept.count({v.expert, v.slot}) ||
        Has(spec.must_include, eligible[static_cast<size_t>(v.expert)]->id)) {
      reduced.vars.push_back(v);
    }
  }

  if (out.shortfalls.empty()) {
    std::vector<std::set<int>> cut;
    const Model* model = &reduced;
    for (int k = 0; k < spec.alternatives; ++k) {
      auto team = Solve(*model, cut, true);
      if (!team && k == 0 && model == &reduced) {
        model = &full;  // the reduction never decides that no team exists
        team = Solve(*model, cut, true);
      }
      if (!team) break;
      std::set<int> members;
      for (const Pick& p : team->members) {
        for (size_t e = 0; e < eligible.size(); ++e) {
          if (eligible[e]->id == p.expert_id) members.insert(static_cast<int>(e));
        }
      }
      cut.push_back(members);
      out.teams.push_back(std::move(*team));
    }
    if (out.teams.empty()) out.shortfalls = Shortfalls(full, spec, roster, reasons);
  }

  std::set<std::string> chosen;
  if (!out.teams.empty()) {
    for (const Pick& p : out.teams.front().members) chosen.insert(p.expert_id);
  }
  for (const Candidate& c : roster) {
    if (chosen.count(c.id)) continue;
    auto it = reasons.find(c.id);
    out.not_chosen.push_back(
        it != reasons.end() ? it->second : Exclusion{.expert_id = c.id, .reason = "eligible"});
  }
  return out;
}

}  // namespace connex::domain
