// Fiscal models kept in the portal (issue "Fiscal analysis in the portal"):
// a project and its term sheets in the "connex.fiscal/1" format, owned by one
// user's workspace or attached to an engagement (then confidential to whoever
// may see that request). Every save is a new version; results are kept per
// version, so a model read again is not computed again.
//
// Thread-safety: plain values; the repository follows Stores' rules.
#pragma once

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
};

}  // namespace connex::domain
