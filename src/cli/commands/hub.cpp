// `connex hub extract FILE`: the text of one PDF as JSON on stdout, for the
// server, which runs it as a child process so that a file that crashes the
// PDF or OCR library costs this process only (ingest/isolated_extract.hpp).
// `connex hub import FOLDER`: cli/commands/hub_import.cpp.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands/platform_common.hpp"
#include "ingest/pdf_text.hpp"

namespace connex::cli {

void AddHubImportCommand(CLI::App& hub, int& exit_code);

void AddHubCommands(CLI::App& app, int& exit_code) {
  CLI::App* hub = app.add_subcommand("hub", "The resource hub: read and import documents");
  hub->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto language = std::make_shared<std::string>("en");
  CLI::App* extract = hub->add_subcommand(
      "extract",
      "Print a PDF's text per page as JSON (OCR for scanned files); exit 2 when the "
      "file cannot be read");
  extract->add_option("file", *file, "The PDF")->required();
  extract->add_option("--language", *language, "The document's language: en, fr, es or pt")
      ->check(CLI::IsMember({"en", "fr", "es", "pt", "ar"}));
  extract->callback([file, language, &exit_code] {
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      std::cout << nlohmann::json{{"error", "cannot open " + *file}}.dump() << "\n";
      return void(exit_code = kOperatorInvalid);
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ingest::ExtractOptions options;
    options.language = *language;
    const auto text = ingest::ExtractPdf(bytes.str(), options);
    std::cout << ingest::ToJson(text).dump() << "\n";
    if (!text) exit_code = kOperatorInvalid;
  });
  AddHubImportCommand(*hub, exit_code);
}

}  // namespace connex::cli
