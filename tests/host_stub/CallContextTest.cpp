// The call context's interrupt handler semantics (call_context.h), deadline and error channel.
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <thread>

#include "polysync_host/CallContext.h"
#include "polysync_host/ContractViolations.h"
#include "polysync_host/Logger.h"

namespace {

using namespace polysync::host;
using Clock = CallContext::Clock;

Logger& quietLogger() {
  static Logger logger(99);  // no level is enabled
  return logger;
}

struct HandlerProbe {
  std::atomic<int> runs{0};
  std::atomic<bool> callbackReturned{false};
  std::atomic<int> runsAfterReturn{0};
  std::thread::id lastThread;
};

void probeHandler(void* data) {
  auto* probe = static_cast<HandlerProbe*>(data);
  if (probe->callbackReturned.load()) probe->runsAfterReturn++;
  probe->lastThread = std::this_thread::get_id();
  probe->runs++;
}

TEST(CallContext, AHandlerInstalledAfterAnInterruptRunsAtOnceOnTheCallingThread) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  ctx.interrupt();
  HandlerProbe probe;
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &probe);
  EXPECT_EQ(probe.runs.load(), 1);
  EXPECT_EQ(probe.lastThread, std::this_thread::get_id());
  EXPECT_EQ(ctx.get()->is_interrupted(ctx.get()), 1);
  ctx.end();
}

TEST(CallContext, InterruptRunsTheInstalledHandlerOnTheInterruptingThreadOnce) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  HandlerProbe probe;
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &probe);
  EXPECT_EQ(ctx.get()->is_interrupted(ctx.get()), 0);
  std::thread other([&] { ctx.interrupt(); });
  const auto otherId = other.get_id();
  other.join();
  EXPECT_EQ(probe.runs.load(), 1);
  EXPECT_EQ(probe.lastThread, otherId);
  ctx.interrupt();  // idempotent
  EXPECT_EQ(probe.runs.load(), 1);
  ctx.end();
}

TEST(CallContext, NoHandlerRunsAfterTheCallbackReturned) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  HandlerProbe probe;
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &probe);
  ctx.end();
  ctx.interrupt();
  EXPECT_EQ(probe.runs.load(), 0);
}

TEST(CallContext, ARemovedHandlerDoesNotRun) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  HandlerProbe probe;
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &probe);
  ctx.get()->set_interrupt_handler(ctx.get(), nullptr, nullptr);
  ctx.interrupt();
  EXPECT_EQ(probe.runs.load(), 0);
  ctx.end();
}

TEST(CallContext, ANewHandlerReplacesTheOld) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  HandlerProbe first, second;
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &first);
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &second);
  ctx.interrupt();
  EXPECT_EQ(first.runs.load(), 0);
  EXPECT_EQ(second.runs.load(), 1);
  ctx.end();
}

struct SelfRemoving {
  const psj_call_context* ctx;
  std::atomic<int> runs{0};
};

TEST(CallContext, AHandlerMayRemoveItselfWithoutDeadlock) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  SelfRemoving data{ctx.get()};
  ctx.get()->set_interrupt_handler(
      ctx.get(),
      [](void* d) {
        auto* s = static_cast<SelfRemoving*>(d);
        s->runs++;
        s->ctx->set_interrupt_handler(s->ctx, nullptr, nullptr);
      },
      &data);
  std::thread([&] { ctx.interrupt(); }).join();
  EXPECT_EQ(data.runs.load(), 1);
  ctx.end();
}

// The race the ABI promises to win: an interrupt arriving while the callback returns. The handler must have
// finished when end() returns and must never start afterwards.
TEST(CallContext, ConcurrentInterruptAndReturnNeverRunsTheHandlerAfterReturn) {
  int totalRuns = 0;
  for (int i = 0; i < 2000; ++i) {
    CallContext ctx(quietLogger());
    ctx.begin(std::nullopt);
    HandlerProbe probe;
    ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &probe);
    std::atomic<bool> go{false};
    std::thread interrupter([&] {
      while (!go.load()) {
      }
      ctx.interrupt();
    });
    go.store(true);
    ctx.end();
    probe.callbackReturned.store(true);
    interrupter.join();
    ASSERT_EQ(probe.runsAfterReturn.load(), 0) << "iteration " << i;
    ASSERT_LE(probe.runs.load(), 1);
    totalRuns += probe.runs.load();
  }
  SUCCEED() << totalRuns << " of 2000 interrupts won the race";
}

TEST(CallContext, ReplacingWaitsForARunningHandler) {
  for (int i = 0; i < 200; ++i) {
    CallContext ctx(quietLogger());
    ctx.begin(std::nullopt);
    struct Slow {
      std::atomic<bool> inside{false};
      std::atomic<bool> finished{false};
    } slow;
    ctx.get()->set_interrupt_handler(
        ctx.get(),
        [](void* d) {
          auto* s = static_cast<Slow*>(d);
          s->inside.store(true);
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
          s->finished.store(true);
        },
        &slow);
    std::thread interrupter([&] { ctx.interrupt(); });
    while (!slow.inside.load()) std::this_thread::yield();
    ctx.get()->set_interrupt_handler(ctx.get(), nullptr, nullptr);
    EXPECT_TRUE(slow.finished.load()) << "removal returned while the old handler still ran";
    interrupter.join();
    ctx.end();
  }
}

TEST(CallContext, RemainingMillisecondsFollowTheDeadline) {
  CallContext none(quietLogger());
  none.begin(std::nullopt);
  EXPECT_EQ(none.get()->remaining_ms(none.get()), PSJ_NO_DEADLINE);
  none.end();
  CallContext past(quietLogger());
  past.begin(Clock::now() - std::chrono::seconds(1));
  EXPECT_EQ(past.get()->remaining_ms(past.get()), 0);
  past.end();
  CallContext future(quietLogger());
  future.begin(Clock::now() + std::chrono::hours(1));
  EXPECT_GT(future.get()->remaining_ms(future.get()), 0);
  EXPECT_LE(future.get()->remaining_ms(future.get()), 3600 * 1000);
  future.end();
}

TEST(CallContext, SetErrorCopiesAndTheLastOneWins) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  char buffer[32];
  std::strcpy(buffer, "first");
  ctx.get()->set_error(ctx.get(), PSJ_E_UNAVAILABLE, buffer, std::strlen(buffer));
  std::strcpy(buffer, "second\nline");
  ctx.get()->set_error(ctx.get(), PSJ_E_NOT_FOUND, buffer, std::strlen(buffer));
  std::strcpy(buffer, "overwritten");
  ctx.get()->set_retry_after_ms(ctx.get(), 250);
  ctx.end();
  EXPECT_TRUE(ctx.hasError());
  EXPECT_EQ(ctx.errorCode(), PSJ_E_NOT_FOUND);
  EXPECT_EQ(ctx.errorMessage(), "second line") << "messages are made one line";
  EXPECT_EQ(ctx.retryAfterMs(), 250);
}

TEST(CallContext, UseAfterReturnIsARecordedViolationAndIgnored) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  ctx.end();
  const uint64_t before = contractViolationCount();
  ctx.get()->set_error(ctx.get(), PSJ_E_INTERNAL, "late", 4);
  HandlerProbe probe;
  ctx.get()->set_interrupt_handler(ctx.get(), probeHandler, &probe);
  ctx.get()->set_retry_after_ms(ctx.get(), 1);
  EXPECT_EQ(contractViolationCount(), before + 3);
  EXPECT_FALSE(ctx.hasError());
  EXPECT_EQ(probe.runs.load(), 0);
}

TEST(CallContext, ANullMessageWithALengthIsAViolation) {
  CallContext ctx(quietLogger());
  ctx.begin(std::nullopt);
  const uint64_t before = contractViolationCount();
  ctx.get()->set_error(ctx.get(), PSJ_E_INTERNAL, nullptr, 5);
  ctx.end();
  EXPECT_EQ(contractViolationCount(), before + 1);
  EXPECT_EQ(ctx.errorCode(), PSJ_E_INTERNAL);
}

}  // namespace
