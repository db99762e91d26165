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

TEST(PollHint, ArmsReadBudgetCountsOnlyWhenThePollReadsArm) {
  PollBudget budget;
  budget.remainingReads = 9;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 50000);
  budget.readsArm = false;  // read from Run History: ARM's reads were not spent
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 5000);
}

TEST(PollHint, ARecentDataPlane429GrowsTheHintOnEitherPlane) {
  PollBudget budget;
  budget.readsArm = false;
  budget.msSinceDataThrottled = 1000;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 30000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 7200, budget), 240000);
  budget.readsArm = true;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 30000);
  // Forgotten after a minute.
  budget.msSinceDataThrottled = PollHint::kThrottleMemoryMs;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 5000);
}

TEST(PollHint, ARecentArm429GrowsTheHintMostWhenThePollReadsArm) {
  PollBudget budget;
  budget.msSinceArmThrottled = 0;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 50000);
  budget.readsArm = false;  // the final read still spends ARM
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 10000);
  budget.msSinceArmThrottled = 120000;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 10, budget), 5000);
}

TEST(PollHint, TheBudgetedHintKeepsTheCeilingAndTerminalZero) {
  PollBudget budget;
  budget.remainingReads = 0;
  budget.msSinceArmThrottled = 0;
  budget.msSinceDataThrottled = 0;
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Running, 7200, budget), 600000);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Success, 10, budget), 0);
  // Without pressure the budgeted hint is the age hint.
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Starting, 120, PollBudget{}),
            PollHint::nextDelayMs(RunState::Starting, 120));
}

TEST(PollHint, TerminalRunsNeedNoFurtherPoll) {
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Success, 10), 0);
  EXPECT_EQ(PollHint::nextDelayMs(RunState::Failed, 10, 1), 0);
}

}  // namespace
}  // namespace aifoundry::azureml
