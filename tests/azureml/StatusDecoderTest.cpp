#include <gtest/gtest.h>

#include "azureml/StatusDecoder.h"

namespace aifoundry::azureml {
namespace {

TEST(StatusDecoder, MapsEveryAzureStatusPerTheContract) {
  for (const char* s : {"NotStarted", "Starting", "Provisioning", "Preparing", "Queued"})
    EXPECT_EQ(StatusDecoder::decode(s), RunState::Starting) << s;
  for (const char* s : {"Running", "Finalizing", "CancelRequested"})
    EXPECT_EQ(StatusDecoder::decode(s), RunState::Running) << s;
  EXPECT_EQ(StatusDecoder::decode("Completed"), RunState::Success);
  EXPECT_EQ(StatusDecoder::decode("Failed"), RunState::Failed);
  EXPECT_EQ(StatusDecoder::decode("Canceled"), RunState::Cancelled);
  for (const char* s : {"NotResponding", "Paused", "Unknown", "SomethingNew", ""})
    EXPECT_EQ(StatusDecoder::decode(s), RunState::Unknown) << s;
}

// Run History's RunStatus enum and ARM's JobStatus differ; both map by one contract (docs/azure-contract.md).
TEST(StatusDecoder, MapsRunHistorysOwnStatusesByTheSameContract) {
  EXPECT_EQ(StatusDecoder::decode("Unapproved"), RunState::Starting);  // waits for approval, then starts
  EXPECT_EQ(StatusDecoder::decode("Pausing"), RunState::Running);      // still executing until Paused
  EXPECT_EQ(StatusDecoder::decode("Paused"), RunState::Unknown);       // may resume: not terminal
  EXPECT_FALSE(StatusDecoder::isTerminalStatus("Paused"));
}

TEST(StatusDecoder, KnowsWhichStatusesRunHistoryHas) {
  for (const char* s :
       {"NotStarted", "Unapproved", "Pausing", "Paused", "Starting", "Preparing", "Queued", "Running",
        "Finalizing", "CancelRequested", "Completed", "Failed", "Canceled", "canceled", " Running "})
    EXPECT_TRUE(StatusDecoder::isRunHistoryStatus(s)) << s;
  // ARM-only values and anything new: the data plane's answer is not used, ARM is asked.
  for (const char* s : {"Provisioning", "NotResponding", "Unknown", "Cancelled", "SomethingNew", ""})
    EXPECT_FALSE(StatusDecoder::isRunHistoryStatus(s)) << s;
}

TEST(StatusDecoder, ComparesCaseInsensitively) {
  EXPECT_EQ(StatusDecoder::decode("completed"), RunState::Success);
  EXPECT_EQ(StatusDecoder::decode("CANCELED"), RunState::Cancelled);
  EXPECT_EQ(StatusDecoder::decode("notstarted"), RunState::Starting);
  EXPECT_EQ(StatusDecoder::decode("cancelrequested"), RunState::Running);
}

TEST(StatusDecoder, OnlyCompletedFailedAndCanceledAreTerminal) {
  EXPECT_TRUE(StatusDecoder::isTerminalStatus("Completed"));
  EXPECT_TRUE(StatusDecoder::isTerminalStatus("failed"));
  EXPECT_TRUE(StatusDecoder::isTerminalStatus("Canceled"));
  EXPECT_FALSE(StatusDecoder::isTerminalStatus("CancelRequested"));
  EXPECT_FALSE(StatusDecoder::isTerminalStatus("NotResponding"));
  EXPECT_STREQ(toString(RunState::Cancelled), "Cancelled");
}

TEST(StatusDecoder, StateNumbersMatchTheAbi) {
  EXPECT_EQ(static_cast<int>(RunState::Unknown), 0);
  EXPECT_EQ(static_cast<int>(RunState::Starting), 10);
  EXPECT_EQ(static_cast<int>(RunState::Running), 20);
  EXPECT_EQ(static_cast<int>(RunState::Success), 100);
  EXPECT_EQ(static_cast<int>(RunState::Failed), 101);
  EXPECT_EQ(static_cast<int>(RunState::Cancelled), 102);
}

}  // namespace
}  // namespace aifoundry::azureml
