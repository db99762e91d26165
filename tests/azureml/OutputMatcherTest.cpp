#include <gtest/gtest.h>

#include "azureml/OutputMatcher.h"
#include "common/SecretString.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;
using core::Parameter;

std::vector<JobOutput> outputs() {
  JobOutput model{"model", "uri_folder", "azureml://out/model", std::nullopt, "Upload", ""};
  JobOutput score{"Score", "uri_file", "azureml://out/score", std::string("0.93"), "", ""};
  JobOutput Model{"Model", "uri_folder", "azureml://out/Model", std::nullopt, "", ""};
  JobOutput empty{"empty", "uri_folder", "", std::nullopt, "", ""};
  return {Model, model, score, empty};
}

Parameter param(const std::string& name, Direction d) {
  return Parameter{name, d, DataType::String, common::SecretString(), false};
}

TEST(OutputMatcher, ExactNameWinsOverCaseInsensitiveMatch) {
  const auto values = OutputMatcher::match({param("model", Direction::Output)}, outputs());
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].value, "azureml://out/model");
}

TEST(OutputMatcher, CaseInsensitiveMatchWhenNoExactName) {
  const auto values = OutputMatcher::match({param("score", Direction::InputOutput)}, outputs());
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].outputName, "Score");
}

TEST(OutputMatcher, ValueIsPreferredOverUri) {
  EXPECT_EQ(OutputMatcher::match({param("Score", Direction::Output)}, outputs())[0].value, "0.93");
}

TEST(OutputMatcher, InputParametersAndUnmatchedNamesAreNotWrittenBack) {
  EXPECT_TRUE(OutputMatcher::match({param("model", Direction::Input)}, outputs()).empty());
  EXPECT_TRUE(OutputMatcher::match({param("nope", Direction::Output)}, outputs()).empty());
  EXPECT_TRUE(OutputMatcher::match({param("empty", Direction::Output)}, outputs()).empty());
}

}  // namespace
}  // namespace aifoundry::azureml
