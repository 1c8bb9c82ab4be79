#include "cli/commands/fiscal_common.hpp"

#include <iostream>

#include "fiscal/io/model_reader.hpp"

namespace connex::cli {

void AddOutputOptions(CLI::App* cmd, OutputOptions& o) {
  auto* json =
      cmd->add_flag("--json", o.json, "Print the result as JSON (every ledger line and metric)");
  auto* csv = cmd->add_flag("--csv", o.csv, "Print the result as CSV (one row per year or point)");
  json->excludes(csv);
  cmd->add_option("--xlsx", o.xlsx, "Also write an Excel workbook with native charts to FILE")
      ->type_name("FILE");
}

void PrintErrors(const std::string& source, const Errors& errors) {
  for (const Error& e : errors) std::cerr << source << ": " << e.ToString() << '\n';
  std::cerr << source << ": " << errors.size() << (errors.size() == 1 ? " error" : " errors")
            << "; nothing was computed\n";
}

std::unique_ptr<fiscal::Model> Load(const std::string& path) {
  Result<fiscal::Model> model = fiscal::io::ReadModelFile(path);
  if (!model.ok()) {
    PrintErrors(path, model.errors());
    return nullptr;
  }
  return std::make_unique<fiscal::Model>(std::move(model).value());
}

// Writes the workbook if asked; stdout output is produced only after every
// computation succeeded, so a failure never leaves a partial report.
int Finish(const std::string& text, const OutputOptions& o,
           const std::function<Result<bool>(const std::string&)>& write_xlsx) {
  if (!o.xlsx.empty()) {
    Result<bool> written = write_xlsx(o.xlsx);
    if (!written.ok()) {
      std::cerr << "connex: " << written.error().ToString() << '\n';
      return kOutputFailed;
    }
  }
  std::cout << text << std::flush;
  return 0;
}

}  // namespace connex::cli
