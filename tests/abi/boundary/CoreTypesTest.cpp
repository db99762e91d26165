// The core types the job-type layers build on: SecretString, ErrorCode and the ManualCallContext test double.
#include <gtest/gtest.h>

#include <thread>

#include "ManualCallContext.h"
#include "common/SecretString.h"
#include "core/ErrorCode.h"
#include "core/JobTypeError.h"

namespace {

namespace core = aifoundry::core;
namespace common = aifoundry::common;

TEST(SecretString, MovingLeavesTheSourceEmpty) {
  common::SecretString secret("short");
  common::SecretString moved(std::move(secret));
  EXPECT_EQ(moved.view(), "short");
  EXPECT_TRUE(secret.empty());  // NOLINT(bugprone-use-after-move): wiped by design
  common::SecretString longer(std::string(100, 'x'));
  common::SecretString assigned;
  assigned = std::move(longer);
  EXPECT_EQ(assigned.size(), 100u);
  EXPECT_TRUE(longer.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecretString, AdoptingTakesTheTextOverAndWipesWhatTheMoveLeftBehind) {
  std::string large(100, 'k');
  const char* buffer = large.data();
  const common::SecretString adopted = common::SecretString::adopt(std::move(large));
  EXPECT_EQ(adopted.view(), std::string(100, 'k'));
  EXPECT_EQ(adopted.view().data(), buffer);  // taken over, not copied
  // A short text lives inside the std::string and is copied by the move: the source's bytes are wiped.
  std::string shortText("pw-123");
  const common::SecretString adoptedShort = common::SecretString::adopt(std::move(shortText));
  EXPECT_EQ(adoptedShort.view(), "pw-123");
  ASSERT_TRUE(shortText.empty());  // NOLINT(bugprone-use-after-move): wiped by design
  EXPECT_EQ(std::string_view(shortText.data(), 6).find_first_not_of('\0'), std::string_view::npos);
}

TEST(SecretString, ClearWipesAndEmpties) {
  common::SecretString secret("p@ss");
  secret.clear();
  EXPECT_TRUE(secret.empty());
  EXPECT_STREQ(secret.c_str(), "");
}

TEST(ErrorCode, UnknownNumbersFromANewerPeerBecomeInternal) {
  EXPECT_EQ(core::errorCodeFromNumber(150), core::ErrorCode::Internal);
  EXPECT_EQ(core::errorCodeFromNumber(2), core::ErrorCode::Unavailable);
  EXPECT_TRUE(core::isRetryable(core::ErrorCode::RateLimited));
  EXPECT_FALSE(core::isRetryable(core::ErrorCode::NotFound));
  EXPECT_STREQ(core::errorCodeName(core::ErrorCode::InvalidSettings), "InvalidSettings");
}

TEST(ManualCallContext, AnInterruptRunsTheHandlerAndStopsTheCall) {
  core::ManualCallContext ctx;
  bool ran = false;
  {
    core::ScopedInterruptHandler handler(ctx, [&] { ran = true; });
    std::thread([&] { ctx.interrupt(); }).join();
  }
  EXPECT_TRUE(ran);
  EXPECT_TRUE(ctx.interrupted());
  try {
    ctx.throwIfStopped();
    FAIL() << "expected Interrupted";
  } catch (const core::JobTypeError& error) {
    EXPECT_EQ(error.code(), core::ErrorCode::Interrupted);
  }
}

TEST(ManualCallContext, ATimeoutBecomesADeadline) {
  core::ManualCallContext none;
  EXPECT_EQ(none.remainingMs(), core::CallContext::kNoDeadline);
  EXPECT_FALSE(none.deadline().has_value());
  core::ManualCallContext timed(std::chrono::milliseconds(-1));
  EXPECT_LE(timed.remainingMs(), 0);
  EXPECT_THROW(timed.throwIfStopped(), core::JobTypeError);
}

}  // namespace
