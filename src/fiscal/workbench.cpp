#include "fiscal/workbench.hpp"

namespace connex::fiscal {

Result<int> FindRegime(const Model& model, const std::string& name, const std::string& field) {
  if (name.empty()) return 0;
  std::string names;
  for (size_t i = 0; i < model.regimes.size(); ++i) {
    if (model.regimes[i].name == name) return static_cast<int>(i);
    names += (names.empty() ? "\"" : ", \"") + model.regimes[i].name + "\"";
  }
  return Error{ErrorCode::kInvalidInput,
               "\"" + name + "\" is not a term sheet of the model (it has " + names + ")", field};
}

namespace {

// The regimes named, in the order asked; every regime when none is named.
Result<std::vector<const Regime*>> Chosen(const Model& model,
                                          const std::vector<std::string>& names) {
  std::vector<const Regime*> out;
  if (names.empty()) {
    for (const Regime& r : model.regimes) out.push_back(&r);
    return out;
  }
  Errors wrong;
  for (const std::string& name : names) {
    Result<int> i = FindRegime(model, name);
    if (i.ok()) {
      out.push_back(&model.regimes[static_cast<size_t>(*i)]);
    } else {
      wrong.push_back(i.error());
    }
  }
  if (!wrong.empty()) return wrong;
  return out;
}

}  // namespace

Result<std::vector<Analysis>> AnalyzeRegimes(const Model& model,
                                             const std::vector<std::string>& names) {
  auto chosen = Chosen(model, names);
  if (!chosen) return chosen.errors();
  const ProjectSeries series = Resolve(model.project);
  std::vector<Analysis> out;
  for (const Regime* r : *chosen) {
    out.push_back(Analyze(series, *r, model.discounting, model.sweep));
  }
  return out;
}

Compared CompareRegimes(const Model& model, const Regime& a, const Regime& b) {
  const ProjectSeries series = Resolve(model.project);
  Compared out{Analyze(series, a, model.discounting, model.sweep),
               Analyze(series, b, model.discounting, model.sweep),
               {}};
  out.c = Compare(series, out.a, out.b);
  return out;
}

Result<Compared> CompareNamed(const Model& model, const std::string& from, const std::string& to) {
  Result<int> a = FindRegime(model, from, "from");
  Result<int> b = FindRegime(model, to, "to");
  Errors wrong;
  if (!a) wrong.push_back(a.error());
  if (!b) wrong.push_back(b.error());
  if (!wrong.empty()) return wrong;
  return CompareRegimes(model, model.regimes[static_cast<size_t>(*a)],
                        model.regimes[static_cast<size_t>(*b)]);
}

Result<std::vector<SweepSeries>> SweepRegimes(const Model& model, const SweepOptions& range,
                                              const std::vector<std::string>& names) {
  auto chosen = Chosen(model, names);
  if (!chosen) return chosen.errors();
  const ProjectSeries series = Resolve(model.project);
  std::vector<SweepSeries> out;
  for (const Regime* r : *chosen) {
    out.push_back({r->name, PriceSweep(series, *r, model.discounting, range)});
  }
  return out;
}

}  // namespace connex::fiscal
