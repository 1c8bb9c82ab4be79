// `connex hub import FOLDER`: the PDFs of a folder with their metadata CSV,
// as drafts of the hub. Each row is one transaction; a file imported before
// (same SHA-256) is skipped, so an interrupted import resumes where it
// stopped. Every wrong row is reported with its line and column; the others
// import. Files are read by the isolated reader, as the server does.
#include "domain/hub/hub_import.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands/platform_common.hpp"
#include "cli/commands/progress_bar.hpp"
#include "core/crypto.hpp"
#include "ingest/isolated_extract.hpp"
#include "store/sql_stores.hpp"

namespace connex::cli {

namespace {

struct ImportArgs {
  std::string folder;
  std::string csv = "metadata.csv";
  std::string as;
  DataOptions data;
  bool check = false;
};

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void Report(int line, const std::string& field, const std::string& message) {
  std::cout << "line " << line << (field.empty() ? "" : ", " + field) << ": " << message << "\n";
}

int RunImport(const ImportArgs& args) {
  const std::filesystem::path folder(args.folder);
  const auto csv = ReadFile(folder / args.csv);
  if (!csv) {
    std::cerr << "error: cannot read " << (folder / args.csv).string() << "\n";
    return kOperatorInvalid;
  }
  const domain::HubImportPlan plan = domain::ReadHubImportCsv(*csv);
  for (const auto& e : plan.errors) Report(e.line, e.field, e.message);
  int failed = static_cast<int>(plan.errors.size());
  if (args.check) {
    for (const auto& row : plan.rows) {
      if (!std::filesystem::is_regular_file(folder / row.file)) {
        Report(row.line, "file", "no such file in the folder: " + row.file);
        ++failed;
      }
    }
    std::cout << plan.rows.size() << " rows ready, " << failed << " problems\n";
    return failed ? kOperatorInvalid : 0;
  }
  auto db = OpenData(args.data);
  if (!db) return kOperatorFailed;
  // Whoever imports is recorded as the editor; publication still needs a second person.
  auto who = store::ReadStores(*db, [&](domain::Stores& s) -> Result<domain::Principal> {
    const auto user = s.accounts.FindUserByEmail(domain::NormaliseEmail(args.as));
    if (!user || (user->role != domain::Role::kCoordinator && user->role != domain::Role::kAdmin)) {
      return Error{ErrorCode::kInvalidInput, "must be the email of a coordinator or administrator",
                   "--as"};
    }
    return domain::Principal{user->role, user->id, user->organisation_id};
  });
  if (!who) {
    std::cerr << "error: " << who.error().ToString() << "\n";
    return kOperatorInvalid;
  }
  const domain::HubService hub;
  ProgressBar bar(isatty(STDERR_FILENO) != 0, "files");
  int imported = 0, skipped = 0, pages = 0;
  for (size_t i = 0; i < plan.rows.size(); ++i) {
    const auto& row = plan.rows[i];
    bar.Update(static_cast<std::int64_t>(i), static_cast<std::int64_t>(plan.rows.size()));
    const auto bytes = ReadFile(folder / row.file);
    if (!bytes) {
      Report(row.line, "file", "no such file in the folder: " + row.file);
      ++failed;
      continue;
    }
    const std::string sha = Sha256Hex(*bytes);
    auto earlier = store::ReadStores(*db, [&](domain::Stores& s) -> Result<std::string> {
      const auto d = s.hub.FindDocumentByFile(sha);
      return d ? d->id : std::string();
    });
    if (earlier && !earlier->empty()) {
      ++skipped;
      continue;
    }
    auto text = ingest::ExtractIsolated(*bytes, row.meta.language);
    if (!text) {
      Report(row.line, "file", row.file + ": " + text.error().message);
      ++failed;
      continue;
    }
    auto made = store::WriteStores(*db, [&](domain::Stores& s) -> Result<domain::HubDocument> {
      auto d = hub.Create(s, *who, row.meta, Now());
      if (!d) return d.errors();
      return hub.AttachFile(s, *who, d->id, row.file, *bytes, *text, Now());
    });
    if (!made) {
      for (const Error& e : made.errors()) Report(row.line, e.field, e.message);
      ++failed;
      continue;
    }
    ++imported;
    pages += made->page_count;
  }
  bar.Update(static_cast<std::int64_t>(plan.rows.size()),
             static_cast<std::int64_t>(plan.rows.size()));
  bar.Finish();
  std::cout << imported << " imported as drafts (" << pages << " pages), " << skipped
            << " already imported, " << failed << " problems\n";
  return failed ? kOperatorInvalid : 0;
}

}  // namespace

void AddHubImportCommand(CLI::App& hub, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = hub.add_subcommand(
      "import",
      "Import a folder of PDFs described by a metadata CSV as drafts (per-row errors; files "
      "imported before are skipped, so an interrupted import resumes)");
  cmd->add_option("folder", args->folder, "The folder holding the PDFs and the CSV")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--csv", args->csv, "The metadata CSV, inside the folder")->capture_default_str();
  cmd->add_option("--as", args->as, "Email of the coordinator or administrator importing");
  cmd->add_flag("--check", args->check, "Only check the CSV and that each file is there");
  AddDataOption(cmd, args->data);
  cmd->callback([args, &exit_code] {
    if (!args->check && args->as.empty()) {
      std::cerr << "error: --as: the email of the coordinator or administrator importing\n";
      return void(exit_code = kOperatorInvalid);
    }
    exit_code = RunImport(*args);
  });
}

}  // namespace connex::cli
