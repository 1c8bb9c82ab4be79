// Fiscal engine benchmarks (docs/fiscal-methodology.md, "Performance targets"). Run with `make
// bench`.
//
// BM_EvaluateFullPsc: one deterministic evaluation (ledger + core metrics) of
// the 30-year two-product example under the full PSC regime; target < 10 us.
// BM_MonteCarlo: scenarios of that example drawn from its "uncertainty"
// section (two correlated price paths, three multipliers), every statistic.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <iostream>

#include "fiscal/analysis.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/montecarlo.hpp"

namespace {

using namespace connex::fiscal;

const Model& FullPsc() {
  static const Model model = [] {
    auto m = io::ReadModelFile(CONNEX_SOURCE_DIR "/examples/oil_psc.json");
    if (!m.ok()) {
      std::cerr << "bench: " << m.error().ToString() << '\n';
      std::exit(1);
    }
    return std::move(m).value();
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
void BM_EvaluateFullPsc(benchmark::State& state) {
  const Model& m = FullPsc();
  const ProjectSeries s = Resolve(m.project);
  Ledger ledger(s.years);
  for (auto _ : state) {
    SweepPoint p = EvaluateAt(s, m.regimes[0], m.discounting, 1.0, ledger);
    benchmark::DoNotOptimize(p);
  }
  SetCounters(state, s);
}
BENCHMARK(BM_EvaluateFullPsc);

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

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

void BM_MonteCarlo(benchmark::State& state) {
  const Model& m = FullPsc();
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

}  // namespace

BENCHMARK_MAIN();
