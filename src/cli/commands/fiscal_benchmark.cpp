// `connex fiscal benchmark MODEL --against FILE...`: the model's project under
// its draft terms and under every term sheet of the files given.
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands/fiscal_common.hpp"
#include "fiscal/benchmark.hpp"
#include "fiscal/io/benchmark_report.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/workbench.hpp"

namespace connex::cli {

namespace {

struct BenchmarkArgs {
  std::string model;
  std::vector<std::string> against;
  std::string regime;
  OutputOptions out;
};

int RunBenchmark(const BenchmarkArgs& args) {
  auto model = Load(args.model);
  if (!model) return kInvalidInput;
  Result<int> draft = fiscal::FindRegime(*model, args.regime);
  if (!draft) {
    PrintErrors(args.model, draft.errors());
    return kInvalidInput;
  }
  std::vector<fiscal::Comparator> comparators;
  for (const std::string& file : args.against) {
    auto sheets = fiscal::io::ReadTermSheetsOntoFile(file, *model);
    if (!sheets) {
      PrintErrors(file, sheets.errors());
      return kInvalidInput;
    }
    for (fiscal::io::TermSheetOnto& sheet : *sheets) {
      // A term sheet that needs what the project lacks is listed with why.
      std::string reason;
      for (const Error& e : sheet.errors) reason += (reason.empty() ? "" : "; ") + e.ToString();
      comparators.push_back({sheet.name, file, std::move(sheet.regime), reason});
    }
  }
  const fiscal::BenchmarkResult result = fiscal::Benchmark(
      *model, model->regimes[static_cast<size_t>(*draft)], std::move(comparators));
  std::ostringstream text;
  fiscal::io::WriteBenchmark(text, *model, result, args.out.format());
  return Finish(text.str(), args.out, [&](const std::string& path) {
    return fiscal::io::WriteBenchmarkXlsx(path, *model, result);
  });
}

}  // namespace

void AddBenchmarkCommand(CLI::App* fiscal, int& exit_code) {
  auto args = std::make_shared<BenchmarkArgs>();
  CLI::App* cmd = fiscal->add_subcommand(
      "benchmark",
      "Run MODEL's project under its draft terms (its first regime, or --regime) and under\n"
      "every regime of each FILE (their projects are ignored): for the draft and each\n"
      "comparator, PV of government receipts, AETR, government take, investor IRR and NPV,\n"
      "breakeven price, METR and front-loading; the draft's rank and percentile on each; the\n"
      "comparators' AETR quartiles over the price sweep; and what the median and\n"
      "upper-quartile comparators would add to the state. A comparator that needs what the\n"
      "project lacks (a product, a year) is listed with the reason.\n"
      "Example: connex fiscal benchmark examples/oil_psc.json --against "
      "examples/oil_psc_negotiated.json");
  cmd->add_option("MODEL", args->model, "Model file: the project and the draft terms")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--against", args->against, "Model files whose regimes are the comparators")
      ->required()
      ->check(CLI::ExistingFile)
      ->type_name("FILE...");
  cmd->add_option("--regime", args->regime, "The draft: this regime of MODEL (default: its first)");
  AddOutputOptions(cmd, args->out);
  cmd->callback([args, &exit_code] { exit_code = RunBenchmark(*args); });
}

}  // namespace connex::cli
