// A forgotten password, without an operator: ask for a link by address, open
// it, choose a new password. Asking answers the same whether or not the
// address has an account, so the route reveals no accounts.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "domain/accounts/account_mail.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

void AddPasswordResetRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"POST", "/api/v1/password-reset", domain::Access::kPublic,
       "Ask for a link to choose a new password (email); the answer is the same whether or not "
       "the address has an account",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"email"});
         const std::string email = body.Text("email", true, 254);
         if (!body.errors().empty()) return body.errors();
         if (auto why = domain::CheckEmail(email)) {
           return Error{ErrorCode::kInvalidInput, *why, "email"};
         }
         auto done = store::WriteStores(s.db, [&](domain::Stores& st) -> Result<Done> {
           const Instant now = Now();
           if (auto reset = s.accounts.StartPasswordReset(st.accounts, email, now)) {
             domain::MailPasswordReset(st, *reset, now);
           }
           return Done{};
         });
         if (!done) return done.errors();
         return Reply{202,
                      {{"email", domain::NormaliseEmail(email)},
                       {"lifetime_minutes", s.config.rules.reset_lifetime.count() / 60}},
                      {}};
       }});
  routes.push_back({"GET", "/api/v1/password-reset/{token}", domain::Access::kPublic,
                    "The account a pending reset link is for, for the page that opens it",
                    [&s](Request& r) -> Result<Reply> {
                      auto user = store::ReadStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.FindPasswordReset(st.accounts, r.params[0], Now());
                      });
                      if (!user) return user.errors();
                      return Reply{200, {{"email", user->email}, {"name", user->name}}, {}};
                    }});
  routes.push_back(
      {"POST", "/api/v1/password-reset/{token}", domain::Access::kPublic,
       "Choose the new password (password): the link is used up and every session of the account "
       "ends",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"password"});
         const std::string password = body.Text("password", true, 256);
         if (!body.errors().empty()) return body.errors();
         auto user = store::WriteStores(s.db, [&](domain::Stores& st) {
           return s.accounts.CompletePasswordReset(st.accounts, r.params[0], password, Now());
         });
         if (!user) return user.errors();
         return Reply{200, {{"email", user->email}}, {}};
       }});
}

}  // namespace connex::api
