#include "FleetBench.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <queue>
#include <random>
#include <thread>
#include <vector>

#include "EmulatorProcess.h"
#include "ProcessStats.h"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t unixNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// One thing the host loop must do at a moment: submit a run, or poll one.
struct Task {
  Clock::time_point due;
  std::string runId;  // empty: a submission
  bool operator>(const Task& other) const { return due > other.due; }
};

class HostLoop {
 public:
  HostLoop(const Instance& instance, const FleetConfig& config) : instance_(instance), config_(config) {
    const auto realMs = [&](double simSeconds) {
      return std::chrono::milliseconds(static_cast<long>(simSeconds * 1000.0 / config.timeScale));
    };
    interval_ = realMs(config.intervalSimSeconds);
    start_ = Clock::now();
    stopSubmitting_ = start_ + realMs(config.simSeconds);
    // The first generation is spread over one run's length, so the fleet starts in its steady state.
    const auto spread = realMs(config.runSimSeconds);
    for (int i = 0; i < config.runs; ++i) push({start_ + spread * i / std::max(1, config.runs), {}});
  }

  FleetResult run() {
    std::vector<std::thread> workers;
    for (int t = 0; t < config_.threads; ++t) workers.emplace_back([this] { work(); });
    for (auto& w : workers) w.join();
    FleetResult r;
    r.runsSubmitted = submitted_;
    r.runsFinished = finished_;
    r.polls = polls_;
    r.rateLimitedFailures = rateLimited_;
    r.otherErrors = otherErrors_;
    r.firstError = firstError_;
    std::sort(lagRatios_.begin(), lagRatios_.end());
    if (!lagRatios_.empty()) {
      const auto at = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(lagRatios_.size()))) - 1;
      r.lagP95Ratio = lagRatios_[std::min(at, lagRatios_.size() - 1)];
    }
    return r;
  }

 private:
  void push(Task task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++pending_;
      queue_.push(std::move(task));
    }
    ready_.notify_one();
  }

  // The next task once due; false when nothing is left to do.
  bool next(Task& task) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (queue_.empty()) {
        if (busy_ == 0) {
          ready_.notify_all();
          return false;
        }
        ready_.wait(lock);
        continue;
      }
      const auto due = queue_.top().due;
      if (Clock::now() >= due) {
        task = queue_.top();
        queue_.pop();
        ++busy_;
        return true;
      }
      ready_.wait_until(lock, due);
    }
  }

  void done() {
    std::lock_guard<std::mutex> lock(mutex_);
    --busy_;
    --pending_;
    if (queue_.empty() && busy_ == 0) ready_.notify_all();
  }

  void error(const std::string& what, bool rateLimited) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (rateLimited) {
      ++rateLimited_;
    } else {
      ++otherErrors_;
    }
    if (firstError_.empty()) firstError_ = what;
  }

  void work() {
    Task task;
    while (next(task)) {
      if (task.runId.empty()) {
        submit();
      } else {
        poll(task.runId);
      }
      done();
    }
  }

  void submit() {
    try {
      const std::string id = instance_.run("train-pipeline-template", {}, {});
      ++submitted_;
      push({Clock::now() + firstPollDelay(), id});
    } catch (const PluginError& e) {
      error(e.what(), e.code == PSJ_E_RATE_LIMITED);
    }
  }

  // A scheduler polls on its own tick, not in step with each run's start: the first poll comes at a random
  // point of the interval, so a run's end falls anywhere between two polls (as it would in production)
  // rather than always just before one.
  std::chrono::milliseconds firstPollDelay() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::uniform_int_distribution<long> offset(1, std::max<long>(1, static_cast<long>(interval_.count())));
    return std::chrono::milliseconds(offset(random_));
  }

  void poll(const std::string& runId) {
    Instance::PollStatus status;
    try {
      status = instance_.pollStatus(runId);
      ++polls_;
    } catch (const PluginError& e) {
      ++polls_;
      error(e.what(), e.code == PSJ_E_RATE_LIMITED);
      push({Clock::now() + interval_, runId});  // the run goes on: poll it again
      return;
    }
    const std::int64_t seenMs = unixNowMs();
    if (status.state >= PSJ_STATE_SUCCESS) {
      ++finished_;
      if (status.state == PSJ_STATE_FAILED) error("run '" + runId + "' reported Failed", true);
      if (status.endMs > 0) {
        const double intervalMs = static_cast<double>(interval_.count());
        std::lock_guard<std::mutex> lock(mutex_);
        lagRatios_.push_back(static_cast<double>(std::max<std::int64_t>(0, seenMs - status.endMs)) /
                             intervalMs);
      }
      if (Clock::now() < stopSubmitting_) push({Clock::now(), {}});  // keep the fleet's size
      return;
    }
    // The host polls at its interval, later when the plugin's hint (in simulated time) says so.
    auto wait = interval_;
    if (status.nextPollMs > 0) {
      const auto hint = std::chrono::milliseconds(
          static_cast<long>(static_cast<double>(status.nextPollMs) / config_.timeScale));
      wait = std::max(wait, hint);
    }
    push({Clock::now() + wait, runId});
  }

  const Instance& instance_;
  const FleetConfig& config_;
  std::chrono::milliseconds interval_{0};
  Clock::time_point start_, stopSubmitting_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::priority_queue<Task, std::vector<Task>, std::greater<Task>> queue_;
  int busy_ = 0;
  long pending_ = 0;
  std::atomic<long> submitted_{0}, finished_{0}, polls_{0};
  long rateLimited_ = 0, otherErrors_ = 0;
  std::string firstError_;
  std::vector<double> lagRatios_;
  std::mt19937 random_{20261206};  // fixed: runs of the benchmark are comparable
};

}  // namespace

FleetResult runFleet(const PluginLibrary& library, const FleetConfig& config) {
  // One emulator step lasts a fifth of a run (Queued, Preparing, ... Finalizing), in real milliseconds.
  const int stepMs = std::max(1, static_cast<int>(config.runSimSeconds * 1000.0 / 5.0 / config.timeScale));
  const int scale = static_cast<int>(config.timeScale);
  EmulatorProcess emulator({config.emulatorBinary,
                            false,
                            {"--step-ms", std::to_string(stepMs), "--time-scale", std::to_string(scale)},
                            config.workDir,
                            /*throttle=*/true});
  auto settings = emulator.pluginSettings();
  if (config.armOnly) settings.emplace_back("Status Source", "Resource Manager");
  auto instance = library.create(settings);
  const auto before = emulator.stats();
  const Stopwatch clock;
  FleetResult result = HostLoop(*instance, config).run();
  result.seconds = clock.seconds();
  const auto after = emulator.stats();
  result.armRequests = (after.jobsGet - before.jobsGet) + (after.jobsPut - before.jobsPut) +
                       (after.workspaceGet - before.workspaceGet);
  result.historyRequests = after.historyRun - before.historyRun;
  if (result.runsSubmitted > 0)
    result.armRequestsPerRun =
        static_cast<double>(result.armRequests) / static_cast<double>(result.runsSubmitted);
  if (result.polls > 0)
    result.historyRequestsPerPoll =
        static_cast<double>(result.historyRequests) / static_cast<double>(result.polls);
  return result;
}

}  // namespace bench
