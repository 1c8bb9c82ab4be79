#include "domain/requests/request.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "domain/accounts/account.hpp"
#include "domain/shared/json_reader.hpp"
#include "domain/shared/vocabulary.hpp"

namespace connex::domain {

const std::vector<std::string> kRiskLevels = {"unassessed", "low", "medium", "high"};
const std::vector<std::string> kDeliverableStatuses = {"planned", "in_progress", "delivered",
                                                       "accepted", "cancelled"};

namespace {

void Require(Errors& errors, bool present, const std::string& field) {
  if (!present) errors.push_back({ErrorCode::kInvalidInput, "is required to submit", field});
}

}  // namespace

Result<RequestForm> ReadForm(const nlohmann::json& j, bool complete) {
  Errors errors;
  RequestForm f;
  ObjectReader r(
      j, "",
      {"country", "entity", "focal_points", "project_name", "commodity", "site", "counterparties",
       "disciplines", "phase", "timeline", "deadline", "language", "background"},
      errors);
  f.country = r.Text("country", 3);
  if (!f.country.empty() && !IsThreeLetterCode(f.country)) {
    r.Fail("country", "must be an ISO 3166-1 alpha-3 code such as GHA");
  }
  f.entity = r.Text("entity", 200);
  f.project_name = r.Text("project_name", 200);
  f.commodity = r.Text("commodity", 40, &kCommodities);
  f.site = r.Text("site", 200);
  f.disciplines = r.CodeWords("disciplines", 20);
  f.phase = r.Text("phase", 20, &kPhases);
  f.timeline = r.Text("timeline", 2000);
  f.deadline = r.Text("deadline", 10);
  if (!f.deadline.empty() && !IsDate(f.deadline)) r.Fail("deadline", "must be a date (YYYY-MM-DD)");
  f.language = r.Text("language", 2, &kLanguages);
  f.background = r.Text("background", 20000);
  if (const nlohmann::json* list = r.List("focal_points", 10)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader p((*list)[i], "focal_points[" + std::to_string(i) + "]",
                     {"name", "email", "phone"}, errors);
      FocalPoint fp{p.Text("name", 200), p.Text("email", 254), p.Text("phone", 40)};
      if (fp.name.empty()) p.Fail("name", "is required");
      if (!fp.email.empty()) {
        if (auto why = CheckEmail(fp.email)) p.Fail("email", *why);
      }
      f.focal_points.push_back(fp);
    }
  }
  if (const nlohmann::json* list = r.List("counterparties", 50)) {
    for (size_t i = 0; i < list->size(); ++i) {
      ObjectReader c((*list)[i], "counterparties[" + std::to_string(i) + "]",
                     {"name", "affiliates"}, errors);
      Counterparty cp{c.Text("name", 200), c.Texts("affiliates", 50, 200)};
      if (cp.name.empty()) c.Fail("name", "is required");
      f.counterparties.push_back(cp);
    }
  }
  if (complete) {
    for (Error& e : MissingForSubmission(f)) errors.push_back(std::move(e));
  }
  if (!errors.empty()) return errors;
  return f;
}

Errors MissingForSubmission(const RequestForm& f) {
  Errors e;
  Require(e, !f.country.empty(), "country");
  Require(e, !f.entity.empty(), "entity");
  Require(e, !f.focal_points.empty(), "focal_points");
  Require(e, !f.project_name.empty(), "project_name");
  Require(e, !f.commodity.empty(), "commodity");
  Require(e, !f.counterparties.empty(), "counterparties");
  Require(e, !f.disciplines.empty(), "disciplines");
  Require(e, !f.phase.empty(), "phase");
  Require(e, !f.language.empty(), "language");
  Require(e, !f.background.empty(), "background");
  return e;
}

nlohmann::json ToJson(const RequestForm& f) {
  nlohmann::json focal = nlohmann::json::array(), parties = nlohmann::json::array();
  for (const FocalPoint& p : f.focal_points) {
    focal.push_back({{"name", p.name}, {"email", p.email}, {"phone", p.phone}});
  }
  for (const Counterparty& c : f.counterparties) {
    parties.push_back({{"name", c.name}, {"affiliates", c.affiliates}});
  }
  return {
      {"country", f.country},           {"entity", f.entity},           {"focal_points", focal},
      {"project_name", f.project_name}, {"commodity", f.commodity},     {"site", f.site},
      {"counterparties", parties},      {"disciplines", f.disciplines}, {"phase", f.phase},
      {"timeline", f.timeline},         {"deadline", f.deadline},       {"language", f.language},
      {"background", f.background}};
}

Result<Scope> ReadScope(const nlohmann::json& j) {
  Errors errors;
  Scope s;
  ObjectReader r(j, "scope",
                 {"summary", "disciplines", "phases", "deliverables", "expert_days",
                  "publish_contract", "publish_by"},
                 errors);
  s.summary = r.Text("summary", 5000);
  if (s.summary.empty()) r.Fail("summary", "is required");
  s.disciplines = r.CodeWords("disciplines", 20);
  s.phases = r.Codes("phases", kPhases);
  s.deliverables = r.Texts("deliverables", 50, 300);
  s.expert_days = r.Integer("expert_days", 0, 10000);
  s.publish_contract = r.Bool("publish_contract", false);
  const std::string by = r.Text("publish_by", 10);
  if (s.publish_contract) {
    if (by.empty()) {
      r.Fail("publish_by", "is required when the government commits to publish the contract");
    } else if (!IsDate(by)) {
      r.Fail("publish_by", "must be a date (YYYY-MM-DD)");
    }
    s.publish_by = by;
  }
  if (!errors.empty()) return errors;
  return s;
}

nlohmann::json ToJson(const Scope& s) {
  return {{"summary", s.summary},         {"disciplines", s.disciplines},
          {"phases", s.phases},           {"deliverables", s.deliverables},
          {"expert_days", s.expert_days}, {"publish_contract", s.publish_contract},
          {"publish_by", s.publish_by}};
}

nlohmann::json ScopeDiff(const Scope& before, const Scope& after) {
  nlohmann::json diff = nlohmann::json::array();
  if (before.summary != after.summary) {
    diff.push_back({{"field", "summary"}, {"before", before.summary}, {"after", after.summary}});
  }
  if (before.publish_contract != after.publish_contract) {
    diff.push_back({{"field", "publish_contract"},
                    {"before", before.publish_contract},
                    {"after", after.publish_contract}});
  }
  if (before.publish_by != after.publish_by) {
    diff.push_back(
        {{"field", "publish_by"}, {"before", before.publish_by}, {"after", after.publish_by}});
  }
  if (before.expert_days != after.expert_days) {
    diff.push_back(
        {{"field", "expert_days"}, {"before", before.expert_days}, {"after", after.expert_days}});
  }
  auto lists = [&](const char* field, const std::vector<std::string>& a,
                   const std::vector<std::string>& b) {
    nlohmann::json added = nlohmann::json::array(), removed = nlohmann::json::array();
    for (const std::string& x : b) {
      if (std::find(a.begin(), a.end(), x) == a.end()) added.push_back(x);
    }
    for (const std::string& x : a) {
      if (std::find(b.begin(), b.end(), x) == b.end()) removed.push_back(x);
    }
    if (!added.empty() || !removed.empty()) {
      diff.push_back({{"field", field}, {"added", added}, {"removed", removed}});
    }
  };
  lists("disciplines", before.disciplines, after.disciplines);
  lists("phases", before.phases, after.phases);
  lists("deliverables", before.deliverables, after.deliverables);
  return diff;
}

}  // namespace connex::domain
