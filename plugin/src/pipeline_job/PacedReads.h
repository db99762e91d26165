// PacedReads: at most one read per run per interval, whoever asks. Run History requests that add detail to a
// live run's poll (its step progress, its start time) go through it: a host that polls a run every few
// seconds, or many threads polling it at once, cause at most one request per run per interval; between
// reads every poll gets the last value read. While one caller reads, the others get the last value at once
// instead of waiting (concurrent polls of one run already share one observation: PollCoalescer).
//
// Memory is bounded: past kMaxRuns runs the entry read longest ago is dropped. forget() drops a run that
// ended. The clock is injectable for tests. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace aifoundry::pipeline_job {

template <class T>
class PacedReads {
 public:
  using Clock = std::function<std::chrono::milliseconds()>;  // a monotonic clock
  using Read = std::function<std::optional<T>()>;  // nullopt: nothing learned (the last value stays)
  static constexpr std::size_t kMaxRuns = 4096;

  explicit PacedReads(std::chrono::milliseconds interval, Clock clock = steadyNow)
      : interval_(interval), clock_(std::move(clock)) {}

  // The value for `runId`: read now when no read of it started within the interval, else the last value.
  // An exception from `read` propagates to its caller; the others keep the last value.
  std::optional<T> get(const std::string& runId, const Read& read) {
    const std::chrono::milliseconds now = clock_();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = runs_.find(runId);
      if (it != runs_.end() && (it->second.reading || now - it->second.readAt < interval_))
        return it->second.value;
      if (it == runs_.end()) {
        if (runs_.size() >= kMaxRuns) dropOldest();
        it = runs_.emplace(runId, Entry{}).first;
      }
      it->second.reading = true;
      it->second.readAt = now;
      ++reads_;
    }
    std::optional<T> fresh;
    try {
      fresh = read();
    } catch (...) {
      finish(runId, std::nullopt);
      throw;
    }
    return finish(runId, std::move(fresh));
  }

  // The last value read for `runId`, without reading.
  std::optional<T> peek(const std::string& runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = runs_.find(runId);
    return it == runs_.end() ? std::nullopt : it->second.value;
  }

  // A value learned elsewhere (no read needed): kept as if read now.
  void put(const std::string& runId, T value) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = runs_.find(runId);
    if (it == runs_.end()) {
      if (runs_.size() >= kMaxRuns) dropOldest();
      it = runs_.emplace(runId, Entry{}).first;
    }
    it->second.value = std::move(value);
    it->second.readAt = clock_();
  }

  void forget(const std::string& runId) {
    std::lock_guard<std::mutex> lock(mutex_);
    runs_.erase(runId);
  }

  // Reads started so far (for tests and the benchmark).
  std::uint64_t reads() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return reads_;
  }

  static std::chrono::milliseconds steadyNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
  }

 private:
  struct Entry {
    std::optional<T> value;
    std::chrono::milliseconds readAt{0};
    bool reading = false;
  };

  std::optional<T> finish(const std::string& runId, std::optional<T> fresh) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = runs_.find(runId);
    if (it == runs_.end()) return fresh;  // forgotten meanwhile (the run ended)
    it->second.reading = false;
    if (fresh) it->second.value = std::move(fresh);
    return it->second.value;
  }

  void dropOldest() {  // under mutex_; a rare O(n) walk, only when kMaxRuns runs are live at once
    auto oldest = runs_.end();
    for (auto it = runs_.begin(); it != runs_.end(); ++it) {
      if (!it->second.reading && (oldest == runs_.end() || it->second.readAt < oldest->second.readAt))
        oldest = it;
    }
    if (oldest != runs_.end()) runs_.erase(oldest);
  }

  const std::chrono::milliseconds interval_;
  const Clock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> runs_;
  std::uint64_t reads_ = 0;
};

}  // namespace aifoundry::pipeline_job
