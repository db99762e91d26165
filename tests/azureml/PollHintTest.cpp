#include <gtest/gtest.h>

#include "azureml/PollHint.h"

namespace aifoundry::azureml {
namespace {

TEST(PollHint, GrowsWithTheRunsAgeUpToAMinute) {
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10), 5000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 120), 15000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 600), 30000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 7200), 60000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, -5), 5000);
}

TEST(PollHint, StartingRunsArePolledLessOften) {
  EXPECT_GT(PollHint::nextDelayMs(RunState::Starting, 10), PollHint::nextDelayMs(RunState::Running, 10));
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Starting, 7200), 60000);
}

TEST(PollHint, BacksOffWhenTheReadBudgetRunsLow) {
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, 1000), 5000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, 49), 20000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, 9), 50000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 7200, 0), 600000);
}

TEST(PollHint, TerminalRunsNeedNoFurtherPoll) {
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Success, 10), 0);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Failed, 10, 1), 0);
}

}  // namespace
}  // namespace aifoundry::azureml
