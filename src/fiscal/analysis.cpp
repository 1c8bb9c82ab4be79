#include "fiscal/analysis.hpp"

#include <cmath>

namespace connex::fiscal {

std::vector<double> SweepFactors(const SweepOptions& o) {
  std::vector<double> out;
  if (!(o.step > 0) || o.to < o.from) return out;
  const int count = static_cast<int>(std::floor((o.to - o.from) / o.step + 0.5)) + 1;
  out.reserve(static_cast<size_t>(count));
  // Multiplying (not accumulating) keeps 0.5:2.0:0.05 free of drift.
  for (int i = 0; i < count; ++i) out.push_back(o.from + i * o.step);
  return out;
}

SweepPoint EvaluateAt(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                      double price_factor, Ledger& scratch) {
  Evaluate(s, regime, scratch, price_factor);
  SweepPoint p;
  p.price_factor = price_factor;
  p.core = ComputeCoreMetrics(s, scratch, d);
  p.government_take =
      RatioIfPositive(scratch.Total(kGovernmentReceipts), scratch.Total(kPretaxCashFlow),
                      "undiscounted pre-tax cash flow is not positive");
  p.pretax_irr = InternalRateOfReturn(scratch.line(kPretaxCashFlow), s.years);
  p.investor_irr = InternalRateOfReturn(scratch.line(kInvestorCashFlow), s.years);
  return p;
}

std::vector<SweepPoint> PriceSweep(const ProjectSeries& s, const Regime& regime,
                                   const Discounting& d, const SweepOptions& options) {
  std::vector<SweepPoint> points;
  Ledger scratch(s.years);
  for (double k : SweepFactors(options)) points.push_back(EvaluateAt(s, regime, d, k, scratch));
  return points;
}

Breakeven FindBreakeven(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                        BreakevenOf what, Ledger& scratch) {
  auto npv = [&](double k) {
    Evaluate(s, regime, scratch, k);
    const Line line = what == BreakevenOf::kInvestorNpv ? kInvestorCashFlow : kPretaxCashFlow;
    return PresentValue(scratch.line(line), s.years, s.first_year, d);
  };
  Breakeven b;
  if (s.first_production_index < 0) {
    b.factor = Metric::Undefined("nothing is produced, so no price makes the NPV zero");
    return b;
  }
  double lo = 0, flo = npv(0);
  if (flo >= 0) {
    b.factor = Metric::Undefined("NPV is not negative even at zero prices");
    return b;
  }
  // Expand upwards until the NPV turns positive: the bracket [lo, hi] then holds
  // the lowest price factor at which the project breaks even.
  double hi = 1, fhi = npv(hi);
  while (fhi < 0 && hi < 1024) {
    lo = hi;
    flo = fhi;
    hi *= 2;
    fhi = npv(hi);
  }
  if (fhi < 0) {
    b.factor = Metric::Undefined("NPV stays negative up to 1024 times the price deck");
    return b;
  }
  const double k = Brent(npv, lo, hi, flo, fhi, 1e-10);
  b.factor = Metric::Of(k);
  for (int p = 0; p < s.products(); ++p) {
    b.first_price.push_back(k * s.price[p][s.first_production_index]);
  }
  return b;
}

Progressivity AssessProgressivity(std::vector<SweepPoint> points) {
  Progressivity out;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int count = 0;
  for (const SweepPoint& p : points) {
    if (!p.core.aetr.defined || !p.pretax_irr.defined) continue;
    const double x = p.pretax_irr.value, y = p.core.aetr.value;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    ++count;
  }
  out.points = std::move(points);
  const double denom = count * sxx - sx * sx;
  if (count < 2 || !(std::fabs(denom) > 1e-18)) {
    out.slope = Metric::Undefined("fewer than two sweep points have both AETR and pre-tax IRR");
    return out;
  }
  const double slope = (count * sxy - sx * sy) / denom;
  out.slope = Metric::Of(slope);
  // AETR moving by under 0.01 percentage point per point of IRR is neutral.
  out.verdict = slope > 1e-4 ? "progressive" : (slope < -1e-4 ? "regressive" : "neutral");
  return out;
}

Analysis Analyze(const ProjectSeries& s, const Regime& regime, const Discounting& d,
                 const SweepOptions& sweep) {
  Analysis a;
  a.regime = regime.name;
  Evaluate(s, regime, a.ledger);
  if (!s.parts.empty()) EvaluateProjects(s, regime, a.projects);
  a.metrics = ComputeMetrics(s, a.ledger, d);
  // A Discounting built in code may leave the base year unset: it is then the valuation year.
  const int real_base = d.real_base_year != 0 ? d.real_base_year : d.valuation_year;
  // Without deflation real is nominal to the bit (Properties.RealEqualsNominalAtZeroInflation):
  // analyses of many term sheets skip a second pass.
  a.real = d.deflation == 0 ? a.metrics
                            : ComputeMetrics(s, Deflated(s, a.ledger, real_base, d.deflation), d);
  if (d.point_forward_year != 0) {
    a.point_forward = PointForwardMetrics(s, a.ledger, d, d.point_forward_year);
  }

  Ledger scratch(s.years);
  a.post_tax_breakeven = FindBreakeven(s, regime, d, BreakevenOf::kInvestorNpv, scratch);
  a.pre_tax_breakeven = FindBreakeven(s, regime, d, BreakevenOf::kPretaxNpv, scratch);
  if (!a.post_tax_breakeven.factor.defined) {
    a.metr = Metric::Undefined("the post-tax breakeven price is undefined");
  } else {
    Evaluate(s, regime, scratch, a.post_tax_breakeven.factor.value);
    const Irr p = InternalRateOfReturn(scratch.line(kPretaxCashFlow), s.years);
    if (!p.defined) {
      a.metr = Metric::Undefined("pre-tax IRR at the breakeven price is undefined");
    } else if (p.value == 0) {
      a.metr = Metric::Undefined("pre-tax IRR at the breakeven price is zero");
    } else {
      a.metr = Metric::Of((p.value - d.rate) / p.value);
    }
  }
  a.progressivity = AssessProgressivity(PriceSweep(s, regime, d, sweep));
  a.tax_expenditure = ComputeTaxExpenditure(s, regime, d);
  return a;
}

namespace {

Metric Delta(const Metric& a, const Metric& b) {
  if (!a.defined) return Metric::Undefined(a.reason);
  if (!b.defined) return Metric::Undefined(b.reason);
  return Metric::Of(b.value - a.value);
}

}  // namespace

Comparison Compare(const ProjectSeries& s, const Analysis& a, const Analysis& b) {
  Comparison c;
  c.from = a.regime;
  c.to = b.regime;
  const int n = s.years;
  const Discounting& d = a.metrics.discounting;
  c.government_delta.resize(static_cast<size_t>(n));
  c.government_pv_delta.resize(static_cast<size_t>(n));
  c.investor_delta.resize(static_cast<size_t>(n));
  for (int t = 0; t < n; ++t) {
    c.government_delta[t] =
        b.ledger.at(kGovernmentReceipts, t) - a.ledger.at(kGovernmentReceipts, t);
    c.investor_delta[t] = b.ledger.at(kInvestorCashFlow, t) - a.ledger.at(kInvestorCashFlow, t);
    c.government_pv_delta[t] = PresentValue(&c.government_delta[t], 1, s.first_year + t, d);
  }
  c.government_total_delta = b.metrics.government_total - a.metrics.government_total;
  c.government_pv_delta_total = b.metrics.pv_government - a.metrics.pv_government;
  c.investor_npv_delta = b.metrics.investor_npv - a.metrics.investor_npv;
  c.government_take_delta = Delta(a.metrics.government_take, b.metrics.government_take);
  c.aetr_delta = Delta(a.metrics.aetr, b.metrics.aetr);
  c.breakeven_delta = Delta(a.post_tax_breakeven.factor, b.post_tax_breakeven.factor);
  c.metr_delta = Delta(a.metr, b.metr);
  return c;
}

}  // namespace connex::fiscal
