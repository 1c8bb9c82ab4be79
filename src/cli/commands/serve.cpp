// `connex serve` (the portal) and `connex demo` (demonstration accounts).
#include <iostream>

#include "api/server.hpp"
#include "cli/commands/demo_after_support.hpp"
#include "cli/commands/demo_hub.hpp"
#include "cli/commands/demo_roster.hpp"
#include "cli/commands/platform_common.hpp"
#include "core/crypto.hpp"
#include "domain/accounts/account_service.hpp"
#include "store/sql_account_repository.hpp"
#include "store/sql_stores.hpp"

namespace connex::cli {

namespace {

constexpr const char* kDemoPassword = "connex-demo-2026";

struct DemoAccount {
  const char* email;
  const char* name;
  domain::Role role;
  int organisation;             // index into the organisations below; -1: none
  const char* language = "en";  // of the account's mails
};

// A request from the Senegalese ministry, submitted and acknowledged, so the
// coordinator's inbox and the ministry's list have something to show.
Result<Done> DemoRequest(domain::Stores& stores, const domain::Principal& coordinator,
                         const domain::Principal& senegal) {
  const domain::RequestService service;
  auto form = domain::ReadForm(
      nlohmann::json{
          {"entity", "Direction des Hydrocarbures"},
          {"focal_points", {{{"name", "Aminata Diop"}, {"email", "focal.senegal@connex.example"}}}},
          {"project_name", "Offshore block C-12 production sharing contract"},
          {"commodity", "gas"},
          {"site", "Offshore, Saint-Louis basin"},
          {"counterparties",
           {{{"name", "Atlantic Gas Exploration Ltd."},
             {"affiliates", {"AGE Senegal SA", "Atlantic Gas Holdings plc"}}}}},
          {"disciplines", {"legal", "fiscal_modelling", "petroleum_engineering"}},
          {"phase", "negotiation"},
          {"timeline", "First negotiating round in eight weeks"},
          {"deadline", "2027-02-15"},
          {"language", "fr"},
          {"background",
           "The ministry received the company's draft PSC and needs advice on cost recovery, "
           "profit-oil split and the domestic gas obligation."}},
      false);
  if (!form) return form.errors();
  const Instant now = Now();
  auto draft = service.CreateDraft(stores, senegal, *form, now);
  if (!draft) return draft.errors();
  auto submitted = service.Transition(
      stores, senegal, draft->id, {domain::RequestState::kSubmitted, draft->version, "", {}}, now);
  if (!submitted) return submitted.errors();
  auto acknowledged =
      service.Transition(stores, coordinator, draft->id,
                         {domain::RequestState::kAcknowledged, submitted->version, "", {}}, now);
  if (!acknowledged) return acknowledged.errors();
  return Done{};
}

// Creates the demonstration organisations and accounts when there are no
// users yet; prints the sign-ins. Returns false on a database failure.
bool SeedDemo(store::Database& db, std::ostream& out) {
  const domain::AccountService service{domain::AccountRules{}};
  bool seeded = false;
  auto r = store::WriteStores(db, [&](domain::Stores& stores) -> Result<Done> {
    domain::AccountRepository& repo = stores.accounts;
    if (!repo.ListUsers(1, "", std::nullopt).empty()) return Done{};
    const struct {
      domain::OrganisationKind kind;
      const char* name;
      const char* country;
    } orgs[] = {
        {domain::OrganisationKind::kSupportUnit, "CONNEX Support Unit", ""},
        {domain::OrganisationKind::kGovernment, "Ministry of Lands and Natural Resources", "GHA"},
        {domain::OrganisationKind::kGovernment, "Ministère du Pétrole et des Énergies", "SEN"},
    };
    std::vector<std::string> ids;
    for (const auto& o : orgs) {
      auto made = service.AddOrganisation(repo, "system:demo", o.kind, o.name, o.country);
      if (!made) return made.errors();
      ids.push_back(made->id);
    }
    const DemoAccount accounts[] = {
        {"admin@connex.example", "Alex Admin", domain::Role::kAdmin, 0},
        {"coordinator@connex.example", "Chloé Coordinator", domain::Role::kCoordinator, 0},
        {"focal.ghana@connex.example", "Kwame Mensah", domain::Role::kGovernment, 1},
        {"focal.senegal@connex.example", "Aminata Diop", domain::Role::kGovernment, 2, "fr"},
        {"fiscal.expert@connex.example", "Elena Fiscal", domain::Role::kExpert, -1},
        {"mining.engineer@connex.example", "Tom Engineer", domain::Role::kExpert, -1},
        {"funder@connex.example", "Fatima Funder", domain::Role::kFunder, -1},
    };
    std::vector<domain::Principal> people;
    const std::string password_hash = HashPassword(kDemoPassword);
    for (const DemoAccount& a : accounts) {
      auto made = service.AddUserWithHash(
          repo, "system:demo", a.email, a.name, a.role,
          a.organisation < 0 ? "" : ids[static_cast<size_t>(a.organisation)], password_hash);
      if (!made) return made.errors();
      if (made->language != a.language) {
        made->language = a.language;
        repo.UpdateUser(*made);
      }
      people.push_back({made->role, made->id, made->organisation_id});
    }
    auto request = DemoRequest(stores, people[1], people[3]);
    if (!request) return request.errors();
    auto roster = DemoRoster(stores, people[0], password_hash, Now());
    if (!roster) return roster.errors();
    auto hub = DemoHub(stores, people[1], people[0]);
    if (!hub) return hub.errors();
    auto monitoring = DemoMonitoring(stores, people[2], Now());
    if (!monitoring) return monitoring.errors();
    auto training = DemoTraining(stores, people[1], people[2], Now());
    if (!training) return training.errors();
    seeded = true;
    return Done{};
  });
  if (!r) {
    std::cerr << "error: demo data: " << r.error().ToString() << "\n";
    return false;
  }
  if (seeded) {
    out << "Demo accounts (password for all: " << kDemoPassword << "):\n"
        << "  admin        admin@connex.example\n"
        << "  coordinator  coordinator@connex.example\n"
        << "  government   focal.ghana@connex.example, focal.senegal@connex.example\n"
        << "  expert       fiscal.expert@connex.example, mining.engineer@connex.example\n"
        << "Roster: 33 experts of every discipline in English, French, Spanish and Portuguese\n"
        << "  (the two above and 31 more, all with the same password).\n"
        << "  funder       funder@connex.example (impact reports only)\n"
        << "Resource hub: sample contracts, guides and support providers, labelled as samples.\n"
        << "Monitoring: Ghana's register of the Asante Ridge sample contract.\n"
        << "Training: a published course with two sessions.\n";
  }
  return true;
}

}  // namespace

void AddServeCommands(CLI::App& app, int& exit_code) {
  struct Args {
    DataOptions data;
    api::ServerConfig config;
    int lifetime = 12 * 3600, idle = 2 * 3600;
    int header_timeout = 10, body_timeout = 120, keep_alive = 20;
    bool demo = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* serve =
      app.add_subcommand("serve", "Run the portal: the API, the web app, health probes");
  AddDataOption(serve, args->data);
  api::ServerConfig& c = args->config;
  serve->add_option("--host", c.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", c.port, "Port to listen on")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--threads", c.threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  serve->add_option("--web", c.web_dir, "Directory of the built web app (served at /)")
      ->default_val("web/dist");
  serve->add_option("--max-body", c.max_body, "Largest request body in bytes")
      ->capture_default_str()
      ->check(CLI::Range(1024, 1 << 30));
  serve->add_option("--max-document", c.max_document, "Largest uploaded document in bytes")
      ->capture_default_str()
      ->check(CLI::Range(1024, 1 << 30));
  serve
      ->add_option("--clock-watch", c.clock_watch,
                   "Seconds between sweeps that mail response-time warnings and survey reminders")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve->add_option("--session-lifetime", args->lifetime, "Seconds a session lasts at most")
      ->capture_default_str()
      ->check(CLI::Range(1, 30 * 24 * 3600));
  serve->add_option("--session-idle", args->idle, "Seconds of inactivity that end a session")
      ->capture_default_str()
      ->check(CLI::Range(1, 30 * 24 * 3600));
  serve
      ->add_option("--lockout-failures", c.rules.lockout_failures,
                   "Failed sign-ins in a row that lock an account for 15 minutes")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  serve
      ->add_option("--client-failures", c.rules.client_failures,
                   "Failed sign-ins from one address per 15 minutes before it is refused")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option("--max-connections", c.http.connections,
                   "Open connections in all beyond which new ones are refused")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  serve
      ->add_option("--max-connections-per-address", c.http.per_address,
                   "Open connections from one address beyond which new ones are refused "
                   "(behind a proxy, every connection comes from the proxy's address)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  serve
      ->add_option("--header-timeout", args->header_timeout,
                   "Seconds a new connection has to send a request's whole header")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--body-timeout", args->body_timeout,
                   "Seconds a request has to send its whole body once its header is in")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--keep-alive", args->keep_alive,
                   "Seconds an idle connection is kept open for the client's next request")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  serve->add_option("--base-url", c.base_url, "The portal's public address, for links")
      ->envname("CONNEX_BASE_URL")
      ->capture_default_str();
  AddMailOptions(serve, c.mail);
  serve->add_flag("--secure-cookies", c.secure_cookies, "Mark cookies Secure (behind TLS)");
  serve->add_flag("--demo", args->demo, "Create the demonstration accounts if there are no users");
  serve->callback([args, &exit_code] {
    if (const std::string why = CheckMailOptions(args->config.mail); !why.empty()) {
      std::cerr << "error: " << why << "\n";
      return void(exit_code = kOperatorInvalid);
    }
    // One pooled session per worker, and one for the probes.
    auto db = OpenData(args->data, true, args->config.threads + 1);
    if (!db) return void(exit_code = kOperatorFailed);
    if (args->demo && !SeedDemo(*db, std::cout)) return void(exit_code = kOperatorFailed);
    std::cout.flush();
    args->config.rules.session_lifetime = std::chrono::seconds(args->lifetime);
    args->config.http.header_deadline = std::chrono::seconds(args->header_timeout);
    args->config.http.body_deadline = std::chrono::seconds(args->body_timeout);
    args->config.http.idle = std::chrono::seconds(args->keep_alive);
    args->config.rules.session_idle = std::chrono::seconds(args->idle);
    exit_code = api::Serve(args->config, *db) == 0 ? 0 : kOperatorFailed;
  });

  CLI::App* demo = app.add_subcommand(
      "demo", "Create the demonstration organisations and accounts (only when there are no users)");
  AddDataOption(demo, args->data);
  demo->callback([args, &exit_code] {
    auto db = OpenData(args->data);
    if (!db || !SeedDemo(*db, std::cout)) exit_code = kOperatorFailed;
  });
}

}  // namespace connex::cli
