// `connex organisation add | list`: the organisations accounts belong to.
#include <iostream>

#include "cli/commands/platform_common.hpp"
#include "domain/accounts/account_service.hpp"
#include "store/sql_stores.hpp"

namespace connex::cli {

void AddOrganisationCommands(CLI::App& app, int& exit_code) {
  struct Args {
    DataOptions data;
    std::string kind, name, country;
  };
  auto args = std::make_shared<Args>();
  CLI::App* org = app.add_subcommand("organisation", "Add or list organisations");
  org->require_subcommand(1);

  CLI::App* add = org->add_subcommand("add", "Add an organisation; prints its id");
  AddDataOption(add, args->data);
  add->add_option("--kind", args->kind, "government | support_unit | provider")->required();
  add->add_option("--name", args->name, "Name, e.g. \"Ministry of Mines\"")->required();
  add->add_option("--country", args->country, "ISO 3166-1 alpha-3 (required for governments)");
  add->callback([args, &exit_code] {
    const auto kind = domain::ParseOrganisationKind(args->kind);
    if (!kind) {
      std::cerr << "error: --kind: \"" << args->kind
                << "\" is not one of government, support_unit, provider\n";
      return void(exit_code = kOperatorInvalid);
    }
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kOperatorFailed);
    const domain::AccountService service{domain::AccountRules{}};
    auto r = store::WriteStores(*db, [&](domain::Stores& st) {
      return service.AddOrganisation(st.accounts, OperatorActor(), *kind, args->name,
                                     args->country);
    });
    if (!r) {
      std::cerr << "error: " << r.error().ToString() << "\n";
      return void(exit_code = kOperatorInvalid);
    }
    std::cout << r->id << "\n";
  });

  CLI::App* list = org->add_subcommand("list", "List organisations: id, kind, country, name");
  AddDataOption(list, args->data);
  list->callback([args, &exit_code] {
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kOperatorFailed);
    auto r =
        store::ReadStores(*db, [](domain::Stores& st) -> Result<std::vector<domain::Organisation>> {
          return st.accounts.ListOrganisations();
        });
    for (const domain::Organisation& o : *r) {
      std::cout << o.id << "\t" << domain::ToString(o.kind) << "\t"
                << (o.country.empty() ? "-" : o.country) << "\t" << o.name << "\n";
    }
  });
}

}  // namespace connex::cli
