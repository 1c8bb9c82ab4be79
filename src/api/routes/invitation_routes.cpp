// Invitations: the only way into a privileged role. Staff invite; the invitee
// opens the link, sees who invited them to what, and chooses a password.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "domain/accounts/account_mail.hpp"
#include "domain/mail/mail_render.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

void AddInvitationRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"POST", "/api/v1/invitations", domain::Access::kStaff,
       "Invite someone (email, name, role, organisation_id, language): mails them the link "
       "(also returned)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"email", "name", "role", "organisation_id", "language"});
         const std::string email = body.Text("email", true, 254);
         const std::string name = body.Text("name", true, 200);
         const std::string role_name = body.Text("role", true, 40);
         const std::string org = body.Text("organisation_id", false, 100);
         std::string language = body.Text("language", false, 10);
         Errors errors = body.errors();
         if (!language.empty() && !domain::IsMailLanguage(language)) {
           errors.push_back({ErrorCode::kInvalidInput,
                             "\"" + language + "\" is not a language mails are written in",
                             "language"});
         }
         const auto role = domain::ParseAccountRole(role_name);
         if (!role_name.empty() && !role) {
           errors.push_back(
               {ErrorCode::kInvalidInput,
                "\"" + role_name + "\" is not one of government, expert, coordinator, admin",
                "role"});
         }
         if (!errors.empty()) return errors;
         auto inv =
             store::WriteStores(s.db, [&](domain::Stores& st) -> Result<domain::NewInvitation> {
               const std::optional<domain::User> inviter =
                   st.accounts.FindUser(r.principal.user_id);
               if (language.empty()) language = inviter ? inviter->language : "en";
               auto made = s.accounts.Invite(st.accounts, r.principal.user_id, r.principal.role,
                                             email, name, *role, org, language);
               if (!made) return made.errors();
               domain::MailInvitation(st, *made, inviter ? inviter->name : "", Now());
               return made;
             });
         if (!inv) return inv.errors();
         const domain::Invitation& i = inv->invitation;
         return Reply{201,
                      {{"id", i.id},
                       {"email", i.email},
                       {"name", i.name},
                       {"role", domain::ToString(i.role)},
                       {"expires_at", ToIso(i.expires_at)},
                       {"accept_url", s.config.base_url + "/invitation/" + inv->token}},
                      {}};
       }});
  routes.push_back({"GET", "/api/v1/invitations/{token}", domain::Access::kPublic,
                    "A pending invitation, for the page where the invitee accepts it",
                    [&s](Request& r) -> Result<Reply> {
                      auto inv = store::ReadStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.FindInvitation(st.accounts, r.params[0]);
                      });
                      if (!inv) return inv.errors();
                      return Reply{200,
                                   {{"email", inv->email},
                                    {"name", inv->name},
                                    {"role", domain::ToString(inv->role)},
                                    {"expires_at", ToIso(inv->expires_at)}},
                                   {}};
                    }});
  routes.push_back({"POST", "/api/v1/invitations/{token}/accept", domain::Access::kPublic,
                    "Accept an invitation by choosing a password; creates the account",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"password"});
                      const std::string password = body.Text("password", true, 256);
                      if (!body.errors().empty()) return body.errors();
                      auto user = store::WriteStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.AcceptInvitation(st.accounts, r.params[0], password);
                      });
                      if (!user) return user.errors();
                      return Reply{201, UserView(*user), {}};
                    }});
}

}  // namespace connex::api
