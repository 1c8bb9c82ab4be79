// `connex audit verify`, `connex audit key new`, `connex audit reanchor`: the
// operator's checks of the audit log, its key, and the record of a restore.
#include <iostream>

#include "cli/commands/platform_common.hpp"
#include "store/audit_log.hpp"

namespace connex::cli {

namespace {

// What a verdict says to the operator; false when the log does not hold.
bool Report(const store::AuditVerdict& v) {
  if (v.first_broken && *v.first_broken == 0) {
    std::cout << "audit chain NOT CHECKED: " << v.reason << "\n";
    return false;
  }
  if (v.first_broken) {
    std::cout << "audit chain BROKEN at entry " << *v.first_broken << " of " << v.entries << ": "
              << v.reason << "\n";
    return false;
  }
  const store::AuditSeal& seal = *store::CurrentAuditSeal();
  std::cout << "audit chain intact: " << v.entries << " entries, sealed with key " << seal.key.id
            << "\n";
  if (v.unkeyed > 0) {
    std::cout << "entries 1 to " << v.unkeyed
              << " come from before the audit key: plain SHA-256, bound by the first keyed "
                 "entry after them\n";
  }
  if (v.anchored > 0) {
    std::cout << "anchored: the log holds the " << v.anchored << " entries that "
              << seal.anchor_path << " recorded at " << v.anchored_at << "\n";
  } else if (v.entries > 0) {
    std::cout << "not anchored yet: " << seal.anchor_path
              << " is written by the portal as the log grows; until then entries removed "
                 "from the end would not show\n";
  }
  return true;
}

}  // namespace

void AddAuditCommands(CLI::App& app, int& exit_code) {
  auto data = std::make_shared<DataOptions>();
  CLI::App* audit = app.add_subcommand("audit", "Check the audit log and manage its key");
  audit->require_subcommand(1);

  CLI::App* verify = audit->add_subcommand(
      "verify",
      "Re-seal every entry with the audit key and compare the log with its anchor; exit 1 and "
      "name the first entry that does not hold");
  AddDataOption(verify, *data);
  verify->callback([data, &exit_code] {
    auto db = OpenData(*data);
    if (!db) return void(exit_code = kOperatorFailed);
    auto v = db->Read([](soci::session& sql) -> Result<store::AuditVerdict> {
      return store::VerifyAuditChain(sql);
    });
    if (!v || !Report(*v)) exit_code = kOperatorFailed;
  });

  auto file = std::make_shared<std::string>();
  CLI::App* key = audit->add_subcommand("key", "The audit key");
  key->require_subcommand(1);
  CLI::App* key_new = key->add_subcommand(
      "new", "Write a new random audit key to FILE (mode 0600), for a new PostgreSQL database");
  key_new->add_option("FILE", *file, "Where to write the key; must not exist")->required();
  key_new->callback([file, &exit_code] {
    auto created = store::CreateAuditKey(*file);
    if (!created) {
      std::cerr << "error: " << created.error().ToString() << "\n";
      return void(exit_code = kOperatorInvalid);
    }
    std::cout << "audit key " << created->id << " written to " << *file
              << "; copy this file to every instance and keep it out of the database's "
                 "backups\n";
  });

  auto reason = std::make_shared<std::string>();
  CLI::App* reanchor = audit->add_subcommand(
      "reanchor",
      "After a legitimate rollback of the database: record in the log that its anchor was "
      "replaced, and why, then anchor the log as it is (`connex restore` does this itself)");
  AddDataOption(reanchor, *data);
  reanchor->add_option("--reason", *reason, "Why the log went back, in words")
      ->required()
      ->check([](const std::string& text) {
        return text.find_first_not_of(" \t") == std::string::npos ? "a reason is needed" : "";
      });
  reanchor->callback([data, reason, &exit_code] {
    auto db = OpenData(*data);
    if (!db) return void(exit_code = kOperatorFailed);
    auto v = store::ReplaceAuditAnchor(*db, OperatorActor(), *reason);
    if (!v) {
      std::cerr << "error: " << v.error().ToString() << "\n";
      return void(exit_code = kOperatorFailed);
    }
    if (!Report(*v)) exit_code = kOperatorFailed;
  });
}

}  // namespace connex::cli
