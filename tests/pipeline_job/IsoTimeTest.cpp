#include <gtest/gtest.h>

#include "pipeline_job/IsoTime.h"

namespace aifoundry::pipeline_job {
namespace {

TEST(IsoTime, ReadsUtcWithAndWithoutFractions) {
  EXPECT_EQ(parseIsoTimeMs("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parseIsoTimeMs("2024-05-01T12:00:03Z"), 1714564803000);
  EXPECT_EQ(parseIsoTimeMs("2024-05-01T12:00:03.1234567Z"), 1714564803123);
  EXPECT_EQ(parseIsoTimeMs("2024-05-01T12:00:03.5"), 1714564803500);  // no zone: UTC
}

TEST(IsoTime, AppliesTheOffset) {
  EXPECT_EQ(parseIsoTimeMs("2024-05-01T14:00:03+02:00"), 1714564803000);
  EXPECT_EQ(parseIsoTimeMs("2024-05-01T10:00:03.000-02:00"), 1714564803000);
}

TEST(IsoTime, RefusesWhatIsNotATimestamp) {
  EXPECT_FALSE(parseIsoTimeMs(""));
  EXPECT_FALSE(parseIsoTimeMs("yesterday"));
  EXPECT_FALSE(parseIsoTimeMs("2024-13-01T00:00:00Z"));
  EXPECT_FALSE(parseIsoTimeMs("2024-05-01T12:00:03Zjunk"));
}

}  // namespace
}  // namespace aifoundry::pipeline_job
