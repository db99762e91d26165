// SeenNames: the import's record of the names it passed on; exact for every name, small for many.
#include <gtest/gtest.h>

#include <string>

#include "pipeline_job/SeenNames.h"

namespace aifoundry::pipeline_job {
namespace {

TEST(SeenNames, ANameIsNewOnceAndThenSeen) {
  SeenNames seen;
  EXPECT_TRUE(seen.insert("train_pipeline_2026"));
  EXPECT_FALSE(seen.insert("train_pipeline_2026"));
  EXPECT_TRUE(seen.insert("train_pipeline_2027"));
  EXPECT_TRUE(seen.insert("Train_pipeline_2026")) << "job names are compared exactly, as Azure lists them";
  EXPECT_EQ(seen.size(), 3u);
}

TEST(SeenNames, AHundredThousandNamesAreEachNewOnceInAboutTwoMegabytes) {
  SeenNames seen;
  constexpr int kNames = 100000;
  for (int i = 0; i < kNames; ++i) ASSERT_TRUE(seen.insert("job-" + std::to_string(i))) << i;
  for (int i = 0; i < kNames; i += 7) ASSERT_FALSE(seen.insert("job-" + std::to_string(i))) << i;
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kNames));
  // At most 16 bytes a name (a half-full table of 8-byte hashes), rounded up to a power of two.
  EXPECT_LE(seen.tableBytes(), 2u * 16u * kNames);
}

}  // namespace
}  // namespace aifoundry::pipeline_job
