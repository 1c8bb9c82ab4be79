// Fiscal models in the portal: a user's workspace or an engagement's
// (confidential to the request's participants), versions, and their results
// (analysis of every term sheet, comparison of two), kept per version so a
// model read again is not computed again.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "api/routes/routes.hpp"
#include "domain/models/fiscal_model_service.hpp"
#include "fiscal/analysis.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/io/report.hpp"
#include "fiscal/io/sensitivity_input.hpp"
#include "fiscal/io/term.hpp"
#include "fiscal/io/uncertainty_report.hpp"
#include "fiscal/montecarlo.hpp"
#include "fiscal/workbench.hpp"

namespace connex::api {

using namespace domain;

namespace {

// The "model" member validated as "connex.fiscal/1": its text as kept, and
// the model read from it. Errors name "model.<path>".
struct ModelMember {
  std::string text;
  fiscal::Model model;
};
Result<ModelMember> ReadModelMember(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("model") || !body["model"].is_object()) {
    return Error{ErrorCode::kInvalidInput, "is required: the project and its term sheets", "model"};
  }
  const std::string text = body["model"].dump();
  auto model = fiscal::io::ReadModel(text);
  if (!model) {
    Errors errors;
    for (const Error& e : model.errors()) {
      errors.push_back({e.code, e.message, e.field.empty() ? "model" : "model." + e.field});
    }
    return errors;
  }
  return ModelMember{text, std::move(*model)};
}

// What each production profile of a model fills, year by year, by the path
// of its "production" field: the editor shows it in the yearly table.
nlohmann::json ProfileProduction(const nlohmann::json& doc, const fiscal::Model& model) {
  nlohmann::json out = nlohmann::json::object();
  const bool several = doc.contains("projects");
  const nlohmann::json& projects =
      several ? doc["projects"] : nlohmann::json::array({doc["project"]});
  for (size_t k = 0; k < projects.size(); ++k) {
    const fiscal::Project& read = several ? model.project.parts[k] : model.project;
    const std::string at = several ? "projects[" + std::to_string(k) + "]" : "project";
    const nlohmann::json& products = projects[k]["products"];
    for (size_t i = 0; i < products.size(); ++i) {
      if (!products[i]["production"].is_object()) continue;
      for (const fiscal::Product& p : read.products) {
        if (p.name != products[i].value("name", "")) continue;
        out[at + ".products[" + std::to_string(i) + "].production"] = p.production;
      }
    }
  }
  return out;
}

nlohmann::json ToJson(const ValueAdded& v) {
  return {{"id", v.id},
          {"request_id", v.request_id},
          {"model_id", v.model_id},
          {"version", v.version},
          {"from", v.from_terms},
          {"to", v.to_terms},
          {"currency", v.currency},
          {"government_total", v.government_total},
          {"government_pv", v.government_pv},
          {"discount_rate", v.discount_rate},
          {"recorded_by", v.recorded_by},
          {"recorded_at", ToIso(v.recorded_at)}};
}

nlohmann::json Summary(const FiscalModel& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"owner_id", m.owner_id},
          {"request_id", m.request_id.empty() ? nlohmann::json() : nlohmann::json(m.request_id)},
          {"version", m.version},
          {"created_at", ToIso(m.created_at)},
          {"updated_at", ToIso(m.updated_at)}};
}

// The results asked for (`key`) of one version (0: the current one),
// computed once and then kept.
// `compute` reads the model and its file's text (terms are bound by path in the text).
using Compute =
    std::function<Result<nlohmann::ordered_json>(const fiscal::Model&, std::string_view text)>;
Result<Reply> Results(Services& s, Request& r, int version, const std::string& key,
                      const Compute& compute) {
  auto stored = store::ReadStores(
      s.db, [&](Stores& st) -> Result<std::pair<FiscalModelVersion, std::optional<std::string>>> {
        return s.models.KeptResult(st, r.principal, r.params[0], version, key);
      });
  if (!stored) return stored.errors();
  const FiscalModelVersion& v = stored->first;
  if (stored->second) {
    return Reply{200,
                 {{"version", v.version},
                  {"cached", true},
                  {"result", nlohmann::json::parse(*stored->second)}}};
  }
  auto model = fiscal::io::ReadModel(v.model_json);
  if (!model) return model.errors();
  auto result = compute(*model, v.model_json);
  if (!result) return result.errors();
  // Kept in its own transaction: two readers computing at once store the same text.
  auto kept = store::WriteStores(s.db, [&](Stores& st) -> Result<Done> {
    s.models.KeepResult(st, v, key, result->dump());
    return Done{};
  });
  if (!kept) return kept.errors();
  return Reply{200,
               {{"version", v.version}, {"cached", false}, {"result", nlohmann::json(*result)}}};
}

// One version the caller may open (0: the current one), and its model read.
struct Loaded {
  FiscalModelVersion version;
  fiscal::Model model;
};
Result<Loaded> LoadVersion(Services& s, const Request& r, int version) {
  auto v = store::ReadStores(
      s.db, [&](Stores& st) { return s.models.Version(st, r.principal, r.params[0], version); });
  if (!v) return v.errors();
  auto model = fiscal::io::ReadModel(v->model_json);
  if (!model) return model.errors();
  return Loaded{std::move(*v), std::move(*model)};
}

}  // namespace

void AddFiscalModelRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back({"GET", "/api/v1/fiscal/models", Access::kSignedIn,
                    "The fiscal models you may open: your workspace's and those of the "
                    "engagements you take part in, newest first",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        nlohmann::json items = nlohmann::json::array();
                        for (const FiscalModel& m : s.models.List(st, r.principal)) {
                          items.push_back(Summary(m));
                        }
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models", Access::kSignedIn,
       "Keep a fiscal model (name, model in the connex.fiscal/1 format, request_id to attach it "
       "to an engagement: then only the request's participants see it)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"name", "request_id", "model"});
         const std::string name = body.Text("name", true, 200);
         const std::string request_id = body.Text("request_id", false, 100);
         auto model = ReadModelMember(r.body);
         if (!model) body.Add(model.errors());
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto m = s.models.Create(st, r.principal, name, request_id, model->text, Now());
           if (!m) return m.errors();
           return Summary(*m);
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/check", Access::kSignedIn,
       "Check a model (model) as the model editor fills it in: 200 when it reads, "
       "with the years each production profile fills, else every error named by "
       "its path under \"model\". Nothing is kept",
       [](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"model"});
         auto member = ReadModelMember(r.body);
         if (!member) body.Add(member.errors());
         if (!body.errors().empty()) return body.errors();
         return Reply{
             200,
             {{"valid", true}, {"production", ProfileProduction(r.body["model"], member->model)}}};
       }});
  routes.push_back(
      {"GET", "/api/v1/fiscal/models/{id}", Access::kParticipant,
       "One model: its current version (or ?version=), the model and every version's note",
       [&s](Request& r) -> Result<Reply> {
         auto version = QueryInt(r, "version", 0, 0, 1000000);
         if (!version) return version.errors();
         return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
           auto m = FiscalModelService::Visible(st, r.principal, r.params[0]);
           if (!m) return m.errors();
           auto v = s.models.Version(st, r.principal, m->id, *version);
           if (!v) return v.errors();
           nlohmann::json j = Summary(*m);
           j["shown_version"] = v->version;
           j["model"] = nlohmann::json::parse(v->model_json);
           auto all = s.models.Versions(st, r.principal, m->id);
           if (!all) return all.errors();
           nlohmann::json versions = nlohmann::json::array();
           for (const FiscalModelVersion& x : *all) {
             versions.push_back({{"version", x.version},
                                 {"note", x.note},
                                 {"created_by", x.created_by},
                                 {"created_at", ToIso(x.created_at)}});
           }
           j["versions"] = versions;
           return j;
         });
       }});
  routes.push_back(
      {"PUT", "/api/v1/fiscal/models/{id}", Access::kParticipant,
       "Save a new version (version read, name, model, note)", [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"version", "name", "model", "note"});
         const std::string name = body.Text("name", true, 200);
         const std::string note = body.Text("note", false, 2000);
         const int version = body.Integer("version", true, 1, 1000000);
         auto model = ReadModelMember(r.body);
         if (!model) body.Add(model.errors());
         if (!body.errors().empty()) return body.errors();
         return WriteJson(s, 200, [&](Stores& st) -> Result<nlohmann::json> {
           auto m =
               s.models.Save(st, r.principal, r.params[0], version, name, model->text, note, Now());
           if (!m) return m.errors();
           return Summary(*m);
         });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/run", Access::kParticipant,
       "Analyse every term sheet of a version (version; the current one by default): ledgers, "
       "metrics, breakevens, progressivity. Kept per version",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"version"});
         const int version = body.Integer("version", false, 1, 1000000, 0);
         if (!body.errors().empty()) return body.errors();
         return Results(
             s, r, version, "run",
             [](const fiscal::Model& m, std::string_view) -> Result<nlohmann::ordered_json> {
               auto analyses = fiscal::AnalyzeRegimes(m);
               if (!analyses) return analyses.errors();
               return fiscal::io::RunJson(m, *analyses);
             });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/sweep", Access::kParticipant,
       "Every term sheet over a range of prices (from, to, step: factors of the model's "
       "prices, the model's sweep by default; version): state PV, investor NPV, government "
       "take and AETR at each price, the progressivity of the terms. Kept per version",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"from", "to", "step", "version"});
         const int version = body.Integer("version", false, 1, 1000000, 0);
         // Percent of the model's prices, as whole numbers: 50 to 200 by 10.
         const int from = body.Integer("from", false, 1, 1000, 0);
         const int to = body.Integer("to", false, 1, 1000, 0);
         const int step = body.Integer("step", false, 1, 100, 0);
         if (from && to && from >= to) {
           body.Add({{ErrorCode::kInvalidInput, "must be below to", "from"}});
         }
         if (!body.errors().empty()) return body.errors();
         const std::string key = "sweep:" + std::to_string(from) + ":" + std::to_string(to) + ":" +
                                 std::to_string(step);
         return Results(
             s, r, version, key,
             [&](const fiscal::Model& m, std::string_view) -> Result<nlohmann::ordered_json> {
               fiscal::SweepOptions range = m.sweep;
               if (from) range.from = from / 100.0;
               if (to) range.to = to / 100.0;
               if (step) range.step = step / 100.0;
               if (range.from >= range.to) {
                 return Error{ErrorCode::kInvalidInput, "must be below to", "from"};
               }
               auto sweeps = fiscal::SweepRegimes(m, range);
               if (!sweeps) return sweeps.errors();
               return fiscal::io::SweepJson(m, *sweeps);
             });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/compare", Access::kParticipant,
       "Compare two term sheets of a version (from, to: their names; version): what the "
       "second gives the state and the investor against the first, year by year. Kept per "
       "version",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"from", "to", "version"});
         const std::string from = body.Text("from", true, 200);
         const std::string to = body.Text("to", true, 200);
         const int version = body.Integer("version", false, 1, 1000000, 0);
         if (!body.errors().empty()) return body.errors();
         return Results(
             s, r, version, "compare:" + from + "\n" + to,
             [&](const fiscal::Model& m, std::string_view) -> Result<nlohmann::ordered_json> {
               auto compared = fiscal::CompareNamed(m, from, to);
               if (!compared) return compared.errors();
               return fiscal::io::ComparisonJson(m, compared->a, compared->b, compared->c);
             });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/tornado", Access::kParticipant,
       "Move each input to its low and high value, one at a time, and rank the inputs by how far "
       "the metric swings (metric: government_pv by default; inputs: [{name, low, high}], name "
       "a multiplier (price, capex, opex, production) or a term path, price 0.7-1.3 and costs "
       "and production 0.8-1.2 by default; regime; version). Kept per version",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"metric", "inputs", "regime", "version"});
         const std::string metric = body.Text("metric", false, 50);
         const std::string regime = body.Text("regime", false, 200);
         const int version = body.Integer("version", false, 1, 1000000, 0);
         auto target = fiscal::io::ParseTarget(metric.empty() ? "government_pv" : metric, "metric");
         if (!target) body.Add(target.errors());
         std::vector<fiscal::io::InputRange> ranges;
         const nlohmann::json* list = body.Value("inputs");
         if (!list) {
           ranges = fiscal::io::DefaultInputs();
         } else if (!list->is_array() || list->empty() || list->size() > 20) {
           body.Add({{ErrorCode::kInvalidInput, "must list 1 to 20 inputs: [{name, low, high}]",
                      "inputs"}});
         } else {
           for (size_t i = 0; i < list->size(); ++i) {
             const std::string at = "inputs[" + std::to_string(i) + "]";
             if (!(*list)[i].is_object()) {
               body.Add({{ErrorCode::kInvalidInput, "must be {name, low, high}", at}});
               continue;
             }
             BodyReader in((*list)[i], {"name", "low", "high"});
             const std::string name = in.Text("name", true, 300);
             const double low = in.Number("low", true);
             const double high = in.Number("high", true);
             for (Error e : in.errors()) {
               e.field = at + "." + e.field;
               body.Add({e});
             }
             ranges.push_back({name, low, high, at});
           }
         }
         if (!body.errors().empty()) return body.errors();
         const std::string key = "tornado:" + regime + "\n" + fiscal::ToString(*target) + "\n" +
                                 (list ? list->dump() : std::string("default"));
         return Results(
             s, r, version, key,
             [&](const fiscal::Model& m, std::string_view text) -> Result<nlohmann::ordered_json> {
               auto i = fiscal::FindRegime(m, regime);
               if (!i) return i.errors();
               auto t = fiscal::io::TornadoOf(text, m, *i, *target, ranges);
               if (!t) return t.errors();
               return fiscal::io::TornadoJson(m, m.regimes[static_cast<size_t>(*i)].name, *t);
             });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/solve", Access::kParticipant,
       "The value of one term that brings a metric to a target, e.g. the royalty rate that "
       "gives an AETR of 60% (term: its path; metric; target: the value sought; lo, hi: the "
       "range searched, 0 to 1 by default; regime; version). Says why when no value in the "
       "range reaches it. Kept per version",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"term", "metric", "target", "lo", "hi", "regime", "version"});
         fiscal::io::SolveRequest q;
         q.term = body.Text("term", true, 300);
         const std::string metric = body.Text("metric", true, 50);
         q.target_value = body.Number("target", true);
         q.lo = body.Number("lo", false, 0);
         q.hi = body.Number("hi", false, 1);
         const std::string regime = body.Text("regime", false, 200);
         const int version = body.Integer("version", false, 1, 1000000, 0);
         if (!metric.empty()) {
           auto target = fiscal::io::ParseTarget(metric, "metric");
           if (target)
             q.target = *target;
           else
             body.Add(target.errors());
         }
         if (!(q.hi > q.lo)) body.Add({{ErrorCode::kInvalidInput, "must be above lo", "hi"}});
         if (!body.errors().empty()) return body.errors();
         std::ostringstream key;
         key.precision(17);
         key << "solve:" << regime << '\n'
             << q.term << '\n'
             << metric << '\n'
             << q.target_value << '\n'
             << q.lo << '\n'
             << q.hi;
         return Results(
             s, r, version, key.str(),
             [&](const fiscal::Model& m, std::string_view text) -> Result<nlohmann::ordered_json> {
               auto i = fiscal::FindRegime(m, regime);
               if (!i) return i.errors();
               fiscal::io::SolveRequest asked = q;
               auto solution = fiscal::io::SolveTerm(text, m, *i, asked);
               if (!solution) return solution.errors();
               return fiscal::io::SolutionJson(m, m.regimes[static_cast<size_t>(*i)].name, asked,
                                               *solution);
             });
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/whatif", Access::kParticipant,
       "What if some terms changed (changes: [{path, value}], paths into the term sheets such "
       "as regimes[0].instruments[1].rate; regime: the one compared, the first by default; "
       "version): the changed terms against the stored ones, year by year and in total. "
       "Nothing is saved",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"version", "regime", "changes"});
         const int version = body.Integer("version", false, 1, 1000000, 0);
         const std::string regime = body.Text("regime", false, 200);
         std::vector<fiscal::io::TermChange> changes;
         const nlohmann::json* list = body.Value("changes");
         if (!list || !list->is_array() || list->empty() || list->size() > 20) {
           body.Add({{ErrorCode::kInvalidInput, "must list 1 to 20 changes: [{path, value}]",
                      "changes"}});
         } else {
           for (size_t i = 0; i < list->size(); ++i) {
             const nlohmann::json& c = (*list)[i];
             const std::string at = "changes[" + std::to_string(i) + "]";
             if (!c.is_object() || !c.contains("path") || !c["path"].is_string() ||
                 !c.contains("value") || !c["value"].is_number() || c.size() != 2) {
               body.Add({{ErrorCode::kInvalidInput, "must be {path, value} with a number", at}});
               continue;
             }
             changes.push_back({c["path"].get<std::string>(), c["value"].get<double>()});
           }
         }
         if (!body.errors().empty()) return body.errors();
         auto loaded = LoadVersion(s, r, version);
         if (!loaded) return loaded.errors();
         const FiscalModelVersion* v = &loaded->version;
         const fiscal::Model* base = &loaded->model;
         auto compared = fiscal::io::WhatIf(v->model_json, *base, regime, changes);
         if (!compared) return compared.errors();
         return Reply{200,
                      {{"version", v->version},
                       {"regime", compared->a.regime},
                       {"result", nlohmann::json(fiscal::io::ComparisonJson(
                                      *base, compared->a, compared->b, compared->c))}}};
       }});
  routes.push_back(
      {"GET", "/api/v1/fiscal/models/{id}/export", Access::kParticipant,
       "Every term sheet of a version analysed, as a workbook in the reader's language "
       "(format=xlsx: summary, a ledger sheet per term sheet, the comparison of the first two "
       "with its chart) or as CSV with the format's names; ?version=",
       [&s](Request& r) -> Result<Reply> {
         const std::string format = QueryText(r, "format");
         if (format != "xlsx" && format != "csv") {
           return Error{ErrorCode::kInvalidInput, "must be xlsx or csv", "format"};
         }
         auto version = QueryInt(r, "version", 0, 0, 1000000);
         if (!version) return version.errors();
         auto loaded = LoadVersion(s, r, *version);
         if (!loaded) return loaded.errors();
         const FiscalModelVersion* v = &loaded->version;
         const fiscal::Model* model = &loaded->model;
         auto analyzed = fiscal::AnalyzeRegimes(*model);
         if (!analyzed) return analyzed.errors();
         const std::vector<fiscal::Analysis>& analyses = *analyzed;
         const std::string name = "model-" + v->model_id + "-v" + std::to_string(v->version);
         if (format == "csv") {
           std::ostringstream out;
           fiscal::io::WriteRun(out, *model, analyses, fiscal::io::Format::kCsv);
           return Download(out.str(), "text/csv; charset=utf-8", name + ".csv");
         }
         std::optional<fiscal::Comparison> comparison;
         if (analyses.size() > 1) {
           comparison = fiscal::Compare(fiscal::Resolve(model->project), analyses[0], analyses[1]);
         }
         fiscal::io::Workbook book;
         book.model = model;
         book.language = r.language;
         for (const auto& a : analyses) book.analyses.push_back(&a);
         if (comparison) book.comparison = &*comparison;
         auto bytes = WrittenFile([&](const std::string& path) -> Result<Done> {
           auto written = fiscal::io::WriteXlsx(path, book);
           if (!written) return written.errors();
           return Done{};
         });
         if (!bytes) return bytes.errors();
         return Download(std::move(*bytes),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         name + ".xlsx");
       }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/value-added", Access::kParticipant,
       "Record on the engagement what the terms `to` add for the state against `from` (their "
       "comparison on this model's version): by its advisers or the Support Unit",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"from", "to", "version"});
         const std::string from = body.Text("from", true, 200);
         const std::string to = body.Text("to", true, 200);
         const int version = body.Integer("version", false, 1, 1000000, 0);
         if (!body.errors().empty()) return body.errors();
         auto loaded = LoadVersion(s, r, version);
         if (!loaded) return loaded.errors();
         const FiscalModelVersion* v = &loaded->version;
         fiscal::Model* model = &loaded->model;
         auto compared = fiscal::CompareNamed(*model, from, to);
         if (!compared) return compared.errors();
         ValueAdded added;
         added.version = v->version;
         added.from_terms = from;
         added.to_terms = to;
         added.currency = model->currency;
         added.government_total = compared->c.government_total_delta;
         added.government_pv = compared->c.government_pv_delta_total;
         added.discount_rate = model->discounting.rate;
         return WriteJson(s, 201, [&](Stores& st) -> Result<nlohmann::json> {
           auto recorded = s.models.RecordValueAdded(st, r.principal, r.params[0], added, Now());
           if (!recorded) return recorded.errors();
           return ToJson(*recorded);
         });
       }});
  routes.push_back({"GET", "/api/v1/requests/{id}/value-added", Access::kParticipant,
                    "The estimates of value added recorded on a request, newest first (the first "
                    "is the current one)",
                    [&s](Request& r) -> Result<Reply> {
                      return ReadJson(s, [&](Stores& st) -> Result<nlohmann::json> {
                        auto list = s.models.ValueAddedOf(st, r.principal, r.params[0]);
                        if (!list) return list.errors();
                        nlohmann::json items = nlohmann::json::array();
                        for (const ValueAdded& v : *list) items.push_back(ToJson(v));
                        return nlohmann::json{{"items", items}};
                      });
                    }});
  routes.push_back(
      {"POST", "/api/v1/fiscal/models/{id}/montecarlo", Access::kParticipant,
       "Start a Monte Carlo run over the model's uncertainty section (scenarios: 1 to "
       "1,000,000, the model's by default; seed; regime; version). Answers 202 with the job "
       "to poll (GET /api/v1/fiscal/jobs/{job}) or cancel (DELETE)",
       [&s](Request& r) -> Result<Reply> {
         BodyReader body(r.body, {"scenarios", "seed", "regime", "version"});
         const int scenarios = body.Integer("scenarios", false, 1, 1000000, 0);
         const int seed = body.Integer("seed", false, 0, 2147483647, -1);
         const std::string regime = body.Text("regime", false, 200);
         const int version = body.Integer("version", false, 1, 1000000, 0);
         if (!body.errors().empty()) return body.errors();
         auto loaded = LoadVersion(s, r, version);
         if (!loaded) return loaded.errors();
         const FiscalModelVersion* v = &loaded->version;
         fiscal::Model* model = &loaded->model;
         if (!model->uncertainty) {
           return Error{ErrorCode::kInvalidInput,
                        "is required for a Monte Carlo run: price processes, multipliers, "
                        "correlation (docs/fiscal-model-format.md)",
                        "model.uncertainty"};
         }
         auto index = fiscal::FindRegime(*model, regime);
         if (!index) return index.errors();
         auto shared = std::make_shared<fiscal::Model>(std::move(*model));
         fiscal::MonteCarloOptions options;
         options.scenarios = scenarios > 0 ? scenarios : shared->uncertainty->scenarios;
         options.seed = seed >= 0 ? static_cast<std::uint64_t>(seed) : shared->uncertainty->seed;
         options.threads = 1;  // one core per run: the portal keeps answering
         options.government_pv_floor = shared->uncertainty->government_pv_floor;
         options.year_percentiles = true;  // the page's fan chart
         const auto i = static_cast<size_t>(*index);
         auto job = s.jobs.Start(
             r.principal.user_id, v->model_id, v->version,
             [shared, options, i](const std::atomic<bool>& stop,
                                  const FiscalJobs::Progress& progress) mutable {
               const fiscal::ProjectSeries series = fiscal::Resolve(shared->project);
               const fiscal::Sampler sampler(*shared->uncertainty, series.years, series.products());
               options.stop = &stop;
               options.progress = progress;
               const fiscal::MonteCarloResult result = fiscal::RunMonteCarlo(
                   series, shared->regimes[i], shared->discounting, sampler, options);
               return nlohmann::json(
                   fiscal::io::MonteCarloJson(*shared, shared->regimes[i].name, result));
             });
         if (!job) return job.errors();
         return Reply{202, {{"job", *job}, {"status", "running"}}};
       }});
  // A job is its starter's, while they may still open the model.
  auto mine = [&s](Request& r) -> Result<FiscalJobs::View> {
    auto job = s.jobs.Find(r.params[0]);
    if (!job || job->owner != r.principal.user_id) {
      return Error{ErrorCode::kNotFound, "no such job", "id"};
    }
    auto visible = store::ReadStores(s.db, [&](Stores& st) {
      return FiscalModelService::Visible(st, r.principal, job->model_id);
    });
    if (!visible) return Error{ErrorCode::kNotFound, "no such job", "id"};
    return *job;
  };
  auto view = [](const FiscalJobs::View& j) {
    return nlohmann::json{{"job", j.id},        {"model_id", j.model_id}, {"version", j.version},
                          {"status", j.status}, {"done", j.done},         {"total", j.total},
                          {"result", j.result}};
  };
  routes.push_back({"GET", "/api/v1/fiscal/jobs/{id}", Access::kSignedIn,
                    "A long run's progress (done of total scenarios) and, once finished or "
                    "cancelled, its result",
                    [mine, view](Request& r) -> Result<Reply> {
                      auto job = mine(r);
                      if (!job) return job.errors();
                      return Reply{200, view(*job)};
                    }});
  routes.push_back(
      {"GET", "/api/v1/fiscal/jobs/{id}/events", Access::kSignedIn,
       "A long run's progress as server-sent events: \"progress\" (done of total) as it "
       "moves, then \"done\" with the job as GET answers it. A connection lasts at most 10 "
       "seconds; the browser's EventSource reconnects at once",
       [&s, mine, view](Request& r) -> Result<Reply> {
         auto job = mine(r);
         if (!job) return job.errors();
         Reply reply;
         reply.raw_type = "text/event-stream";
         const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         auto last = std::make_shared<std::int64_t>(-1);
         auto ended = std::make_shared<bool>(false);
         // Polled by the server every 250 ms while there is nothing new; never blocks.
         reply.stream = [&s, id = job->id, view, until, last,
                         ended]() -> std::optional<std::string> {
           if (*ended) return std::nullopt;
           auto now = s.jobs.Find(id);
           if (!now) {
             *ended = true;
             return std::nullopt;
           }
           if (now->status != "running") {
             *ended = true;
             return "event: done\ndata: " + view(*now).dump() + "\n\n";
           }
           if (*last < 0 || now->done != *last) {
             const bool first = *last < 0;
             *last = now->done;
             nlohmann::json progress = view(*now);
             progress.erase("result");
             return std::string(first ? "retry: 200\n" : "") +
                    "event: progress\ndata: " + progress.dump() + "\n\n";
           }
           if (std::chrono::steady_clock::now() >= until) {
             *ended = true;
             return std::nullopt;
           }
           return std::string();
         };
         return reply;
       }});
  routes.push_back({"DELETE", "/api/v1/fiscal/jobs/{id}", Access::kSignedIn,
                    "Cancel a long run: the scenarios done so far are kept, the result says it "
                    "is partial",
                    [&s, mine, view](Request& r) -> Result<Reply> {
                      auto job = mine(r);
                      if (!job) return job.errors();
                      s.jobs.Cancel(job->id);
                      const auto now = s.jobs.Find(job->id);
                      return Reply{202, view(now ? *now : *job)};
                    }});
}

}  // namespace connex::api
