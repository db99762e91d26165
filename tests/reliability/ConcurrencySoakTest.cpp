// Concurrency soak: eight threads mix run, poll, cancel and import on ONE instance for a fixed number of
// iterations while another thread keeps scripting transient faults (5xx, 429, resets, truncated and malformed
// replies, slow answers). At the end: every call returned success or a retry-later error, every idempotency
// key gave one RunId and at most one job, and file descriptors and memory are flat once the instance is gone.
// Leaks are ASan/LSan's job, data races ThreadSanitizer's (label "concurrency").
#include <dirent.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "PipelineJobFixture.h"

namespace aifoundry::pipeline_job::testing {
namespace {

constexpr int kThreads = 8;
constexpr int kIterations = 16;
constexpr int kSharedKeys = 4;  // threads race on these keys: each must give one job

size_t openFileDescriptors() {
  size_t count = 0;
  if (DIR* dir = opendir("/proc/self/fd")) {
    while (readdir(dir) != nullptr) ++count;
    closedir(dir);
  }
  return count;
}

size_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr size_t kRssSlack = 256u << 20;  // the sanitizers keep freed memory in quarantine / shadow
#else
constexpr size_t kRssSlack = 64u << 20;
#endif

class ConcurrencySoakTest : public PipelineJobTest {
 protected:
  // Transient faults only: each is survived by a retry or ends in a retry-later error.
  static azureml_emulator::Fault randomFault(std::mt19937& random) {
    // Mostly "*" (whatever comes next), so a fault never waits long for its route.
    static const char* routes[] = {"*", "*", "*", "jobs.get", "jobs.put", "jobs.list", "jobs.cancel"};
    static const char* specs[] = {"503",
                                  "500",
                                  "429,retryAfterMs=1",
                                  "reset-before-headers",
                                  "reset-after-headers",
                                  "truncated-body",
                                  "malformed-json",
                                  "trickle,chunkBytes=256,delayMs=1",
                                  "put-applied-response-lost",
                                  "502,count=3"};
    const std::string route = routes[random() % std::size(routes)];
    return azureml_emulator::Fault::parse(route + ":" + specs[random() % std::size(specs)]);
  }
};

TEST_F(ConcurrencySoakTest, MixedCallsOnOneInstanceUnderFaults) {
  addTemplate("hang-template", R"({"emulator.behavior":"hang"})");
  // Warm up on a throw-away instance so lazily made process-wide state (OpenSSL, Poco) is in the baseline.
  {
    auto warm = connect();
    const auto id = run(request(kTrainTemplate), warm.get()).runId;
    poll(id, {}, warm.get());
    importJobs({}, warm.get());
  }
  const size_t fdsBefore = openFileDescriptors();
  const size_t rssBefore = residentBytes();
  const size_t jobsBefore = emulator->workspace().jobCount();

  auto shared = connect();
  std::vector<std::string> knownRuns{run(request(kTrainTemplate), shared.get()).runId};
  std::mutex mutex;  // guards knownRuns, runIdsByKey, errors
  std::map<std::string, std::set<std::string>> runIdsByKey;
  std::map<std::string, int> errors;
  std::atomic<int> calls{0}, failures{0};

  std::atomic<bool> done{false};
  std::thread faulter([&] {
    std::mt19937 random(7);
    while (!done.load()) {
      // Keep a couple pending, so faults interleave with clean requests instead of piling up.
      if (emulator->faults().list().size() < 2) emulator->faults().add(randomFault(random));
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
  });

  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      std::mt19937 random(static_cast<unsigned>(t + 1));
      for (int i = 0; i < kIterations; ++i) {
        core::ManualCallContext ctx(*host, std::chrono::seconds(20));
        try {
          switch ((t + i) % 4) {
            case 0: {  // run: half the time on a key other threads race on
              const bool sharedKey = random() % 2 == 0;
              const std::string key = sharedKey ? "soak-shared-" + std::to_string(random() % kSharedKeys)
                                                : "soak-" + std::to_string(t) + "-" + std::to_string(i);
              const bool hang = random() % 2 == 0 && !sharedKey;
              const auto result = shared->run(ctx, request(hang ? "hang-template" : kTrainTemplate, {}, key));
              std::lock_guard<std::mutex> lock(mutex);
              runIdsByKey[key].insert(result.runId);
              knownRuns.push_back(result.runId);
              break;
            }
            case 1: {
              std::string id;
              {
                std::lock_guard<std::mutex> lock(mutex);
                id = knownRuns[random() % knownRuns.size()];
              }
              shared->poll(ctx, core::RunRef{id, {}});
              break;
            }
            case 2: {
              std::string id;
              {
                std::lock_guard<std::mutex> lock(mutex);
                id = knownRuns[random() % knownRuns.size()];
              }
              shared->cancel(ctx, core::RunRef{id, {}});
              break;
            }
            case 3: {
              size_t seen = 0;
              shared->importJobs(ctx, core::ImportRequest{},
                                 [&](const core::ImportedJob&) { return ++seen < 100; });
              break;
            }
          }
        } catch (const core::JobTypeError& e) {
          ++failures;
          std::lock_guard<std::mutex> lock(mutex);
          ++errors[core::errorCodeName(e.code())];
          EXPECT_TRUE(core::isRetryable(e.code())) << e.message();
          EXPECT_EQ(e.message().find('\n'), std::string::npos) << e.message();
        }
        ++calls;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  done = true;
  faulter.join();
  emulator->faults().clear();

  // Exactly once under races: one RunId per key, and no more jobs than keys (plus the first run).
  for (const auto& [key, ids] : runIdsByKey) EXPECT_EQ(ids.size(), 1u) << key;
  const size_t created = emulator->workspace().jobCount() - jobsBefore;
  EXPECT_LE(created, runIdsByKey.size() + 1) << "duplicate jobs";

  size_t faulted = 0;
  for (const auto& entry : emulator->journal().entries()) faulted += entry.fault.empty() ? 0 : 1;
  std::printf(
      "[soak] threads: %d, calls: %d, faults hit: %zu, calls failed (retry-later): %d, keys: %zu, jobs "
      "created: %zu, "
      "errors:",
      kThreads, calls.load(), faulted, failures.load(), runIdsByKey.size(), created);
  for (const auto& [name, n] : errors) std::printf(" %s=%d", name.c_str(), n);

  // Flat at the end: the instance's pooled connections close with it; the emulator's server side may take a
  // moment to notice, so wait for it (bounded) before counting.
  shared.reset();
  size_t fdsAfter = openFileDescriptors();
  for (int i = 0; i < 200 && fdsAfter > fdsBefore + 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    fdsAfter = openFileDescriptors();
  }
  const size_t rssAfter = residentBytes();
  std::printf("\n[soak] fds before %zu after %zu; rss before %zu KiB after %zu KiB\n", fdsBefore, fdsAfter,
              rssBefore / 1024, rssAfter / 1024);
  EXPECT_LE(fdsAfter, fdsBefore + 4) << "file descriptors leaked";
  EXPECT_LE(rssAfter, rssBefore + kRssSlack) << "memory grew";
  EXPECT_EQ(calls.load(), kThreads * kIterations);
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
