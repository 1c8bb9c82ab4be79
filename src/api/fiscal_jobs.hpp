// Long fiscal runs (Monte Carlo) in the background: started by a user,
// followed, cancelled and read through any instance sharing the database (the
// fiscal_jobs table). The run itself works in the process that started it;
// it writes its progress and a heartbeat there every quarter second and reads
// whether a cancellation was asked. A cancelled run keeps the statistics of
// the scenarios done so far and says it is partial.
//
// What must hold:
//   - at most `max_running` runs work in one process, so analyses cannot
//     starve the portal (beyond: 503), and one user has at most `per_user`
//     running on all instances together, so no one holds every slot (429);
//   - a run whose heartbeat stopped for kSilence (its instance died) reads as
//     interrupted, and is marked so when an instance starts; a process that
//     stops marks its own runs interrupted, with what they had done.
//
// Thread-safety: every member may be called from any thread. The destructor
// stops every run of this process and waits for it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "core/result.hpp"
#include "store/database.hpp"

namespace connex::api {

class FiscalJobs {
 public:
  using Progress = std::function<void(std::int64_t done, std::int64_t total)>;
  // The work: reads `stop`, reports progress, answers the result.
  using Work = std::function<nlohmann::json(const std::atomic<bool>& stop, const Progress&)>;

  struct View {
    std::string id, owner, model_id;
    int version = 0;
    std::string status;  // running | done | cancelled | interrupted
    std::int64_t done = 0, total = 0;
    nlohmann::json result;  // when not running
  };

  static constexpr std::chrono::seconds kSilence{30};

  FiscalJobs(store::Database& db, int max_running = 2, int per_user = 1);
  ~FiscalJobs();
  FiscalJobs(const FiscalJobs&) = delete;
  FiscalJobs& operator=(const FiscalJobs&) = delete;

  // The job's id; kUnavailable when this process runs `max_running` jobs,
  // kRateLimited when `owner` runs `per_user`.
  Result<std::string> Start(const std::string& owner, const std::string& model_id, int version,
                            Work work);
  std::optional<View> Find(const std::string& id);
  // Asks the job to stop, wherever it runs; false when it is not running.
  bool Cancel(const std::string& id);

 private:
  struct Local {
    std::atomic<bool> stop{false};
    std::atomic<bool> closing{false};  // stopped because the process stops
    std::thread thread;
  };
  void Run(const std::string& id, const std::shared_ptr<Local>& local, const Work& work);

  store::Database& db_;
  int max_running_, per_user_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Local>> local_;  // this process's runs
};

}  // namespace connex::api
