// The parameter model the Azure ML layer works on (core::Parameter, shared with every layer): which
// parameters are sent and written back, which are secret, and their names in messages.
#include <gtest/gtest.h>

#include "core/Parameter.h"

namespace aifoundry::core {
namespace {

TEST(Parameter, SentAndWrittenBackFollowTheDirectionAndUnsetIsInput) {
  EXPECT_TRUE(isSent(Direction::Unset));
  EXPECT_FALSE(isWrittenBack(Direction::Unset));
  EXPECT_TRUE(isSent(Direction::Input));
  EXPECT_FALSE(isWrittenBack(Direction::Input));
  EXPECT_FALSE(isSent(Direction::Output));
  EXPECT_TRUE(isWrittenBack(Direction::Output));
  EXPECT_TRUE(isSent(Direction::InputOutput));
  EXPECT_TRUE(isWrittenBack(Direction::InputOutput));
}

TEST(Parameter, SecretTypedParametersAreSecretWhateverTheHostsFlagSays) {
  Parameter p;
  EXPECT_FALSE(isSecret(p));
  p.secret = true;
  EXPECT_TRUE(isSecret(p));
  p.secret = false;
  p.dataType = DataType::Secret;
  EXPECT_TRUE(isSecret(p));
}

TEST(Parameter, NamesAreInPolysyncSpelling) {
  EXPECT_STREQ(toString(Direction::Input), "Input");
  EXPECT_STREQ(toString(Direction::Unset), "Input");
  EXPECT_STREQ(toString(Direction::Output), "Output");
  EXPECT_STREQ(toString(Direction::InputOutput), "Input&Output");
  EXPECT_STREQ(toString(DataType::String), "String");
  EXPECT_STREQ(toString(DataType::Secret), "Secret");
  EXPECT_STREQ(toString(DataType::Int), "Int");
  EXPECT_STREQ(toString(DataType::Float), "Float");
  EXPECT_STREQ(toString(DataType::Bool), "Bool");
  EXPECT_STREQ(toString(DataType::Json), "JSON");
  EXPECT_STREQ(toString(DataType::JsonArray), "JsonArray");
}

TEST(Parameter, CopiesKeepTheValueAndAMovedFromValueIsEmpty) {
  Parameter p;
  p.name = "token";
  p.dataType = DataType::Secret;
  p.value = common::SecretString("s3cr3t-value");
  const Parameter copy = p;
  EXPECT_EQ(copy.value.view(), "s3cr3t-value");
  const Parameter moved = std::move(p);
  EXPECT_EQ(moved.value.view(), "s3cr3t-value");
  EXPECT_TRUE(p.value.empty());  // NOLINT(bugprone-use-after-move): the moved-from value is wiped
}

}  // namespace
}  // namespace aifoundry::core
