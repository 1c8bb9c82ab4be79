// Confidential documents of a request: upload as the raw body (the file's
// name in ?name=, its type in Content-Type, checked against the content),
// list, download. Every download is recorded in the audit log.
#include "api/routes/request_views.hpp"
#include "api/routes/routes.hpp"
#include "domain/policy/request_access.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

namespace {}  // namespace

void AddDocumentRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/requests/{id}/documents", Access::kParticipant,
                    "The request's confidential documents", [&s](Request& r) -> Result<Reply> {
                      auto out = store::ReadStores(s.db, [&](Stores& st) -> Result<nlohmann::json> {
                        auto documents = s.requests.Documents(st, r.principal, r.params[0]);
                        if (!documents) return documents.errors();
                        Names names(st.accounts);
                        nlohmann::json items = nlohmann::json::array();
                        for (const Document& d : *documents) {
                          items.push_back(DocumentView(d, names));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                      if (!out) return out.errors();
                      return Reply{200, *out, {}};
                    }});
  routes.push_back(
      {"POST", "/api/v1/requests/{id}/documents", Access::kParticipant,
       "Upload a document: the file as the body, ?name=its file name, Content-Type its type "
       "(checked against the content)",
       [&s](Request& r) -> Result<Reply> {
         const std::string name = r.query.count("name") ? r.query.at("name") : "";
         auto out = store::WriteStores(s.db, [&](Stores& st) -> Result<nlohmann::json> {
           auto d =
               s.requests.Upload(st, r.principal, r.params[0], name, r.content_type, r.raw, Now());
           if (!d) return d.errors();
           Names names(st.accounts);
           return DocumentView(*d, names);
         });
         if (!out) return out.errors();
         return Reply{201, *out, {}};
       },
       true});
  routes.push_back({"GET", "/api/v1/requests/{id}/documents/{document_id}", Access::kParticipant,
                    "Download a document (recorded in the audit log)",
                    [&s](Request& r) -> Result<Reply> {
                      // A write transaction: the audit entry is part of the download.
                      auto got = store::WriteStores(s.db, [&](Stores& st) {
                        return s.requests.Download(st, r.principal, r.params[0], r.params[1]);
                      });
                      if (!got) return got.errors();
                      Reply reply{200, {}, {{"Content-Disposition", Disposition(got->first.name)}}};
                      reply.raw = std::move(got->second);
                      reply.raw_type = got->first.media_type;
                      return reply;
                    }});
}

}  // namespace connex::api
