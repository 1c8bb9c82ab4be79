#include "fiscal/io/uncertainty_report.hpp"

#include <cmath>

#include "fiscal/io/report_format.hpp"

namespace connex::fiscal::io {

namespace {

using namespace format;

bool IsShare(Target t) {
  return t == Target::kAetr || t == Target::kInvestorIrr || t == Target::kGovernmentTake;
}

bool IsShare(Outcome o) { return o == Outcome::kAetr || o == Outcome::kInvestorIrr; }

std::string Show(double v, bool share) { return share ? Percent(v) : Grouped(v, 0); }

std::string ShowMetric(const Metric& m, bool share, Notes& notes) {
  return m.defined ? Show(m.value, share) : notes.Mark(m.reason);
}

const char* OutcomeTitle(Outcome o) {
  switch (o) {
    case Outcome::kGovernmentPv:
      return "PV of government receipts";
    case Outcome::kInvestorNpv:
      return "Investor NPV";
    case Outcome::kAetr:
      return "AETR";
    case Outcome::kInvestorIrr:
      return "Investor IRR (post-tax)";
  }
  return "?";
}

ordered_json SummaryJson(const Summary& s) {
  ordered_json j;
  j["count"] = s.count;
  j["undefined"] = s.undefined;
  if (s.count == 0) return j;
  j["mean"] = s.mean;
  j["sd"] = s.sd;
  j["standard_error"] = s.standard_error;
  j["min"] = s.min;
  j["max"] = s.max;
  for (int i = 0; i < kPercentileCount; ++i) {
    j["p" + std::to_string(static_cast<int>(kPercentiles[i]))] = s.percentiles[i];
  }
  ordered_json h;
  h["from"] = s.histogram.from;
  h["to"] = s.histogram.to;
  h["counts"] = s.histogram.counts;
  h["below"] = s.histogram.below;
  h["above"] = s.histogram.above;
  j["histogram"] = h;
  return j;
}

ordered_json ProbabilityJson(const Probability& p) {
  return ordered_json{{"value", p.value}, {"standard_error", p.standard_error}};
}

// What every uncertainty report in JSON starts with.
ordered_json HeaderJson(const Model& model, const std::string& regime) {
  ordered_json j;
  j["model"] = model.name;
  j["regime"] = regime;
  j["conventions"] = ConventionsJson(model);
  return j;
}

void PrintHeader(std::ostream& out, const Model& model, const std::string& regime) {
  PrintConventions(out, model);
  out << "Regime: " << regime << "\n\n";
}

}  // namespace

ordered_json MonteCarloJson(const Model& model, const std::string& regime,
                            const MonteCarloResult& r) {
  ordered_json j = HeaderJson(model, regime);
  j["scenarios_requested"] = r.requested;
  j["scenarios"] = r.completed;
  j["partial"] = r.partial;
  j["seed"] = r.seed;
  j["threads"] = r.threads;
  j["quantile_relative_accuracy"] = QuantileSketch::kRelativeAccuracy;
  ordered_json outcomes;
  for (int o = 0; o < kOutcomeCount; ++o) {
    outcomes[ToString(static_cast<Outcome>(o))] = SummaryJson(r.outcomes[o]);
  }
  j["outcomes"] = outcomes;
  j["probability_investor_npv_negative"] = ProbabilityJson(r.investor_loss);
  if (r.government_pv_floor) {
    j["government_pv_floor"] = *r.government_pv_floor;
    j["probability_government_pv_below_floor"] = ProbabilityJson(r.government_below_floor);
  }
  ordered_json years = ordered_json::array();
  for (size_t t = 0; t < r.mean_government.size(); ++t) {
    ordered_json year = {{"year", model.project.first_year + static_cast<int>(t)},
                         {"mean_government_receipts", r.mean_government[t]},
                         {"mean_investor_cash_flow", r.mean_investor[t]},
                         {"mean_pretax_cash_flow", r.mean_pretax[t]}};
    if (t < r.government_by_year.size()) {
      ordered_json bands;
      for (int i = 0; i < kPercentileCount; ++i) {
        bands["p" + std::to_string(static_cast<int>(kPercentiles[i]))] =
            r.government_by_year[t][static_cast<size_t>(i)];
      }
      year["government_receipts_percentiles"] = bands;
    }
    years.push_back(year);
  }
  j["mean_cash_flow"] = years;
  return j;
}

void WriteMonteCarlo(std::ostream& out, const Model& model, const std::string& regime,
                     const MonteCarloResult& r, Format format) {
  if (format == Format::kJson) {
    out << MonteCarloJson(model, regime, r).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    out << "outcome,count,undefined,mean,sd,standard_error,min,p5,p10,p50,p90,p95,max\n";
    for (int o = 0; o < kOutcomeCount; ++o) {
      const Summary& s = r.outcomes[o];
      out << ToString(static_cast<Outcome>(o)) << ',' << s.count << ',' << s.undefined;
      for (double v : {s.mean, s.sd, s.standard_error, s.min}) out << ',' << CsvNumber(v);
      for (double p : s.percentiles) out << ',' << CsvNumber(p);
      out << ',' << CsvNumber(s.max) << '\n';
    }
    return;
  }
  PrintHeader(out, model, regime);
  out << "Monte Carlo: " << r.completed << " scenarios";
  if (r.partial) out << " (PARTIAL: stopped after " << r.completed << " of " << r.requested << ")";
  out << ", seed " << r.seed << ", " << r.threads << " thread(s); percentiles within "
      << QuantileSketch::kRelativeAccuracy * 100 << "% of the sample value\n\n";
  Table t;
  t.Row({"", "mean", "sd", "std error", "P5", "P10", "P50", "P90", "P95", "undefined"});
  for (int o = 0; o < kOutcomeCount; ++o) {
    const Summary& s = r.outcomes[o];
    const bool share = IsShare(static_cast<Outcome>(o));
    std::vector<std::string> row = {OutcomeTitle(static_cast<Outcome>(o))};
    if (s.count == 0) {
      row.insert(row.end(), 8, "-");
    } else {
      for (double v : {s.mean, s.sd, s.standard_error}) row.push_back(Show(v, share));
      for (double p : s.percentiles) row.push_back(Show(p, share));
    }
    row.push_back(std::to_string(s.undefined));
    t.Row(row);
  }
  t.Print(out);
  out << "\nP(investor NPV < 0) = " << Percent(r.investor_loss.value) << " (standard error "
      << Percent(r.investor_loss.standard_error) << ")\n";
  if (r.government_pv_floor) {
    out << "P(PV of government receipts < " << Grouped(*r.government_pv_floor, 0)
        << ") = " << Percent(r.government_below_floor.value) << " (standard error "
        << Percent(r.government_below_floor.standard_error) << ")\n";
  }
}

ordered_json TornadoJson(const Model& model, const std::string& regime, const Tornado& tor) {
  ordered_json j = HeaderJson(model, regime);
  j["metric"] = ToString(tor.target);
  PutMetric(j, "base", tor.base);
  ordered_json bars = ordered_json::array();
  for (const TornadoBar& b : tor.bars) {
    ordered_json bar;
    bar["input"] = b.input;
    bar["low"] = b.low;
    bar["high"] = b.high;
    PutMetric(bar, "at_low", b.at_low);
    PutMetric(bar, "at_high", b.at_high);
    bar["swing"] = b.swing;
    bars.push_back(bar);
  }
  j["bars"] = bars;
  return j;
}

void WriteTornado(std::ostream& out, const Model& model, const std::string& regime,
                  const Tornado& tor, Format format) {
  const bool share = IsShare(tor.target);
  if (format == Format::kJson) {
    out << TornadoJson(model, regime, tor).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    out << "input,low,high,metric_at_low,metric_at_high,swing\n";
    for (const TornadoBar& b : tor.bars) {
      out << CsvText(b.input) << ',' << CsvNumber(b.low) << ',' << CsvNumber(b.high) << ','
          << (b.at_low.defined ? CsvNumber(b.at_low.value) : "") << ','
          << (b.at_high.defined ? CsvNumber(b.at_high.value) : "") << ',' << CsvNumber(b.swing)
          << '\n';
    }
    return;
  }
  PrintHeader(out, model, regime);
  Notes notes;
  out << "Tornado of " << ToString(tor.target) << " (base " << ShowMetric(tor.base, share, notes)
      << "), largest swing first\n\n";
  Table t;
  t.Row({"input", "low", "high", "at low", "at high", "swing"});
  for (const TornadoBar& b : tor.bars) {
    t.Row({b.input, CsvNumber(b.low), CsvNumber(b.high), ShowMetric(b.at_low, share, notes),
           ShowMetric(b.at_high, share, notes), Show(b.swing, share)});
  }
  t.Print(out);
  notes.Print(out);
}

ordered_json SpiderJson(const Model& model, const std::string& regime, Target target,
                        const std::vector<SpiderLine>& lines) {
  ordered_json j = HeaderJson(model, regime);
  j["metric"] = ToString(target);
  ordered_json arr = ordered_json::array();
  for (const SpiderLine& l : lines) {
    ordered_json points = ordered_json::array();
    for (size_t i = 0; i < l.values.size(); ++i) {
      ordered_json p;
      p["value"] = l.values[i];
      PutMetric(p, "metric", l.metrics[i]);
      points.push_back(p);
    }
    arr.push_back({{"input", l.input}, {"points", points}});
  }
  j["lines"] = arr;
  return j;
}

void WriteSpider(std::ostream& out, const Model& model, const std::string& regime, Target target,
                 const std::vector<SpiderLine>& lines, Format format) {
  const bool share = IsShare(target);
  if (format == Format::kJson) {
    out << SpiderJson(model, regime, target, lines).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    out << "input,value," << ToString(target) << '\n';
    for (const SpiderLine& l : lines) {
      for (size_t i = 0; i < l.values.size(); ++i) {
        out << CsvText(l.input) << ',' << CsvNumber(l.values[i]) << ','
            << (l.metrics[i].defined ? CsvNumber(l.metrics[i].value) : "") << '\n';
      }
    }
    return;
  }
  PrintHeader(out, model, regime);
  Notes notes;
  out << "Spider of " << ToString(target) << "\n\n";
  for (const SpiderLine& l : lines) {
    Table t;
    std::vector<std::string> values = {l.input}, metrics = {ToString(target)};
    for (size_t i = 0; i < l.values.size(); ++i) {
      values.push_back(CsvNumber(l.values[i]));
      metrics.push_back(ShowMetric(l.metrics[i], share, notes));
    }
    t.Row(values);
    t.Row(metrics);
    t.Print(out);
    out << '\n';
  }
  notes.Print(out);
}

ordered_json SolutionJson(const Model& model, const std::string& regime, const SolveRequest& q,
                          const Solution& s) {
  ordered_json j = HeaderJson(model, regime);
  j["term"] = q.term;
  j["current_value"] = q.current;
  j["metric"] = ToString(q.target);
  j["target"] = q.target_value;
  j["range"] = {q.lo, q.hi};
  j["found"] = s.found;
  if (s.found) {
    j["value"] = s.value;
    PutMetric(j, "achieved", s.achieved);
  } else {
    j["reason"] = s.message;
    // The same as figures, for a reader's own words: null when undefined everywhere.
    if (!std::isnan(s.lowest)) {
      j["lowest"] = {{"value", s.lowest}, {"at", s.lowest_at}};
      j["highest"] = {{"value", s.highest}, {"at", s.highest_at}};
    } else {
      j["lowest"] = nullptr;
      j["highest"] = nullptr;
    }
  }
  j["evaluations"] = s.evaluations;
  return j;
}

void WriteSolution(std::ostream& out, const Model& model, const std::string& regime,
                   const SolveRequest& q, const Solution& s, Format format) {
  const bool share = IsShare(q.target);
  if (format == Format::kJson) {
    out << SolutionJson(model, regime, q, s).dump(2) << '\n';
    return;
  }
  if (format == Format::kCsv) {
    out << "term,current_value,metric,target,found,value,achieved,reason\n";
    out << CsvText(q.term) << ',' << CsvNumber(q.current) << ',' << ToString(q.target) << ','
        << CsvNumber(q.target_value) << ',' << (s.found ? "true" : "false") << ','
        << (s.found ? CsvNumber(s.value) : "") << ','
        << (s.found && s.achieved.defined ? CsvNumber(s.achieved.value) : "") << ','
        << CsvText(s.message) << '\n';
    return;
  }
  PrintHeader(out, model, regime);
  out << "Solve " << q.term << " (now " << CsvNumber(q.current) << ") in [" << CsvNumber(q.lo)
      << ", " << CsvNumber(q.hi) << "] so that " << ToString(q.target) << " = "
      << Show(q.target_value, share) << "\n";
  if (s.found) {
    Notes notes;
    out << "Answer: " << q.term << " = " << CsvNumber(s.value) << " gives " << ToString(q.target)
        << " = " << ShowMetric(s.achieved, share, notes) << " (" << s.evaluations
        << " evaluations)\n";
    notes.Print(out);
  } else {
    out << "No answer: " << s.message << "\n";
  }
}

}  // namespace connex::fiscal::io
