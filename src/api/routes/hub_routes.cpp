// The resource hub: search (public documents for everyone; everything for the
// Support Unit), documents with their pages and annotations, the publication
// workflow, ingestion of PDFs in a child process, clause comparison, and
// Open Contracting data.
#include <algorithm>

#include "api/routes/hub_export.hpp"
#include "api/routes/routes.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/hub/ocds.hpp"
#include "domain/obligations/obligation_service.hpp"
#include "domain/shared/vocabulary.hpp"
#include "ingest/isolated_extract.hpp"

namespace connex::api {

using namespace domain;

namespace {

// Words beyond these are not searched for (store::kMaxSearchWords).
constexpr size_t kMaxQueryWords = 32;

size_t WordCount(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The search filters of the query string, each checked against its codelist.
Result<HubQuery> ReadQuery(const Request& r) {
  Errors errors;
  HubQuery q;
  q.text = QueryText(r, "q");
  if (q.text.size() > 500) errors.push_back({ErrorCode::kInvalidInput, "is too long", "q"});
  if (WordCount(q.text) > kMaxQueryWords) {
    errors.push_back(
        {ErrorCode::kInvalidInput,
         "has too many words: search with at most " + std::to_string(kMaxQueryWords) + " words",
         "q"});
  }
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

// A document's page: metadata, pages (without their text), annotations,
// related documents, matching pages; the workflow for the Support Unit.
nlohmann::json DossierView(const HubDossier& d, bool staff) {
  nlohmann::json j = ToJson(d.document);
  nlohmann::json pages = nlohmann::json::array();
  for (const HubPage& p : d.pages) {
    pages.push_back({{"number", p.number},
                     {"quality", p.quality},
                     {"source", p.source},
                     {"length", p.text.size()}});
  }
  j["pages"] = pages;
  nlohmann::json annotations = nlohmann::json::array();
  for (const Annotation& a : d.annotations) annotations.push_back(ToJson(a));
  j["annotations"] = annotations;
  nlohmann::json related = nlohmann::json::array();
  for (const HubDocument& c : d.related) related.push_back(Summary(c));
  if (d.parent) j["parent"] = Summary(*d.parent);
  j["related"] = related;
  nlohmann::json hits = nlohmann::json::array();
  for (const PageHit& h : d.hits) {
    hits.push_back({{"page", h.page}, {"snippet", Snippet(h.snippet)}});
  }
  j["hits"] = hits;
  if (staff) {
    nlohmann::json history = nlohmann::json::array();
    for (const auto& c : d.history) {
      history.push_back({{"from", c.from},
                         {"to", c.to},
                         {"actor", c.actor},
                         {"reason", c.reason},
                         {"at", ToIso(c.at)}});
    }
    j["history"] = history;
    nlohmann::json moves = nlohmann::json::array();
    for (const std::string& to : kHubStatuses) {
      if (CanMoveHubDocument(d.document.status, to)) moves.push_back(to);
    }
    j["moves"] = moves;
  }
  return j;
}

// A published contract's OCDS release: its documents, its reviewed fiscal
// terms, and the obligations register its government published.
nlohmann::json Release(Services& s, Stores& st, const PublishedContract& c) {
  nlohmann::json release = OcdsRelease(c.contract, c.children, s.config.base_url,
                                       s.terms.Released(st, c.contract, c.children));
  if (auto r = ObligationService::PublishedRegister(st, c.contract.id, Now()))
    AddImplementation(release, *r);
  return release;
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
                                 {"cluster", c.cluster},
                                 {"labels", c.labels},
                                 {"section_labels", c.section_labels},
                                 {"cluster_labels", c.cluster_labels}});
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
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           const HubResults results = s.hub.Search(st, r.principal, *q);
           std::vector<HubDocument> docs;
           std::vector<int> pages;
           nlohmann::json hits = nlohmann::json::array();
           for (FoundDocument& f : s.hub.Documents(st, results)) {
             nlohmann::json hit = Summary(f.document);
             hit["page"] = f.hit.page;
             hit["snippet"] = Snippet(f.hit.snippet);
             hits.push_back(hit);
             docs.push_back(std::move(f.document));
             pages.push_back(f.hit.page);
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
           auto d = s.hub.Create(st, r.principal, *meta, Now());
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
           auto d = s.hub.Dossier(st, r.principal, r.params[0], QueryText(r, "q"));
           if (!d) return d.errors();
           return DossierView(*d, IsStaff(r.principal));
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
                        auto d = s.hub.Update(st, r.principal, r.params[0], version, *meta, Now());
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
           auto d = s.hub.Move(st, r.principal, r.params[0], to, reason, Now());
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
           auto attached =
               s.hub.AttachFile(st, r.principal, r.params[0], name, r.raw, *text, Now());
           if (!attached) return attached.errors();
           return ToJson(*attached);
         });
       },
       true});
  routes.push_back({"GET", "/api/v1/hub/documents/{id}/file", Access::kPublic, "The document's PDF",
                    [&s](Request& r) -> Result<Reply> {
                      return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
                        auto file = s.hub.File(st, r.principal, r.params[0]);
                        if (!file) return file.errors();
                        return Download(std::move(file->second), "application/pdf",
                                        file->first.file_name);
                      });
                    }});
  routes.push_back({"GET", "/api/v1/hub/documents/{id}/pages/{number}", Access::kPublic,
                    "One page's text, quality and source", [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        const int number = std::atoi(r.params[1].c_str());
                        auto p = s.hub.Page(st, r.principal, r.params[0], number);
                        if (!p) return p.errors();
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
           auto p = s.hub.EditPage(st, r.principal, r.params[0], std::atoi(r.params[1].c_str()),
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
           auto saved = s.hub.Annotate(st, r.principal, d->id, *a, Now());
           if (!saved) return saved.errors();
           return ToJson(*saved);
         });
       }});
  routes.push_back({"PUT", "/api/v1/hub/annotations/{id}", Access::kStaff,
                    "Change an annotation (its fields and the version read); it is reviewed again",
                    [&s](Request& r) -> Result<Reply> {
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto d = s.hub.DocumentOfAnnotation(st, r.principal, r.params[0]);
                        if (!d) return d.errors();
                        auto a = ReadAnnotation(r.body, d->page_count);
                        if (!a) return a.errors();
                        auto saved =
                            s.hub.ChangeAnnotation(st, r.principal, r.params[0], *a, Now());
                        if (!saved) return saved.errors();
                        return ToJson(*saved);
                      });
                    }});
  routes.push_back({"POST", "/api/v1/hub/annotations/{id}/review", Access::kStaff,
                    "Mark an annotation reviewed (by someone other than its author)",
                    [&s](Request& r) -> Result<Reply> {
                      return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
                        auto a = s.hub.ReviewAnnotation(st, r.principal, r.params[0], Now());
                        if (!a) return a.errors();
                        return ToJson(*a);
                      });
                    }});
  routes.push_back({"DELETE", "/api/v1/hub/annotations/{id}", Access::kStaff,
                    "Delete an annotation", [&s](Request& r) -> Result<Reply> {
                      auto done = store::WriteStores(s.db, [&](Stores& st) {
                        return s.hub.DeleteAnnotation(st, r.principal, r.params[0]);
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
           const auto rows = s.hub.Compare(st, r.principal, category, *q);
           if (format == "csv") {
             return Download(CompareCsv(category, rows), "text/csv; charset=utf-8",
                             "compare-" + category + ".csv");
           }
           if (format == "xlsx") {
             auto xlsx = CompareXlsx(category, rows, r.language);
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
                        auto c = s.hub.Published(st, r.params[0]);
                        if (!c) return c.errors();
                        return OcdsPackage({Release(s, st, *c)},
                                           s.config.base_url + "/api/v1/hub/ocds/" + c->contract.id,
                                           Now());
                      });
                    }});
  routes.push_back(
      {"GET", "/api/v1/hub/ocds", Access::kPublic,
       "Every published contract as one OCDS 1.1 release package (bulk download)",
       [&s](Request& r) -> Result<Reply> {
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           std::vector<nlohmann::json> releases;
           for (const PublishedContract& c : s.hub.AllPublished(st)) {
             releases.push_back(Release(s, st, c));
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
