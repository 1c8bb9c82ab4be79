#include "fiscal/io/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "fiscal/io/report_format.hpp"

namespace connex::fiscal::io {

const char* const kGovernmentReceiptsConvention =
    "bonuses + surface rent + VAT (net of refunds) + import duty + royalties + state FTP + state "
    "profit petroleum + state share of a gross split + DMO + income tax + resource rent tax + "
    "windfall tax + state equity cash flow (net of contributions) + dividend withholding";

namespace {

using nlohmann::ordered_json;
using namespace format;

// Lines shown in the terminal ledger; files carry every line. Of the
// state's, only those some year uses.
constexpr Line kTableLines[] = {kGrossRevenue,    kOpex,          kCapex,       kPretaxCashFlow,
                                kRoyalty,         kCostRecovered, kProfitState, kSplitState,
                                kIncomeTax,       kRentTax,       kStateEquity, kGovernmentReceipts,
                                kInvestorCashFlow};
bool Shown(const Ledger& l, Line line) {
  if (line == kGrossRevenue || line == kOpex || line == kCapex || line == kPretaxCashFlow ||
      line == kGovernmentReceipts || line == kInvestorCashFlow) {
    return true;
  }
  for (int t = 0; t < l.years(); ++t) {
    if (l.at(line, t) != 0) return true;
  }
  return false;
}

// Amount decimals: cents for small (per-unit) examples, whole units otherwise.
int AmountDecimals(const Analysis& a) {
  double max = 0;
  for (int t = 0; t < a.ledger.years(); ++t)
    max = std::max(max, std::fabs(a.ledger.at(kGrossRevenue, t)));
  return max < 1e5 ? 2 : 0;
}

// A metric with `decimals`, or a note saying why it is undefined.
std::string ShowFixed(const Metric& m, int decimals, Notes& notes) {
  return m.defined ? Fixed(m.value, decimals) : notes.Mark(m.reason);
}

std::string ShowIrr(const Irr& irr, Notes& notes) {
  if (!irr.defined) return notes.Mark(irr.reason);
  return Percent(irr.value) + (irr.multiple_roots ? " (multiple roots)" : "");
}

ordered_json BreakevenJson(const Breakeven& b) {
  ordered_json j;
  PutMetric(j, "price_factor", b.factor);
  j["first_production_year_price"] = b.first_price;
  return j;
}

// The metrics of money and value, as nominal, real and point-forward
// reports all give them.
ordered_json ValueJson(const Metrics& m) {
  ordered_json s;
  s["revenue"] = m.revenue;
  s["pretax_cash_flow"] = m.pretax_total;
  s["government_receipts"] = m.government_total;
  s["investor_cash_flow"] = m.investor_total;
  s["pv_revenue"] = m.pv_revenue;
  s["pv_pretax_cash_flow"] = m.pv_pretax;
  s["pv_government_receipts"] = m.pv_government;
  s["investor_npv"] = m.investor_npv;
  PutMetric(s, "government_take", m.government_take);
  PutMetric(s, "aetr", m.aetr);
  PutIrr(s, "investor_irr", m.investor_irr);
  PutIrr(s, "pretax_irr", m.pretax_irr);
  PutMetric(s, "payback_year", m.payback_year);
  PutMetric(s, "discounted_payback_year", m.discounted_payback_year);
  PutMetric(s, "profitability_index", m.profitability_index);
  return s;
}

}  // namespace

ordered_json MetricsJson(const Analysis& a) {
  const Metrics& m = a.metrics;
  ordered_json s = ValueJson(m);
  PutMetric(s, "min_state_share_of_revenue", m.min_state_share_of_revenue);
  PutMetric(s, "front_loading", m.front_loading);
  PutMetric(s, "economic_limit_year", m.economic_limit_year);
  s["production_years_cut"] = m.production_years_cut;
  s["fund_contributions"] = m.fund_contributions;
  s["closure_shortfall"] = m.closure_shortfall;
  s["breakeven_post_tax"] = BreakevenJson(a.post_tax_breakeven);
  s["breakeven_pre_tax"] = BreakevenJson(a.pre_tax_breakeven);
  PutMetric(s, "metr", a.metr);
  ordered_json prog;
  PutMetric(prog, "slope", a.progressivity.slope);
  prog["verdict"] = a.progressivity.verdict;
  s["progressivity"] = prog;
  return s;
}

namespace {

ordered_json LedgerJson(const Model& model, const Ledger& l) {
  ordered_json ledger;
  std::vector<int> years;
  for (int t = 0; t < l.years(); ++t) years.push_back(model.project.first_year + t);
  ledger["year"] = years;
  for (int k = 0; k < kLineCount; ++k) {
    const double* v = l.line(static_cast<Line>(k));
    ledger[LineName(static_cast<Line>(k))] = std::vector<double>(v, v + l.years());
  }
  return ledger;
}

// Each product's gross revenue by year, by the product's name.
ordered_json ProductRevenueJson(const Model& model, const Ledger& l) {
  ordered_json by = ordered_json::object();
  for (int p = 0; p < l.products(); ++p) {
    const double* v = l.line(Ledger::ProductRevenue(p));
    by[model.project.products[p].name] = std::vector<double>(v, v + l.years());
  }
  return by;
}

// What each incentive costs the state; items and interaction add up to the total.
ordered_json TaxExpenditureJson(const TaxExpenditure& te) {
  ordered_json items = ordered_json::array();
  for (const TaxExpenditureItem& i : te.items) {
    items.push_back({{"incentive", kIncentiveKindNames[i.incentive.kind]},
                     {"terms", i.terms},
                     {"detail", i.detail},
                     {"nominal", i.nominal},
                     {"pv", i.pv}});
  }
  return {{"items", items},
          {"interaction", {{"nominal", te.interaction_nominal}, {"pv", te.interaction_pv}}},
          {"total", {{"nominal", te.total_nominal}, {"pv", te.total_pv}}}};
}

ordered_json AnalysisJson(const Model& model, const Analysis& a) {
  const Metrics& m = a.metrics;
  ordered_json j;
  j["regime"] = a.regime;
  // The terms in force each year: the sheet's own, then those it changes to.
  for (const Regime& r : model.regimes) {
    if (r.name != a.regime || !r.later) continue;
    j["change"] = {{"year", r.later->year},
                   {"to", r.later->name},
                   {"unrecovered_cost", kUnrecoveredCostNames[r.later->unrecovered]},
                   {"losses", r.later->losses_kept ? "kept" : "lost"}};
  }
  j["metrics"] = MetricsJson(a);
  j["real"] = ValueJson(a.real);
  if (a.point_forward) j["point_forward"] = ValueJson(*a.point_forward);

  ordered_json by = ordered_json::object();
  for (const InstrumentTotal& it : m.by_instrument) {
    ordered_json row;
    row["total"] = it.total;
    row["pv"] = it.pv;
    PutMetric(row, "share_of_government", it.share);
    by[LineName(it.line)] = row;
  }
  j["by_instrument"] = by;
  if (!a.tax_expenditure.items.empty())
    j["tax_expenditure"] = TaxExpenditureJson(a.tax_expenditure);

  j["ledger"] = LedgerJson(model, a.ledger);
  j["revenue_by_product"] = ProductRevenueJson(model, a.ledger);
  // Several projects: the ledger above is the taxpayer's, and each
  // project's follows.
  if (!a.projects.empty()) {
    ordered_json projects = ordered_json::object();
    for (size_t i = 0; i < a.projects.size(); ++i) {
      projects[model.project.parts[i].name] = {
          {"ledger", LedgerJson(model, a.projects[i])},
          {"revenue_by_product", ProductRevenueJson(model, a.projects[i])}};
    }
    j["projects"] = projects;
  }
  return j;
}

void PrintSummary(std::ostream& out, const std::vector<Analysis>& analyses) {
  Table t;
  Notes notes;
  std::vector<std::string> head{"Summary"};
  for (const Analysis& a : analyses) head.push_back(a.regime);
  t.Row(head);
  const int dec = AmountDecimals(analyses.front());
  auto row = [&](const std::string& label, auto cell) {
    std::vector<std::string> r{label};
    for (const Analysis& a : analyses) r.push_back(cell(a));
    t.Row(r);
  };
  const std::string r = Percent(analyses.front().metrics.discounting.rate);
  row("Gross revenue", [&](const Analysis& a) { return Grouped(a.metrics.revenue, dec); });
  row("Pre-tax cash flow (N)",
      [&](const Analysis& a) { return Grouped(a.metrics.pretax_total, dec); });
  row("Government receipts (G)",
      [&](const Analysis& a) { return Grouped(a.metrics.government_total, dec); });
  row("Investor cash flow (I)",
      [&](const Analysis& a) { return Grouped(a.metrics.investor_total, dec); });
  row("PV pre-tax cash flow @" + r,
      [&](const Analysis& a) { return Grouped(a.metrics.pv_pretax, dec); });
  row("PV government receipts @" + r,
      [&](const Analysis& a) { return Grouped(a.metrics.pv_government, dec); });
  row("Investor NPV @" + r,
      [&](const Analysis& a) { return Grouped(a.metrics.investor_npv, dec); });
  row("Government take (undiscounted)",
      [&](const Analysis& a) { return ShowPercent(a.metrics.government_take, notes); });
  row("AETR @" + r, [&](const Analysis& a) { return ShowPercent(a.metrics.aetr, notes); });
  row("Investor IRR", [&](const Analysis& a) { return ShowIrr(a.metrics.investor_irr, notes); });
  row("Pre-tax IRR", [&](const Analysis& a) { return ShowIrr(a.metrics.pretax_irr, notes); });
  row("Payback year (investor)",
      [&](const Analysis& a) { return ShowFixed(a.metrics.payback_year, 0, notes); });
  row("Discounted payback year (investor)",
      [&](const Analysis& a) { return ShowFixed(a.metrics.discounted_payback_year, 0, notes); });
  row("Profitability index (1 + NPV / PV capex)",
      [&](const Analysis& a) { return ShowFixed(a.metrics.profitability_index, 3, notes); });
  const Discounting& d = analyses.front().metrics.discounting;
  if (d.deflation != 0) {  // otherwise real is nominal, as the conventions say
    const std::string real = " @" + r + ", real " + std::to_string(d.real_base_year) +
                             " (deflation " + Percent(d.deflation) + ")";
    row("PV government receipts" + real,
        [&](const Analysis& a) { return Grouped(a.real.pv_government, dec); });
    row("Investor NPV" + real,
        [&](const Analysis& a) { return Grouped(a.real.investor_npv, dec); });
    row("AETR" + real, [&](const Analysis& a) { return ShowPercent(a.real.aetr, notes); });
  }
  if (analyses.front().point_forward) {
    const std::string from = " from " + std::to_string(d.point_forward_year) + " @" + r;
    row("PV government receipts" + from,
        [&](const Analysis& a) { return Grouped(a.point_forward->pv_government, dec); });
    row("Investor NPV" + from,
        [&](const Analysis& a) { return Grouped(a.point_forward->investor_npv, dec); });
    row("AETR" + from,
        [&](const Analysis& a) { return ShowPercent(a.point_forward->aetr, notes); });
    row("Investor IRR" + std::string(" from ") + std::to_string(d.point_forward_year),
        [&](const Analysis& a) { return ShowIrr(a.point_forward->investor_irr, notes); });
  }
  row("Breakeven price factor (post-tax)",
      [&](const Analysis& a) { return ShowFixed(a.post_tax_breakeven.factor, 4, notes); });
  row("Breakeven price factor (pre-tax)",
      [&](const Analysis& a) { return ShowFixed(a.pre_tax_breakeven.factor, 4, notes); });
  row("METR", [&](const Analysis& a) { return ShowPercent(a.metr, notes); });
  row("Min state share of revenue",
      [&](const Analysis& a) { return ShowPercent(a.metrics.min_state_share_of_revenue, notes); });
  row("Front-loading (first 5 prod. years)",
      [&](const Analysis& a) { return ShowPercent(a.metrics.front_loading, notes); });
  if (analyses.front().metrics.economic_limit) {
    row("Economic limit: last production year (years cut)", [&](const Analysis& a) {
      return ShowFixed(a.metrics.economic_limit_year, 0, notes) + " (" +
             std::to_string(a.metrics.production_years_cut) + ")";
    });
  }
  if (std::any_of(analyses.begin(), analyses.end(),
                  [](const Analysis& a) { return a.metrics.fund_contributions != 0; })) {
    row("Paid into the decommissioning fund",
        [&](const Analysis& a) { return Grouped(a.metrics.fund_contributions, dec); });
    row("Closure not covered by a fund",
        [&](const Analysis& a) { return Grouped(a.metrics.closure_shortfall, dec); });
  }
  row("Progressivity (dAETR/dIRR)", [&](const Analysis& a) {
    const Metric& s = a.progressivity.slope;
    return s.defined ? Fixed(s.value, 3) + " " + a.progressivity.verdict : notes.Mark(s.reason);
  });
  t.Print(out);
  notes.Print(out);
  out << '\n';

  Table by;
  std::vector<std::string> h{"By instrument (total / PV)"};
  for (const Analysis& a : analyses) h.push_back(a.regime);
  by.Row(h);
  for (int i = 0; i < kInstrumentCount; ++i) {
    bool any = false;
    for (const Analysis& a : analyses) any |= a.metrics.by_instrument[i].total != 0;
    if (!any) continue;
    std::vector<std::string> rr{LineName(kGovernmentLines[i])};
    for (const Analysis& a : analyses) {
      const InstrumentTotal& it = a.metrics.by_instrument[i];
      rr.push_back(Grouped(it.total, dec) + " / " + Grouped(it.pv, dec) +
                   (it.share.defined ? " (" + Percent(it.share.value) + ")" : ""));
    }
    by.Row(rr);
  }
  by.Print(out);

  // What each incentive costs the state, when some regime grants any.
  bool incentives = false;
  for (const Analysis& a : analyses) incentives |= !a.tax_expenditure.items.empty();
  if (!incentives) return;
  out << '\n';
  Table te;
  te.Row({"Tax expenditure: what each incentive costs the state", "terms", "total", "PV @" + r});
  for (const Analysis& a : analyses) {
    for (const TaxExpenditureItem& i : a.tax_expenditure.items) {
      const std::string name = std::string(kIncentiveKindNames[i.incentive.kind]) +
                               (i.detail.empty() ? "" : " (" + i.detail + ")");
      te.Row({name, i.terms, Grouped(i.nominal, dec), Grouped(i.pv, dec)});
    }
    if (a.tax_expenditure.items.empty()) continue;
    te.Row({"interaction of the incentives", a.regime,
            Grouped(a.tax_expenditure.interaction_nominal, dec),
            Grouped(a.tax_expenditure.interaction_pv, dec)});
    te.Row({"all incentives", a.regime, Grouped(a.tax_expenditure.total_nominal, dec),
            Grouped(a.tax_expenditure.total_pv, dec)});
  }
  te.Print(out);
}

void PrintLedger(std::ostream& out, const Model& model, const Analysis& a) {
  const int dec = AmountDecimals(a);
  out << "\nLedger — " << a.regime << " (key lines; --csv, --json or --xlsx give all " << kLineCount
      << ")\n";
  std::vector<Line> lines;
  for (Line l : kTableLines) {
    if (Shown(a.ledger, l)) lines.push_back(l);
  }
  Table t;
  std::vector<std::string> head{"year"};
  for (Line l : lines) head.push_back(LineName(l));
  t.Row(head);
  for (int y = 0; y < a.ledger.years(); ++y) {
    std::vector<std::string> r{std::to_string(model.project.first_year + y)};
    for (Line l : lines) r.push_back(Grouped(a.ledger.at(l, y), dec));
    t.Row(r);
  }
  std::vector<std::string> total{"total"};
  for (Line l : lines) total.push_back(Grouped(a.ledger.Total(l), dec));
  t.Row(total);
  t.Print(out);
}

// Several projects: each project's totals beside the taxpayer's.
void PrintProjects(std::ostream& out, const Model& model, const Analysis& a) {
  if (a.projects.empty()) return;
  const int dec = AmountDecimals(a);
  out << "\nBy project — " << a.regime << " (totals; --json gives each project's ledger)\n";
  constexpr Line kLines[] = {kGrossRevenue, kPretaxCashFlow,     kCostRecovered,   kIncomeTax,
                             kRentTax,      kGovernmentReceipts, kInvestorCashFlow};
  Table t;
  std::vector<std::string> head{"project"};
  for (Line l : kLines) head.push_back(LineName(l));
  t.Row(head);
  auto row = [&](const std::string& name, const Ledger& l) {
    std::vector<std::string> r{name};
    for (Line line : kLines) r.push_back(Grouped(l.Total(line), dec));
    t.Row(r);
  };
  for (size_t i = 0; i < a.projects.size(); ++i) row(model.project.parts[i].name, a.projects[i]);
  row("taxpayer", a.ledger);
  t.Print(out);
}

}  // namespace

ordered_json RunJson(const Model& model, const std::vector<Analysis>& analyses) {
  ordered_json j;
  j["schema"] = "connex.fiscal.result/1";
  j["model"] = model.name;
  j["conventions"] = ConventionsJson(model);
  // Only a run reports real and point-forward figures, so only it states how.
  const Discounting& d = model.discounting;
  ordered_json& c = j["conventions"];
  c["real_terms"] =
      "every amount divided by (1 + deflation)^(year - real_base_year); discounted at "
      "discount_rate, valued in valuation_year";
  c["real_base_year"] = d.real_base_year;
  c["deflation"] = d.deflation;
  if (d.point_forward_year != 0) {
    c["point_forward_year"] = d.point_forward_year;
    c["point_forward"] =
        "flows before point_forward_year sunk; their tax pools and unrecovered costs kept; "
        "valued in point_forward_year";
  }
  ordered_json list = ordered_json::array();
  for (const Analysis& a : analyses) list.push_back(AnalysisJson(model, a));
  j["regimes"] = list;
  return j;
}

void WriteRun(std::ostream& out, const Model& model, const std::vector<Analysis>& analyses,
              Format format) {
  if (format == Format::kJson) {
    out << RunJson(model, analyses).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    // Several projects add a "project" column: the taxpayer's rows leave it
    // empty and each project's rows follow.
    const bool several = !model.project.parts.empty();
    out << (several ? "regime,project,year" : "regime,year");
    for (int l = 0; l < kLineCount; ++l) out << ',' << LineName(static_cast<Line>(l));
    // Then each product's gross revenue: "gross_revenue:oil".
    for (const Product& p : model.project.products)
      out << ',' << CsvText("gross_revenue:" + p.name);
    out << '\n';
    auto rows = [&](const std::string& regime, const std::string* project, const Ledger& ledger) {
      for (int t = 0; t < ledger.years(); ++t) {
        out << CsvText(regime);
        if (project != nullptr) out << ',' << CsvText(*project);
        out << ',' << model.project.first_year + t;
        for (int l = 0; l < ledger.rows(); ++l)
          out << ',' << CsvNumber(ledger.at(static_cast<Line>(l), t));
        out << '\n';
      }
    };
    const std::string taxpayer;
    for (const Analysis& a : analyses) {
      rows(a.regime, several ? &taxpayer : nullptr, a.ledger);
      for (size_t i = 0; i < a.projects.size(); ++i) {
        rows(a.regime, &model.project.parts[i].name, a.projects[i]);
      }
    }
    return;
  }
  PrintConventions(out, model);
  PrintSummary(out, analyses);
  for (const Analysis& a : analyses) {
    PrintLedger(out, model, a);
    PrintProjects(out, model, a);
  }
}

ordered_json ComparisonJson(const Model& model, const Analysis& a, const Analysis& b,
                            const Comparison& c) {
  const int n = static_cast<int>(c.government_delta.size());
  ordered_json j;
  j["schema"] = "connex.fiscal.comparison/1";
  j["model"] = model.name;
  j["conventions"] = ConventionsJson(model);
  j["from"] = c.from;
  j["to"] = c.to;
  ordered_json tot;
  tot["government_receipts"] = c.government_total_delta;
  tot["pv_government_receipts"] = c.government_pv_delta_total;
  tot["investor_npv"] = c.investor_npv_delta;
  PutMetric(tot, "government_take", c.government_take_delta);
  PutMetric(tot, "aetr", c.aetr_delta);
  PutMetric(tot, "breakeven_price_factor", c.breakeven_delta);
  PutMetric(tot, "metr", c.metr_delta);
  j["delta"] = tot;
  std::vector<int> years;
  for (int t = 0; t < n; ++t) years.push_back(model.project.first_year + t);
  j["per_year"] = {{"year", years},
                   {"government_receipts", c.government_delta},
                   {"pv_government_receipts", c.government_pv_delta},
                   {"investor_cash_flow", c.investor_delta}};
  j["regimes"] = {AnalysisJson(model, a), AnalysisJson(model, b)};
  return j;
}

void WriteComparison(std::ostream& out, const Model& model, const Analysis& a, const Analysis& b,
                     const Comparison& c, Format format) {
  const int n = static_cast<int>(c.government_delta.size());
  if (format == Format::kJson) {
    out << ComparisonJson(model, a, b, c).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    out << "year,government_" << CsvText(c.from) << ",government_" << CsvText(c.to)
        << ",government_delta,government_pv_delta,investor_delta\n";
    for (int t = 0; t < n; ++t) {
      out << model.project.first_year + t << ',' << CsvNumber(a.ledger.at(kGovernmentReceipts, t))
          << ',' << CsvNumber(b.ledger.at(kGovernmentReceipts, t)) << ','
          << CsvNumber(c.government_delta[t]) << ',' << CsvNumber(c.government_pv_delta[t]) << ','
          << CsvNumber(c.investor_delta[t]) << '\n';
    }
    return;
  }
  PrintConventions(out, model);
  PrintSummary(out, {a, b});
  const int dec = AmountDecimals(a);
  const std::string r = Percent(model.discounting.rate);
  out << "\nWhat \"" << c.to << "\" changes against \"" << c.from << "\"\n";
  Table t;
  Notes notes;
  t.Row({"Government receipts, nominal", Grouped(c.government_total_delta, dec)});
  t.Row({"Government receipts, PV @" + r, Grouped(c.government_pv_delta_total, dec)});
  t.Row({"Investor NPV @" + r, Grouped(c.investor_npv_delta, dec)});
  auto pp = [&](const Metric& m) {
    return m.defined ? Fixed(m.value * 100, 2) + " pp" : notes.Mark(m.reason);
  };
  t.Row({"Government take", pp(c.government_take_delta)});
  t.Row({"AETR", pp(c.aetr_delta)});
  t.Row({"METR", pp(c.metr_delta)});
  t.Row({"Breakeven price factor", c.breakeven_delta.defined
                                       ? Fixed(c.breakeven_delta.value, 4)
                                       : notes.Mark(c.breakeven_delta.reason)});
  t.Print(out);
  notes.Print(out);
  out << "\nPer year\n";
  Table y;
  y.Row({"year", "G " + c.from, "G " + c.to, "delta G", "delta G (PV)", "delta I"});
  for (int i = 0; i < n; ++i) {
    y.Row({std::to_string(model.project.first_year + i),
           Grouped(a.ledger.at(kGovernmentReceipts, i), dec),
           Grouped(b.ledger.at(kGovernmentReceipts, i), dec), Grouped(c.government_delta[i], dec),
           Grouped(c.government_pv_delta[i], dec), Grouped(c.investor_delta[i], dec)});
  }
  y.Row({"total", Grouped(a.metrics.government_total, dec),
         Grouped(b.metrics.government_total, dec), Grouped(c.government_total_delta, dec),
         Grouped(c.government_pv_delta_total, dec),
         Grouped(b.metrics.investor_total - a.metrics.investor_total, dec)});
  y.Print(out);
}

ordered_json SweepJson(const Model& model, const std::vector<SweepSeries>& sweeps) {
  ordered_json j;
  j["schema"] = "connex.fiscal.sweep/1";
  j["model"] = model.name;
  j["conventions"] = ConventionsJson(model);
  ordered_json list = ordered_json::array();
  for (const SweepSeries& s : sweeps) {
    ordered_json pts = ordered_json::array();
    for (const SweepPoint& p : s.points) {
      ordered_json pj;
      pj["price_factor"] = p.price_factor;
      pj["pv_pretax_cash_flow"] = p.core.pv_pretax;
      pj["pv_government_receipts"] = p.core.pv_government;
      pj["investor_npv"] = p.core.investor_npv;
      PutMetric(pj, "government_take", p.government_take);
      PutMetric(pj, "aetr", p.core.aetr);
      PutIrr(pj, "pretax_irr", p.pretax_irr);
      PutIrr(pj, "investor_irr", p.investor_irr);
      pts.push_back(pj);
    }
    list.push_back({{"regime", s.regime}, {"points", pts}});
  }
  j["regimes"] = list;
  return j;
}

void WriteSweep(std::ostream& out, const Model& model, const std::vector<SweepSeries>& sweeps,
                Format format) {
  if (format == Format::kJson) {
    out << SweepJson(model, sweeps).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    out << "regime,price_factor,pv_pretax_cash_flow,pv_government_receipts,investor_npv,"
           "government_take,aetr,pretax_irr,investor_irr\n";
    auto opt = [](bool defined, double v) { return defined ? CsvNumber(v) : std::string(); };
    for (const SweepSeries& s : sweeps) {
      for (const SweepPoint& p : s.points) {
        out << CsvText(s.regime) << ',' << CsvNumber(p.price_factor) << ','
            << CsvNumber(p.core.pv_pretax) << ',' << CsvNumber(p.core.pv_government) << ','
            << CsvNumber(p.core.investor_npv) << ','
            << opt(p.government_take.defined, p.government_take.value) << ','
            << opt(p.core.aetr.defined, p.core.aetr.value) << ','
            << opt(p.pretax_irr.defined, p.pretax_irr.value) << ','
            << opt(p.investor_irr.defined, p.investor_irr.value) << '\n';
      }
    }
    return;
  }
  PrintConventions(out, model);
  for (const SweepSeries& s : sweeps) {
    out << "Price sweep — " << s.regime << '\n';
    Table t;
    Notes notes;
    t.Row({"price factor", "PV G", "investor NPV", "gov. take", "AETR", "pre-tax IRR",
           "investor IRR"});
    for (const SweepPoint& p : s.points) {
      t.Row({Fixed(p.price_factor, 3), Grouped(p.core.pv_government, 0),
             Grouped(p.core.investor_npv, 0), ShowPercent(p.government_take, notes),
             ShowPercent(p.core.aetr, notes), ShowIrr(p.pretax_irr, notes),
             ShowIrr(p.investor_irr, notes)});
    }
    t.Print(out);
    notes.Print(out);
    const Progressivity prog = AssessProgressivity(s.points);
    out << "Progressivity: "
        << (prog.slope.defined
                ? Fixed(prog.slope.value, 3) + " AETR per unit of pre-tax IRR, " + prog.verdict
                : std::string(prog.slope.reason))
        << "\n\n";
  }
}

}  // namespace connex::fiscal::io
