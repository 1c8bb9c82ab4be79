#include "domain/models/fiscal_model_service.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/crypto.hpp"
#include "domain/audit/audit_log.hpp"
#include "domain/models/fiscal_model.hpp"
#include "domain/policy/request_access.hpp"

namespace connex::domain {

namespace {

Error NoSuchModel() { return {ErrorCode::kNotFound, "no such model", "id"}; }

bool CanSee(Stores& s, const Principal& p, const FiscalModel& m) {
  if (m.request_id.empty()) return m.owner_id == p.user_id;
  return VisibleRequest(s, p, m.request_id).ok();
}

Result<Done> CheckName(const std::string& name) {
  if (name.empty()) return Error{ErrorCode::kInvalidInput, "is required", "name"};
  if (name.size() > 200) {
    return Error{ErrorCode::kInvalidInput, "must be at most 200 characters", "name"};
  }
  return Done{};
}

}  // namespace

Result<FiscalModel> FiscalModelService::Visible(Stores& s, const Principal& p,
                                                const std::string& id) {
  auto m = s.fiscal.FindModel(id);
  if (!m || !CanSee(s, p, *m)) return NoSuchModel();
  return *m;
}

std::vector<FiscalModel> FiscalModelService::List(Stores& s, const Principal& p) const {
  std::vector<FiscalModel> out = s.fiscal.Workspace(p.user_id);
  std::map<std::string, bool> seen;  // request id -> visible to p
  for (FiscalModel& m : s.fiscal.Attached()) {
    auto known = seen.find(m.request_id);
    if (known == seen.end()) {
      known = seen.emplace(m.request_id, VisibleRequest(s, p, m.request_id).ok()).first;
    }
    if (known->second) out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const FiscalModel& a, const FiscalModel& b) {
    return a.updated_at > b.updated_at;
  });
  return out;
}

Result<FiscalModel> FiscalModelService::Create(Stores& s, const Principal& p,
                                               const std::string& name,
                                               const std::string& request_id,
                                               const std::string& model_json, Instant now) const {
  if (p.role == Role::kPublic) return Error{ErrorCode::kForbidden, "sign in to keep models", ""};
  if (auto ok = CheckName(name); !ok) return ok.errors();
  if (!request_id.empty() && !VisibleRequest(s, p, request_id)) {
    return Error{ErrorCode::kInvalidInput, "is not a request you take part in", "request_id"};
  }
  FiscalModel m;
  m.id = NewId("fm");
  m.name = name;
  m.owner_id = p.user_id;
  m.request_id = request_id;
  m.created_by = p.user_id;
  m.created_at = m.updated_at = now;
  s.fiscal.InsertModel(m);
  s.fiscal.InsertVersion({m.id, 1, model_json, "created", p.user_id, now});
  s.audit.Record(p.user_id, "fiscal_model.create", "fiscal_model", m.id, "",
                 nlohmann::json{{"name", name}, {"request_id", request_id}}.dump());
  return m;
}

Result<FiscalModel> FiscalModelService::Save(Stores& s, const Principal& p, const std::string& id,
                                             int version, const std::string& name,
                                             const std::string& model_json, const std::string& note,
                                             Instant now) const {
  auto m = Visible(s, p, id);
  if (!m) return m;
  if (auto ok = CheckName(name); !ok) return ok.errors();
  if (version != m->version) {
    return Error{ErrorCode::kConflict,
                 "the model changed since you read it (version " + std::to_string(m->version) +
                     "); reload it",
                 "version"};
  }
  m->name = name;
  m->version += 1;
  m->updated_at = now;
  if (!s.fiscal.UpdateModel(*m, version)) {
    return Error{ErrorCode::kConflict, "the model changed since you read it", "version"};
  }
  s.fiscal.InsertVersion({m->id, m->version, model_json, note, p.user_id, now});
  s.audit.Record(p.user_id, "fiscal_model.save", "fiscal_model", id,
                 nlohmann::json{{"version", version}}.dump(),
                 nlohmann::json{{"version", m->version}, {"note", note}}.dump());
  return m;
}

Result<FiscalModelVersion> FiscalModelService::Version(Stores& s, const Principal& p,
                                                       const std::string& id, int version) const {
  auto m = Visible(s, p, id);
  if (!m) return m.errors();
  auto v = s.fiscal.Version(id, version == 0 ? m->version : version);
  if (!v) return Error{ErrorCode::kNotFound, "no such version", "version"};
  return *v;
}

Result<ValueAdded> FiscalModelService::RecordValueAdded(Stores& s, const Principal& p,
                                                        const std::string& id, ValueAdded v,
                                                        Instant now) const {
  auto m = Visible(s, p, id);
  if (!m) return m.errors();
  if (m->request_id.empty()) {
    return Error{ErrorCode::kInvalidInput,
                 "attach the model to the engagement first: a workspace model has no engagement",
                 "request_id"};
  }
  if (p.role != Role::kCoordinator && p.role != Role::kAdmin && p.role != Role::kExpert) {
    return Error{ErrorCode::kForbidden,
                 "the engagement's advisers and the Support Unit record the value added", ""};
  }
  v.id = NewId("va");
  v.request_id = m->request_id;
  v.model_id = m->id;
  v.recorded_by = p.user_id;
  v.recorded_at = now;
  s.fiscal.InsertValueAdded(v);
  s.audit.Record(p.user_id, "request.value_added", "request", m->request_id, "",
                 nlohmann::json{{"model_id", v.model_id},
                                {"version", v.version},
                                {"government_total", v.government_total},
                                {"government_pv", v.government_pv}}
                     .dump());
  return v;
}

Result<std::vector<ValueAdded>> FiscalModelService::ValueAddedOf(
    Stores& s, const Principal& p, const std::string& request_id) const {
  auto r = VisibleRequest(s, p, request_id);
  if (!r) return r.errors();
  return s.fiscal.ValueAddedOf(request_id);
}

Result<std::vector<FiscalModelVersion>> FiscalModelService::Versions(Stores& s, const Principal& p,
                                                                     const std::string& id) const {
  auto m = Visible(s, p, id);
  if (!m) return m.errors();
  return s.fiscal.Versions(m->id);
}

Result<std::pair<FiscalModelVersion, std::optional<std::string>>> FiscalModelService::KeptResult(
    Stores& s, const Principal& p, const std::string& id, int version,
    const std::string& key) const {
  auto v = Version(s, p, id, version);
  if (!v) return v.errors();
  return std::make_pair(*v, s.fiscal.Result(v->model_id, v->version, key));
}

void FiscalModelService::KeepResult(Stores& s, const FiscalModelVersion& v, const std::string& key,
                                    const std::string& result) const {
  s.fiscal.KeepResult(v.model_id, v.version, key, result);
}

}  // namespace connex::domain
