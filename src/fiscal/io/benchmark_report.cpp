#include "fiscal/io/benchmark_report.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "fiscal/io/report_format.hpp"

namespace connex::fiscal::io {

const char* const kBenchmarkRankingConvention =
    "rank 1 = the most for the state, among the draft and the comparators with the metric "
    "defined (ties share the better rank; for the investor's IRR and NPV, less is more for the "
    "state); percentile = share of comparators that give the state less, ties counted half, "
    "0-100; "
    "quartiles interpolated as PERCENTILE.INC; the median and upper-quartile comparators are "
    "the ceil(n/2)-th and ceil(3n/4)-th lowest by PV of government receipts";

namespace {

using nlohmann::ordered_json;
using namespace format;

enum class Shown { kMoney, kPercent, kFactor };

Shown ShownAs(BenchmarkMetric m) {
  switch (m) {
    case BenchmarkMetric::kPvGovernment:
    case BenchmarkMetric::kGovernmentReceipts:
    case BenchmarkMetric::kInvestorNpv:
      return Shown::kMoney;
    case BenchmarkMetric::kBreakevenPrice:
      return Shown::kFactor;
    default:
      return Shown::kPercent;
  }
}

const char* Label(BenchmarkMetric m) {
  static const char* const labels[kBenchmarkMetricCount] = {
      "PV government receipts", "Government receipts",    "AETR", "Government take", "Investor IRR",
      "Investor NPV",           "Breakeven price factor", "METR", "Front-loading"};
  return labels[static_cast<int>(m)];
}

std::string Show(const Metric& v, BenchmarkMetric m, Notes& notes) {
  if (!v.defined) return notes.Mark(v.reason);
  switch (ShownAs(m)) {
    case Shown::kMoney:
      return Grouped(v.value, 0);
    case Shown::kFactor:
      return Fixed(v.value, 3);
    default:
      return Percent(v.value);
  }
}

// The comparators' values of a metric, sorted; those undefined left out.
std::vector<double> SortedValues(const BenchmarkResult& r, BenchmarkMetric m) {
  std::vector<double> out;
  for (const auto& a : r.analyses) {
    if (!a) continue;
    const Metric v = MetricOf(*a, m);
    if (v.defined) out.push_back(v.value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Metric QuartileOf(const std::vector<double>& sorted, double q) {
  return sorted.empty() ? Metric::Undefined("no comparator has this metric")
                        : Metric::Of(InterpolatedQuantile(sorted, q));
}

ordered_json AdditionJson(const BenchmarkResult& r, const Addition& add) {
  if (add.comparator < 0) return nullptr;
  const Comparator& c = r.comparators[static_cast<size_t>(add.comparator)];
  ordered_json j;
  j["regime"] = c.name;
  j["source"] = c.source;
  j["government_receipts"] = add.government_receipts;
  j["pv_government_receipts"] = add.pv_government_receipts;
  return j;
}

void PrintAddition(std::ostream& out, const char* what, const BenchmarkResult& r,
                   const Addition& add, const std::string& rate) {
  if (add.comparator < 0) return;
  const Comparator& c = r.comparators[static_cast<size_t>(add.comparator)];
  out << "  " << what << ": \"" << c.name << "\" (" << c.source << ")\n"
      << "    government receipts " << (add.government_receipts >= 0 ? "+" : "")
      << Grouped(add.government_receipts, 0) << " nominal, "
      << (add.pv_government_receipts >= 0 ? "+" : "") << Grouped(add.pv_government_receipts, 0)
      << " PV @" << rate << '\n';
}

void PrintTable(std::ostream& out, const Model& model, const BenchmarkResult& r) {
  PrintConventions(out, model);
  const int total = static_cast<int>(r.comparators.size());
  out << "Benchmark of \"" << r.draft.regime << "\" against " << total << " term sheet"
      << (total == 1 ? "" : "s") << " (" << r.evaluated() << " evaluated)\n"
      << "Ranking: " << kBenchmarkRankingConvention << ".\n\n";
  Notes notes;
  Table t;
  t.Row({"Metric", "Draft", "Rank", "Percentile", "P25", "Median", "P75"});
  for (int i = 0; i < kBenchmarkMetricCount; ++i) {
    const auto m = static_cast<BenchmarkMetric>(i);
    const Standing& st = r.standing[static_cast<size_t>(i)];
    const std::vector<double> values = SortedValues(r, m);
    t.Row({Label(m), Show(MetricOf(r.draft, m), m, notes),
           st.rank > 0 ? std::to_string(st.rank) + " of " + std::to_string(st.of) : "-",
           st.percentile.defined ? Fixed(st.percentile.value, 1) : notes.Mark(st.percentile.reason),
           Show(QuartileOf(values, 0.25), m, notes), Show(QuartileOf(values, 0.5), m, notes),
           Show(QuartileOf(values, 0.75), m, notes)});
  }
  t.Print(out);

  const std::string rate = Percent(model.discounting.rate);
  out << "\nWhat comparable terms would add to the state\n";
  if (r.median.comparator < 0) out << "  no comparator could be evaluated\n";
  PrintAddition(out, "Median comparator", r, r.median, rate);
  PrintAddition(out, "Upper-quartile comparator", r, r.upper_quartile, rate);

  out << "\nComparators\n";
  Table c;
  std::vector<std::string> head{"Term sheet", "Source"};
  for (int i = 0; i < kBenchmarkMetricCount; ++i)
    head.push_back(Label(static_cast<BenchmarkMetric>(i)));
  c.Row(head);
  std::vector<std::string> skipped;
  for (size_t k = 0; k < r.comparators.size(); ++k) {
    const Comparator& cmp = r.comparators[k];
    if (!r.analyses[k]) {
      skipped.push_back("  \"" + cmp.name + "\" (" + cmp.source + "): " + cmp.reason);
      continue;
    }
    std::vector<std::string> row{cmp.name, cmp.source};
    for (int i = 0; i < kBenchmarkMetricCount; ++i) {
      const auto m = static_cast<BenchmarkMetric>(i);
      row.push_back(Show(MetricOf(*r.analyses[k], m), m, notes));
    }
    c.Row(row);
  }
  c.Print(out);
  if (!skipped.empty()) {
    out << "\nNot evaluated on this project\n";
    for (const std::string& s : skipped) out << s << '\n';
  }

  out << "\nAETR against pre-tax IRR over the price sweep (comparators' quartiles)\n";
  Table b;
  b.Row({"Price factor", "Pre-tax IRR", "Draft AETR", "P25", "Median", "P75", "Comparators"});
  for (const BandPoint& p : r.band) {
    b.Row({Fixed(p.price_factor, 2),
           p.pretax_irr.defined ? Percent(p.pretax_irr.value) : notes.Mark(p.pretax_irr.reason),
           ShowPercent(p.draft_aetr, notes), ShowPercent(p.p25, notes),
           ShowPercent(p.median, notes), ShowPercent(p.p75, notes), std::to_string(p.comparators)});
  }
  b.Print(out);
  notes.Print(out);
}

void PrintCsv(std::ostream& out, const BenchmarkResult& r) {
  out << "term_sheet,source,evaluated,reason";
  for (int i = 0; i < kBenchmarkMetricCount; ++i)
    out << ',' << kBenchmarkMetricNames[static_cast<BenchmarkMetric>(i)];
  out << '\n';
  auto row = [&](const std::string& name, const std::string& source, const Analysis* a,
                 const std::string& reason) {
    out << CsvText(name) << ',' << CsvText(source) << ',' << (a ? "true" : "false") << ','
        << CsvText(reason);
    for (int i = 0; i < kBenchmarkMetricCount; ++i) {
      out << ',';
      if (!a) continue;
      const Metric v = MetricOf(*a, static_cast<BenchmarkMetric>(i));
      if (v.defined) out << CsvNumber(v.value);
    }
    out << '\n';
  };
  row(r.draft.regime, "draft", &r.draft, "");
  for (size_t k = 0; k < r.comparators.size(); ++k) {
    const Comparator& c = r.comparators[k];
    row(c.name, c.source, r.analyses[k] ? &*r.analyses[k] : nullptr, c.reason);
  }
}

}  // namespace

ordered_json BenchmarkJson(const Model& model, const BenchmarkResult& r) {
  ordered_json j;
  j["schema"] = "connex.fiscal.benchmark/1";
  j["model"] = model.name;
  j["conventions"] = ConventionsJson(model);
  j["conventions"]["ranking"] = kBenchmarkRankingConvention;
  ordered_json draft;
  draft["regime"] = r.draft.regime;
  draft["metrics"] = MetricsJson(r.draft);
  ordered_json standing;
  for (int i = 0; i < kBenchmarkMetricCount; ++i) {
    const Standing& st = r.standing[static_cast<size_t>(i)];
    ordered_json s;
    s["rank"] = st.rank > 0 ? ordered_json(st.rank) : ordered_json(nullptr);
    s["of"] = st.of;
    PutMetric(s, "percentile", st.percentile);
    standing[kBenchmarkMetricNames[static_cast<BenchmarkMetric>(i)]] = s;
  }
  draft["standing"] = standing;
  j["draft"] = draft;
  ordered_json list = ordered_json::array();
  for (size_t k = 0; k < r.comparators.size(); ++k) {
    const Comparator& c = r.comparators[k];
    ordered_json e;
    e["regime"] = c.name;
    e["source"] = c.source;
    e["evaluated"] = r.analyses[k].has_value();
    if (r.analyses[k]) {
      e["metrics"] = MetricsJson(*r.analyses[k]);
    } else {
      e["reason"] = c.reason;
    }
    list.push_back(e);
  }
  j["comparators"] = list;
  ordered_json band = ordered_json::array();
  for (const BandPoint& p : r.band) {
    ordered_json b;
    b["price_factor"] = p.price_factor;
    PutIrr(b, "pretax_irr", p.pretax_irr);
    PutMetric(b, "draft_aetr", p.draft_aetr);
    PutMetric(b, "p25", p.p25);
    PutMetric(b, "median", p.median);
    PutMetric(b, "p75", p.p75);
    b["comparators"] = p.comparators;
    band.push_back(b);
  }
  j["aetr_band"] = band;
  j["median"] = AdditionJson(r, r.median);
  j["upper_quartile"] = AdditionJson(r, r.upper_quartile);
  return j;
}

void WriteBenchmark(std::ostream& out, const Model& model, const BenchmarkResult& r,
                    Format format) {
  switch (format) {
    case Format::kJson:
      out << BenchmarkJson(model, r).dump(1) << '\n';
      return;
    case Format::kCsv:
      PrintCsv(out, r);
      return;
    case Format::kTable:
      PrintTable(out, model, r);
      return;
  }
}

}  // namespace connex::fiscal::io
