// People and organisations: staff see everyone; others see themselves and
// their own organisation (domain/policy object rules), and nothing else exists for them.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
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
}

}  // namespace connex::api
