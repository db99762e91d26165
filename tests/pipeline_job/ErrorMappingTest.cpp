// Retryable and permanent failures map to the Polysync codes, keeping Azure's code and request id.
#include <thread>

#include "PipelineJobFixture.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class ErrorMappingTest : public PipelineJobTest {
 protected:
  void SetUp() override {
    PipelineJobTest::SetUp();
    // Polls read ARM's job here (a live run is otherwise read from Run History), so ARM's failures reach
    // them.
    instance = connect({{std::string(common::settings::kStatusSource),
                         std::string(common::settings::kStatusResourceManager)}});
    runId = run(request(kTrainTemplate)).runId;
    clearJournal();
  }
  void failJobGets(azureml_emulator::Fault fault) {
    fault.route = "jobs.get";
    fault.count = -1;
    emulator->faults().add(fault);
  }
  // Every GET of a job answers a few bytes every 200 ms: the call is stuck in a read.
  void slowJobGets() {
    azureml_emulator::Fault fault;
    fault.kind = azureml_emulator::FaultKind::Trickle;
    fault.delayMs = 200;
    failJobGets(fault);
  }
  std::string runId;
};

TEST_F(ErrorMappingTest, ThrottlingIsRateLimitedWithRetryAfter) {
  azureml_emulator::Fault fault;
  fault.status = 429;
  fault.retryAfter = "7";
  failJobGets(fault);
  const auto error = expectError([&] { poll(runId); });
  EXPECT_EQ(error.code(), core::ErrorCode::RateLimited) << error.message();
  ASSERT_TRUE(error.retryAfterMs().has_value());
  EXPECT_EQ(*error.retryAfterMs(), 7000);
}

TEST_F(ErrorMappingTest, ThrottlingOnBothPlanesIsRateLimitedNotAFailedRun) {
  auto automatic = connect();
  poll(runId, {}, automatic.get());  // discovery
  clearJournal();
  azureml_emulator::Fault fault;
  fault.status = 429;
  fault.retryAfter = "7";
  fault.route = "history.run";
  fault.count = -1;
  emulator->faults().add(fault);
  failJobGets(fault);
  const auto error = expectError([&] { poll(runId, {}, automatic.get()); });
  EXPECT_EQ(error.code(), core::ErrorCode::RateLimited) << error.message();
  EXPECT_EQ(count("history.run"), 1u) << "Retry-After (7 s) is past what the call may wait: no retry";
}

TEST_F(ErrorMappingTest, ServerErrorsAreUnavailableAfterRetries) {
  azureml_emulator::Fault fault;
  fault.status = 503;
  failJobGets(fault);
  const auto error = expectError([&] { poll(runId); });
  EXPECT_EQ(error.code(), core::ErrorCode::Unavailable) << error.message();
  EXPECT_NE(error.message().find("503"), std::string::npos) << error.message();
  EXPECT_EQ(count("jobs.get"), 3u) << "the first try and two retries";
}

TEST_F(ErrorMappingTest, DroppedConnectionsAreUnavailable) {
  azureml_emulator::Fault fault;
  fault.kind = azureml_emulator::FaultKind::ResetBeforeHeaders;
  failJobGets(fault);
  EXPECT_EQ(expectError([&] { poll(runId); }).code(), core::ErrorCode::Unavailable);
}

TEST_F(ErrorMappingTest, ForbiddenIsPermissionWithTheRequestId) {
  azureml_emulator::Fault fault;
  fault.status = 403;
  failJobGets(fault);
  const auto error = expectError([&] { poll(runId); });
  EXPECT_EQ(error.code(), core::ErrorCode::Permission);
  EXPECT_NE(error.message().find("x-ms-request-id"), std::string::npos) << error.message();
}

TEST_F(ErrorMappingTest, PassedDeadlineIsTimeout) {
  slowJobGets();
  core::ManualCallContext ctx(*host, std::chrono::milliseconds(150));
  const auto error = expectError([&] { instance->poll(ctx, core::RunRef{runId, {}}); });
  EXPECT_EQ(error.code(), core::ErrorCode::Timeout) << error.message();
}

TEST_F(ErrorMappingTest, HostInterruptIsInterrupted) {
  slowJobGets();
  core::ManualCallContext ctx(*host, std::chrono::seconds(30));
  std::thread interrupter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ctx.interrupt();
  });
  const auto error = expectError([&] { instance->poll(ctx, core::RunRef{runId, {}}); });
  interrupter.join();
  EXPECT_EQ(error.code(), core::ErrorCode::Interrupted) << error.message();
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
