// Long fiscal runs (Monte Carlo) in the background of one server process:
// started by a user, polled for progress, cancelled. A cancelled run keeps
// the statistics of the scenarios done so far and says it is partial. At most
// `max_running` run at once, so analyses cannot starve the portal; finished
// jobs are kept (the latest 100) while the process runs.
//
// Thread-safety: every member may be called from any thread. The destructor
// stops every run and waits for it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace connex::api {

class FiscalJobs {
 public:
  using Progress = std::function<void(std::int64_t done, std::int64_t total)>;
  // The work: reads `stop`, reports progress, answers the result.
  using Work = std::function<nlohmann::json(const std::atomic<bool>& stop, const Progress&)>;

  struct View {
    std::string id, owner, model_id;
    int version = 0;
    std::string status;  // running | done | cancelled
    std::int64_t done = 0, total = 0;
    nlohmann::json result;  // when not running
  };

  FiscalJobs() = default;
  explicit FiscalJobs(int max_running) : max_running_(max_running) {}
  ~FiscalJobs();
  FiscalJobs(const FiscalJobs&) = delete;
  FiscalJobs& operator=(const FiscalJobs&) = delete;

  // The job's id; kUnavailable when `max_running` jobs are running.
  Result<std::string> Start(const std::string& owner, const std::string& model_id, int version,
                            Work work);
  std::optional<View> Find(const std::string& id);
  // Asks the job to stop; false when there is no such job.
  bool Cancel(const std::string& id);

 private:
  struct Job {
    View view;
    std::atomic<bool> stop{false};
    std::thread thread;
  };
  void Forget();  // drops the oldest finished jobs beyond 100; REQUIRES mutex_ held
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::vector<std::string> order_;  // ids, oldest first
  int max_running_ = 2;
};

}  // namespace connex::api
