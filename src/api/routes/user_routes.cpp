// People and organisations: staff see everyone; others see themselves and
// their own organisation (domain/policy object rules), and nothing else exists for them.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "store/sql_account_repository.hpp"

namespace connex::api {

void AddUserRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/users", domain::Access::kStaff,
       "Users by email, a page at a time (?limit=1..200, ?after=<next from the previous page>)",
       [&s](Request& r) -> Result<Reply> {
         auto limit = QueryInt(r, "limit", 50, 1, 200);
         if (!limit) return limit.errors();
         const std::string after = r.query.count("after") ? r.query.at("after") : "";
         auto users = store::ReadAccounts(
             s.db, [&](domain::AccountRepository& repo) -> Result<std::vector<domain::User>> {
               return repo.ListUsers(*limit + 1, after, std::nullopt);
             });
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
                      auto user = store::ReadAccounts(
                          s.db, [&](domain::AccountRepository& repo) -> Result<domain::User> {
                            auto u = repo.FindUser(r.params[0]);
                            if (!u || !domain::CanSeeUser(r.principal, *u)) {
                              return Error{ErrorCode::kNotFound, "no such user", "id"};
                            }
                            return *u;
                          });
                      if (!user) return user.errors();
                      return Reply{200, UserView(*user), {}};
                    }});
  routes.push_back(
      {"GET", "/api/v1/organisations", domain::Access::kSignedIn,
       "Organisations the caller may see (staff: all; others: their own)",
       [&s](Request& r) -> Result<Reply> {
         auto all = store::ReadAccounts(
             s.db,
             [](domain::AccountRepository& repo) -> Result<std::vector<domain::Organisation>> {
               return repo.ListOrganisations();
             });
         nlohmann::json items = nlohmann::json::array();
         for (const domain::Organisation& o : *all) {
           if (domain::CanSeeOrganisation(r.principal, o)) {
             items.push_back(OrganisationView(o));
           }
         }
         return Reply{200, {{"items", items}, {"next", nullptr}}, {}};
       }});
  routes.push_back(
      {"GET", "/api/v1/organisations/{id}", domain::Access::kSignedIn,
       "One organisation, if the caller may see it", [&s](Request& r) -> Result<Reply> {
         auto org = store::ReadAccounts(
             s.db, [&](domain::AccountRepository& repo) -> Result<domain::Organisation> {
               auto o = repo.FindOrganisation(r.params[0]);
               if (!o || !domain::CanSeeOrganisation(r.principal, *o)) {
                 return Error{ErrorCode::kNotFound, "no such organisation", "id"};
               }
               return *o;
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
         auto org = store::WriteAccounts(s.db, [&](domain::AccountRepository& repo) {
           return s.accounts.AddOrganisation(repo, r.principal.user_id, *kind, name, country);
         });
         if (!org) return org.errors();
         return Reply{201, OrganisationView(*org), {}};
       }});
}

}  // namespace connex::api
