// People and organisations: staff see everyone; others see themselves and
// their own organisation (domain/policy object rules), and nothing else exists for them.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "domain/accounts/account_mail.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

void AddUserRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/users", domain::Access::kStaff,
       "Users by email, a page at a time (?limit=1..200, ?after=<next from the previous page>)",
       [&s](Request& r) -> Result<Reply> {
         auto limit = QueryInt(r, "limit", 50, 1, 200);
         if (!limit) return limit.errors();
         const std::string after = r.query.count("after") ? r.query.at("after") : "";
         auto users = store::ReadStores(s.db, [&](domain::Stores& st) {
           return s.accounts.ListUsers(st.accounts, r.principal, *limit + 1, after);
         });
         if (!users) return users.errors();
         nlohmann::json items = nlohmann::json::array();
         const bool more = static_cast<int>(users->size()) > *limit;
         for (int i = 0; i < std::min<int>(*limit, static_cast<int>(users->size())); ++i) {
           items.push_back(UserView((*users)[static_cast<size_t>(i)]));
         }
         nlohmann::json next = more ? nlohmann::json(items.back()["email"]) : nlohmann::json();
         return Reply{200, {{"items", items}, {"next", next}}, {}};
       }});
  routes.push_back({"GET", "/api/v1/users/{id}", domain::Access::kSignedIn,
                    "One user: staff see anyone, others themselves and colleagues",
                    [&s](Request& r) -> Result<Reply> {
                      auto user = store::ReadStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.VisibleUser(st.accounts, r.principal, r.params[0]);
                      });
                      if (!user) return user.errors();
                      return Reply{200, UserView(*user), {}};
                    }});
  routes.push_back(
      {"PUT", "/api/v1/users/{id}", domain::Access::kAdmin,
       "Change an account (version; role, organisation_id, disabled): a deactivated account is "
       "signed out at once",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"version", "role", "organisation_id", "disabled"});
         domain::UserChange change;
         change.version = body.Integer("version", true, 1, 1 << 30);
         Errors errors = body.errors();
         if (body.Value("role")) {
           const std::string name = body.Text("role", true, 40);
           change.role = domain::ParseAccountRole(name);
           if (!change.role) {
             errors.push_back(
                 {ErrorCode::kInvalidInput,
                  "\"" + name + "\" is not one of government, expert, coordinator, admin, funder",
                  "role"});
           }
         }
         if (const nlohmann::json* org = body.Value("organisation_id")) {
           change.organisation_id = org->is_string() ? org->get<std::string>() : "";
         }
         if (const nlohmann::json* off = body.Value("disabled")) {
           if (!off->is_boolean()) {
             errors.push_back({ErrorCode::kInvalidInput, "must be true or false", "disabled"});
           } else {
             change.disabled = off->get<bool>();
           }
         }
         if (!errors.empty()) return errors;
         auto user = store::WriteStores(s.db, [&](domain::Stores& st) {
           return s.accounts.ChangeUser(st.accounts, r.principal, r.params[0], change);
         });
         if (!user) return user.errors();
         return Reply{200, UserView(*user), {}};
       }});
  routes.push_back(
      {"POST", "/api/v1/users/{id}/password-reset", domain::Access::kAdmin,
       "Mail the account a link to choose a new password (at most three an hour)",
       [&s](Request& r) -> Result<Reply> {
         auto sent = store::WriteStores(s.db, [&](domain::Stores& st) -> Result<bool> {
           const std::optional<domain::User> u = st.accounts.FindUser(r.params[0]);
           if (!u) return Error{ErrorCode::kNotFound, "not found", ""};
           if (u->disabled) {
             return Error{ErrorCode::kInvalidInput, "the account is deactivated", "disabled"};
           }
           const Instant now = Now();
           auto reset = s.accounts.StartPasswordReset(st.accounts, u->email, now);
           if (reset) domain::MailPasswordReset(st, *reset, now);
           return reset.has_value();
         });
         if (!sent) return sent.errors();
         if (!*sent) {
           return Error{ErrorCode::kRateLimited,
                        "three links were mailed to this account in the last hour; wait before "
                        "sending another",
                        ""};
         }
         return Reply{202, {{"sent", true}}, {}};
       }});
  routes.push_back({"GET", "/api/v1/organisations", domain::Access::kSignedIn,
                    "Organisations the caller may see (staff: all; others: their own)",
                    [&s](Request& r) -> Result<Reply> {
                      auto all = store::ReadStores(
                          s.db,
                          [&](domain::Stores& st) -> Result<std::vector<domain::Organisation>> {
                            return s.accounts.VisibleOrganisations(st.accounts, r.principal);
                          });
                      if (!all) return all.errors();
                      nlohmann::json items = nlohmann::json::array();
                      for (const domain::Organisation& o : *all)
                        items.push_back(OrganisationView(o));
                      return Reply{200, {{"items", items}, {"next", nullptr}}, {}};
                    }});
  routes.push_back(
      {"GET", "/api/v1/organisations/{id}", domain::Access::kSignedIn,
       "One organisation, if the caller may see it", [&s](Request& r) -> Result<Reply> {
         auto org = store::ReadStores(s.db, [&](domain::Stores& st) {
           return s.accounts.VisibleOrganisation(st.accounts, r.principal, r.params[0]);
         });
         if (!org) return org.errors();
         return Reply{200, OrganisationView(*org), {}};
       }});
  routes.push_back(
      {"POST", "/api/v1/organisations", domain::Access::kAdmin,
       "Add an organisation (kind, name, country)", [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"kind", "name", "country"});
         const std::string kind_name = body.Text("kind", true, 40);
         const std::string name = body.Text("name", true, 200);
         const std::string country = body.Text("country", false, 3);
         Errors errors = body.errors();
         const auto kind = domain::ParseOrganisationKind(kind_name);
         if (!kind_name.empty() && !kind) {
           errors.push_back(
               {ErrorCode::kInvalidInput,
                "\"" + kind_name + "\" is not one of government, support_unit, provider", "kind"});
         }
         if (!errors.empty()) return errors;
         auto org = store::WriteStores(s.db, [&](domain::Stores& st) {
           return s.accounts.AddOrganisation(st.accounts, r.principal.user_id, *kind, name,
                                             country);
         });
         if (!org) return org.errors();
         return Reply{201, OrganisationView(*org), {}};
       }});
  routes.push_back({"PUT", "/api/v1/organisations/{id}", domain::Access::kAdmin,
                    "Rename an organisation or correct its country (name, country)",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"name", "country"});
                      const std::string name = body.Text("name", true, 200);
                      const std::string country = body.Text("country", false, 3);
                      if (!body.errors().empty()) return body.errors();
                      auto org = store::WriteStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.ChangeOrganisation(st.accounts, r.principal.user_id,
                                                             r.params[0], name, country);
                      });
                      if (!org) return org.errors();
                      return Reply{200, OrganisationView(*org), {}};
                    }});
}

}  // namespace connex::api
