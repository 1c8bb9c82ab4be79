// Fiscal engine benchmarks (docs/fiscal-methodology.md, "Performance targets"). Run with `make
// bench`.
//
// BM_EvaluateFullPsc: one deterministic evaluation (ledger + core metrics) of
// the 30-year two-product example under the full PSC regime; target < 10 us.
// BM_Benchmark500TermSheets: the 30-year example against 500 term sheets,
// read and analysed; target < 50 ms.
// BM_MonteCarlo: scenarios of that example drawn from its "uncertainty"
// section (two correlated price paths, three multipliers), every statistic.
// The ...EconomicLimit variants run the same with the economic limit on.
// BM_EvaluateTaxpayer: the two oil fields of one contractor (20 years), cost
// recovery and income tax consolidated, ledger and core metrics.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fiscal/analysis.hpp"
#include "fiscal/benchmark.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/montecarlo.hpp"

namespace {

using namespace connex::fiscal;

Model Example(const char* file) {
  auto m = io::ReadModelFile(std::string(CONNEX_SOURCE_DIR "/examples/") + file);
  if (!m.ok()) {
    std::cerr << "bench: " << m.error().ToString() << '\n';
    std::exit(1);
  }
  return std::move(m).value();
}

const Model& FullPsc() {
  static const Model model = Example("oil_psc.json");
  return model;
}

const Model& OilFieldsTaxpayer() {
  static const Model model = [] {
    Model m = Example("oil_fields_taxpayer.json");
    m.regimes.erase(m.regimes.begin(), m.regimes.begin() + 2);  // the consolidated sheet first
    return m;
  }();
  return model;
}

// The example with the economic limit on. Run as entered it reaches its last
// year, so the deterministic figure is the cost of the check; Monte Carlo
// scenarios with low price paths stop earlier and are evaluated again.
const Model& FullPscWithLimit() {
  static const Model model = [] {
    Model m = FullPsc();
    m.project.economic_limit = true;
    return m;
  }();
  return model;
}

void SetCounters(benchmark::State& state, const ProjectSeries& s) {
  state.counters["years"] = s.years;
  state.counters["products"] = s.products();
  state.counters["scenario_years/s"] = benchmark::Counter(
      static_cast<double>(s.years), benchmark::Counter::kIsIterationInvariantRate);
}

// Ledger only.
void BM_LedgerFullPsc(benchmark::State& state) {
  const Model& m = FullPsc();
  const ProjectSeries s = Resolve(m.project);
  Ledger ledger(s.years);
  for (auto _ : state) {
    Evaluate(s, m.regimes[0], ledger);
    benchmark::DoNotOptimize(ledger.line(kGovernmentReceipts));
  }
  SetCounters(state, s);
}
BENCHMARK(BM_LedgerFullPsc);

// Ledger + PV(G), PV(N), investor NPV, AETR, government take, both IRRs.
void EvaluateModel(benchmark::State& state, const Model& m) {
  const ProjectSeries s = Resolve(m.project);
  Ledger ledger(s.years);
  for (auto _ : state) {
    SweepPoint p = EvaluateAt(s, m.regimes[0], m.discounting, 1.0, ledger);
    benchmark::DoNotOptimize(p);
  }
  SetCounters(state, s);
}
void BM_EvaluateFullPsc(benchmark::State& state) { EvaluateModel(state, FullPsc()); }
BENCHMARK(BM_EvaluateFullPsc);
void BM_EvaluateFullPscEconomicLimit(benchmark::State& state) {
  EvaluateModel(state, FullPscWithLimit());
}
BENCHMARK(BM_EvaluateFullPscEconomicLimit);
void BM_EvaluateTaxpayer(benchmark::State& state) { EvaluateModel(state, OilFieldsTaxpayer()); }
BENCHMARK(BM_EvaluateTaxpayer);

// Every metric of docs/fiscal-methodology.md, breakeven, METR and the model's progressivity sweep.
void BM_AnalyzeFullPsc(benchmark::State& state) {
  const Model& m = FullPsc();
  const ProjectSeries s = Resolve(m.project);
  for (auto _ : state) {
    Analysis a = Analyze(s, m.regimes[0], m.discounting, m.sweep);
    benchmark::DoNotOptimize(a.metr);
  }
}
BENCHMARK(BM_AnalyzeFullPsc)->Unit(benchmark::kMicrosecond);

// A 101-point price sweep with breakeven and METR (target < 5 ms).
void BM_Sweep101WithBreakeven(benchmark::State& state) {
  const Model& m = FullPsc();
  const ProjectSeries s = Resolve(m.project);
  SweepOptions sweep{0.5, 2.5, 0.02};
  for (auto _ : state) {
    Analysis a = Analyze(s, m.regimes[0], m.discounting, sweep);
    benchmark::DoNotOptimize(a.progressivity.points.size());
  }
  state.counters["points"] = static_cast<double>(SweepFactors(sweep).size());
}
BENCHMARK(BM_Sweep101WithBreakeven)->Unit(benchmark::kMillisecond);

// 500 term sheets as the hub keeps them (JSON text): the two example PSCs
// with their royalty, cost-recovery ceiling, income tax and state share
// spread over the ranges published contracts show.
std::vector<std::string> FiveHundredTermSheets() {
  std::vector<std::string> out;
  for (const char* file : {"/examples/oil_psc.json", "/examples/oil_psc_negotiated.json"}) {
    std::ifstream in(std::string(CONNEX_SOURCE_DIR) + file);
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json base = nlohmann::json::parse(text.str())["regimes"][0];
    for (int i = 0; i < 250; ++i) {
      nlohmann::json sheet = base;
      sheet["name"] = std::string(file) + " " + std::to_string(i);
      const double t = i / 249.0;
      for (auto& instrument : sheet["instruments"]) {
        const std::string type = instrument["type"];
        if (type == "royalty") instrument["rate"] = 0.03 + 0.09 * t;
        if (type == "cost_recovery") instrument["ceiling"] = 0.8 - 0.3 * t;
        if (type == "income_tax") instrument["rate"] = 0.25 + 0.1 * ((i * 7) % 250) / 249.0;
        if (type == "state_participation")
          instrument["share"] = 0.1 + 0.1 * ((i * 13) % 250) / 249.0;
      }
      out.push_back(sheet.dump());
    }
  }
  return out;
}

// The whole benchmark of issue "A draft offer against every comparable
// published contract": 500 term sheets read onto the 30-year example, each
// analysed (metrics, breakeven, METR, 16-point sweep), then ranks, band and
// additions (target < 50 ms wall on the 2-core machine).
void BM_Benchmark500TermSheets(benchmark::State& state) {
  const Model& m = FullPsc();
  const std::vector<std::string> sheets = FiveHundredTermSheets();
  int evaluated = 0;
  for (auto _ : state) {
    std::vector<Comparator> comparators;
    comparators.reserve(sheets.size());
    for (const std::string& text : sheets) {
      io::TermSheetOnto sheet = io::ReadTermSheetOnto(text, m.currency, m);
      comparators.push_back({sheet.name, "bench", std::move(sheet.regime), ""});
    }
    BenchmarkResult r = Benchmark(m, m.regimes[0], std::move(comparators));
    evaluated = r.evaluated();
    benchmark::DoNotOptimize(r.median.pv_government_receipts);
  }
  state.counters["term_sheets"] = static_cast<double>(sheets.size());
  state.counters["evaluated"] = evaluated;
  state.counters["years"] = m.project.years;
}
BENCHMARK(BM_Benchmark500TermSheets)->Unit(benchmark::kMillisecond)->UseRealTime();

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

void MonteCarloOf(benchmark::State& state, const Model& m) {
  const ProjectSeries s = Resolve(m.project);
  const Sampler sampler(*m.uncertainty, s.years, s.products());
  MonteCarloOptions o;
  o.scenarios = state.range(0);
  o.threads = static_cast<int>(state.range(1));
  o.year_percentiles = state.range(2) != 0;
  for (auto _ : state) {
    MonteCarloResult r = RunMonteCarlo(s, m.regimes[0], m.discounting, sampler, o);
    benchmark::DoNotOptimize(r.outcomes[0].mean);
  }
  state.counters["scenario_years/s"] = benchmark::Counter(
      static_cast<double>(o.scenarios * s.years), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_rss_MB"] = PeakRssMegabytes();
}
void BM_MonteCarlo(benchmark::State& state) { MonteCarloOf(state, FullPsc()); }
void BM_MonteCarloEconomicLimit(benchmark::State& state) {
  MonteCarloOf(state, FullPscWithLimit());
}
// Args: scenarios, threads, per-year percentiles (the portal's fan chart).
// The 1,000,000-scenario run on 2 threads is the target of docs/fiscal-methodology.md (< 1 s
// wall); wall time, not CPU time, is what counts. The portal runs one core.
BENCHMARK(BM_MonteCarlo)
    ->Args({100000, 1, 0})
    ->Args({1000000, 1, 0})
    ->Args({1000000, 2, 0})
    ->Args({1000000, 1, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_MonteCarloEconomicLimit)
    ->Args({1000000, 2, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
