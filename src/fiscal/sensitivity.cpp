#include "fiscal/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "fiscal/engine.hpp"

namespace connex::fiscal {

namespace {

constexpr const char* kTargetNames[] = {"government_pv", "investor_npv", "aetr", "investor_irr",
                                        "government_take"};
constexpr const char* kMultiplierNames[] = {"price", "capex", "opex", "production"};

}  // namespace

const char* ToString(Target t) { return kTargetNames[static_cast<int>(t)]; }

std::optional<Target> TargetFromName(const std::string& name) {
  for (int i = 0; i < static_cast<int>(std::size(kTargetNames)); ++i) {
    if (name == kTargetNames[i]) return static_cast<Target>(i);
  }
  return std::nullopt;
}

std::string TargetNames() {
  std::string out;
  for (const char* n : kTargetNames) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

Metric Measure(const ProjectSeries& s, const Ledger& l, const Discounting& d, Target target) {
  switch (target) {
    case Target::kGovernmentPv:
      return Metric::Of(PresentValue(l.line(kGovernmentReceipts), s.years, s.first_year, d));
    case Target::kInvestorNpv:
      return Metric::Of(PresentValue(l.line(kInvestorCashFlow), s.years, s.first_year, d));
    case Target::kAetr:
      return ComputeCoreMetrics(s, l, d).aetr;
    case Target::kInvestorIrr: {
      const Irr irr = InternalRateOfReturn(l.line(kInvestorCashFlow), s.years);
      return irr.defined ? Metric::Of(irr.value) : Metric::Undefined(irr.reason);
    }
    case Target::kGovernmentTake:
      return RatioIfPositive(l.Total(kGovernmentReceipts), l.Total(kPretaxCashFlow),
                             "undiscounted pre-tax cash flow is not positive");
  }
  return Metric::Undefined("unknown metric");
}

bool IsMultiplierName(const std::string& name) {
  return std::find(std::begin(kMultiplierNames), std::end(kMultiplierNames), name) !=
         std::end(kMultiplierNames);
}

InputFunction MultiplierInput(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                              Target target, const std::string& multiplier) {
  // Copies: the function may outlive the caller's series and regime.
  return [s, regime, d, target, multiplier](double value) -> Result<Metric> {
    if (!std::isfinite(value) || value < 0) {
      return Error{ErrorCode::kInvalidInput,
                   "a " + multiplier + " multiplier must be a finite number >= 0", multiplier};
    }
    ScenarioInputs<1> in;
    Lanes<1>& lane = multiplier == "price"   ? in.price
                     : multiplier == "capex" ? in.capex
                     : multiplier == "opex"  ? in.opex
                                             : in.production;
    lane = Lanes<1>::Fill(value);
    Ledger ledger;
    EvaluateBatch(s, regime, in, ledger);
    return Measure(s, ledger, d, target);
  };
}

Result<Tornado> RunTornado(Target target, const Metric& base,
                           std::vector<SensitivityInput> inputs) {
  Tornado t;
  t.target = target;
  t.base = base;
  for (SensitivityInput& in : inputs) {
    TornadoBar bar;
    bar.input = in.name;
    bar.low = in.low;
    bar.high = in.high;
    Result<Metric> lo = in.evaluate(in.low);
    if (!lo.ok()) return lo.errors();
    Result<Metric> hi = in.evaluate(in.high);
    if (!hi.ok()) return hi.errors();
    bar.at_low = lo.value();
    bar.at_high = hi.value();
    if (bar.at_low.defined && bar.at_high.defined) {
      bar.swing = std::fabs(bar.at_high.value - bar.at_low.value);
    }
    t.bars.push_back(bar);
  }
  std::stable_sort(t.bars.begin(), t.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return a.swing > b.swing; });
  return t;
}

Result<std::vector<SpiderLine>> RunSpider(const std::vector<SensitivityInput>& inputs, int points) {
  std::vector<SpiderLine> lines;
  for (const SensitivityInput& in : inputs) {
    SpiderLine line;
    line.input = in.name;
    for (int i = 0; i < points; ++i) {
      const double v = in.low + (in.high - in.low) * i / (points - 1);
      Result<Metric> m = in.evaluate(v);
      if (!m.ok()) return m.errors();
      line.values.push_back(v);
      line.metrics.push_back(m.value());
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

Result<Solution> SolveFor(const InputFunction& f, double target_value, double lo, double hi,
                          double tolerance) {
  Solution sol;
  Errors failure;
  // f - target, NaN where the metric is undefined.
  auto gap = [&](double x) {
    ++sol.evaluations;
    Result<Metric> m = f(x);
    if (!m.ok()) {
      if (failure.empty()) failure = m.errors();
      return std::nan("");
    }
    return m.value().defined ? m.value().value - target_value : std::nan("");
  };
  // Scan from lo to hi; the first sign change is refined.
  double prev_x = lo, prev = gap(lo);
  if (!failure.empty()) return failure;
  double min_v = prev, max_v = prev, min_x = lo, max_x = lo;
  for (int i = 1; i <= kSolveScan; ++i) {
    const double x = i == kSolveScan ? hi : lo + (hi - lo) * i / kSolveScan;
    const double g = gap(x);
    if (!failure.empty()) return failure;
    if (!std::isnan(g)) {
      if (std::isnan(min_v) || g < min_v) min_v = g, min_x = x;
      if (std::isnan(max_v) || g > max_v) max_v = g, max_x = x;
    }
    if (!std::isnan(prev) && !std::isnan(g) && (prev == 0 || (prev < 0) != (g < 0))) {
      const double root = prev == 0 ? prev_x : Brent(gap, prev_x, x, prev, g, tolerance);
      if (!failure.empty()) return failure;
      Result<Metric> at = f(root);
      if (!at.ok()) return at.errors();
      sol.found = true;
      sol.value = root;
      sol.achieved = at.value();
      return sol;
    }
    prev_x = x;
    prev = g;
  }
  std::ostringstream msg;
  if (std::isnan(min_v)) {
    msg << "the metric is undefined everywhere in [" << lo << ", " << hi << "]";
  } else {
    sol.lowest = min_v + target_value;
    sol.lowest_at = min_x;
    sol.highest = max_v + target_value;
    sol.highest_at = max_x;
    msg << "no value in [" << lo << ", " << hi << "] reaches " << target_value
        << ": the metric ranges from " << min_v + target_value << " (at " << min_x << ") to "
        << max_v + target_value << " (at " << max_x << ")";
  }
  sol.message = msg.str();
  return sol;
}

}  // namespace connex::fiscal
