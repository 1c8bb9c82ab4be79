#include "domain/shared/discipline.hpp"

#include <algorithm>

#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

Result<Discipline> ReadDiscipline(const std::string& code, const nlohmann::json& j) {
  Errors errors;
  Discipline d;
  d.code = code;
  if (!IsCodeWord(code)) {
    errors.push_back({ErrorCode::kInvalidInput,
                      "must be 2 to 40 lower-case letters, digits or _, starting with a letter",
                      "code"});
  }
  ObjectReader r(j, "", {"label_en", "label_fr", "label_es", "label_pt", "active", "position"},
                 errors);
  d.label_en = r.Text("label_en", 80);
  if (d.label_en.empty()) r.Fail("label_en", "is required");
  d.label_fr = r.Text("label_fr", 80);
  if (d.label_fr.empty()) r.Fail("label_fr", "is required");
  d.label_es = r.Text("label_es", 80);
  d.label_pt = r.Text("label_pt", 80);
  d.active = r.Bool("active", true);
  d.position = r.Integer("position", 0, 1000);
  if (!errors.empty()) return errors;
  return d;
}

nlohmann::json ToJson(const Discipline& d) {
  return {{"code", d.code},
          {"label_en", d.label_en},
          {"label_fr", d.label_fr},
          {"label_es", d.label_es},
          {"label_pt", d.label_pt},
          {"active", d.active},
          {"position", d.position},
          {"updated_at", ToIso(d.updated_at)},
          {"updated_by", d.updated_by}};
}

void CheckDisciplines(const std::vector<std::string>& chosen,
                      const std::vector<Discipline>& codelist, const std::vector<std::string>& kept,
                      const std::string& field, Errors& errors) {
  std::string offered;
  for (const Discipline& d : codelist) {
    if (d.active) offered += (offered.empty() ? "" : ", ") + d.code;
  }
  for (size_t i = 0; i < chosen.size(); ++i) {
    if (std::find(kept.begin(), kept.end(), chosen[i]) != kept.end()) continue;
    const auto it = std::find_if(codelist.begin(), codelist.end(),
                                 [&](const Discipline& d) { return d.code == chosen[i]; });
    if (it == codelist.end()) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "\"" + chosen[i] + "\" is not a discipline; one of " + offered,
                        field + "[" + std::to_string(i) + "]"});
    } else if (!it->active) {
      errors.push_back({ErrorCode::kInvalidInput,
                        "\"" + chosen[i] + "\" is retired from the codelist; one of " + offered,
                        field + "[" + std::to_string(i) + "]"});
    }
  }
}

std::string DisciplineLabel(const Discipline& d, const std::string& language) {
  const std::string& label = language == "fr"   ? d.label_fr
                             : language == "es" ? d.label_es
                             : language == "pt" ? d.label_pt
                                                : d.label_en;
  return label.empty() ? d.label_en : label;
}

}  // namespace connex::domain
