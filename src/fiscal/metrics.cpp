#include "fiscal/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace connex::fiscal {

Metric RatioIfPositive(double a, double b, const char* why) {
  return b > 0 ? Metric::Of(a / b) : Metric::Undefined(why);
}

CoreMetrics ComputeCoreMetrics(const ProjectSeries& s, const Ledger& l, const Discounting& d) {
  CoreMetrics m;
  m.pv_pretax = PresentValue(l.line(kPretaxCashFlow), s.years, s.first_year, d);
  m.pv_government = PresentValue(l.line(kGovernmentReceipts), s.years, s.first_year, d);
  m.investor_npv = PresentValue(l.line(kInvestorCashFlow), s.years, s.first_year, d);
  m.aetr = RatioIfPositive(m.pv_government, m.pv_pretax,
                           "PV of pre-tax cash flow is not positive at the discount rate");
  return m;
}

Metrics ComputeMetrics(const ProjectSeries& s, const Ledger& l, const Discounting& d) {
  Metrics m;
  const int n = s.years;
  m.discounting = d;
  m.revenue = l.Total(kGrossRevenue);
  m.pretax_total = l.Total(kPretaxCashFlow);
  m.government_total = l.Total(kGovernmentReceipts);
  m.investor_total = l.Total(kInvestorCashFlow);
  m.fund_contributions = l.Total(kFundContribution);
  m.closure_shortfall = l.Total(kClosureShortfall);
  m.pv_revenue = PresentValue(l.line(kGrossRevenue), n, s.first_year, d);
  const CoreMetrics core = ComputeCoreMetrics(s, l, d);
  m.pv_pretax = core.pv_pretax;
  m.pv_government = core.pv_government;
  m.investor_npv = core.investor_npv;
  m.aetr = core.aetr;
  m.government_take = RatioIfPositive(m.government_total, m.pretax_total,
                                      "undiscounted pre-tax cash flow is not positive");
  m.investor_irr = InternalRateOfReturn(l.line(kInvestorCashFlow), n);
  m.pretax_irr = InternalRateOfReturn(l.line(kPretaxCashFlow), n);

  // A window with no cash flow at all (point-forward after the end) has no payback.
  bool flows = false;
  for (int t = 0; t < n; ++t) flows |= l.at(kInvestorCashFlow, t) != 0;
  const int payback = flows ? PaybackIndex(l.line(kInvestorCashFlow), n) : -1;
  const char* no_flows = "no investor cash flow in the years valued";
  m.payback_year =
      payback >= 0
          ? Metric::Of(s.first_year + payback)
          : Metric::Undefined(flows ? "cumulative investor cash flow stays negative" : no_flows);

  const std::vector<double> df = DiscountFactors(n, s.first_year, d);
  std::vector<double> discounted(static_cast<size_t>(n));
  double pv_capex = 0;
  for (int t = 0; t < n; ++t) {
    discounted[t] = l.at(kInvestorCashFlow, t) * df[t];
    pv_capex += l.at(kCapex, t) * df[t];
  }
  const int discounted_payback = flows ? PaybackIndex(discounted.data(), n) : -1;
  m.discounted_payback_year =
      discounted_payback >= 0
          ? Metric::Of(s.first_year + discounted_payback)
          : Metric::Undefined(flows ? "cumulative discounted investor cash flow stays negative"
                                    : no_flows);
  m.profitability_index = pv_capex > 0
                              ? Metric::Of(1 + m.investor_npv / pv_capex)
                              : Metric::Undefined("no capital is spent in the years valued");

  double min_share = 0;
  bool producing = false;
  for (int t = 0; t < n; ++t) {
    const double r = l.at(kGrossRevenue, t);
    if (r <= 0) continue;
    const double share = l.at(kGovernmentReceipts, t) / r;
    min_share = producing ? std::min(min_share, share) : share;
    producing = true;
  }
  m.min_state_share_of_revenue =
      producing ? Metric::Of(min_share) : Metric::Undefined("no year has revenue");

  if (s.first_production_index < 0) {
    m.front_loading = Metric::Undefined("nothing is produced");
  } else {
    const int from = s.first_production_index;
    const int count = std::min(5, n - from);
    // Discounted from the project's first year like the whole, so the ratio is a share of PV(G).
    const double pv_early =
        PresentValue(l.line(kGovernmentReceipts) + from, count, s.first_year + from, d);
    m.front_loading =
        RatioIfPositive(pv_early, m.pv_government, "PV of government receipts is not positive");
  }

  m.economic_limit_year = Metric::Undefined("the economic limit is off");
  m.economic_limit = s.economic_limit;
  if (s.economic_limit) {
    int last = -1;
    for (int t = 0; t < n; ++t) {
      if (l.at(kOperatingCashFlow, t) > 0) last = t;
    }
    m.economic_limit_year = last >= 0 ? Metric::Of(s.first_year + last)
                                      : Metric::Undefined("no year covers its operating costs");
    // Years of the project as entered that produced and now do not.
    for (int t = std::max(0, last + 1); t <= s.last_production_index; ++t) {
      bool produced = false;
      for (const auto& q : s.production) produced |= q[t] > 0;
      m.production_years_cut += produced;
    }
  }

  for (int i = 0; i < kInstrumentCount; ++i) {
    InstrumentTotal& it = m.by_instrument[i];
    it.line = kGovernmentLines[i];
    it.total = l.Total(it.line);
    it.pv = PresentValue(l.line(it.line), n, s.first_year, d);
    it.share = m.government_total != 0 ? Metric::Of(it.total / m.government_total)
                                       : Metric::Undefined("total government receipts are zero");
  }
  return m;
}

Ledger Deflated(const ProjectSeries& s, const Ledger& l, int base_year, double deflation) {
  Ledger out = l;
  for (int t = 0; t < s.years; ++t) {
    const double factor = std::pow(1.0 + deflation, -(s.first_year + t - base_year));
    for (int line = 0; line < l.rows(); ++line) {
      if (line == kRFactor || line == kStateShareRate || line == kIncomeTaxRate ||
          line == kDmoVolume) {
        continue;  // rates and volumes, not money
      }
      out.at(static_cast<Line>(line), t) *= factor;
    }
  }
  return out;
}

Metrics PointForwardMetrics(const ProjectSeries& s, const Ledger& l, const Discounting& d,
                            int from_year) {
  const int k = from_year - s.first_year;
  // Only the fields metrics read: the years from k on, indices shifted by k.
  ProjectSeries w;
  w.first_year = from_year;
  w.years = s.years - k;
  const bool produces = s.last_production_index >= k;
  w.first_production_index = produces ? std::max(0, s.first_production_index - k) : -1;
  w.last_production_index = produces ? s.last_production_index - k : -1;
  // The window keeps the full run's stop; its own report is of value only.
  w.economic_limit = false;
  Ledger window(w.years);
  for (int line = 0; line < kLineCount; ++line) {
    for (int t = 0; t < w.years; ++t) {
      window.at(static_cast<Line>(line), t) = l.at(static_cast<Line>(line), t + k);
    }
  }
  Discounting at = d;
  at.valuation_year = from_year;
  return ComputeMetrics(w, window, at);
}

}  // namespace connex::fiscal
