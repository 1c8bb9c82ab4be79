#include "domain/roster/expert.hpp"

#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kSeniorities = {"junior", "mid", "senior", "principal"};
const std::vector<std::string> kReadiness = {"available", "limited", "unavailable"};

namespace {

void Period(ObjectReader& r, const std::string& from_field, const std::string& to_field,
            std::string& from, std::string& to, bool to_required) {
  from = r.Text(from_field, 10);
  to = r.Text(to_field, 10);
  if (!IsDate(from)) r.Fail(from_field, "must be a date (YYYY-MM-DD)");
  if ((to_required || !to.empty()) && (!IsDate(to) || to < from)) {
    r.Fail(to_field, "must be a date on or after " + from_field);
  }
}

}  // namespace

Result<ExpertProfile> ReadProfile(const nlohmann::json& j) {
  Errors errors;
  ExpertProfile p;
  ObjectReader r(j, "",
                 {"seniority", "disciplines", "languages", "countries", "commodities", "day_rate",
                  "readiness", "bio", "unavailable", "version"},
                 errors);
  p.seniority = r.RequiredText("seniority", 20, &kSeniorities);
  // "Required" only when nothing else was said about the field.
  size_t mark = errors.size();
  p.disciplines = r.CodeWords("disciplines", 20);
  if (p.disciplines.empty() && errors.size() == mark) {
    r.Fail("disciplines", "name at least one discipline");
  }
  mark = errors.size();
  p.languages = r.Codes("languages", kLanguages);
  if (p.languages.empty() && errors.size() == mark)
    r.Fail("languages", "name at least one language");
  p.countries = r.Texts("countries", 200, 3);
  p.commodities = r.Codes("commodities", kCommodities);
  p.day_rate = r.Number("day_rate", 1, 100000);
  if (p.day_rate <= 0) r.Fail("day_rate", "is required, in USD per day");
  p.readiness = r.Text("readiness", 20, &kReadiness);
  if (p.readiness.empty()) p.readiness = "available";
  p.bio = r.Text("bio", 20000);
  p.version = r.Integer("version", 0, 1 << 30);
  if (const nlohmann::json* list = r.List("unavailable", 200)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader u((*list)[i], "unavailable[" + std::to_string(i) + "]", {"from", "to"}, errors);
      std::pair<std::string, std::string> period;
      Period(u, "from", "to", period.first, period.second, true);
      p.unavailable.push_back(period);
    }
  }
  if (!errors.empty()) return errors;
  return p;
}

nlohmann::json ToJson(const ExpertProfile& p) {
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& [from, to] : p.unavailable) periods.push_back({{"from", from}, {"to", to}});
  return {{"user_id", p.user_id},         {"name", p.name},
          {"seniority", p.seniority},     {"disciplines", p.disciplines},
          {"languages", p.languages},     {"countries", p.countries},
          {"commodities", p.commodities}, {"day_rate", p.day_rate},
          {"readiness", p.readiness},     {"bio", p.bio},
          {"unavailable", periods},       {"version", p.version}};
}

Result<Declaration> ReadDeclaration(const nlohmann::json& j) {
  Errors errors;
  Declaration d;
  ObjectReader r(j, "", {"entity", "affiliates", "relation", "start", "end", "evidence"}, errors);
  d.entity = r.RequiredText("entity", 200);
  d.affiliates = r.Texts("affiliates", 50, 200);
  d.relation = r.RequiredText("relation", 20, &kRelations);
  Period(r, "start", "end", d.start, d.end, false);
  d.evidence = r.Text("evidence", 5000);
  if (!errors.empty()) return errors;
  return d;
}

nlohmann::json ToJson(const Declaration& d) {
  return {{"id", d.id},
          {"entity", d.entity},
          {"affiliates", d.affiliates},
          {"relation", d.relation},
          {"start", d.start},
          {"end", d.end.empty() ? nlohmann::json() : nlohmann::json(d.end)},
          {"evidence", d.evidence}};
}

}  // namespace connex::domain
