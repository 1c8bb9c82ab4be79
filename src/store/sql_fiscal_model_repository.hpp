// SqlFiscalModelRepository: fiscal models, their versions and kept results
// over one transaction's session.
//
// Thread-safety: one instance per transaction.
#pragma once

#include <soci/soci.h>

#include "domain/models/fiscal_model.hpp"

namespace connex::store {

class SqlFiscalModelRepository : public domain::FiscalModelRepository {
 public:
  explicit SqlFiscalModelRepository(soci::session& sql) : sql_(sql) {}

  void InsertModel(const domain::FiscalModel& m) override;
  bool UpdateModel(const domain::FiscalModel& m, int expected_version) override;
  std::optional<domain::FiscalModel> FindModel(const std::string& id) override;
  std::vector<domain::FiscalModel> Workspace(const std::string& owner_id) override;
  std::vector<domain::FiscalModel> Attached() override;
  void InsertVersion(const domain::FiscalModelVersion& v) override;
  std::optional<domain::FiscalModelVersion> Version(const std::string& model_id,
                                                    int version) override;
  std::vector<domain::FiscalModelVersion> Versions(const std::string& model_id) override;
  std::optional<std::string> Result(const std::string& model_id, int version,
                                    const std::string& key) override;
  void KeepResult(const std::string& model_id, int version, const std::string& key,
                  const std::string& json) override;
  void InsertValueAdded(const domain::ValueAdded& v) override;
  std::vector<domain::ValueAdded> ValueAddedOf(const std::string& request_id) override;
  void InsertJob(const domain::FiscalJob& j) override;
  std::optional<domain::FiscalJob> FindJob(const std::string& id) override;
  bool RecordJobProgress(const std::string& id, std::int64_t done, std::int64_t total,
                         Instant at) override;
  void FinishJob(const std::string& id, const std::string& status, const std::string& result_json,
                 Instant at) override;
  bool RequestJobCancel(const std::string& id) override;
  int RunningJobsOf(const std::string& owner, Instant alive_since) override;
  int InterruptJobsSilentSince(Instant before) override;
  void DeleteJobsBefore(Instant before) override;

 private:
  soci::session& sql_;
};

}  // namespace connex::store
