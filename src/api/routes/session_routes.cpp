// Signing in and out, the current session, the password.
#include "api/routes/routes.hpp"
#include "api/routes/views.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

namespace {

std::string SessionCookie(const std::string& token, std::chrono::seconds max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count()) +
         (secure ? "; Secure" : "");
}

nlohmann::json SessionView(const domain::User& u, const std::string& csrf, Instant expires) {
  return {{"user", UserView(u)}, {"csrf_token", csrf}, {"expires_at", ToIso(expires)}};
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"POST", "/api/v1/session", domain::Access::kPublic,
                    "Sign in with email and password; sets the session cookie",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"email", "password"});
                      const std::string email = body.Text("email", true, 254);
                      const std::string password = body.Text("password", true, 256);
                      if (!body.errors().empty()) return body.errors();
                      auto attempt = store::WriteStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.SignIn(st.accounts, email, password, r.client);
                      });
                      if (!attempt) return attempt.errors();
                      if (attempt->refused) return *attempt->refused;
                      const domain::NewSession& n = *attempt->session;
                      Reply reply{201, SessionView(n.user, n.csrf_token, n.expires_at), {}};
                      reply.headers.push_back(
                          {"Set-Cookie", SessionCookie(n.token, s.config.rules.session_lifetime,
                                                       s.config.secure_cookies)});
                      return reply;
                    }});
  routes.push_back(
      {"GET", "/api/v1/session", domain::Access::kSignedIn,
       "The signed-in user, the CSRF token for state-changing requests, the expiry",
       [](Request& r) -> Result<Reply> {
         const domain::SignedIn& who = *r.signed_in;
         return Reply{
             200, SessionView(who.user, who.session.csrf_token, who.session.expires_at), {}};
       }});
  routes.push_back(
      {"DELETE", "/api/v1/session", domain::Access::kSignedIn,
       "Sign out: ends this session and clears the cookie", [&s](Request& r) -> Result<Reply> {
         auto done = store::WriteStores(s.db, [&](domain::Stores& st) {
           return s.accounts.SignOut(st.accounts, *r.signed_in);
         });
         if (!done) return done.errors();
         Reply reply{204, {}, {}};
         reply.headers.push_back(
             {"Set-Cookie", SessionCookie("", std::chrono::seconds(0), s.config.secure_cookies)});
         return reply;
       }});
  routes.push_back({"PUT", "/api/v1/account/password", domain::Access::kSignedIn,
                    "Change the password; every other session of the user ends",
                    [&s](Request& r) -> Result<Reply> {
                      BodyReader body(r.body, {"current_password", "new_password"});
                      const std::string current = body.Text("current_password", true, 256);
                      const std::string next = body.Text("new_password", true, 256);
                      if (!body.errors().empty()) return body.errors();
                      auto done = store::WriteStores(s.db, [&](domain::Stores& st) {
                        return s.accounts.ChangePassword(st.accounts, *r.signed_in, current, next);
                      });
                      if (!done) return done.errors();
                      return Reply{204, {}, {}};
                    }});
}

}  // namespace connex::api
