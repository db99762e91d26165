#include "PollBench.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "ProcessStats.h"

namespace bench {
namespace {

// Holds every thread until all have arrived.
class StartLine {
 public:
  explicit StartLine(int parties) : waiting_(parties) {}
  void arriveAndWait() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (--waiting_ == 0) {
      open_.notify_all();
      return;
    }
    open_.wait(lock, [&] { return waiting_ == 0; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable open_;
  int waiting_;
};

}  // namespace

PollResult runPolls(const Instance& instance, const std::vector<std::string>& runIds, int threads,
                    double seconds, long maxPolls) {
  struct PerThread {
    long polls = 0, errors = 0;
    double cpu = 0;
    std::string firstError;
  };
  std::vector<PerThread> results(static_cast<size_t>(threads));
  StartLine start(threads + 1);
  std::atomic<bool> stop{false};
  std::atomic<long> budget{maxPolls > 0 ? maxPolls : 0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      PerThread& mine = results[static_cast<size_t>(t)];
      const std::string& runId = runIds[static_cast<size_t>(t) % runIds.size()];
      try {
        instance.poll(runId);  // warm: this thread's pooled connection is open before the clock starts
      } catch (const std::exception& e) {
        mine.firstError = e.what();
      }
      start.arriveAndWait();
      const double cpu0 = threadCpuSeconds();
      while (!stop.load(std::memory_order_relaxed)) {
        if (maxPolls > 0 && budget.fetch_sub(1, std::memory_order_relaxed) <= 0) break;
        try {
          instance.poll(runId);
          ++mine.polls;
        } catch (const std::exception& e) {
          if (mine.errors++ == 0) mine.firstError = e.what();
        }
      }
      mine.cpu = threadCpuSeconds() - cpu0;
    });
  }
  start.arriveAndWait();
  const Stopwatch clock;
  if (maxPolls <= 0) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
  }
  for (auto& w : workers) w.join();
  const double elapsed = clock.seconds();
  PollResult result;
  double cpu = 0;
  for (const auto& r : results) {
    result.polls += r.polls;
    result.errors += r.errors;
    cpu += r.cpu;
    if (result.firstError.empty()) result.firstError = r.firstError;
  }
  result.rate = static_cast<double>(result.polls) / elapsed;
  result.cpuMicrosPerPoll = result.polls ? cpu * 1e6 / static_cast<double>(result.polls) : 0;
  return result;
}

int pollTogether(const Instance& instance, const std::string& runId, int threads) {
  StartLine start(threads);
  std::atomic<int> ok{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      start.arriveAndWait();
      try {
        instance.poll(runId);
        ++ok;
      } catch (const std::exception&) {
      }
    });
  }
  for (auto& w : workers) w.join();
  return ok.load();
}

}  // namespace bench
