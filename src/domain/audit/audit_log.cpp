#include "domain/audit/audit_log.hpp"

#include <nlohmann/json.hpp>
#include <set>

namespace connex::domain {

namespace {

// The one key of an entry kept without content: the names of the fields that changed.
constexpr const char* kWithheld = "withheld_fields";

nlohmann::json Object(const std::string& text) {
  nlohmann::json j =
      text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

}  // namespace

bool AuditKeepsContent(const std::string& object_type) {
  static const std::set<std::string> kOwn = {
      "user",       "organisation", "invitation",       "session",          "sla_policy",  "course",
      "discipline", "conduct_code", "support_provider", "training_session", "audit_anchor"};
  return kOwn.count(object_type) > 0;
}

std::vector<std::string> AuditedFields(const std::string& before_json,
                                       const std::string& after_json) {
  const nlohmann::json before = Object(before_json), after = Object(after_json);
  if (before.empty() && after.size() == 1 && after.contains(kWithheld) &&
      after[kWithheld].is_array()) {
    std::vector<std::string> names;
    for (const auto& name : after[kWithheld]) {
      if (name.is_string()) names.push_back(name.get<std::string>());
    }
    return names;
  }
  std::set<std::string> names;
  for (const auto& [k, v] : before.items()) {
    if (!after.contains(k) || after[k] != v) names.insert(k);
  }
  for (const auto& [k, v] : after.items()) {
    if (!before.contains(k) || before[k] != v) names.insert(k);
  }
  return {names.begin(), names.end()};
}

void AuditLog::Record(const std::string& actor, const std::string& action,
                      const std::string& object_type, const std::string& object_id,
                      const std::string& before_json, const std::string& after_json) {
  if (AuditKeepsContent(object_type)) {
    return Append(actor, action, object_type, object_id, before_json, after_json);
  }
  const nlohmann::json fields = AuditedFields(before_json, after_json);
  Append(actor, action, object_type, object_id, "", nlohmann::json{{kWithheld, fields}}.dump());
}

}  // namespace connex::domain
