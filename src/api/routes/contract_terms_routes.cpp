// Fiscal terms of hub contracts (the Support Unit writes them, a second
// member reviews them, everyone reads reviewed terms of published contracts
// with their citations) and the benchmark of a model's draft terms against
// every comparable published term sheet.
#include <algorithm>
#include <optional>
#include <sstream>

#include "api/error_messages.hpp"
#include "api/routes/routes.hpp"
#include "domain/hub/contract_terms_service.hpp"
#include "domain/hub/hub_service.hpp"
#include "domain/hub/term_suggestions.hpp"
#include "domain/models/fiscal_model_service.hpp"
#include "domain/reports/regions.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"
#include "fiscal/benchmark.hpp"
#include "fiscal/io/benchmark_report.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/workbench.hpp"

namespace connex::api {

using namespace domain;

namespace {

// The instruments read as the model reader reads them, against the products
// the terms name: errors name "terms.instruments[0].rate".
Result<ContractTerms> ReadCheckedTerms(const nlohmann::json& body, const HubDocument& d) {
  auto t = ReadContractTerms(body);
  if (!t) return t.errors();
  std::vector<std::pair<std::string, std::string>> products;
  for (const TermProduct& p : t->products) products.emplace_back(p.name, p.unit);
  const int year = t->base_year ? t->base_year : SignatureYear(d.meta);
  Errors errors = fiscal::io::CheckTermSheet(t->terms.dump(), t->currency, products, year, "terms");
  if (!errors.empty()) return errors;
  return t;
}

// The terms with what each citation points at, for one click to the source.
nlohmann::json TermsView(Stores& st, const ContractTerms& t) {
  nlohmann::json j = ToJson(t);
  for (nlohmann::json& c : j["citations"]) {
    if (auto cited = st.hub.FindDocument(c["document_id"].get<std::string>())) {
      c["document_title"] = cited->meta.title;
    }
    const std::string annotation = c["annotation_id"];
    if (auto a = annotation.empty() ? std::nullopt : st.hub.FindAnnotation(annotation)) {
      c["annotation"] = {{"category", a->category},
                         {"summary", a->summary},
                         {"language", a->language},
                         {"pages", a->pages}};
    }
  }
  return j;
}

// The filters of a benchmark, from a body or a query string turned into one.
Result<ComparableFilter> ReadFilter(const nlohmann::json& j) {
  Errors errors;
  ComparableFilter f;
  ObjectReader r(j, "",
                 {"resource", "country", "region", "contract_type", "from_year", "to_year",
                  "documents", "regime", "version"},
                 errors);
  f.resource = r.Text("resource", 40, &kCommodities);
  f.country = r.Text("country", 3);
  if (!f.country.empty() &&
      (f.country.size() != 3 || !std::all_of(f.country.begin(), f.country.end(), ::isupper))) {
    r.Fail("country", "must be an ISO 3166-1 alpha-3 code such as GHA");
  }
  f.region = r.Text("region", 40, &ReportRegions());
  f.contract_type = r.Text("contract_type", 40, &kContractTypes);
  f.from_year = r.Integer("from_year", 1900, 2200);
  f.to_year = r.Integer("to_year", 1900, 2200);
  if (f.from_year && f.to_year && f.from_year > f.to_year) {
    r.Fail("from_year", "must not be after to_year");
  }
  f.documents = r.Texts("documents", 500, 100);
  if (!errors.empty()) return errors;
  return f;
}

nlohmann::json FilterJson(const ComparableFilter& f) {
  nlohmann::json j = nlohmann::json::object();
  if (!f.resource.empty()) j["resource"] = f.resource;
  if (!f.country.empty()) j["country"] = f.country;
  if (!f.region.empty()) j["region"] = f.region;
  if (!f.contract_type.empty()) j["contract_type"] = f.contract_type;
  if (f.from_year) j["from_year"] = f.from_year;
  if (f.to_year) j["to_year"] = f.to_year;
  if (!f.documents.empty()) j["documents"] = f.documents;
  return j;
}

// Why a term sheet could not run on the project, as facts the page words:
// a product the project lacks, another currency, or a term in the reader's words.
nlohmann::json ReasonsJson(const Errors& errors, const std::string& language) {
  nlohmann::json out = nlohmann::json::array();
  auto add = [&out](nlohmann::json reason) {
    if (std::find(out.begin(), out.end(), reason) == out.end()) out.push_back(std::move(reason));
  };
  for (const Error& e : errors) {
    const std::string field = e.field;
    if (field.size() > 8 && field.rfind(".product") == field.size() - 8 &&
        e.message.rfind("names no product", 0) == 0) {
      const size_t got = e.message.find("got \"");
      std::string product = got == std::string::npos ? "" : e.message.substr(got + 5);
      if (!product.empty() && product.back() == '"') product.pop_back();
      add({{"kind", "product"}, {"product", product}});
    } else if (field == "currency") {
      add({{"kind", "currency"}, {"message", PersonMessage(e.message, language)}});
    } else {
      add({{"kind", "term"}, {"field", field}, {"message", PersonMessage(e.message, language)}});
    }
  }
  return out;
}

struct Benchmarked {
  fiscal::BenchmarkResult result;
  std::vector<ComparableTerms> comparables;
  std::vector<Errors> errors;  // per comparator
};

// The model's draft (its regime named `regime`, the first when empty)
// against every published term sheet `f` admits, each read onto the project
// with its calendar years moved to the project's.
Result<Benchmarked> BenchmarkModel(Services& s, const fiscal::Model& model,
                                   const std::string& regime, const ComparableFilter& f) {
  auto draft = fiscal::FindRegime(model, regime);
  if (!draft) return draft.errors();
  auto comparables =
      store::ReadStores(s.db, [&](Stores& st) -> Result<std::vector<ComparableTerms>> {
        return s.terms.Comparables(st, f);
      });
  if (!comparables) return comparables.errors();
  Benchmarked out;
  std::vector<fiscal::Comparator> comparators;
  for (const ComparableTerms& c : *comparables) {
    const int base = c.terms.base_year ? c.terms.base_year : c.signature_year;
    const int offset = base ? model.project.first_year - base : 0;
    fiscal::io::TermSheetOnto sheet = fiscal::io::ReadTermSheetOnto(
        c.terms.terms.dump(), c.terms.currency, model, "terms", offset);
    std::string reason;
    for (const Error& e : sheet.errors) reason += (reason.empty() ? "" : "; ") + e.ToString();
    comparators.push_back({c.document.meta.title, c.document.id, std::move(sheet.regime), reason});
    out.errors.push_back(std::move(sheet.errors));
  }
  out.comparables = std::move(*comparables);
  out.result =
      fiscal::Benchmark(model, model.regimes[static_cast<size_t>(*draft)], std::move(comparators));
  return out;
}

nlohmann::json BenchmarkView(const fiscal::Model& model, const Benchmarked& b,
                             const std::string& language) {
  nlohmann::json j = nlohmann::json(fiscal::io::BenchmarkJson(model, b.result));
  for (size_t k = 0; k < b.comparables.size(); ++k) {
    const ComparableTerms& c = b.comparables[k];
    nlohmann::json& row = j["comparators"][k];
    row["document"] = {{"id", c.document.id},
                       {"title", c.document.meta.title},
                       {"country", c.country},
                       {"resources", c.resources},
                       {"contract_type", c.contract_type},
                       {"signature_year", c.signature_year},
                       {"sample", c.document.meta.sample}};
    row["terms_name"] = c.terms.terms.value("name", "");
    if (!b.errors[k].empty()) row["reasons"] = ReasonsJson(b.errors[k], language);
  }
  return j;
}

// A version of the model `r` names that its caller may open (0: the current
// one), with its model read.
Result<std::pair<FiscalModelVersion, fiscal::Model>> ModelVersion(Services& s, const Request& r,
                                                                  int version) {
  auto v = store::ReadStores(
      s.db, [&](Stores& st) { return s.models.Version(st, r.principal, r.params[0], version); });
  if (!v) return v.errors();
  auto model = fiscal::io::ReadModel(v->model_json);
  if (!model) return model.errors();
  return std::make_pair(std::move(*v), std::move(*model));
}

// The query string's filters as the body's fields (a year that is not a
// number stays text, for the reader to name).
nlohmann::json QueryFilter(const Request& r) {
  nlohmann::json j = nlohmann::json::object();
  for (const char* key : {"resource", "country", "region", "contract_type"}) {
    if (const std::string v = QueryText(r, key); !v.empty()) j[key] = v;
  }
  for (const char* key : {"from_year", "to_year"}) {
    const std::string v = QueryText(r, key);
    if (v.empty()) continue;
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    j[key] = end && *end == '\0' ? nlohmann::json(n) : nlohmann::json(v);
  }
  if (const std::string docs = QueryText(r, "documents"); !docs.empty()) {
    nlohmann::json list = nlohmann::json::array();
    std::stringstream in(docs);
    for (std::string id; std::getline(in, id, ',');) {
      if (!id.empty()) list.push_back(id);
    }
    j["documents"] = list;
  }
  return j;
}

}  // namespace

void AddContractTermsRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/hub/documents/{id}/terms", Access::kPublic,
       "A contract's fiscal terms (a term sheet of the model format) with a citation per "
       "parameter: reviewed terms of published contracts for everyone; drafts and their history "
       "for the Support Unit; 204 when the document carries none the caller may read",
       [&s](Request& r) -> Result<Reply> {
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           auto d = HubService::Visible(st, r.principal, r.params[0]);
           if (!d) return d.errors();
           // The document is seen: no terms, or none reviewed, is no error.
           auto t = s.terms.Terms(st, r.principal, d->id);
           if (!t) return Reply{204, nullptr};
           nlohmann::json j = TermsView(st, *t);
           if (IsStaff(r.principal)) {
             auto history = s.terms.History(st, r.principal, r.params[0]);
             if (!history) return history.errors();
             nlohmann::json list = nlohmann::json::array();
             for (const ContractTermsChange& c : *history) list.push_back(ToJson(c));
             j["history"] = list;
           }
           return Reply{200, j};
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/hub/documents/{id}/terms", Access::kStaff,
       "Write a contract's fiscal terms (terms: {name, instruments}; currency; products: [{name, "
       "unit}]; base_year; citations: [{parameter, document_id, page, article, annotation_id}]; "
       "version: 0 for new terms, else the version read); they return to review",
       [&s](Request& r) -> Result<Reply> {
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = HubService::Visible(st, r.principal, r.params[0]);
           if (!d) return d.errors();
           auto t = ReadCheckedTerms(r.body, *d);
           if (!t) return t.errors();
           auto saved = s.terms.Save(st, r.principal, d->id, std::move(*t), Now());
           if (!saved) return saved.errors();
           return TermsView(st, *saved);
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/hub/documents/{id}/terms/review", Access::kStaff,
       "Mark a contract's fiscal terms reviewed (version: the one read), by someone other than "
       "the last to save them",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"version"});
         const int version = body.Integer("version", true, 1, 1 << 30);
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto t = s.terms.Review(st, r.principal, r.params[0], version, Now());
           if (!t) return t.errors();
           return TermsView(st, *t);
         });
       }});
  routes.push_back({"DELETE", "/api/v1/hub/documents/{id}/terms", Access::kStaff,
                    "Remove a contract's fiscal terms (kept in their history)",
                    [&s](Request& r) -> Result<Reply> {
                      auto done = store::WriteStores(s.db, [&](Stores& st) {
                        return s.terms.Remove(st, r.principal, r.params[0], Now());
                      });
                      if (!done) return done.errors();
                      return Reply{204, nullptr};
                    }});
  routes.push_back(
      {"GET", "/api/v1/hub/documents/{id}/terms/suggestions", Access::kStaff,
       "Terms drafted from the annotations of a contract and its amendments (royalty, income "
       "tax, cost-recovery ceiling, profit split, state participation), each with the sentence "
       "it came from, for a person to confirm",
       [&s](Request& r) -> Result<Reply> {
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto d = HubService::Visible(st, r.principal, r.params[0]);
           if (!d) return d.errors();
           std::vector<HubDocument> documents{*d};
           for (HubDocument& child : st.hub.Children(d->id)) documents.push_back(std::move(child));
           nlohmann::json items = nlohmann::json::array();
           for (const HubDocument& doc : documents) {
             for (const Annotation& a : st.hub.Annotations(doc.id)) {
               std::vector<std::pair<std::string, std::string>> texts{{a.language, a.summary}};
               texts.insert(texts.end(), a.translations.begin(), a.translations.end());
               for (const auto& [language, text] : texts) {
                 for (const TermSuggestion& t : SuggestTerms(text)) {
                   items.push_back({{"instrument", t.instrument},
                                    {"field", t.field},
                                    {"value", t.value},
                                    {"option", t.option},
                                    {"quote", t.quote},
                                    {"language", language},
                                    {"document_id", doc.id},
                                    {"document_title", doc.meta.title},
                                    {"annotation_id", a.id},
                                    {"category", a.category},
                                    {"pages", a.pages},
                                    {"article", a.article}});
                 }
               }
             }
           }
           return nlohmann::json{{"items", items}};
         });
       }});

  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/benchmark", Access::kParticipant,
       "Run a model version's project (version; the current one by default) under its draft "
       "terms (regime; the first by default) and every reviewed term sheet of a published "
       "contract the filters admit (resource, country, region, contract_type, from_year, "
       "to_year, or the user's pick: documents). Kept with the model as its last benchmark",
       [&s](Request& r) -> Result<Reply> {
         auto filter = ReadFilter(r.body);
         if (!filter) return filter.errors();
         BodyReader body(r.body, {"resource", "country", "region", "contract_type", "from_year",
                                  "to_year", "documents", "regime", "version"});
         const int version = body.Integer("version", false, 1, 1000000, 0);
         const std::string regime = body.Text("regime", false, 200);
         if (!body.errors().empty()) return body.errors();
         auto v = ModelVersion(s, r, version);
         if (!v) return v.errors();
         const fiscal::Model* model = &v->second;
         auto b = BenchmarkModel(s, *model, regime, *filter);
         if (!b) return b.errors();
         const nlohmann::json kept = {{"version", v->first.version},
                                      {"regime", b->result.draft.regime},
                                      {"filters", FilterJson(*filter)},
                                      {"run_at", ToIso(Now())},
                                      {"result", BenchmarkView(*model, *b, r.language)}};
         auto stored = store::WriteStores(s.db, [&](Stores& st) -> Result<Done> {
           s.models.KeepResult(st, v->first, "benchmark", kept.dump());
           return Done{};
         });
         if (!stored) return stored.errors();
         return Reply{200, kept};
       }});
  routes.push_back(
      {"GET", "/api/v1/fiscal/models/{id}/benchmark", Access::kParticipant,
       "The last benchmark of a model version (?version=; the current one by default), as it "
       "was run; 204 before the first",
       [&s](Request& r) -> Result<Reply> {
         auto version = QueryInt(r, "version", 0, 0, 1000000);
         if (!version) return version.errors();
         auto kept = store::ReadStores(s.db, [&](Stores& st) {
           return s.models.KeptResult(st, r.principal, r.params[0], *version, "benchmark");
         });
         if (!kept) return kept.errors();
         // Not run yet is no error: the page shows the form alone.
         if (!kept->second) return Reply{204, nullptr};
         return Reply{200, nlohmann::json::parse(*kept->second)};
       }});
  routes.push_back(
      {"GET", "/api/v1/fiscal/models/{id}/benchmark/export", Access::kParticipant,
       "A benchmark as a workbook in the reader's language (standing per metric, what "
       "comparable terms add, every comparator, the AETR band with its chart); the filters of "
       "the POST as query parameters, documents comma-separated",
       [&s](Request& r) -> Result<Reply> {
         auto filter = ReadFilter(QueryFilter(r));
         if (!filter) return filter.errors();
         auto version = QueryInt(r, "version", 0, 0, 1000000);
         if (!version) return version.errors();
         auto v = ModelVersion(s, r, *version);
         if (!v) return v.errors();
         const fiscal::Model* model = &v->second;
         auto b = BenchmarkModel(s, *model, QueryText(r, "regime"), *filter);
         if (!b) return b.errors();
         auto bytes = WrittenFile([&](const std::string& path) -> Result<Done> {
           auto written = fiscal::io::WriteBenchmarkXlsx(path, *model, b->result, r.language);
           if (!written) return written.errors();
           return Done{};
         });
         if (!bytes) return bytes.errors();
         return Download(
             std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "benchmark-" + v->first.model_id + "-v" + std::to_string(v->first.version) + ".xlsx");
       }});
}

}  // namespace connex::api
