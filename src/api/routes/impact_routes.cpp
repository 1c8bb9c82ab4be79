// Impact reports for the Support Unit and funders: aggregates of every
// request past draft, as JSON, CSV or xlsx (domain/reports/impact.hpp says
// what is counted and what is suppressed). Funders reach nothing else.
#include "api/routes/impact_export.hpp"
#include "api/routes/request_views.hpp"
#include "api/routes/routes.hpp"
#include "domain/reports/impact_records.hpp"
#include "domain/reports/regions.hpp"

namespace connex::api {

using namespace domain;

void AddImpactRoutes(std::vector<Route>& routes, Services& s) {
  routes.push_back(
      {"GET", "/api/v1/reports/impact", Access::kReports,
       "The impact report (from, to: months YYYY-MM; interval: month, quarter or year; country, "
       "region, commodity, discipline; format: json, csv or xlsx). Aggregates only; figures "
       "resting on fewer than 3 requests are null with suppressed: true",
       [&s](Request& r) -> Result<Reply> {
         const std::string format = r.query.count("format") ? r.query.at("format") : "json";
         if (format != "json" && format != "csv" && format != "xlsx") {
           return Error{ErrorCode::kInvalidInput, "must be json, csv or xlsx", "format"};
         }
         return store::ReadStores(s.db, [&](Stores& st) -> Result<Reply> {
           std::vector<std::string> disciplines;
           std::map<std::string, std::string> discipline_names;
           for (const Discipline& d : s.disciplines.List(st)) {
             disciplines.push_back(d.code);
             discipline_names[d.code] = DisciplineLabel(d, r.language);
           }
           auto q = ReadImpactQuery(r.query, disciplines);
           if (!q) return q.errors();
           const ClockContext clocks = ClockContext::Load(st, Now());
           const ImpactReport report = BuildImpactReport(
               CollectImpactRecords(st, clocks.policy, clocks.calendar, clocks.now), *q,
               clocks.policy);
           if (format == "csv") {
             return Download(ImpactCsv(report), "text/csv; charset=utf-8", "impact.csv");
           }
           if (format == "xlsx") {
             auto xlsx = ImpactXlsx(report, r.language, discipline_names);
             if (!xlsx) return xlsx.errors();
             return Download(*xlsx,
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             "impact.xlsx");
           }
           nlohmann::json body = ToJson(report);
           body["regions"] = ReportRegions();
           return Reply{200, std::move(body)};
         });
       }});
}

}  // namespace connex::api
