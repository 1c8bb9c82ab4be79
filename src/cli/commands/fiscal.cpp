#include "cli/commands/fiscal.hpp"

#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands/fiscal_common.hpp"
#include "fiscal/analysis.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/io/report.hpp"
#include "fiscal/workbench.hpp"

namespace connex::cli {

namespace {

using fiscal::Analysis;
using fiscal::Model;
using fiscal::io::Format;

struct RunArgs {
  std::string model;
  std::vector<std::string> regimes;
  OutputOptions out;
};

int Run(const RunArgs& args) {
  auto model = Load(args.model);
  if (!model) return kInvalidInput;
  auto analyzed = fiscal::AnalyzeRegimes(*model, args.regimes);
  if (!analyzed) {
    PrintErrors(args.model, analyzed.errors());
    return kInvalidInput;
  }
  const std::vector<Analysis>& analyses = *analyzed;
  std::ostringstream text;
  fiscal::io::WriteRun(text, *model, analyses, args.out.format());
  fiscal::io::Workbook book;
  book.model = model.get();
  for (const Analysis& a : analyses) book.analyses.push_back(&a);
  return Finish(text.str(), args.out,
                [&](const std::string& path) { return fiscal::io::WriteXlsx(path, book); });
}

struct CompareArgs {
  std::vector<std::string> models;
  std::string from, to;
  OutputOptions out;
};

int Compare(const CompareArgs& args) {
  // Two files: the first regime of each. One file: its first two regimes, or --from/--to.
  auto a_model = Load(args.models[0]);
  if (!a_model) return kInvalidInput;
  std::unique_ptr<Model> b_model;
  const std::string& b_source = args.models.size() > 1 ? args.models[1] : args.models[0];
  if (args.models.size() > 1) {
    b_model = Load(args.models[1]);
    if (!b_model) return kInvalidInput;
  }
  const Model& bm = b_model ? *b_model : *a_model;
  Result<int> from = fiscal::FindRegime(*a_model, args.from, "--from");
  if (!from) {
    PrintErrors(args.models[0], from.errors());
    return kInvalidInput;
  }
  // --to, else the first regime of the second file, else the second of the one file.
  Result<int> to = 1;
  if (!args.to.empty() || b_model) {
    to = fiscal::FindRegime(bm, args.to, "--to");
  } else if (bm.regimes.size() < 2) {
    std::cerr << b_source << ": a comparison needs two regimes: give two model files, or one "
              << "file with at least two regimes\n";
    return kInvalidInput;
  }
  if (!to) {
    PrintErrors(b_source, to.errors());
    return kInvalidInput;
  }
  // Two files compare terms on one project: the project must be the same.
  if (b_model && fiscal::Resolve(b_model->project) != fiscal::Resolve(a_model->project)) {
    std::cerr << b_source << ": project: differs from the project of " << args.models[0]
              << "; a comparison evaluates two regimes on the same project\n";
    return kInvalidInput;
  }
  const fiscal::Compared compared = fiscal::CompareRegimes(
      *a_model, a_model->regimes[static_cast<size_t>(*from)], bm.regimes[static_cast<size_t>(*to)]);
  std::ostringstream text;
  fiscal::io::WriteComparison(text, *a_model, compared.a, compared.b, compared.c,
                              args.out.format());
  fiscal::io::Workbook book;
  book.model = a_model.get();
  book.analyses = {&compared.a, &compared.b};
  book.comparison = &compared.c;
  return Finish(text.str(), args.out,
                [&](const std::string& path) { return fiscal::io::WriteXlsx(path, book); });
}

struct SweepArgs {
  std::string model;
  std::string price;
  std::vector<std::string> regimes;
  OutputOptions out;
};

// "FROM:TO:STEP" price factors.
bool ParseRange(const std::string& text, fiscal::SweepOptions& o) {
  std::istringstream in(text);
  char c1 = 0, c2 = 0;
  if (!(in >> o.from >> c1 >> o.to >> c2 >> o.step) || c1 != ':' || c2 != ':') return false;
  std::string rest;
  if (in >> rest) return false;
  return o.from >= 0 && o.to >= o.from && o.step > 0 && (o.to - o.from) / o.step <= 100000;
}

int Sweep(const SweepArgs& args) {
  auto model = Load(args.model);
  if (!model) return kInvalidInput;
  fiscal::SweepOptions range = model->sweep;
  if (!args.price.empty() && !ParseRange(args.price, range)) {
    std::cerr << "--price: must be FROM:TO:STEP price factors with 0 <= FROM <= TO, STEP > 0 "
              << "and at most 100000 points, got \"" << args.price << "\"\n";
    return kInvalidInput;
  }
  auto sweeps = fiscal::SweepRegimes(*model, range, args.regimes);
  if (!sweeps) {
    PrintErrors(args.model, sweeps.errors());
    return kInvalidInput;
  }
  std::ostringstream text;
  fiscal::io::WriteSweep(text, *model, *sweeps, args.out.format());
  fiscal::io::Workbook book;
  book.model = model.get();
  book.sweeps = *sweeps;
  return Finish(text.str(), args.out,
                [&](const std::string& path) { return fiscal::io::WriteXlsx(path, book); });
}

}  // namespace

void AddFiscalCommands(CLI::App& app, int& exit_code) {
  CLI::App* fiscal = app.add_subcommand(
      "fiscal",
      "Evaluate contract terms: what a fiscal regime gives the state and the investor.\n"
      "A model file (JSON, \"schema\": \"connex.fiscal/1\", see docs/fiscal-model-format.md)\n"
      "holds one project and one or more regimes. Every result states its conventions\n"
      "(discount rate, valuation year, timing, what counts as government receipts).\n"
      "Exit status: 0 success, 2 invalid model or arguments (errors name the JSON path),\n"
      "1 an output file could not be written.");
  fiscal->require_subcommand(1);

  auto run = std::make_shared<RunArgs>();
  CLI::App* run_cmd = fiscal->add_subcommand(
      "run",
      "Evaluate every regime of MODEL: ledger year by year, government take, AETR, NPV and IRR\n"
      "pre- and post-tax, payback, breakeven price, METR, progressivity, by-instrument totals.\n"
      "Example: connex fiscal run examples/copper_mine.json --xlsx copper.xlsx");
  run_cmd->add_option("MODEL", run->model, "Model file")->required()->check(CLI::ExistingFile);
  run_cmd->add_option("--regime", run->regimes, "Evaluate only the regime(s) with this name");
  AddOutputOptions(run_cmd, run->out);
  run_cmd->callback([run, &exit_code] { exit_code = Run(*run); });

  auto cmp = std::make_shared<CompareArgs>();
  CLI::App* cmp_cmd = fiscal->add_subcommand(
      "compare",
      "Compare two regimes on one project: per-year and total differences in government\n"
      "receipts (nominal and PV), investor NPV, government take, AETR, breakeven and METR.\n"
      "With two files, the first regime of each (their projects must be identical); with\n"
      "one file, its first two regimes, or those named by --from and --to.\n"
      "Example: connex fiscal compare examples/oil_psc.json examples/oil_psc_negotiated.json");
  cmp_cmd->add_option("MODELS", cmp->models, "One or two model files")
      ->required()
      ->expected(1, 2)
      ->check(CLI::ExistingFile);
  cmp_cmd->add_option("--from", cmp->from, "Regime to compare from (the base terms)");
  cmp_cmd->add_option("--to", cmp->to, "Regime to compare to (the better terms)");
  AddOutputOptions(cmp_cmd, cmp->out);
  cmp_cmd->callback([cmp, &exit_code] { exit_code = Compare(*cmp); });

  auto sweep = std::make_shared<SweepArgs>();
  CLI::App* sweep_cmd = fiscal->add_subcommand(
      "sweep",
      "Multiply every price by each factor of a range and report PV of government receipts,\n"
      "investor NPV, government take, AETR and IRRs: how progressive the regime is.\n"
      "Example: connex fiscal sweep examples/oil_psc.json --price 0.5:2.0:0.05 --csv");
  sweep_cmd->add_option("MODEL", sweep->model, "Model file")->required()->check(CLI::ExistingFile);
  sweep_cmd
      ->add_option("--price", sweep->price,
                   "Price factors FROM:TO:STEP (default: the model's sweep, else 0.5:2.0:0.1)")
      ->type_name("FROM:TO:STEP");
  sweep_cmd->add_option("--regime", sweep->regimes, "Sweep only the regime(s) with this name");
  AddOutputOptions(sweep_cmd, sweep->out);
  sweep_cmd->callback([sweep, &exit_code] { exit_code = Sweep(*sweep); });

  AddBenchmarkCommand(fiscal, exit_code);
  AddUncertaintyCommands(fiscal, exit_code);
}

}  // namespace connex::cli
