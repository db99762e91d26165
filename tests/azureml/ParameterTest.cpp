#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/Parameter.h"

namespace aifoundry::azureml {
namespace {

TEST(Parameter, DirectionNamesAreCaseInsensitiveAndUnsetIsInput) {
  EXPECT_EQ(parseDirection(""), Direction::Input);
  EXPECT_EQ(parseDirection("input"), Direction::Input);
  EXPECT_EQ(parseDirection("OUTPUT"), Direction::Output);
  EXPECT_EQ(parseDirection("Input&Output"), Direction::InputOutput);
  EXPECT_EQ(parseDirection("input&output"), Direction::InputOutput);
  EXPECT_EQ(test::errorOf([] { parseDirection("Sideways", "p"); }).code(), errc::InvalidParameterDefinition);
}

TEST(Parameter, DataTypeNamesAreCaseInsensitive) {
  EXPECT_EQ(parseDataType("String"), DataType::String);
  EXPECT_EQ(parseDataType("secret"), DataType::Secret);
  EXPECT_EQ(parseDataType("INT"), DataType::Int);
  EXPECT_EQ(parseDataType("Float"), DataType::Float);
  EXPECT_EQ(parseDataType("bool"), DataType::Bool);
  EXPECT_EQ(parseDataType("JSON"), DataType::Json);
  EXPECT_EQ(parseDataType("jsonarray"), DataType::JsonArray);
  EXPECT_EQ(parseDataType(""), DataType::String);
  const auto e = test::errorOf([] { parseDataType("Decimal", "amount"); });
  EXPECT_EQ(e.code(), errc::InvalidParameterDefinition);
  EXPECT_NE(std::string(e.what()).find("'amount'"), std::string::npos);
}

TEST(Parameter, NamesRoundTripInPolysyncSpelling) {
  EXPECT_STREQ(toString(Direction::InputOutput), "Input&Output");
  EXPECT_STREQ(toString(DataType::Json), "JSON");
  EXPECT_STREQ(toString(DataType::JsonArray), "JsonArray");
}

TEST(Parameter, SentAndWrittenBackFollowTheDirection) {
  Parameter p;
  p.direction = Direction::Input;
  EXPECT_TRUE(p.isSent());
  EXPECT_FALSE(p.isWrittenBack());
  p.direction = Direction::Output;
  EXPECT_FALSE(p.isSent());
  EXPECT_TRUE(p.isWrittenBack());
  p.direction = Direction::InputOutput;
  EXPECT_TRUE(p.isSent());
  EXPECT_TRUE(p.isWrittenBack());
  p.type = DataType::Secret;
  EXPECT_TRUE(p.isSecret());
}

}  // namespace
}  // namespace aifoundry::azureml
