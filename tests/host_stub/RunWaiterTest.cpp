// run --wait's pacing and the status display's clock.
#include <gtest/gtest.h>
#include <polysync/jobtype_v1/base.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "polysync_host/Logger.h"
#include "polysync_host/RunWaiter.h"
#include "polysync_host/StatusDisplay.h"

namespace {

using namespace polysync::host;
using std::chrono::milliseconds;

TEST(NextPollDelay, WithoutAnIntervalTheHintIsUsedButAtLeastOneSecond) {
  EXPECT_EQ(nextPollDelay(30000, std::nullopt), milliseconds(30000));
  EXPECT_EQ(nextPollDelay(10, std::nullopt), milliseconds(1000));
  EXPECT_EQ(nextPollDelay(std::nullopt, std::nullopt), milliseconds(5000));
}

TEST(NextPollDelay, TheIntervalCapsTheHintAndAllowsFractionsOfASecond) {
  EXPECT_EQ(nextPollDelay(30000, milliseconds(50)), milliseconds(50));
  EXPECT_EQ(nextPollDelay(20, milliseconds(50)), milliseconds(20));
  EXPECT_EQ(nextPollDelay(std::nullopt, milliseconds(50)), milliseconds(50));
  EXPECT_EQ(nextPollDelay(0, milliseconds(50)), milliseconds(10)) << "never a busy loop";
}

TEST(StatusDisplay, ElapsedTimeIsMinutesAndSeconds) {
  EXPECT_EQ(StatusDisplay::formatElapsed(milliseconds(0)), "0:00");
  EXPECT_EQ(StatusDisplay::formatElapsed(milliseconds(65999)), "1:05");
  EXPECT_EQ(StatusDisplay::formatElapsed(milliseconds(3723000)), "1:02:03");
}

// ---- The live status line (a terminal) and the line-per-change mode, on a logger writing to memory ----

constexpr const char* kClear = "\r\x1b[2K";  // carriage return, erase the whole line

// A Logger whose output is kept in memory (open_memstream), so the test sees every byte written.
class CapturedLog {
 public:
  CapturedLog() : file_(open_memstream(&buffer_, &size_)), logger_(PSJ_LOG_INFO, file_) {}
  ~CapturedLog() {
    std::fclose(file_);
    std::free(buffer_);
  }
  Logger& logger() { return logger_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
  Logger logger_;
};

RunStatus status(int32_t state, const char* provider) {
  RunStatus s;
  s.runId = "run-1";
  s.state = state;
  s.providerStatus = provider;
  return s;
}

TEST(StatusDisplayOutput, DrawsOneLineAndRewritesItInPlaceAsTimePasses) {
  CapturedLog log;
  {
    StatusDisplay display(log.logger(), true);
    display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(1000));
    EXPECT_EQ(log.text(), std::string(kClear) + "run run-1: Running (Running)  0:01");
    display.tick(milliseconds(65000));
    display.update(status(PSJ_STATE_SUCCESS, "Completed"), milliseconds(66000));
    EXPECT_EQ(log.text(), std::string(kClear) + "run run-1: Running (Running)  0:01" + kClear +
                              "run run-1: Running (Running)  1:05" + kClear +
                              "run run-1: Success (Completed)  1:06")
        << "no newline while the wait goes on: each draw returns to the start of the same line";
    display.finish();
    EXPECT_EQ(log.text().back(), '\n') << "the finished line ends";
    display.finish();
  }
  const std::string text = log.text();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << "finish (and the destructor) end the line once";
}

TEST(StatusDisplayOutput, TicksBeforeTheFirstStatusDrawNothing) {
  CapturedLog log;
  StatusDisplay display(log.logger(), true);
  display.tick(milliseconds(2000));
  display.finish();
  EXPECT_EQ(log.text(), "");
}

TEST(StatusDisplayOutput, ALogLineClearsTheLiveLineOnTheSameStreamAndTheNextTickRedrawsIt) {
  CapturedLog log;
  StatusDisplay display(log.logger(), true);
  display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(0));
  log.logger().log(PSJ_LOG_INFO, "a plugin says hello", "plugin");
  const std::string logged = std::string(kClear) + "run run-1: Running (Running)  0:00" + kClear +
                             "polysync-host-stub: info: [plugin] a plugin says hello\n";
  EXPECT_EQ(log.text(), logged);
  display.tick(milliseconds(3000));
  EXPECT_EQ(log.text(), logged + kClear + "run run-1: Running (Running)  0:03");
  log.logger().log(PSJ_LOG_INFO, "again", "plugin");
  display.finish();
  EXPECT_EQ(log.text(), logged + kClear + "run run-1: Running (Running)  0:03" + kClear +
                            "polysync-host-stub: info: [plugin] again\n")
      << "a log line already ended the line: finish adds no empty line";
}

TEST(StatusDisplayOutput, OnceDestroyedItNoLongerTouchesLogLines) {
  CapturedLog log;
  {
    StatusDisplay display(log.logger(), true);
    display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(0));
  }
  const std::string before = log.text();
  log.logger().log(PSJ_LOG_INFO, "after the wait");
  EXPECT_EQ(log.text(), before + "polysync-host-stub: info: after the wait\n");
}

TEST(StatusDisplayOutput, WithoutATerminalItPrintsOneLinePerStatusChangeAndNoControlCharacters) {
  CapturedLog log;
  StatusDisplay display(log.logger(), false);
  display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(1000));
  display.tick(milliseconds(2000));
  display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(3000));
  display.update(status(PSJ_STATE_RUNNING, "Finalizing"), milliseconds(4000));
  display.update(status(PSJ_STATE_FAILED, "Failed"), milliseconds(62000));
  display.finish();
  log.logger().log(PSJ_LOG_INFO, "done");
  EXPECT_EQ(log.text(),
            "run run-1: Running (Running) after 0:01\n"
            "run run-1: Running (Finalizing) after 0:04\n"
            "run run-1: Failed (Failed) after 1:02\n"
            "polysync-host-stub: info: done\n");
}

TEST(StatusDisplayOutput, ShowsTheTimeToTheNextPollRoundedUpThenPollingOnceItIsDue) {
  CapturedLog log;
  StatusDisplay display(log.logger(), true);
  display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(1000));
  display.nextPollAt(milliseconds(26000), milliseconds(1000));
  display.tick(milliseconds(25500));
  display.tick(milliseconds(26000));
  display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(26400));
  EXPECT_EQ(log.text(), std::string(kClear) + "run run-1: Running (Running)  0:01" + kClear +
                            "run run-1: Running (Running)  0:01  next poll in 0:25" + kClear +
                            "run run-1: Running (Running)  0:25  next poll in 0:01" + kClear +
                            "run run-1: Running (Running)  0:26  polling" + kClear +
                            "run run-1: Running (Running)  0:26")
      << "a new status is the poll's answer: the time to the next poll comes with the next nextPollAt";
}

RunStatus withProgress(uint32_t completed, std::vector<std::string> running, uint32_t runningCount) {
  RunStatus s = status(PSJ_STATE_RUNNING, "Running");
  RunProgress p;
  p.stepsTotal = 5;
  p.stepsCompleted = completed;
  p.stepsSkipped = 1;
  p.stepsRunning = runningCount;
  p.running = std::move(running);
  s.progress = p;
  return s;
}

TEST(StatusDisplay, ProgressReadsDoneOfTotalStepsAndNamesTheRunningOnes) {
  EXPECT_EQ(StatusDisplay::formatProgress(*withProgress(1, {"train_model"}, 1).progress),
            "2/5 steps · running: train_model")
      << "a step reused from an earlier run is done too";
  EXPECT_EQ(StatusDisplay::formatProgress(*withProgress(0, {"a", "b"}, 3).progress),
            "1/5 steps · running: a, b +1 more");
  EXPECT_EQ(StatusDisplay::formatProgress(*withProgress(0, {}, 2).progress), "1/5 steps · running: 2 steps");
  RunProgress failed;
  failed.stepsTotal = 3;
  failed.stepsCompleted = 1;
  failed.stepsFailed = 1;
  EXPECT_EQ(StatusDisplay::formatProgress(failed), "1/3 steps · 1 failed");
  EXPECT_EQ(StatusDisplay::formatProgress(RunProgress{}), "") << "no steps: nothing to say";
  RunProgress hostile = failed;
  hostile.stepsRunning = 1;
  hostile.running = {"evil\nname"};
  EXPECT_EQ(StatusDisplay::formatProgress(hostile).find('\n'), std::string::npos) << "one line";
}

TEST(StatusDisplayOutput, TheLiveLineShowsTheStepsAndTheTimeSetApartByDots) {
  CapturedLog log;
  StatusDisplay display(log.logger(), true);
  display.update(withProgress(1, {"train_model"}, 1), milliseconds(843000));
  EXPECT_EQ(log.text(),
            std::string(kClear) + "run run-1: Running (Running) · 2/5 steps · running: train_model · 14:03");
}

TEST(StatusDisplayOutput, WithoutATerminalEachStepAdvanceIsALine) {
  CapturedLog log;
  StatusDisplay display(log.logger(), false);
  display.update(withProgress(0, {"prep"}, 1), milliseconds(1000));
  display.update(withProgress(0, {"prep"}, 1), milliseconds(2000));
  display.update(withProgress(1, {"train"}, 1), milliseconds(3000));
  display.update(status(PSJ_STATE_SUCCESS, "Completed"), milliseconds(4000));
  display.finish();
  EXPECT_EQ(log.text(),
            "run run-1: Running (Running) · 1/5 steps · running: prep after 0:01\n"
            "run run-1: Running (Running) · 2/5 steps · running: train after 0:03\n"
            "run run-1: Success (Completed) after 0:04\n");
}

TEST(StatusDisplayOutput, ShowsTheMonitorUrlOnceOnALineOfItsOwn) {
  for (const bool live : {true, false}) {
    CapturedLog log;
    {
      StatusDisplay display(log.logger(), live);
      display.update(status(PSJ_STATE_RUNNING, "Queued"), milliseconds(0));
      RunStatus withUrl = status(PSJ_STATE_RUNNING, "Running");
      withUrl.monitorUrl = "https://studio.example/runs/1\x1b[2J\nforged";
      display.update(withUrl, milliseconds(1000));
      withUrl.monitorUrl = "https://studio.example/other";
      display.update(withUrl, milliseconds(2000));
      display.monitorUrl("run-1", "https://studio.example/submitted");
    }
    const std::string text = log.text();
    // The line break becomes a space (one line); every other control character is shown escaped.
    const std::string line = "run run-1: Monitor URL https://studio.example/runs/1\\x1b[2J forged\n";
    const size_t at = text.find(line);
    ASSERT_NE(at, std::string::npos) << "control characters from the plugin are shown escaped:\n" << text;
    EXPECT_EQ(text.find("Monitor URL"), text.rfind("Monitor URL")) << "once:\n" << text;
    if (live) {
      EXPECT_EQ(text.rfind(kClear, at), at - std::string(kClear).size())
          << "the live line is cleared before the URL's line:\n"
          << text;
    } else {
      EXPECT_EQ(text.find('\r'), std::string::npos) << text;
    }
  }
}

TEST(StatusDisplayOutput, TheSubmissionsMonitorUrlIsShownBeforeTheFirstStatus) {
  CapturedLog log;
  StatusDisplay display(log.logger(), false);
  display.monitorUrl("run-1", "https://studio.example/runs/1");
  RunStatus withUrl = status(PSJ_STATE_RUNNING, "Running");
  withUrl.monitorUrl = "https://studio.example/runs/1?from=poll";
  display.update(withUrl, milliseconds(1000));
  EXPECT_EQ(log.text(),
            "run run-1: Monitor URL https://studio.example/runs/1\n"
            "run run-1: Running (Running) after 0:01\n");
}

TEST(StatusDisplayOutput, WhenTheResultFollowsOnTheSameTerminalTheLiveLineIsErasedAtTheEnd) {
  CapturedLog log;
  {
    StatusDisplay display(log.logger(), StatusDisplayOptions{true, true, std::nullopt});
    display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(1000));
    display.update(status(PSJ_STATE_SUCCESS, "Completed"), milliseconds(2000));
    display.tick(milliseconds(3000));
    display.finish();
  }
  EXPECT_EQ(log.text(), std::string(kClear) + "run run-1: Running (Running)  0:01" + kClear)
      << "no final draw and no newline: the result that follows says Success once";
}

TEST(StatusDisplayOutput, WithARedrawPeriodTheLineIsRedrawnWithoutTicksUntilTheWaitEnds) {
  CapturedLog log;
  {
    StatusDisplay display(log.logger(), StatusDisplayOptions{true, false, milliseconds(20)});
    display.update(status(PSJ_STATE_RUNNING, "Running"), milliseconds(0));
    // Nothing else draws here: a poll under way. The text is read once the display is gone.
    std::this_thread::sleep_for(milliseconds(500));
    display.finish();
    std::this_thread::sleep_for(milliseconds(100));
  }
  const std::string text = log.text();
  const std::string draw = std::string(kClear) + "run run-1: Running (Running)  ";
  size_t draws = 0;
  for (size_t at = text.find(draw); at != std::string::npos; at = text.find(draw, at + 1)) ++draws;
  EXPECT_GE(draws, 3u) << text;
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n') << "nothing is drawn after finish:\n" << text;
}

}  // namespace
