#include "store/sql_fiscal_model_repository.hpp"

#include "store/sql_rows.hpp"

namespace connex::store {

using namespace domain;

namespace {

constexpr const char* kModelColumns =
    "SELECT id, name, owner_id, request_id, version, created_by, created_at, updated_at FROM "
    "fiscal_models ";

FiscalModel ModelFromRow(const soci::row& row) {
  FiscalModel m;
  m.id = Text(row, 0);
  m.name = Text(row, 1);
  m.owner_id = Text(row, 2);
  m.request_id = Text(row, 3);
  m.version = static_cast<int>(Integer(row, 4));
  m.created_by = Text(row, 5);
  m.created_at = ParseIso(Text(row, 6)).value_or(Instant{});
  m.updated_at = ParseIso(Text(row, 7)).value_or(Instant{});
  return m;
}

}  // namespace

void SqlFiscalModelRepository::InsertModel(const FiscalModel& m) {
  const std::string created = ToIso(m.created_at), updated = ToIso(m.updated_at);
  sql_ << "INSERT INTO fiscal_models (id, name, owner_id, request_id, version, created_by, "
          "created_at, updated_at) VALUES (:id, :n, :o, :r, :v, :by, :ca, :ua)",
      soci::use(m.id), soci::use(m.name), soci::use(m.owner_id), soci::use(m.request_id),
      soci::use(m.version), soci::use(m.created_by), soci::use(created), soci::use(updated);
}

bool SqlFiscalModelRepository::UpdateModel(const FiscalModel& m, int expected_version) {
  const std::string updated = ToIso(m.updated_at);
  soci::statement st = (sql_.prepare << "UPDATE fiscal_models SET name = :n, version = :v, "
                                        "updated_at = :ua WHERE id = :id AND version = :expected",
                        soci::use(m.name), soci::use(m.version), soci::use(updated),
                        soci::use(m.id), soci::use(expected_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<FiscalModel> SqlFiscalModelRepository::FindModel(const std::string& id) {
  return SelectFirst(sql_, std::string(kModelColumns) + "WHERE id = :v", id, ModelFromRow);
}

std::vector<FiscalModel> SqlFiscalModelRepository::Workspace(const std::string& owner_id) {
  return SelectRows(sql_,
                    std::string(kModelColumns) +
                        "WHERE owner_id = :v AND request_id = '' ORDER BY updated_at DESC",
                    owner_id, ModelFromRow);
}

std::vector<FiscalModel> SqlFiscalModelRepository::Attached() {
  return SelectRows(sql_,
                    std::string(kModelColumns) + "WHERE request_id <> :v ORDER BY updated_at DESC",
                    "", ModelFromRow);
}

void SqlFiscalModelRepository::InsertVersion(const FiscalModelVersion& v) {
  const std::string at = ToIso(v.created_at);
  sql_ << "INSERT INTO fiscal_model_versions (model_id, version, model_json, note, created_by, "
          "created_at) VALUES (:m, :v, :j, :n, :by, :at)",
      soci::use(v.model_id), soci::use(v.version), soci::use(v.model_json), soci::use(v.note),
      soci::use(v.created_by), soci::use(at);
}

std::optional<FiscalModelVersion> SqlFiscalModelRepository::Version(const std::string& model_id,
                                                                    int version) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT model_json, note, created_by, created_at FROM "
                       "fiscal_model_versions WHERE model_id = :m AND version = :v",
       soci::use(model_id), soci::use(version));
  for (const soci::row& row : rows) {
    return FiscalModelVersion{model_id,     version,
                              Text(row, 0), Text(row, 1),
                              Text(row, 2), ParseIso(Text(row, 3)).value_or(Instant{})};
  }
  return std::nullopt;
}

std::vector<FiscalModelVersion> SqlFiscalModelRepository::Versions(const std::string& model_id) {
  std::vector<FiscalModelVersion> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT version, note, created_by, created_at FROM fiscal_model_versions "
                       "WHERE model_id = :m ORDER BY version",
       soci::use(model_id));
  for (const soci::row& row : rows) {
    out.push_back({model_id, static_cast<int>(Integer(row, 0)), "", Text(row, 1), Text(row, 2),
                   ParseIso(Text(row, 3)).value_or(Instant{})});
  }
  return out;
}

std::optional<std::string> SqlFiscalModelRepository::Result(const std::string& model_id,
                                                            int version, const std::string& key) {
  soci::rowset<std::string> rows =
      (sql_.prepare << "SELECT result_json FROM fiscal_results WHERE model_id = :m AND version = "
                       ":v AND result_key = :k",
       soci::use(model_id), soci::use(version), soci::use(key));
  for (const std::string& json : rows) return json;
  return std::nullopt;
}

void SqlFiscalModelRepository::KeepResult(const std::string& model_id, int version,
                                          const std::string& key, const std::string& json) {
  sql_ << "INSERT INTO fiscal_results (model_id, version, result_key, result_json) VALUES (:m, "
          ":v, :k, :j) ON CONFLICT (model_id, version, result_key) DO UPDATE SET result_json = "
          "excluded.result_json",
      soci::use(model_id), soci::use(version), soci::use(key), soci::use(json);
}

void SqlFiscalModelRepository::InsertValueAdded(const ValueAdded& v) {
  const std::string at = ToIso(v.recorded_at);
  sql_ << "INSERT INTO request_value_added (id, request_id, model_id, version, from_terms, "
          "to_terms, currency, government_total, government_pv, discount_rate, recorded_by, "
          "recorded_at) VALUES (:id, :r, :m, :v, :f, :t, :c, :g, :pv, :d, :by, :at)",
      soci::use(v.id), soci::use(v.request_id), soci::use(v.model_id), soci::use(v.version),
      soci::use(v.from_terms), soci::use(v.to_terms), soci::use(v.currency),
      soci::use(v.government_total), soci::use(v.government_pv), soci::use(v.discount_rate),
      soci::use(v.recorded_by), soci::use(at);
}

std::vector<ValueAdded> SqlFiscalModelRepository::ValueAddedOf(const std::string& request_id) {
  std::vector<ValueAdded> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, model_id, version, from_terms, to_terms, currency, "
                       "government_total, government_pv, discount_rate, recorded_by, recorded_at "
                       "FROM request_value_added WHERE request_id = :r ORDER BY recorded_at DESC, "
                       "id DESC",
       soci::use(request_id));
  for (const soci::row& row : rows) {
    ValueAdded v;
    v.id = Text(row, 0);
    v.request_id = request_id;
    v.model_id = Text(row, 1);
    v.version = static_cast<int>(Integer(row, 2));
    v.from_terms = Text(row, 3);
    v.to_terms = Text(row, 4);
    v.currency = Text(row, 5);
    v.government_total = Real(row, 6);
    v.government_pv = Real(row, 7);
    v.discount_rate = Real(row, 8);
    v.recorded_by = Text(row, 9);
    v.recorded_at = ParseIso(Text(row, 10)).value_or(Instant{});
    out.push_back(v);
  }
  return out;
}

void SqlFiscalModelRepository::InsertJob(const FiscalJob& j) {
  const std::string started = ToIso(j.started_at), beat = ToIso(j.heartbeat_at);
  const long long done = j.done, total = j.total;
  const int cancel = j.cancel_requested ? 1 : 0;
  sql_ << "INSERT INTO fiscal_jobs (id, owner_id, model_id, version, status, done, total, "
          "result_json, cancel_requested, started_at, heartbeat_at) VALUES (:id, :o, :m, :v, :s, "
          ":d, :t, :r, :c, :st, :hb)",
      soci::use(j.id), soci::use(j.owner), soci::use(j.model_id), soci::use(j.version),
      soci::use(j.status), soci::use(done), soci::use(total), soci::use(j.result_json),
      soci::use(cancel), soci::use(started), soci::use(beat);
}

std::optional<FiscalJob> SqlFiscalModelRepository::FindJob(const std::string& id) {
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT owner_id, model_id, version, status, done, total, result_json, "
                       "cancel_requested, started_at, heartbeat_at FROM fiscal_jobs WHERE id = :id",
       soci::use(id));
  for (const soci::row& row : rows) {
    FiscalJob j;
    j.id = id;
    j.owner = Text(row, 0);
    j.model_id = Text(row, 1);
    j.version = static_cast<int>(Integer(row, 2));
    j.status = Text(row, 3);
    j.done = Integer(row, 4);
    j.total = Integer(row, 5);
    j.result_json = Text(row, 6);
    j.cancel_requested = Integer(row, 7) != 0;
    j.started_at = ParseIso(Text(row, 8)).value_or(Instant{});
    j.heartbeat_at = ParseIso(Text(row, 9)).value_or(Instant{});
    return j;
  }
  return std::nullopt;
}

bool SqlFiscalModelRepository::RecordJobProgress(const std::string& id, std::int64_t done,
                                                 std::int64_t total, Instant at) {
  const std::string beat = ToIso(at);
  const long long d = done, t = total;
  sql_ << "UPDATE fiscal_jobs SET done = :d, total = :t, heartbeat_at = :hb WHERE id = :id AND "
          "status = 'running'",
      soci::use(d), soci::use(t), soci::use(beat), soci::use(id);
  int cancel = 0;
  sql_ << "SELECT cancel_requested FROM fiscal_jobs WHERE id = :id", soci::use(id),
      soci::into(cancel);
  return cancel != 0;
}

void SqlFiscalModelRepository::FinishJob(const std::string& id, const std::string& status,
                                         const std::string& result_json, Instant at) {
  const std::string beat = ToIso(at);
  sql_ << "UPDATE fiscal_jobs SET status = :s, result_json = :r, heartbeat_at = :hb WHERE id = :id",
      soci::use(status), soci::use(result_json), soci::use(beat), soci::use(id);
}

bool SqlFiscalModelRepository::RequestJobCancel(const std::string& id) {
  soci::statement st = (sql_.prepare << "UPDATE fiscal_jobs SET cancel_requested = 1 WHERE id = "
                                        ":id AND status = 'running'",
                        soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int SqlFiscalModelRepository::RunningJobsOf(const std::string& owner, Instant alive_since) {
  const std::string since = ToIso(alive_since);
  int n = 0;
  sql_ << "SELECT COUNT(*) FROM fiscal_jobs WHERE owner_id = :o AND status = 'running' AND "
          "heartbeat_at >= :since",
      soci::use(owner), soci::use(since), soci::into(n);
  return n;
}

int SqlFiscalModelRepository::InterruptJobsSilentSince(Instant before) {
  const std::string cutoff = ToIso(before);
  soci::statement st = (sql_.prepare << "UPDATE fiscal_jobs SET status = 'interrupted' WHERE "
                                        "status = 'running' AND heartbeat_at < :cutoff",
                        soci::use(cutoff));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

void SqlFiscalModelRepository::DeleteJobsBefore(Instant before) {
  const std::string cutoff = ToIso(before);
  sql_ << "DELETE FROM fiscal_jobs WHERE status <> 'running' AND started_at < :cutoff",
      soci::use(cutoff);
}

}  // namespace connex::store
