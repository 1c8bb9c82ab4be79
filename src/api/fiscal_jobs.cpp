#include "api/fiscal_jobs.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/models/fiscal_model.hpp"
#include "store/sql_stores.hpp"

namespace connex::api {

namespace {

using domain::FiscalJob;
using domain::Stores;

constexpr auto kBeat = std::chrono::milliseconds(250);
constexpr auto kKeptFor = std::chrono::hours(24 * 7);

}  // namespace

FiscalJobs::FiscalJobs(store::Database& db, int max_running, int per_user)
    : db_(db), max_running_(max_running), per_user_(per_user) {
  // Runs of a process that died: no instance works on them any more. A live
  // instance's runs beat every quarter second while they progress, far within
  // the silence.
  store::WriteStores(db_, [&](Stores& st) -> Result<int> {
    return st.fiscal.InterruptJobsSilentSince(Now() - kSilence);
  });
}

FiscalJobs::~FiscalJobs() {
  std::map<std::string, std::shared_ptr<Local>> all;
  {
    // Under the lock: a run that sees `closing` leaves its thread to be joined here.
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [id, local] : local_) {
      local->closing = true;
      local->stop = true;
    }
    all = local_;
  }
  for (auto& [id, local] : all) {
    if (local->thread.joinable()) local->thread.join();
  }
}

Result<std::string> FiscalJobs::Start(const std::string& owner, const std::string& model_id,
                                      int version, Work work) {
  std::lock_guard<std::mutex> lock(mutex_);
  const Instant now = Now();
  FiscalJob job{NewId("job"), owner, model_id, version, "running", 0, 0, "", false, now, now};
  auto admitted = store::WriteStores(db_, [&](Stores& st) -> Result<bool> {
    if (st.fiscal.RunningJobsOf(owner, now - kSilence) >= per_user_) {
      return Error{ErrorCode::kRateLimited,
                   "you have a long analysis running already: wait for it or cancel it", ""};
    }
    if (static_cast<int>(local_.size()) >= max_running_) {
      return Error{ErrorCode::kUnavailable,
                   "other long analyses are running; try again in a minute", ""};
    }
    st.fiscal.DeleteJobsBefore(now - kKeptFor);
    st.fiscal.InsertJob(job);
    return true;
  });
  if (!admitted) return admitted.errors();
  auto local = std::make_shared<Local>();
  local_[job.id] = local;
  local->thread =
      std::thread([this, id = job.id, local, work = std::move(work)] { Run(id, local, work); });
  return job.id;
}

void FiscalJobs::Run(const std::string& id, const std::shared_ptr<Local>& local, const Work& work) {
  auto last = std::chrono::steady_clock::now() - kBeat;
  nlohmann::json result;
  try {
    result = work(local->stop, [&](std::int64_t done, std::int64_t total) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last < kBeat) return;
      last = now;
      // A missed heartbeat (the database busy a moment) is no reason to stop.
      try {
        auto cancel = store::WriteStores(db_, [&](Stores& st) -> Result<bool> {
          return st.fiscal.RecordJobProgress(id, done, total, Now());
        });
        if (cancel.ok() && *cancel) local->stop = true;
      } catch (const std::exception&) {
      }
    });
  } catch (const std::exception& e) {
    result = {{"error", e.what()}};
  }
  const std::string status = !local->stop ? "done" : local->closing ? "interrupted" : "cancelled";
  // The outcome must land: a few tries a second apart. If it still cannot,
  // the heartbeat stops and the job reads as interrupted.
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      store::WriteStores(db_, [&](Stores& st) -> Result<bool> {
        st.fiscal.FinishJob(id, status, result.dump(), Now());
        return true;
      });
      break;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
  // A finished run leaves the registry and its thread ends on its own; while
  // the process stops, the destructor joins it instead.
  std::lock_guard<std::mutex> lock(mutex_);
  if (!local->closing) {
    local_.erase(id);
    local->thread.detach();
  }
}

std::optional<FiscalJobs::View> FiscalJobs::Find(const std::string& id) {
  auto job = store::ReadStores(
      db_, [&](Stores& st) -> Result<std::optional<FiscalJob>> { return st.fiscal.FindJob(id); });
  if (!job.ok() || !*job) return std::nullopt;
  const FiscalJob& j = **job;
  View v{j.id, j.owner, j.model_id, j.version, j.status, j.done, j.total, nullptr};
  if (j.status == "running" && j.heartbeat_at < Now() - kSilence) v.status = "interrupted";
  if (!j.result_json.empty()) v.result = nlohmann::json::parse(j.result_json, nullptr, false);
  return v;
}

bool FiscalJobs::Cancel(const std::string& id) {
  auto asked = store::WriteStores(
      db_, [&](Stores& st) -> Result<bool> { return st.fiscal.RequestJobCancel(id); });
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = local_.find(id); it != local_.end()) it->second->stop = true;
  return asked.ok() && *asked;
}

}  // namespace connex::api
