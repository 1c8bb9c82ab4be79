// What every `connex fiscal` command shares: output options, loading a
// model with every error reported, exit codes. Internal to the CLI.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "fiscal/io/report.hpp"
#include "fiscal/model.hpp"

namespace connex::cli {

inline constexpr int kInvalidInput = 2;
inline constexpr int kOutputFailed = 1;
inline constexpr int kInterrupted = 130;  // stopped by Ctrl-C (128 + SIGINT)

struct OutputOptions {
  bool json = false;
  bool csv = false;
  std::string xlsx;

  fiscal::io::Format format() const {
    return json ? fiscal::io::Format::kJson
                : (csv ? fiscal::io::Format::kCsv : fiscal::io::Format::kTable);
  }
};

void AddOutputOptions(CLI::App* cmd, OutputOptions& o);
void PrintErrors(const std::string& source, const Errors& errors);
// Loads a model or reports every error on stderr; null on failure.
std::unique_ptr<fiscal::Model> Load(const std::string& path);

// Writes the workbook if asked, then `text` to stdout: stdout output is
// produced only after every computation succeeded, so a failure never leaves
// a partial report. Returns the exit status.
int Finish(const std::string& text, const OutputOptions& o,
           const std::function<Result<bool>(const std::string&)>& write_xlsx);

// `connex fiscal benchmark`.
void AddBenchmarkCommand(CLI::App* fiscal, int& exit_code);

// `connex fiscal montecarlo | tornado | spider | solve`.
void AddUncertaintyCommands(CLI::App* fiscal, int& exit_code);

}  // namespace connex::cli
