// `connex fiscal montecarlo | tornado | spider | solve`: uncertainty and
// sensitivity from the command line.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands/fiscal_common.hpp"
#include "cli/commands/progress_bar.hpp"
#include "fiscal/io/sensitivity_input.hpp"
#include "fiscal/io/term.hpp"
#include "fiscal/io/uncertainty_report.hpp"
#include "fiscal/montecarlo.hpp"
#include "fiscal/sensitivity.hpp"
#include "fiscal/workbench.hpp"

namespace connex::cli {

namespace {

using fiscal::Model;
using fiscal::Target;

std::atomic<bool> g_stop{false};

extern "C" void OnInterrupt(int) { g_stop.store(true); }

// Ctrl-C sets the stop flag while a run is in progress, then the default returns.
class InterruptScope {
 public:
  InterruptScope() {
    g_stop.store(false);
    previous_ = std::signal(SIGINT, OnInterrupt);
  }
  ~InterruptScope() { std::signal(SIGINT, previous_); }
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  void (*previous_)(int);
};

bool WriteBook(const OutputOptions& o, const fiscal::io::UncertaintyWorkbook& book) {
  if (o.xlsx.empty()) return true;
  Result<bool> written = fiscal::io::WriteUncertaintyXlsx(o.xlsx, book);
  if (!written.ok()) std::cerr << "connex: " << written.error().ToString() << '\n';
  return written.ok();
}

std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct MonteCarloArgs {
  std::string model;
  std::string regime;
  std::int64_t scenarios = 0;  // 0: the model's
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::optional<double> floor;
  bool quiet = false;
  OutputOptions out;
};

int MonteCarlo(const MonteCarloArgs& args) {
  auto model = Load(args.model);
  if (!model) return kInvalidInput;
  if (!model->uncertainty) {
    std::cerr << args.model << ": uncertainty: is required for a Monte Carlo run (price "
              << "processes, multipliers, correlation; see docs/fiscal-model-format.md)\n";
    return kInvalidInput;
  }
  Result<int> index = fiscal::FindRegime(*model, args.regime);
  if (!index.ok()) {
    PrintErrors(args.model, index.errors());
    return kInvalidInput;
  }
  const fiscal::Regime& regime = model->regimes[static_cast<size_t>(index.value())];
  const fiscal::Uncertainty& u = *model->uncertainty;
  const fiscal::ProjectSeries series = fiscal::Resolve(model->project);
  const fiscal::Sampler sampler(u, series.years, series.products());
  fiscal::MonteCarloOptions options;
  options.scenarios = args.scenarios > 0 ? args.scenarios : u.scenarios;
  options.seed = args.seed ? *args.seed : u.seed;
  options.threads = args.threads;
  options.government_pv_floor = args.floor ? args.floor : u.government_pv_floor;
  options.stop = &g_stop;
  ProgressBar bar(!args.quiet && isatty(STDERR_FILENO), "scenarios");
  options.progress = [&bar](std::int64_t done, std::int64_t total) { bar.Update(done, total); };
  fiscal::MonteCarloResult result;
  {
    InterruptScope interrupts;
    result = fiscal::RunMonteCarlo(series, regime, model->discounting, sampler, options);
  }
  bar.Finish();
  std::ostringstream text;
  fiscal::io::WriteMonteCarlo(text, *model, regime.name, result, args.out.format());
  fiscal::io::UncertaintyWorkbook book;
  book.model = model.get();
  book.regime = regime.name;
  book.montecarlo = &result;
  if (!WriteBook(args.out, book)) return kOutputFailed;
  std::cout << text.str() << std::flush;
  if (result.partial) {
    std::cerr << "connex: stopped after " << result.completed << " of " << result.requested
              << " scenarios; the statistics above cover those only\n";
    return kInterrupted;
  }
  return 0;
}

struct SensitivityArgs {
  std::string model;
  std::string regime;
  std::string metric = "government_pv";
  std::vector<std::string> inputs;
  int points = 9;
  OutputOptions out;
};

// Everything tornado and spider share: the model, regime, target and inputs.
struct Prepared {
  std::unique_ptr<Model> model;
  std::string text;
  int regime = 0;
  Target target = Target::kGovernmentPv;
  std::vector<fiscal::io::InputRange> ranges;
};

std::optional<Prepared> Prepare(const SensitivityArgs& args) {
  Prepared p;
  p.model = Load(args.model);
  if (!p.model) return std::nullopt;
  Result<int> index = fiscal::FindRegime(*p.model, args.regime);
  if (!index.ok()) {
    PrintErrors(args.model, index.errors());
    return std::nullopt;
  }
  p.regime = index.value();
  Result<Target> target = fiscal::io::ParseTarget(args.metric, "--metric");
  if (!target.ok()) {
    PrintErrors(args.model, target.errors());
    return std::nullopt;
  }
  p.target = target.value();
  const std::optional<std::string> text = ReadText(args.model);
  if (!text) {
    std::cerr << args.model << ": cannot read the model file\n";
    return std::nullopt;
  }
  p.text = *text;
  if (args.inputs.empty()) p.ranges = fiscal::io::DefaultInputs();
  for (const std::string& spec : args.inputs) {
    Result<fiscal::io::InputRange> range = fiscal::io::ParseInputSpec(spec, "--input");
    if (!range.ok()) {
      PrintErrors(args.model, range.errors());
      return std::nullopt;
    }
    p.ranges.push_back(std::move(range).value());
  }
  return p;
}

const std::string& RegimeName(const Prepared& p) {
  return p.model->regimes[static_cast<size_t>(p.regime)].name;
}

int TornadoCommand(const SensitivityArgs& args) {
  std::optional<Prepared> p = Prepare(args);
  if (!p) return kInvalidInput;
  Result<fiscal::Tornado> tornado =
      fiscal::io::TornadoOf(p->text, *p->model, p->regime, p->target, p->ranges);
  if (!tornado.ok()) {
    PrintErrors(args.model, tornado.errors());
    return kInvalidInput;
  }
  std::ostringstream text;
  fiscal::io::WriteTornado(text, *p->model, RegimeName(*p), tornado.value(), args.out.format());
  fiscal::io::UncertaintyWorkbook book;
  book.model = p->model.get();
  book.regime = RegimeName(*p);
  book.tornado = &tornado.value();
  if (!WriteBook(args.out, book)) return kOutputFailed;
  std::cout << text.str() << std::flush;
  return 0;
}

int SpiderCommand(const SensitivityArgs& args) {
  std::optional<Prepared> p = Prepare(args);
  if (!p) return kInvalidInput;
  auto inputs = fiscal::io::BindInputs(p->text, *p->model, p->regime, p->target, p->ranges);
  if (!inputs.ok()) {
    PrintErrors(args.model, inputs.errors());
    return kInvalidInput;
  }
  Result<std::vector<fiscal::SpiderLine>> lines = fiscal::RunSpider(inputs.value(), args.points);
  if (!lines.ok()) {
    PrintErrors(args.model, lines.errors());
    return kInvalidInput;
  }
  std::ostringstream text;
  fiscal::io::WriteSpider(text, *p->model, RegimeName(*p), p->target, lines.value(),
                          args.out.format());
  fiscal::io::UncertaintyWorkbook book;
  book.model = p->model.get();
  book.regime = RegimeName(*p);
  book.spider = &lines.value();
  book.spider_target = p->target;
  if (!WriteBook(args.out, book)) return kOutputFailed;
  std::cout << text.str() << std::flush;
  return 0;
}

struct SolveArgs {
  std::string model;
  std::string regime;
  std::string term;
  std::string target;
  std::string range = "0:1";
  OutputOptions out;
};

int SolveCommand(const SolveArgs& args) {
  auto model = Load(args.model);
  if (!model) return kInvalidInput;
  Result<int> index = fiscal::FindRegime(*model, args.regime);
  if (!index.ok()) {
    PrintErrors(args.model, index.errors());
    return kInvalidInput;
  }
  const std::string& regime = model->regimes[static_cast<size_t>(index.value())].name;
  fiscal::io::SolveRequest q;
  q.term = args.term;
  const size_t eq = args.target.find('=');
  if (eq == std::string::npos) {
    std::cerr << "--target: must be METRIC=VALUE (e.g. aetr=0.6), got \"" << args.target << "\"\n";
    return kInvalidInput;
  }
  Result<Target> target = fiscal::io::ParseTarget(args.target.substr(0, eq), "--target");
  if (!target.ok()) {
    PrintErrors(args.model, target.errors());
    return kInvalidInput;
  }
  q.target = target.value();
  char* end = nullptr;
  const std::string value = args.target.substr(eq + 1);
  q.target_value = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !std::isfinite(q.target_value)) {
    std::cerr << "--target: VALUE must be a number, got \"" << value << "\"\n";
    return kInvalidInput;
  }
  const size_t colon = args.range.find(':');
  const std::string lo = args.range.substr(0, colon);
  const std::string hi = colon == std::string::npos ? "" : args.range.substr(colon + 1);
  q.lo = std::strtod(lo.c_str(), &end);
  const bool lo_ok = !lo.empty() && *end == '\0';
  q.hi = std::strtod(hi.c_str(), &end);
  if (!lo_ok || hi.empty() || *end != '\0' || !(q.hi > q.lo)) {
    std::cerr << "--range: must be LO:HI with LO < HI, got \"" << args.range << "\"\n";
    return kInvalidInput;
  }
  const std::optional<std::string> text = ReadText(args.model);
  if (!text) {
    std::cerr << args.model << ": cannot read the model file\n";
    return kInvalidInput;
  }
  Result<fiscal::Solution> s = fiscal::io::SolveTerm(*text, *model, index.value(), q);
  if (!s.ok()) {
    PrintErrors(args.model, s.errors());
    return kInvalidInput;
  }
  std::ostringstream out;
  fiscal::io::WriteSolution(out, *model, regime, q, s.value(), args.out.format());
  std::cout << out.str() << std::flush;
  return 0;
}

void AddSensitivityOptions(CLI::App* cmd, SensitivityArgs& a) {
  cmd->add_option("MODEL", a.model, "Model file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--regime", a.regime, "Regime to analyse (default: the first)");
  cmd->add_option("--metric", a.metric,
                  "Metric: " + fiscal::TargetNames() + " (default government_pv)");
  cmd->add_option("--input", a.inputs,
                  "NAME=LOW:HIGH, repeatable. NAME is a multiplier (price, capex, opex,\n"
                  "production; values are factors, 1 = as entered) or a term path such as\n"
                  "regimes[0].instruments[0].rate (values as in the file). Default: price=0.7:1.3\n"
                  "capex=0.8:1.2 opex=0.8:1.2 production=0.8:1.2");
}

}  // namespace

void AddUncertaintyCommands(CLI::App* fiscal, int& exit_code) {
  auto mc = std::make_shared<MonteCarloArgs>();
  CLI::App* mc_cmd = fiscal->add_subcommand(
      "montecarlo",
      "Draw scenarios from the model's \"uncertainty\" section (price paths, cost and\n"
      "production multipliers, correlation) and report mean, sd, standard error and\n"
      "P5/P10/P50/P90/P95 with histograms of PV of government receipts, investor NPV, AETR\n"
      "and IRR, P(investor NPV < 0) and P(PV of government receipts < floor). The same seed\n"
      "gives the same bits on any number of threads. Ctrl-C stops and prints the statistics\n"
      "so far, marked partial (exit status 130).\n"
      "Example: connex fiscal montecarlo examples/oil_psc.json --scenarios 1000000 --seed 7");
  mc_cmd->add_option("MODEL", mc->model, "Model file")->required()->check(CLI::ExistingFile);
  mc_cmd->add_option("--scenarios", mc->scenarios, "Number of scenarios (default: the model's)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000000}));
  mc_cmd->add_option("--seed", mc->seed, "Random seed (default: the model's)");
  mc_cmd->add_option("--threads", mc->threads, "Worker threads (default: every core)")
      ->check(CLI::Range(1, 256));
  mc_cmd->add_option("--floor", mc->floor, "Report P(PV of government receipts < FLOOR)");
  mc_cmd->add_option("--regime", mc->regime, "Regime to simulate (default: the first)");
  mc_cmd->add_flag("--quiet", mc->quiet, "No progress bar");
  AddOutputOptions(mc_cmd, mc->out);
  mc_cmd->callback([mc, &exit_code] { exit_code = MonteCarlo(*mc); });

  auto tornado = std::make_shared<SensitivityArgs>();
  CLI::App* t_cmd = fiscal->add_subcommand(
      "tornado",
      "Move each input to its low and its high value, one at a time, and rank the inputs by\n"
      "how far the metric swings.\n"
      "Example: connex fiscal tornado examples/oil_psc.json --metric aetr --xlsx tornado.xlsx");
  AddSensitivityOptions(t_cmd, *tornado);
  AddOutputOptions(t_cmd, tornado->out);
  t_cmd->callback([tornado, &exit_code] { exit_code = TornadoCommand(*tornado); });

  auto spider = std::make_shared<SensitivityArgs>();
  CLI::App* s_cmd = fiscal->add_subcommand(
      "spider",
      "Move each input across its range, one at a time, and report the metric at each point.\n"
      "Example: connex fiscal spider examples/copper_mine.json --input price=0.5:1.5 --points 11");
  AddSensitivityOptions(s_cmd, *spider);
  s_cmd->add_option("--points", spider->points, "Points per input (default 9)")
      ->check(CLI::Range(2, 1001));
  AddOutputOptions(s_cmd, spider->out);
  s_cmd->callback([spider, &exit_code] { exit_code = SpiderCommand(*spider); });

  auto solve = std::make_shared<SolveArgs>();
  CLI::App* v_cmd = fiscal->add_subcommand(
      "solve",
      "Find the value of one term that makes a metric reach a target, e.g. the royalty rate\n"
      "that gives an AETR of 60%. Says so plainly when no value in the range reaches it.\n"
      "Example: connex fiscal solve examples/copper_mine.json \\\n"
      "           --term regimes[0].instruments[0].rate --target aetr=0.5 --range 0:0.3");
  v_cmd->add_option("MODEL", solve->model, "Model file")->required()->check(CLI::ExistingFile);
  v_cmd->add_option("--term", solve->term, "Path of the term, as the model's errors write it")
      ->required();
  v_cmd
      ->add_option("--target", solve->target,
                   "METRIC=VALUE, METRIC one of " + fiscal::TargetNames())
      ->required();
  v_cmd->add_option("--range", solve->range, "LO:HI values of the term to search (default 0:1)");
  v_cmd->add_option("--regime", solve->regime, "Regime to measure (default: the first)");
  auto* json = v_cmd->add_flag("--json", solve->out.json, "Print the answer as JSON");
  auto* csv = v_cmd->add_flag("--csv", solve->out.csv, "Print the answer as CSV");
  json->excludes(csv);
  v_cmd->callback([solve, &exit_code] { exit_code = SolveCommand(*solve); });
}

}  // namespace connex::cli
