// Crash-safe submission (docs/reliability.md): the stub host is killed (SIGKILL) at each point of a run with
// an idempotency key — before the PUT, after the PUT was sent but before its answer, after the answer — and
// the run is then repeated with the same key: the workspace holds exactly one job every time.
#include <signal.h>

#include <chrono>
#include <thread>

#include "E2eFixture.h"

namespace e2e {
namespace {

using azureml_emulator::Fault;

class CrashSafeSubmissionTest : public E2eTest {
 protected:
  static constexpr const char* kKey = "crash-safe-2024-06-01";

  std::vector<std::string> runArgs(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"run",
                                  "--job-type",
                                  kJobType,
                                  "--external-id",
                                  kScore,
                                  "--param",
                                  "batch_size:Int=128",
                                  "--idempotency-key",
                                  kKey};
    args.insert(args.end(), extra.begin(), extra.end());
    return cliArgs(args);
  }
  // Waits (bounded) until `done` holds; false when it never did.
  static bool waitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 3000; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  // The run repeated to the end with the same key: its RunId; the workspace must hold exactly one job.
  std::string repeatRun() {
    emulator->faults().clear();
    const auto r = host_test::runHost(runArgs());
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const std::string runId = r.json()->getValue<std::string>("runId");
    EXPECT_EQ(runsInWorkspace(), 1u);
    const auto again = host_test::runHost(runArgs());
    EXPECT_EQ(again.json()->getValue<std::string>("runId"), runId) << "a second repeat, same RunId";
    EXPECT_EQ(runsInWorkspace(), 1u);
    return runId;
  }
  static std::string jobNameOf(const azureml_emulator::JournalEntry& put) {
    return put.path.substr(put.path.rfind('/') + 1);
  }
};

TEST_F(CrashSafeSubmissionTest, KilledBeforeThePut) {
  // The first read of the run (the template) answers slowly: the host is killed while waiting for it.
  emulator->faults().add(Fault::parse("jobs.get:trickle,delayMs=500,chunkBytes=1,count=1"));
  host_test::RunningHost victim(runArgs());
  ASSERT_TRUE(waitFor([&] { return count("jobs.get") >= 1; })) << "the host never read the template";
  victim.signal(SIGKILL);
  EXPECT_EQ(victim.finish().exitCode, 128 + SIGKILL);
  EXPECT_EQ(count("jobs.put"), 0u);
  EXPECT_EQ(runsInWorkspace(), 0u);
  repeatRun();
}

TEST_F(CrashSafeSubmissionTest, KilledAfterSendingThePutBeforeItsAnswer) {
  // The PUT is applied at once; its answer trickles in a byte every half second: the host dies waiting.
  emulator->faults().add(Fault::parse("jobs.put:trickle,delayMs=500,chunkBytes=1,count=1"));
  host_test::RunningHost victim(runArgs());
  ASSERT_TRUE(waitFor([&] { return count("jobs.put") >= 1; })) << "the host never sent the PUT";
  victim.signal(SIGKILL);
  EXPECT_EQ(victim.finish().exitCode, 128 + SIGKILL);
  const auto puts = journal("jobs.put");
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(runsInWorkspace(), 1u) << "the PUT was applied";
  EXPECT_EQ(repeatRun(), jobNameOf(puts[0]));
}

TEST_F(CrashSafeSubmissionTest, KilledAfterTheAnswer) {
  host_test::RunningHost victim(runArgs({"--wait", "--poll-interval", "30"}));
  ASSERT_TRUE(victim.waitForStderr("submitted run")) << "the host never reported the submission";
  victim.signal(SIGKILL);
  EXPECT_EQ(victim.finish().exitCode, 128 + SIGKILL);
  const auto puts = journal("jobs.put");
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(puts[0].status, 201);
  EXPECT_EQ(repeatRun(), jobNameOf(puts[0]));
}

}  // namespace
}  // namespace e2e
