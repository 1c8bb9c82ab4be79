// Invitations: the only way into a privileged role. Staff invite; the invitee
// opens the link, sees who invited them to what, and chooses a password.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "domain/accounts/account_mail.hpp"
#include "domain/mail/mail_render.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

namespace {

nlohmann::json View(const domain::Invitation& i) {
  return {{"id", i.id},
          {"email", i.email},
          {"name", i.name},
          {"role", domain::ToString(i.role)},
          {"expires_at", ToIso(i.expires_at)}};
}

}  // namespace

void AddInvitationRoutes(std::vector<Route>& routes, Services& s) {
  // An invitation just mailed, with its link for the inviter to pass on.
  const auto sent = [&s](const domain::NewInvitation& inv) {
    nlohmann::json v = View(inv.invitation);
    v["accept_url"] = s.config.base_url + "/invitation/" + inv.token;
    return v;
  };
  routes.push_back(
      {"POST", "/api/v1/invitations", domain::Access::kStaff,
       "Invite someone (email, name, role, organisation_id, language): mails them the link "
       "(also returned)",
       [&s, sent](Request& r) -> Result<Reply> {
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
         return Reply{201, sent(*inv), {}};
       }});
  routes.push_back(
      {"GET", "/api/v1/invitations", domain::Access::kStaff,
       "Invitations not accepted yet (expired ones too) that the caller may send again, newest "
       "first",
       [&s](Request& r) -> Result<Reply> {
         return store::ReadStores(s.db, [&](domain::Stores& st) -> Result<Reply> {
           nlohmann::json items = nlohmann::json::array();
           const Instant now = Now();
           for (const domain::Invitation& i :
                s.accounts.PendingInvitations(st.accounts, r.principal.role)) {
             nlohmann::json v = View(i);
             const std::optional<domain::User> by = st.accounts.FindUser(i.invited_by);
             v["invited_by"] = by ? by->name : "";
             v["organisation_id"] = i.organisation_id;
             v["language"] = i.language;
             v["created_at"] = ToIso(i.created_at);
             v["expired"] = i.expires_at <= now;
             items.push_back(std::move(v));
           }
           return Reply{200, {{"items", items}}, {}};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/invitations/{id}/resend", domain::Access::kStaff,
       "Mail a pending invitation again with a new link and a new lifetime; the old link stops "
       "working",
       [&s, sent](Request& r) -> Result<Reply> {
         auto inv =
             store::WriteStores(s.db, [&](domain::Stores& st) -> Result<domain::NewInvitation> {
               auto renewed = s.accounts.ResendInvitation(st.accounts, r.principal.user_id,
                                                          r.principal.role, r.params[0]);
               if (!renewed) return renewed.errors();
               const std::optional<domain::User> sender = st.accounts.FindUser(r.principal.user_id);
               domain::MailInvitation(st, *renewed, sender ? sender->name : "", Now());
               return renewed;
             });
         if (!inv) return inv.errors();
         return Reply{200, sent(*inv), {}};
       }});
  routes.push_back({"GET", "/api/v1/invitations/{token}", domain::Access::kPublic,
                    "A pending invitation, for the page where the invitee accepts it",
                    [&s](Request& r) -> Result<Reply> {
                      auto inv = store::ReadStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.FindInvitation(st.accounts, r.params[0]);
                      });
                      if (!inv) return inv.errors();
                      nlohmann::json v = View(*inv);
                      v.erase("id");
                      return Reply{200, v, {}};
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
