// The roster's records: an expert's profile, the Code of Conduct versions,
// screenings kept per request (docs/adr/006-screening-and-team-proposals.md).
//
// Thread-safety: plain values.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/roster/screening.hpp"

namespace connex::domain {

struct ExpertProfile {
  std::string user_id;
  std::string name;                  // from the account, read only here
  std::string seniority = "senior";  // junior | mid | senior | principal
  std::vector<std::string> disciplines;
  std::vector<std::string> languages;
  std::vector<std::string> countries;  // ISO 3166-1 alpha-3 where they have worked
  std::vector<std::string> commodities;
  double day_rate = 0;                  // USD
  std::string readiness = "available";  // available | limited | unavailable
  std::string bio;
  std::vector<std::pair<std::string, std::string>> unavailable;  // [from, to] dates
  int version = 0;                                               // 0: never saved
  Instant updated_at;
};
extern const std::vector<std::string> kSeniorities;
extern const std::vector<std::string> kReadiness;

// Reads the editable fields, naming each wrong one ("unavailable[0].to").
Result<ExpertProfile> ReadProfile(const nlohmann::json& j);
nlohmann::json ToJson(const ExpertProfile& p);

Result<Declaration> ReadDeclaration(const nlohmann::json& j);
nlohmann::json ToJson(const Declaration& d);

struct ConductCode {
  int version = 0;
  std::string text;
  Instant published_at;
  std::string published_by;
};

// The Support Unit's appraisal of an expert's work on a closed engagement.
struct Appraisal {
  std::string request_id;
  std::string user_id;
  std::string appraiser_id;
  int rating = 0;  // 1 (poor) to 5 (excellent)
  std::string comments;
  Instant at;
};

// One engagement in an expert's deployment history.
struct Deployment {
  std::string request_id;
  std::string reference;
  std::string project_name;
  std::string state;
  std::string role;
  std::string start;
  std::string end;
  int days = 0;
};

struct ScreeningRecord {
  std::string id;
  std::string request_id;
  std::string user_id;
  ScreeningResult result;
  int lookback_years = 3;
  Instant at;
  std::string screened_by;
};

}  // namespace connex::domain
