#include "api/fiscal_jobs.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace connex::api {

FiscalJobs::~FiscalJobs() {
  std::vector<std::shared_ptr<Job>> all;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [id, job] : jobs_) {
      job->stop = true;
      all.push_back(job);
    }
  }
  for (auto& job : all) {
    if (job->thread.joinable()) job->thread.join();
  }
}

Result<std::string> FiscalJobs::Start(const std::string& owner, const std::string& model_id,
                                      int version, Work work) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto running = std::count_if(
      jobs_.begin(), jobs_.end(), [](const auto& j) { return j.second->view.status == "running"; });
  if (running >= max_running_) {
    return Error{ErrorCode::kUnavailable, "other long analyses are running; try again in a minute",
                 ""};
  }
  auto job = std::make_shared<Job>();
  job->view = {NewId("job"), owner, model_id, version, "running", 0, 0, nullptr};
  const std::string id = job->view.id;
  jobs_[id] = job;
  order_.push_back(id);
  Forget();
  // The thread holds the job; the registry outlives it (joined in the destructor).
  job->thread = std::thread([this, job, work = std::move(work)] {
    nlohmann::json result = work(job->stop, [this, &job](std::int64_t done, std::int64_t total) {
      std::lock_guard<std::mutex> progress(mutex_);
      job->view.done = done;
      job->view.total = total;
    });
    std::lock_guard<std::mutex> finished(mutex_);
    job->view.result = std::move(result);
    job->view.status = job->stop ? "cancelled" : "done";
  });
  return id;
}

std::optional<FiscalJobs::View> FiscalJobs::Find(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second->view;
}

bool FiscalJobs::Cancel(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return false;
  it->second->stop = true;
  return true;
}

void FiscalJobs::Forget() {
  while (order_.size() > 100) {
    const auto oldest = std::find_if(order_.begin(), order_.end(), [this](const std::string& id) {
      return jobs_[id]->view.status != "running";
    });
    if (oldest == order_.end()) return;
    auto job = jobs_[*oldest];
    jobs_.erase(*oldest);
    order_.erase(oldest);
    // Finished: its thread has ended or is about to; joining it must not hold the lock.
    if (job->thread.joinable()) job->thread.detach();
  }
}

}  // namespace connex::api
