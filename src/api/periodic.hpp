// A task run on a thread of its own at a fixed period until the owner goes:
// the server's background work (clock warnings, the audit anchor).
//
// Thread-safety: `task` runs on the object's thread only; the destructor
// wakes it, waits for a run in progress and joins.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace connex::api {

class Periodic {
 public:
  // Runs `task` at once, then every `period`.
  Periodic(std::chrono::milliseconds period, std::function<void()> task)
      : period_(period), task_(std::move(task)), thread_([this] { Loop(); }) {}
  ~Periodic() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      lock.unlock();
      task_();
      lock.lock();
      wake_.wait_for(lock, period_, [this] { return stop_; });
    }
  }

  const std::chrono::milliseconds period_;
  const std::function<void()> task_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace connex::api
