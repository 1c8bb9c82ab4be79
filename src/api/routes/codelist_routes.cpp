// The code lists the web app and API clients offer, from the one place each
// is kept: the domain's vocabulary, the disciplines table, the request
// lifecycle and the fiscal engine (instrument types, ledger lines). The web
// app reads them here instead of keeping copies.
#include "api/routes/routes.hpp"
#include "domain/hub/hub_document.hpp"
#include "domain/shared/vocabulary.hpp"
#include "fiscal/io/model_reader.hpp"
#include "fiscal/ledger.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

using namespace domain;

void AddCodelistRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/codelists", Access::kPublic,
       "Codes the forms offer: disciplines (with the labels of every discipline, retired ones "
       "too), commodities, phases, roadmap stages, languages, request states, and for fiscal "
       "models the "
       "instrument types, the ledger lines in their order and the lines that are receipts of "
       "the state",
       [&s](Request&) -> Result<Reply> {
         return ReadJson(s, [&s](Stores& st) -> Result<nlohmann::json> {
           nlohmann::json states = nlohmann::json::array();
           for (int i = 0; i < kRequestStateCount; ++i) {
             states.push_back(ToString(static_cast<RequestState>(i)));
           }
           nlohmann::json offered = nlohmann::json::array();
           nlohmann::json labels = nlohmann::json::object();
           for (const Discipline& d : s.disciplines.List(st)) {
             if (d.active) offered.push_back(d.code);
             labels[d.code] = {{"en", d.label_en}, {"fr", d.label_fr}};
             if (!d.label_es.empty()) labels[d.code]["es"] = d.label_es;
             if (!d.label_pt.empty()) labels[d.code]["pt"] = d.label_pt;
           }
           nlohmann::json lines = nlohmann::json::array();
           for (int l = 0; l < fiscal::kLineCount; ++l) {
             lines.push_back(fiscal::LineName(static_cast<fiscal::Line>(l)));
           }
           nlohmann::json government = nlohmann::json::array();
           for (fiscal::Line l : fiscal::kGovernmentLines)
             government.push_back(fiscal::LineName(l));
           return nlohmann::json{{"disciplines", offered},
                                 {"discipline_labels", labels},
                                 {"commodities", kCommodities},
                                 {"phases", kPhases},
                                 {"stages", kRoadmapStages},
                                 {"languages", kLanguages},
                                 {"states", states},
                                 {"instrument_types", fiscal::io::InstrumentTypes()},
                                 {"ledger_lines", lines},
                                 {"government_lines", government}};
         });
       }});
}

}  // namespace connex::api
