#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/LiteralValueText.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;
using core::Parameter;

std::string textOf(DataType type, const std::string& value) {
  return test::plain(
      LiteralValueText::of(Parameter{"p", Direction::Input, type, common::SecretString(value), false}));
}

AzureMlError refusal(DataType type, const std::string& value, bool secret = false) {
  return test::errorOf([&] {
    LiteralValueText::of(Parameter{"p", Direction::Input, type, common::SecretString(value), secret});
  });
}

TEST(LiteralValueText, StringAndSecretAreSentAsIs) {
  EXPECT_EQ(textOf(DataType::String, " a b "), " a b ");
  EXPECT_EQ(textOf(DataType::Secret, "s3cr3t"), "s3cr3t");
}

TEST(LiteralValueText, IntIsCanonicalDecimalInInt64Range) {
  EXPECT_EQ(textOf(DataType::Int, "42"), "42");
  EXPECT_EQ(textOf(DataType::Int, " +007 "), "7");
  EXPECT_EQ(textOf(DataType::Int, "-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(textOf(DataType::Int, "9223372036854775807"), "9223372036854775807");
  for (const char* bad : {"1.5", "abc", "", "9223372036854775808", "1e3", "12abc", "0x10"})
    EXPECT_EQ(refusal(DataType::Int, bad).code(), errc::InvalidParameterValue) << bad;
}

TEST(LiteralValueText, FloatIsShortestRoundTrip) {
  EXPECT_EQ(textOf(DataType::Float, "0.1"), "0.1");
  EXPECT_EQ(textOf(DataType::Float, "1e-3"), "0.001");
  EXPECT_EQ(textOf(DataType::Float, "2.50"), "2.5");
  EXPECT_EQ(textOf(DataType::Float, "-3"), "-3");
  EXPECT_EQ(textOf(DataType::Float, "1e300"), "1e+300");
  EXPECT_EQ(textOf(DataType::Float, "0.30000000000000004"), "0.30000000000000004");
  for (const char* bad : {"nan", "inf", "-infinity", "abc", "", "1,5", "1e999"})
    EXPECT_EQ(refusal(DataType::Float, bad).code(), errc::InvalidParameterValue) << bad;
}

TEST(LiteralValueText, BoolIsTrueOrFalseCapitalised) {
  for (const char* yes : {"true", "TRUE", "1", "yes", "Yes"}) EXPECT_EQ(textOf(DataType::Bool, yes), "True");
  for (const char* no : {"false", "False", "0", "no", "NO"}) EXPECT_EQ(textOf(DataType::Bool, no), "False");
  EXPECT_EQ(refusal(DataType::Bool, "maybe").code(), errc::InvalidParameterValue);
}

TEST(LiteralValueText, JsonIsCompactedWithTokensUntouched) {
  EXPECT_EQ(textOf(DataType::Json, "{ \"b\": 1.0, \"a\": [ 1e5 ] }"), R"({"b":1.0,"a":[1e5]})");
  EXPECT_EQ(textOf(DataType::JsonArray, " [ 1 , \"x y\" ] "), R"([1,"x y"])");
  EXPECT_EQ(refusal(DataType::Json, "{oops}").code(), errc::InvalidParameterValue);
  EXPECT_EQ(refusal(DataType::JsonArray, "{\"a\":1}").code(), errc::InvalidParameterValue);
}

TEST(LiteralValueText, ValuesAzureWouldRefuseFailBeforeSubmission) {
  EXPECT_EQ(refusal(DataType::String, "").code(), errc::InvalidParameterValue);
  EXPECT_EQ(refusal(DataType::String, "--- !!").code(), errc::InvalidParameterValue);
  EXPECT_EQ(refusal(DataType::Json, "{}").code(), errc::InvalidParameterValue);
  EXPECT_EQ(refusal(DataType::JsonArray, "[]").code(), errc::InvalidParameterValue);
  EXPECT_EQ(textOf(DataType::String, "_"), "_");
}

TEST(LiteralValueText, ErrorsNameTheParameterAndNeverShowASecret) {
  const auto e = refusal(DataType::Secret, "");
  EXPECT_NE(std::string(e.what()).find("'p'"), std::string::npos);
  const auto hidden = refusal(DataType::Int, "hunter2", /*secret=*/true);
  EXPECT_EQ(std::string(hidden.what()).find("hunter2"), std::string::npos);
  const auto shown = refusal(DataType::Int, "abc");
  EXPECT_NE(std::string(shown.what()).find("'abc'"), std::string::npos);
  const auto secretType = refusal(DataType::Secret, "!!!");
  EXPECT_EQ(std::string(secretType.what()).find("!!!"), std::string::npos);
}

}  // namespace
}  // namespace aifoundry::azureml
