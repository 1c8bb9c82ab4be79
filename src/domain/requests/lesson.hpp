// Lessons learned: at an engagement's close, its team and the Support Unit
// write what worked and what did not, for a roadmap stage and disciplines.
// Before a lesson leaves the engagement it is checked against the
// engagement's own names (LessonFlags); a member of the Support Unit other
// than its last editor approves it, and it is published in
// the hub as guidance of kind "lesson", tagged by its stage, found by search,
// and never linked to its engagement in public (lesson_service.hpp).
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/requests/request.hpp"

namespace connex::domain {

extern const std::vector<std::string> kLessonStatuses;  // draft, in_review, published

struct Lesson {
  std::string id;
  std::string request_id;
  std::string title;
  std::string stage;  // the roadmap stage it serves: planning, negotiating, monitoring
  std::vector<std::string> disciplines;
  std::string language = "en";
  std::string worked;        // what worked
  std::string did_not_work;  // what did not
  std::string status = "draft";
  std::string author_id;
  std::string edited_by;  // the last to change its words
  std::string approved_by;
  std::string hub_document_id;  // once published; never shown to the public with the lesson
  Instant created_at{};
  Instant updated_at{};
  int version = 1;
};

// Reads the words of a lesson (title, stage, disciplines, language, worked,
// did_not_work), naming each wrong field.
Result<Lesson> ReadLesson(const nlohmann::json& j);
nlohmann::json ToJson(const Lesson& l);

// A place where a lesson names its engagement: the field, the words found,
// and what they name (country, project, site, company, entity).
struct LessonFlag {
  std::string field;
  std::string term;
  std::string kind;
};

// Where `l` names the engagement of `form`: the country (its ISO code and its
// names in the portal's languages, also as the start of a word, so that
// "Ghanaian" counts), the ministry, the project, the site, the companies and
// their affiliates (whole names, and each of their distinctive words: a
// capitalised word of four letters or more that is not a common word of
// contracts such as "Mining" or "Ltd"). Letters are compared without case.
std::vector<LessonFlag> LessonFlags(const Lesson& l, const RequestForm& form);

// The country's names in the portal's languages (data/country-names.json).
const std::vector<std::string>& CountryNames(const std::string& iso3);

}  // namespace connex::domain
