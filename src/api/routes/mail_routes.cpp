// Mail: each user's own settings (language, time zone, a choice per kind of
// mail), and the outbox as administrators watch it.
#include "api/routes/routes.hpp"
#include "domain/mail/mail_repository.hpp"
#include "domain/mail/mailer.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

namespace {

nlohmann::json SettingsView(domain::Stores& st, const domain::User& u) {
  nlohmann::json choices = nlohmann::json::array();
  for (const domain::MailChoice& c : domain::MailChoices(st, u)) {
    choices.push_back({{"kind", c.kind}, {"mode", domain::ToString(c.mode)}});
  }
  return {{"email", u.email},
          {"language", u.language},
          {"time_zone", u.time_zone},
          {"choices", choices}};
}

nlohmann::json OutboxItem(const domain::OutboundMail& m) {
  return {{"id", m.id},
          {"kind", m.kind},
          {"recipient", m.recipient},
          {"reference", m.reference},
          {"status", domain::ToString(m.status)},
          {"attempts", m.attempts},
          {"last_error", m.last_error},
          {"created_at", ToIso(m.created_at)},
          {"next_attempt_at", ToIso(m.next_attempt_at)},
          {"sent_at", m.sent_at ? nlohmann::json(ToIso(*m.sent_at)) : nlohmann::json()}};
}

}  // namespace

void AddMailRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/account/mail", domain::Access::kSignedIn,
                    "Your mail settings: language, time zone, and a choice per kind of mail",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](domain::Stores& st) -> Result<nlohmann::json> {
                        return SettingsView(st, r.signed_in->user);
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/account/mail", domain::Access::kSignedIn,
       "Change your mail settings (language, time_zone, choices: [{kind, mode: immediate | "
       "digest | off}])",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"language", "time_zone", "choices"});
         domain::MailSettingsChange change;
         if (body.Value("language")) change.language = body.Text("language", true, 10);
         if (body.Value("time_zone")) change.time_zone = body.Text("time_zone", true, 64);
         Errors errors = body.errors();
         if (const nlohmann::json* list = body.Value("choices")) {
           if (!list->is_array() || list->size() > 100) {
             errors.push_back({ErrorCode::kInvalidInput,
                               "must be a list of {kind, mode}, at most 100", "choices"});
           } else {
             for (const nlohmann::json& c : *list) {
               const auto mode = c.is_object() && c.contains("mode") && c["mode"].is_string()
                                     ? domain::kMailModeNames.Parse(c["mode"].get<std::string>())
                                     : std::nullopt;
               if (!mode || !c.contains("kind") || !c["kind"].is_string() || c.size() != 2) {
                 errors.push_back({ErrorCode::kInvalidInput,
                                   "each choice is {kind, mode} with mode immediate, digest or off",
                                   "choices"});
                 break;
               }
               change.choices.push_back({c["kind"].get<std::string>(), *mode});
             }
           }
         }
         if (!errors.empty()) return errors;
         return WriteJson(s, 200, [&](domain::Stores& st) -> Result<nlohmann::json> {
           auto u = domain::ChangeMailSettings(st, r.principal.user_id, change);
           if (!u) return u.errors();
           return SettingsView(st, *u);
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/mail/outbox", domain::Access::kAdmin,
       "The outbox, newest first (?status=queued | sent | failed | digest; ?limit=1..500): "
       "recipients, attempts and the last error, never the words",
       [&s](Request& r) -> Result<Reply> {
         auto limit = QueryInt(r, "limit", 100, 1, 500);
         if (!limit) return limit.errors();
         const std::string status_name = QueryText(r, "status");
         const auto status = domain::kMailStatusNames.Parse(status_name);
         if (!status_name.empty() && !status) {
           return Error{ErrorCode::kInvalidInput,
                        "\"" + status_name +
                            "\" is not one of queued, digest, sent, failed, "
                            "digested",
                        "status"};
         }
         return ReadJson(s, [&](domain::Stores& st) -> Result<nlohmann::json> {
           nlohmann::json counts = nlohmann::json::object();
           for (const std::string& name : domain::kMailStatusNames.All()) counts[name] = 0;
           for (const auto& [st_, n] : st.mail.Counts()) counts[domain::ToString(st_)] = n;
           nlohmann::json items = nlohmann::json::array();
           for (const domain::OutboundMail& m : st.mail.Recent(*limit, status)) {
             items.push_back(OutboxItem(m));
           }
           return nlohmann::json{{"delivering", !s.config.mail.smtp_url.empty()},
                                 {"from", s.config.mail.from},
                                 {"counts", counts},
                                 {"items", items}};
         });
       }});
}

}  // namespace connex::api
