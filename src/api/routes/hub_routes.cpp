// The resource hub: search (public documents for everyone; everything for the
// Support Unit), documents with their pages and annotations, the publication
// workflow, ingestion of PDFs in a child process, clause comparison, and
// Open Contracting data.
#include <algorithm>

#include "api/routes/hub_export.hpp"
#include "api/routes/routes.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/hub/ocds.hpp"
#include "domain/shared/vocabulary.hpp"
#include "ingest/isolated_extract.hpp"

namespace connex::api {

using namespace domain;

namespace {

const HubService kHub;

// The search filters of the query string, each checked against its codelist.
Result<HubQuery> ReadQuery(const Request& r) {
  Errors errors;
  HubQuery q;
  q.text = QueryText(r, "q");
  if (q.text.size() > 500) errors.push_back({ErrorCode::kInvalidInput, "is too long", "q"});
  auto code = [&](const std::string& name, const std::vector<std::string>& codes) {
    return QueryCode(r, name, codes, errors);
  };
  q.kind = code("kind", kHubKinds);
  q.resource = code("resource", kCommodities);
  q.contract_type = code("contract_type", kContractTypes);
  q.document_type = code("document_type", kHubDocumentTypes);
  q.language = code("language", kLanguages);
  q.status = code("status", kHubStatuses);
  q.country = QueryText(r, "country");
  if (!q.country.empty() &&
      (q.country.size() != 3 || !std::all_of(q.country.begin(), q.country.end(), ::isupper))) {
    errors.push_back({ErrorCode::kInvalidInput, "must be an ISO 3166-1 alpha-3 code", "country"});
  }
  q.company = QueryText(r, "company");
  if (q.company.size() > 200)
    errors.push_back({ErrorCode::kInvalidInput, "is too long", "company"});
  q.category = QueryText(r, "category");
  if (!q.category.empty() && !FindCategory(q.category)) {
    errors.push_back({ErrorCode::kInvalidInput, "is not an annotation category", "category"});
  }
  auto number = [&](const std::string& name, int fallback, int lo, int hi) {
    auto v = QueryInt(r, name, fallback, lo, hi);
    if (!v) {
      errors.insert(errors.end(), v.errors().begin(), v.errors().end());
      return fallback;
    }
    return *v;
  };
  q.year = number("year", 0, 1900, 2100);
  q.offset = number("offset", 0, 0, 100000);
  q.limit = number("limit", 20, 1, 100);
  // Staff see drafts and confidential documents unless they ask for the public view.
  q.public_only = QueryText(r, "view") == "public";
  if (!errors.empty()) return errors;
  return q;
}

nlohmann::json Facets(const HubResults& results) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [facet, counts] : results.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetCount& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
    out[facet] = list;
  }
  return out;
}

nlohmann::json Snippet(const std::vector<SnippetPart>& parts) {
  nlohmann::json out = nlohmann::json::array();
  for (const SnippetPart& p : parts) out.push_back({{"text", p.text}, {"hit", p.hit}});
  return out;
}

nlohmann::json Summary(const HubDocument& d) {
  return {{"id", d.id},
          {"title", d.meta.title},
          {"kind", d.meta.kind},
          {"country", d.meta.country},
          {"year", SignatureYear(d.meta)},
          {"resources", d.meta.resources},
          {"contract_type", d.meta.contract_type},
          {"document_type", d.meta.document_type},
          {"language", d.meta.language},
          {"stage", d.meta.stage},
          {"summary", d.meta.summary},
          {"status", d.status},
          {"confidential", d.meta.confidential},
          {"sample", d.meta.sample},
          {"page_count", d.page_count}};
}

}  // namespace

void AddHubRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/hub/codelists", Access::kPublic,
       "The hub's codelists: kinds, contract and document types, resources, stages, statuses, "
       "page qualities and the annotation categories",
       [](Request&) -> Result<Reply> {
         nlohmann::json categories = nlohmann::json::array();
         for (const AnnotationCategory& c : AnnotationCategories()) {
           categories.push_back({{"key", c.key},
                                 {"label", c.label},
                                 {"section", c.section},
                                 {"cluster", c.cluster}});
         }
         return Reply{200,
                      {{"kinds", kHubKinds},
                       {"contract_types", kContractTypes},
                       {"document_types", kHubDocumentTypes},
                       {"resources", kCommodities},
                       {"languages", kLanguages},
                       {"stages", kRoadmapStages},
                       {"statuses", kHubStatuses},
                       {"page_qualities", kPageQualities},
                       {"disclosure_modes", kDisclosureModes},
                       {"categories", categories}}};
       }});
  routes.push_back(
      {"GET", "/api/v1/hub/search", Access::kPublic,
       "Search (q: words and \"phrases\"; kind, country, resource, contract_type, "
       "document_type, language, year, company, category, status; offset, limit; "
       "format=csv for every match). Ranked by BM25 with the best page and its snippet; facet "
       "counts over all matches",
       [&s](Request& r) -> Result<Reply> {
         auto q = ReadQuery(r);
         if (!q) return q.errors();
         const bool csv = QueryText(r, "format") == "csv";
         if (csv) {
           q->offset = 0;
           q->limit = 0;
         }
         if (!IsStaff(r.principal)) q->public_only = true;
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           const HubResults results = kHub.Search(st, r.principal, *q);
           std::vector<HubDocument> docs;
           std::vector<int> pages;
           nlohmann::json hits = nlohmann::json::array();
           for (const HubHit& h : results.hits) {
             const auto d = st.hub.FindDocument(h.id);
             if (!d) continue;
             docs.push_back(*d);
             pages.push_back(h.page);
             nlohmann::json hit = Summary(*d);
             hit["page"] = h.page;
             hit["snippet"] = Snippet(h.snippet);
             hits.push_back(hit);
           }
           if (csv)
             return Download(SearchCsv(docs, pages), "text/csv; charset=utf-8", "search.csv");
           return Reply{200,
                        {{"total", results.total}, {"items", hits}, {"facets", Facets(results)}}};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/hub/documents", Access::kStaff,
       "Add a document as a draft (its metadata: title, kind, country, resources, contract and "
       "document types, companies, parent_id for amendments, annexes and translations, ...)",
       [&s](Request& r) -> Result<Reply> {
         auto meta = ReadHubMetadata(r.body);
         if (!meta) return meta.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = kHub.Create(st, r.principal, *meta, Now());
           if (!d) return d.errors();
           return ToJson(*d);
         });
       }});
  routes.push_back(
      {"GET", "/api/v1/hub/documents/{id}", Access::kPublic,
       "One document: metadata, pages (number, quality, source, length), annotations, related "
       "documents; with ?q= the pages matching the words",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = HubService::Visible(st, r.principal, r.params[0]);
           if (!d) return d.errors();
           nlohmann::json j = ToJson(*d);
           nlohmann::json pages = nlohmann::json::array();
           for (const HubPage& p : st.hub.Pages(d->id)) {
             pages.push_back({{"number", p.number},
                              {"quality", p.quality},
                              {"source", p.source},
                              {"length", p.text.size()}});
           }
           j["pages"] = pages;
           nlohmann::json annotations = nlohmann::json::array();
           for (const Annotation& a : kHub.Annotations(st, r.principal, d->id)) {
             annotations.push_back(ToJson(a));
           }
           j["annotations"] = annotations;
           nlohmann::json related = nlohmann::json::array();
           for (const HubDocument& c : st.hub.Children(d->id)) {
             if (IsStaff(r.principal) || IsPublic(c)) related.push_back(Summary(c));
           }
           if (!d->meta.parent_id.empty()) {
             const auto parent = st.hub.FindDocument(d->meta.parent_id);
             if (parent && (IsStaff(r.principal) || IsPublic(*parent))) {
               j["parent"] = Summary(*parent);
             }
           }
           j["related"] = related;
           nlohmann::json hits = nlohmann::json::array();
           for (const PageHit& h : st.hub.SearchPages(*d, QueryText(r, "q"), 50)) {
             hits.push_back({{"page", h.page}, {"snippet", Snippet(h.snippet)}});
           }
           j["hits"] = hits;
           if (IsStaff(r.principal)) {
             nlohmann::json history = nlohmann::json::array();
             for (const auto& c : st.hub.StatusHistory(d->id)) {
               history.push_back({{"from", c.from},
                                  {"to", c.to},
                                  {"actor", c.actor},
                                  {"reason", c.reason},
                                  {"at", ToIso(c.at)}});
             }
             j["history"] = history;
             nlohmann::json moves = nlohmann::json::array();
             for (const std::string& to : kHubStatuses) {
               if (CanMoveHubDocument(d->status, to)) moves.push_back(to);
             }
             j["moves"] = moves;
           }
           return j;
         });
       }});
  routes.push_back({"PUT", "/api/v1/hub/documents/{id}", Access::kStaff,
                    "Change a document's metadata (the metadata and the version read)",
                    [&s](Request& r) -> Result<Reply> {
                      Errors errors;
                      const auto v = r.body.find("version");
                      int version = 0;
                      if (v == r.body.end() || !v->is_number_integer()) {
                        errors.push_back({ErrorCode::kInvalidInput,
                                          "is required, as a whole number", "version"});
                      } else {
                        version = v->get<int>();
                      }
                      nlohmann::json body = r.body;
                      if (body.is_object()) body.erase("version");
                      auto meta = ReadHubMetadata(body);
                      if (!meta)
                        errors.insert(errors.end(), meta.errors().begin(), meta.errors().end());
                      if (!errors.empty()) return errors;
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto d = kHub.Update(st, r.principal, r.params[0], version, *meta, Now());
                        if (!d) return d.errors();
                        return ToJson(*d);
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/hub/documents/{id}/status", Access::kStaff,
       "Move a document in the publication workflow (to: in_review, published, unpublished, "
       "draft; reason). Another member of the Support Unit publishes what one sent to review",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"to", "reason"});
         const std::string to = body.Text("to", true, 20);
         const std::string reason = body.Text("reason", false, 2000);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = kHub.Move(st, r.principal, r.params[0], to, reason, Now());
           if (!d) return d.errors();
           return ToJson(*d);
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/hub/documents/{id}/file", Access::kStaff,
       "Attach the document's PDF (the raw body, ?name=) and read its text: per page, by OCR "
       "when scanned. Encrypted or damaged files answer 400 naming the problem",
       [&s](Request& r) -> Result<Reply> {
         const std::string name =
             QueryText(r, "name").empty() ? "document.pdf" : QueryText(r, "name");
         if (r.raw.size() > s.config.max_document) {
           return Error{ErrorCode::kTooLarge, "is larger than the limit", "file"};
         }
         auto d = store::ReadStores(
             s.db, [&](Stores& st) { return HubService::Visible(st, r.principal, r.params[0]); });
         if (!d) return d.errors();
         // Outside any transaction: reading a long scan takes minutes.
         auto text = ingest::ExtractIsolated(r.raw, d->meta.language);
         if (!text) return text.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto attached = kHub.AttachFile(st, r.principal, r.params[0], name, r.raw, *text, Now());
           if (!attached) return attached.errors();
           return ToJson(*attached);
         });
       },
       true});
  routes.push_back({"GET", "/api/v1/hub/documents/{id}/file", Access::kPublic, "The document's PDF",
                    [&s](Request& r) -> Result<Reply> {
                      return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
                        auto d = HubService::Visible(st, r.principal, r.params[0]);
                        if (!d) return d.errors();
                        const auto bytes =
                            d->file_sha256.empty() ? std::nullopt : st.blobs.Get(d->file_sha256);
                        if (!bytes)
                          return Error{ErrorCode::kNotFound, "the document has no file", "file"};
                        return Download(*bytes, "application/pdf", d->file_name);
                      });
                    }});
  routes.push_back({"GET", "/api/v1/hub/documents/{id}/pages/{number}", Access::kPublic,
                    "One page's text, quality and source", [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto d = HubService::Visible(st, r.principal, r.params[0]);
                        if (!d) return d.errors();
                        const int number = std::atoi(r.params[1].c_str());
                        const auto p = st.hub.Page(d->id, number);
                        if (!p) return Error{ErrorCode::kNotFound, "no such page", "number"};
                        return nlohmann::json{{"number", p->number},
                                              {"text", p->text},
                                              {"quality", p->quality},
                                              {"source", p->source}};
                      });
                    }});
  routes.push_back(
      {"PUT", "/api/v1/hub/documents/{id}/pages/{number}", Access::kStaff,
       "Correct a page's text (text; quality: what it still needs, acceptable by default)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"text", "quality"});
         const std::string text = body.Text("text", true, 200000);
         const std::string quality = body.Text("quality", false, 30);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto p = kHub.EditPage(st, r.principal, r.params[0], std::atoi(r.params[1].c_str()),
                                  text, quality);
           if (!p) return p.errors();
           return nlohmann::json{{"number", p->number},
                                 {"text", p->text},
                                 {"quality", p->quality},
                                 {"source", p->source}};
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/hub/documents/{id}/annotations", Access::kStaff,
       "Annotate a clause (category from the codelist, summary, language, pages, article, "
       "translations)",
       [&s](Request& r) -> Result<Reply> {
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = HubService::Visible(st, r.principal, r.params[0]);
           if (!d) return d.errors();
           auto a = ReadAnnotation(r.body, d->page_count);
           if (!a) return a.errors();
           auto saved = kHub.Annotate(st, r.principal, d->id, *a, Now());
           if (!saved) return saved.errors();
           return ToJson(*saved);
         });
       }});
  routes.push_back({"PUT", "/api/v1/hub/annotations/{id}", Access::kStaff,
                    "Change an annotation (its fields and the version read); it is reviewed again",
                    [&s](Request& r) -> Result<Reply> {
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        const auto before = st.hub.FindAnnotation(r.params[0]);
                        if (!before) return Error{ErrorCode::kNotFound, "no such annotation", "id"};
                        const auto d = st.hub.FindDocument(before->document_id);
                        auto a = ReadAnnotation(r.body, d ? d->page_count : 0);
                        if (!a) return a.errors();
                        auto saved = kHub.ChangeAnnotation(st, r.principal, r.params[0], *a, Now());
                        if (!saved) return saved.errors();
                        return ToJson(*saved);
                      });
                    }});
  routes.push_back({"POST", "/api/v1/hub/annotations/{id}/review", Access::kStaff,
                    "Mark an annotation reviewed (by someone other than its author)",
                    [&s](Request& r) -> Result<Reply> {
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto a = kHub.ReviewAnnotation(st, r.principal, r.params[0], Now());
                        if (!a) return a.errors();
                        return ToJson(*a);
                      });
                    }});
  routes.push_back({"DELETE", "/api/v1/hub/annotations/{id}", Access::kStaff,
                    "Delete an annotation", [&s](Request& r) -> Result<Reply> {
                      auto done = store::WriteStores(s.db, [&](Stores& st) {
                        return kHub.DeleteAnnotation(st, r.principal, r.params[0]);
                      });
                      if (!done) return done.errors();
                      return Reply{204, nullptr};
                    }});
  routes.push_back(
      {"GET", "/api/v1/hub/compare", Access::kPublic,
       "Every annotation of one category (category) across the contracts matching the "
       "filters, side by side; format=csv or xlsx to download",
       [&s](Request& r) -> Result<Reply> {
         auto q = ReadQuery(r);
         if (!q) return q.errors();
         const std::string category = QueryText(r, "category");
         if (category.empty()) return Error{ErrorCode::kInvalidInput, "is required", "category"};
         const std::string format = QueryText(r, "format");
         if (!format.empty() && format != "csv" && format != "xlsx") {
           return Error{ErrorCode::kInvalidInput, "must be csv or xlsx", "format"};
         }
         if (!IsStaff(r.principal)) q->public_only = true;
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           const auto rows = kHub.Compare(st, r.principal, category, *q);
           if (format == "csv") {
             return Download(CompareCsv(category, rows), "text/csv; charset=utf-8",
                             "compare-" + category + ".csv");
           }
           if (format == "xlsx") {
             auto xlsx = CompareXlsx(category, rows);
             if (!xlsx) return xlsx.errors();
             return Download(*xlsx,
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             "compare-" + category + ".xlsx");
           }
           nlohmann::json items = nlohmann::json::array();
           for (const auto& [d, a] : rows)
             items.push_back({{"document", Summary(d)}, {"annotation", ToJson(a)}});
           const AnnotationCategory* c = FindCategory(category);
           return Reply{
               200, {{"category", category}, {"label", c ? c->label : category}, {"items", items}}};
         });
       }});
  routes.push_back({"GET", "/api/v1/hub/ocds/{id}", Access::kPublic,
                    "A published contract as an Open Contracting (OCDS 1.1) release package",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        const auto d = st.hub.FindDocument(r.params[0]);
                        // Open data holds public contracts only, whoever asks.
                        if (!d || !IsPublic(*d) || d->ocid.empty()) {
                          return Error{ErrorCode::kNotFound, "no such published contract", "id"};
                        }
                        std::vector<HubDocument> children;
                        for (const HubDocument& c : st.hub.Children(d->id)) {
                          if (IsPublic(c)) children.push_back(c);
                        }
                        return OcdsPackage({OcdsRelease(*d, children, s.config.base_url)},
                                           s.config.base_url + "/api/v1/hub/ocds/" + d->id, Now());
                      });
                    }});
  routes.push_back(
      {"GET", "/api/v1/hub/ocds", Access::kPublic,
       "Every published contract as one OCDS 1.1 release package (bulk download)",
       [&s](Request& r) -> Result<Reply> {
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           std::vector<nlohmann::json> releases;
           const std::vector<HubDocument> all = st.hub.Documents();
           for (const HubDocument& d : all) {
             if (!IsPublic(d) || d.ocid.empty() || !d.meta.parent_id.empty()) continue;
             std::vector<HubDocument> children;
             for (const HubDocument& c : all) {
               if (c.meta.parent_id == d.id && IsPublic(c)) children.push_back(c);
             }
             releases.push_back(OcdsRelease(d, children, s.config.base_url));
           }
           Reply reply{200, OcdsPackage(releases, s.config.base_url + "/api/v1/hub/ocds", Now())};
           if (QueryText(r, "download") == "1") {
             reply.headers.push_back(
                 {"Content-Disposition", Disposition("connex-contracts-ocds.json")});
           }
           return reply;
         });
       }});
}

}  // namespace connex::api
