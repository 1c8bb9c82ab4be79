// `connex audit verify`: the check of the audit log an operator runs against
// a live data directory.
#include <iostream>

#include "cli/commands/platform_common.hpp"
#include "store/audit_log.hpp"

namespace connex::cli {

void AddAuditCommands(CLI::App& app, int& exit_code) {
  auto data = std::make_shared<DataOptions>();
  CLI::App* audit = app.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand(
      "verify", "Recompute the hash chain; exit 1 and name the first broken link if any");
  AddDataOption(verify, *data);
  verify->callback([data, &exit_code] {
    auto db = OpenData(*data);
    if (!db) return void(exit_code = kOperatorFailed);
    auto v = db->Read([](soci::session& sql) -> Result<store::AuditVerdict> {
      return store::VerifyAuditChain(sql);
    });
    if (v->first_broken) {
      std::cout << "audit chain BROKEN at entry " << *v->first_broken << " of " << v->entries
                << ": " << v->reason << "\n";
      return void(exit_code = kOperatorFailed);
    }
    std::cout << "audit chain intact: " << v->entries << " entries\n";
  });
}

}  // namespace connex::cli
