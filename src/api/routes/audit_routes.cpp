// The audit log, for admins: newest first, and the chain check.
#include <map>

#include "api/routes/routes.hpp"
#include "domain/accounts/account_repository.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

void AddAuditRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/audit", domain::Access::kAdmin,
       "Audit entries, newest first (?limit=1..500, ?before=<next from the previous page>). "
       "Entries about what administrators do not manage (requests, models, documents...) "
       "are withheld: what happened to which object and the names of the fields changed",
       [&s](Request& r) -> Result<Reply> {
         auto limit = QueryInt(r, "limit", 100, 1, 500);
         if (!limit) return limit.errors();
         auto before = QueryInt(r, "before", 0, 0, 2147483647);
         if (!before) return before.errors();
         // Who acted and on whom, by name: people and organisations as an
         // administrator sees them anyway (ids stay for the record).
         std::map<std::string, std::string> names;
         auto entries = store::ReadStores(
             s.db, [&](domain::Stores& st) -> Result<std::vector<domain::AuditRecordView>> {
               auto found = s.audit.Newest(st, r.principal, *limit, *before);
               if (!found) return found;
               const auto name_of = [&](const std::string& type, const std::string& id) {
                 if (id.empty() || names.count(id)) return;
                 if (type == "user") {
                   if (auto u = st.accounts.FindUser(id)) names[id] = u->name;
                 } else if (type == "organisation") {
                   if (auto o = st.accounts.FindOrganisation(id)) names[id] = o->name;
                 }
               };
               for (const domain::AuditRecordView& e : *found) {
                 name_of("user", e.actor);
                 name_of(e.object_type, e.object_id);
               }
               return found;
             });
         if (!entries) return entries.errors();
         const auto name = [&](const std::string& id) {
           const auto it = names.find(id);
           return it == names.end() ? nlohmann::json() : nlohmann::json(it->second);
         };
         nlohmann::json items = nlohmann::json::array();
         for (const domain::AuditRecordView& e : *entries) {
           // Entries hold JSON; any other text is answered as a string, so
           // that one odd entry never makes the whole answer invalid.
           auto parse = [](const std::string& text) {
             if (text.empty()) return nlohmann::json();
             nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
             return j.is_discarded() ? nlohmann::json(text) : j;
           };
           items.push_back({{"seq", e.seq},
                            {"at", e.at},
                            {"actor", e.actor},
                            {"actor_name", name(e.actor)},
                            {"action", e.action},
                            {"object_type", e.object_type},
                            {"object_id", e.object_id},
                            {"object_name", name(e.object_id)},
                            {"before", parse(e.before_json)},
                            {"after", parse(e.after_json)},
                            {"withheld", e.withheld},
                            {"fields", e.fields},
                            {"hash", e.hash}});
         }
         const bool more = static_cast<int>(entries->size()) == *limit && entries->back().seq > 1;
         return Reply{
             200,
             {{"items", items}, {"next", more ? nlohmann::json(entries->back().seq) : nullptr}},
             {}};
       }});
  routes.push_back(
      {"GET", "/api/v1/audit/verify", domain::Access::kAdmin,
       "Re-seal the chain and compare it with its anchor; names the first broken entry",
       [&s](Request& r) -> Result<Reply> {
         auto v = store::ReadStores(
             s.db, [&](domain::Stores& st) { return s.audit.Verify(st, r.principal); });
         if (!v) return v.errors();
         return Reply{200,
                      {{"entries", v->entries},
                       {"unkeyed", v->unkeyed},
                       {"anchored", v->anchored},
                       {"anchored_at", v->anchored_at},
                       {"intact", !v->first_broken},
                       {"first_broken",
                        v->first_broken ? nlohmann::json(*v->first_broken) : nlohmann::json()},
                       {"reason", v->reason}},
                      {}};
       }});
}

}  // namespace connex::api
