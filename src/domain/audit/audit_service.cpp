#include "domain/audit/audit_service.hpp"

#include <nlohmann/json.hpp>
#include <set>

namespace connex::domain {

namespace {

Error AdminsOnly() { return {ErrorCode::kForbidden, "the audit log is for administrators", ""}; }

// What administrators manage themselves, and so may read in full in the log.
// Everything else (a government's requests, drafts and messages, advisors'
// models, documents, obligations, hub documents that may be confidential)
// shows what happened to which object, never what it holds.
bool AdministratorsOwn(const std::string& object_type) {
  static const std::set<std::string> kOwn = {
      "user",   "organisation", "invitation",   "session",          "sla_policy",
      "course", "discipline",   "conduct_code", "support_provider", "training_session"};
  return kOwn.count(object_type) > 0;
}

// The top-level fields that differ between two JSON objects (all of either when
// the other is absent).
std::vector<std::string> ChangedFields(const std::string& before_text,
                                       const std::string& after_text) {
  auto object = [](const std::string& text) {
    nlohmann::json j =
        text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
  };
  const nlohmann::json before = object(before_text), after = object(after_text);
  std::set<std::string> names;
  for (const auto& [k, v] : before.items()) {
    if (!after.contains(k) || after[k] != v) names.insert(k);
  }
  for (const auto& [k, v] : after.items()) {
    if (!before.contains(k) || before[k] != v) names.insert(k);
  }
  return {names.begin(), names.end()};
}

}  // namespace

Result<std::vector<AuditRecordView>> AuditService::Newest(Stores& s, const Principal& p, int limit,
                                                          std::int64_t before) const {
  if (p.role != Role::kAdmin) return AdminsOnly();
  std::vector<AuditRecordView> entries = s.audit.Newest(limit, before);
  for (AuditRecordView& e : entries) {
    if (AdministratorsOwn(e.object_type)) continue;
    e.withheld = true;
    e.fields = ChangedFields(e.before_json, e.after_json);
    e.before_json.clear();
    e.after_json.clear();
  }
  return entries;
}

Result<AuditCheck> AuditService::Verify(Stores& s, const Principal& p) const {
  if (p.role != Role::kAdmin) return AdminsOnly();
  return s.audit.Verify();
}

}  // namespace connex::domain
