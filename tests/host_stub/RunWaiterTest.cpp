// run --wait's pacing and the status display's clock.
#include <gtest/gtest.h>

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

}  // namespace
