// The disciplines codelist: the kinds of expertise a government may ask for
// and an expert may offer. Administrators add, relabel and retire entries; a
// retired discipline is no longer offered for new choices, but records that
// already name it keep it (a profile or a form is never made invalid by a
// change of the codelist).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace connex::domain {

struct Discipline {
  std::string code;  // IsCodeWord
  std::string label_en;
  std::string label_fr;
  std::string label_es;  // empty: read in English
  std::string label_pt;  // empty: read in English
  bool active = true;
  int position = 0;  // order in lists
  Instant updated_at{};
  std::string updated_by;
};

// Reads an administrator's entry for `code` (label_en, label_fr, label_es,
// label_pt, active, position), naming each wrong field.
Result<Discipline> ReadDiscipline(const std::string& code, const nlohmann::json& j);
nlohmann::json ToJson(const Discipline& d);
// The discipline's name in `language` (en, fr, es, pt), English where that
// label is empty.
std::string DisciplineLabel(const Discipline& d, const std::string& language);

// Names as `field[i]` every one of `chosen` that is not an active discipline
// of `codelist`, unless `kept` (what the record held before) already had it.
void CheckDisciplines(const std::vector<std::string>& chosen,
                      const std::vector<Discipline>& codelist, const std::vector<std::string>& kept,
                      const std::string& field, Errors& errors);

}  // namespace connex::domain
