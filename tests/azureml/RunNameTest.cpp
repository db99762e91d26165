#include <gtest/gtest.h>

#include "azureml/JobName.h"
#include "azureml/RunName.h"

namespace aifoundry::azureml {
namespace {

TEST(RunName, StartsFromTheTemplateNameAndMatchesAzuresPattern) {
  const std::string name = RunName::withRandomSuffix("train_tpl", 0x0123456789abcdefULL);
  EXPECT_EQ(name, "train_tpl_0123456789abcdef");
  EXPECT_TRUE(JobName::isValidNewName(name));
}

TEST(RunName, SameIdempotencyKeyGivesTheSameName) {
  const std::string a = RunName::forIdempotencyKey("train_tpl", "run-42");
  EXPECT_EQ(a, RunName::forIdempotencyKey("train_tpl", "run-42"));
  EXPECT_TRUE(JobName::isValidNewName(a));
  EXPECT_EQ(a.rfind("train_tpl_", 0), 0u);
  EXPECT_EQ(a.size(), std::string("train_tpl_").size() + RunName::kKeyedSuffixHexDigits);
}

TEST(RunName, DifferentKeysOrTemplatesGiveDifferentNames) {
  EXPECT_NE(RunName::forIdempotencyKey("t", "k1"), RunName::forIdempotencyKey("t", "k2"));
  EXPECT_NE(RunName::forIdempotencyKey("ab", "c"), RunName::forIdempotencyKey("a", "bc"));
}

TEST(RunName, RandomNamesDiffer) {
  EXPECT_NE(RunName::withRandomSuffix("t", 1), RunName::withRandomSuffix("t", 2));
  EXPECT_NE(RunName::withRandomSuffix("t"), RunName::withRandomSuffix("t"));
}

TEST(RunName, TemplateNameIsSanitisedAndTruncated) {
  EXPECT_EQ(RunName::prefixFor("my template.v2"), "my_template_v2");
  EXPECT_EQ(RunName::prefixFor("__-x"), "x");
  EXPECT_EQ(RunName::prefixFor("!!!"), "pipeline");
  EXPECT_EQ(RunName::prefixFor("caf\xC3\xA9"), "caf__");
  const std::string longName(400, 'a');
  const std::string name = RunName::forIdempotencyKey(longName, "k");
  EXPECT_TRUE(JobName::isValidNewName(name));
  EXPECT_LE(name.size(), JobName::kMaxLength);
  EXPECT_TRUE(JobName::isValidNewName(RunName::withRandomSuffix(longName, 7)));
}

TEST(JobName, NewNamePatternIsAzures) {
  EXPECT_TRUE(JobName::isValidNewName("a"));
  EXPECT_TRUE(JobName::isValidNewName("A-b_9"));
  EXPECT_FALSE(JobName::isValidNewName(""));
  EXPECT_FALSE(JobName::isValidNewName("_a"));
  EXPECT_FALSE(JobName::isValidNewName("a.b"));
  EXPECT_FALSE(JobName::isValidNewName(std::string(256, 'a')));
  EXPECT_TRUE(JobName::isValidNewName(std::string(255, 'a')));
}

}  // namespace
}  // namespace aifoundry::azureml
