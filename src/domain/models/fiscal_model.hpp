// Fiscal models kept in the portal (issue "Fiscal analysis in the portal"):
// a project and its term sheets in the "connex.fiscal/1" format, owned by one
// user's workspace or attached to an engagement (then confidential to whoever
// may see that request). Every save is a new version; results are kept per
// version, so a model read again is not computed again.
//
// Thread-safety: plain values; the repository follows Stores' rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace connex::domain {

struct FiscalModel {
  std::string id;
  std::string name;
  std::string owner_id;    // the user whose workspace holds it
  std::string request_id;  // the engagement it serves; empty: the owner's workspace
  int version = 1;         // the current version
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
};

struct FiscalModelVersion {
  std::string model_id;
  int version = 0;
  std::string model_json;  // valid "connex.fiscal/1" text
  std::string note;        // why it changed
  std::string created_by;
  Instant created_at{};
};

// What the negotiated terms add for the state against the first ones, from a
// comparison of one model version, recorded on the engagement.
struct ValueAdded {
  std::string id;
  std::string request_id;
  std::string model_id;
  int version = 0;
  std::string from_terms, to_terms;  // term sheet names
  std::string currency;
  double government_total = 0;  // nominal, project life
  double government_pv = 0;     // at discount_rate
  double discount_rate = 0;
  std::string recorded_by;
  Instant recorded_at{};
};

// A long run (Monte Carlo) of a model version, kept in the database so that
// every instance sharing it follows, cancels and reads it (api/fiscal_jobs.hpp).
struct FiscalJob {
  std::string id, owner, model_id;
  int version = 0;
  std::string status;  // running | done | cancelled | interrupted
  std::int64_t done = 0, total = 0;
  std::string result_json;  // once not running; "" before
  bool cancel_requested = false;
  Instant started_at{}, heartbeat_at{};  // the heartbeat moves while it runs
};

class FiscalModelRepository {
 public:
  virtual ~FiscalModelRepository() = default;
  virtual void InsertModel(const FiscalModel& m) = 0;
  // Stores `m` if the stored one still has `expected_version`.
  virtual bool UpdateModel(const FiscalModel& m, int expected_version) = 0;
  virtual std::optional<FiscalModel> FindModel(const std::string& id) = 0;
  // The models of one workspace, and every model attached to a request; newest first.
  virtual std::vector<FiscalModel> Workspace(const std::string& owner_id) = 0;
  virtual std::vector<FiscalModel> Attached() = 0;
  virtual void InsertVersion(const FiscalModelVersion& v) = 0;
  virtual std::optional<FiscalModelVersion> Version(const std::string& model_id, int version) = 0;
  // Every version, oldest first, without the model text.
  virtual std::vector<FiscalModelVersion> Versions(const std::string& model_id) = 0;
  // Results computed from one version, by what was asked ("run", "compare:a:b").
  virtual std::optional<std::string> Result(const std::string& model_id, int version,
                                            const std::string& key) = 0;
  virtual void KeepResult(const std::string& model_id, int version, const std::string& key,
                          const std::string& json) = 0;
  virtual void InsertValueAdded(const ValueAdded& v) = 0;
  // Newest first.
  virtual std::vector<ValueAdded> ValueAddedOf(const std::string& request_id) = 0;

  virtual void InsertJob(const FiscalJob& j) = 0;
  virtual std::optional<FiscalJob> FindJob(const std::string& id) = 0;
  // Progress and heartbeat of a running job; whether its cancellation was asked.
  virtual bool RecordJobProgress(const std::string& id, std::int64_t done, std::int64_t total,
                                 Instant at) = 0;
  virtual void FinishJob(const std::string& id, const std::string& status,
                         const std::string& result_json, Instant at) = 0;
  // Asks a running job to stop; false when it is not running.
  virtual bool RequestJobCancel(const std::string& id) = 0;
  // Jobs of `owner` running with a heartbeat since `alive_since`.
  virtual int RunningJobsOf(const std::string& owner, Instant alive_since) = 0;
  // Running jobs whose heartbeat stopped before `before` become interrupted.
  virtual int InterruptJobsSilentSince(Instant before) = 0;
  // Forgets finished jobs started before `before`.
  virtual void DeleteJobsBefore(Instant before) = 0;
};

}  // namespace connex::domain
