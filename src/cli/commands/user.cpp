// `connex user add | invite | reset` and `connex organisation add | list`:
// accounts for operators at the server's console, audited as "cli:<login>".
#include <unistd.h>

#include <iostream>

#include "cli/commands/platform_common.hpp"
#include "core/crypto.hpp"
#include "domain/accounts/account_mail.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/mail/mail_render.hpp"
#include "store/sql_stores.hpp"

namespace connex::cli {

namespace {

// The password from the first line of standard input (kept out of the shell
// history and the process list), or a new random one when stdin is a terminal.
std::string PasswordFromStdin(bool& generated) {
  generated = isatty(STDIN_FILENO) != 0;
  if (generated) return RandomToken(18);
  std::string line;
  std::getline(std::cin, line);
  return line;
}

int Refused(const Result<Done>& r) {
  std::cerr << "error: " << r.error().ToString() << "\n";
  return r.error().code == ErrorCode::kInvalidInput || r.error().code == ErrorCode::kConflict ||
                 r.error().code == ErrorCode::kNotFound
             ? kOperatorInvalid
             : kOperatorFailed;
}

struct UserArgs {
  DataOptions data;
  std::string email, name, role, organisation, base_url, language = "en";
};

// The options naming a new account, shared by add and invite.
void AddAccountOptions(CLI::App* cmd, UserArgs& args) {
  AddDataOption(cmd, args.data);
  cmd->add_option("--email", args.email, "Email (the sign-in name)")->required();
  cmd->add_option("--name", args.name, "Full name")->required();
  cmd->add_option("--role", args.role, "government | expert | coordinator | admin")
      ->required()
      ->check(CLI::IsMember({"government", "expert", "coordinator", "admin"}));
  cmd->add_option("--organisation", args.organisation, "Organisation id (required for government)");
}

}  // namespace

void AddUserCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* user = app.add_subcommand("user", "Add, invite or reset portal accounts");
  user->require_subcommand(1);
  const domain::AccountService service{domain::AccountRules{}};

  CLI::App* add = user->add_subcommand(
      "add",
      "Create an account. The password is read from the first line of standard input; "
      "on a terminal a random one is made and printed once.");
  AddAccountOptions(add, *args);
  add->callback([args, service, &exit_code] {
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kOperatorFailed);
    const domain::Role role = *domain::ParseAccountRole(args->role);  // checked by CLI11
    bool generated = false;
    const std::string password = PasswordFromStdin(generated);
    std::string id;
    auto r = store::WriteStores(*db, [&](domain::Stores& st) -> Result<Done> {
      auto u = service.AddUser(st.accounts, OperatorActor(), args->email, args->name, role,
                               args->organisation, password);
      if (!u) return u.errors();
      id = u->id;
      return Done{};
    });
    if (!r) return void(exit_code = Refused(r));
    std::cout << "created " << id << " <" << domain::NormaliseEmail(args->email) << ">\n";
    if (generated) std::cout << "password (shown once): " << password << "\n";
  });

  CLI::App* invite = user->add_subcommand(
      "invite",
      "Invite someone: queues the invitation mail (the portal's sender delivers it) and prints "
      "the link they open to choose a password");
  AddAccountOptions(invite, *args);
  invite->add_option("--base-url", args->base_url, "The portal's address")
      ->default_val("http://127.0.0.1:8080");
  invite->add_option("--language", args->language, "Language of the mail and the account")
      ->check(CLI::IsMember(domain::MailLanguages()))
      ->capture_default_str();
  invite->callback([args, service, &exit_code] {
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kOperatorFailed);
    const domain::Role role = *domain::ParseAccountRole(args->role);  // checked by CLI11
    std::string token;
    auto r = store::WriteStores(*db, [&](domain::Stores& st) -> Result<Done> {
      auto i = service.Invite(st.accounts, OperatorActor(), domain::Role::kAdmin, args->email,
                              args->name, role, args->organisation, args->language);
      if (!i) return i.errors();
      domain::MailInvitation(st, *i, "The CONNEX Support Unit", Now());
      token = i->token;
      return Done{};
    });
    if (!r) return void(exit_code = Refused(r));
    std::cout << args->base_url << "/invitation/" << token << "\n";
  });

  CLI::App* reset = user->add_subcommand(
      "reset", "Set a new password (stdin, or a random one printed once) and end every session");
  AddDataOption(reset, args->data);
  reset->add_option("--email", args->email, "Email of the account")->required();
  reset->callback([args, service, &exit_code] {
    auto db = OpenData(args->data);
    if (!db) return void(exit_code = kOperatorFailed);
    bool generated = false;
    const std::string password = PasswordFromStdin(generated);
    auto r = store::WriteStores(*db, [&](domain::Stores& st) {
      return service.ResetPassword(st.accounts, OperatorActor(), args->email, password);
    });
    if (!r) return void(exit_code = Refused(r));
    std::cout << "password reset for <" << domain::NormaliseEmail(args->email) << ">\n";
    if (generated) std::cout << "password (shown once): " << password << "\n";
  });
}

}  // namespace connex::cli
