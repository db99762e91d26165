#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/InputOverlay.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;
using core::Parameter;

const std::string kInputs = R"({
  "learning_rate": {"jobInputType": "literal", "value": "0.01", "description": "lr"},
  "epochs": {"jobInputType": "literal", "value": "10"},
  "training_data": {"jobInputType": "uri_folder", "uri": "azureml://datastores/x/paths/y", "mode": "ReadOnlyMount"}
})";

std::string overlay(const std::vector<Parameter>& params, const std::string& inputs = kInputs) {
  return test::plain(InputOverlay::apply(common::JsonView::parse(inputs, "inputs"), params, "train"));
}

Parameter param(const std::string& name, const std::string& value, DataType type = DataType::String,
                Direction direction = Direction::Input) {
  return Parameter{name, direction, type, common::SecretString(value), false};
}

TEST(InputOverlay, InputParametersBecomeLiteralInputs) {
  const std::string out = overlay({param("epochs", "20", DataType::Int)});
  EXPECT_EQ(test::at(out, {"epochs"}), R"({"jobInputType":"literal","value":"20"})");
}

TEST(InputOverlay, InputOutputParametersAreSentAndOutputParametersAreNot) {
  const std::string out = overlay({param("epochs", "5", DataType::Int, Direction::InputOutput),
                                   param("learning_rate", "0.5", DataType::Float, Direction::Output)});
  EXPECT_EQ(test::at(out, {"epochs", "value"}), "\"5\"");
  EXPECT_EQ(test::at(out, {"learning_rate"}),
            R"({"jobInputType": "literal", "value": "0.01", "description": "lr"})");
}

TEST(InputOverlay, OtherInputsAreCopiedVerbatimInTemplateOrder) {
  const std::string out = overlay({param("epochs", "3")});
  EXPECT_EQ(out.find("\"learning_rate\""), 1u);
  EXPECT_EQ(
      test::at(out, {"training_data"}),
      R"({"jobInputType": "uri_folder", "uri": "azureml://datastores/x/paths/y", "mode": "ReadOnlyMount"})");
}

TEST(InputOverlay, UnknownNameFailsWithInputNotFoundListingTheInputs) {
  const auto e = test::errorOf([] { overlay({param("epochz", "3"), param("batch", "1")}); });
  EXPECT_EQ(e.code(), errc::InputNotFound);
  const std::string m = e.what();
  EXPECT_NE(m.find("'epochz', 'batch'"), std::string::npos) << m;
  EXPECT_NE(m.find("'learning_rate', 'epochs', 'training_data'"), std::string::npos) << m;
  EXPECT_NE(m.find("'train'"), std::string::npos) << m;
}

TEST(InputOverlay, NameDifferingOnlyInCaseIsNotFoundButSuggested) {
  const auto e = test::errorOf([] { overlay({param("Epochs", "3")}); });
  EXPECT_EQ(e.code(), errc::InputNotFound);
  EXPECT_NE(std::string(e.what()).find("did you mean 'epochs'"), std::string::npos);
}

TEST(InputOverlay, AssetInputCannotBeSet) {
  const auto e = test::errorOf([] { overlay({param("training_data", "azureml://other")}); });
  EXPECT_EQ(e.code(), errc::InputNotFound);
  EXPECT_NE(std::string(e.what()).find("only literal inputs can be set"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("uri_folder"), std::string::npos);
}

TEST(InputOverlay, TemplateWithoutInputsRejectsEveryInputParameter) {
  const auto e = test::errorOf([] { InputOverlay::apply(common::JsonView(), {param("a", "1")}, "t"); });
  EXPECT_EQ(e.code(), errc::InputNotFound);
  EXPECT_NE(std::string(e.what()).find("it has no inputs"), std::string::npos);
  EXPECT_EQ(
      InputOverlay::apply(common::JsonView(), {param("o", "", DataType::String, Direction::Output)}, "t")
          .view(),
      "{}");
}

TEST(InputOverlay, InvalidValueFailsBeforeAnythingIsBuilt) {
  EXPECT_EQ(test::errorOf([] { overlay({param("epochs", "ten", DataType::Int)}); }).code(),
            errc::InvalidParameterValue);
}

TEST(InputOverlay, DuplicateParameterIsRefused) {
  EXPECT_EQ(test::errorOf([] {
              overlay({param("epochs", "1"), param("epochs", "2")});
            }).code(),
            errc::InvalidParameterDefinition);
}

TEST(InputOverlay, ValuesAreJsonEscaped) {
  const std::string out = overlay({param("epochs", "a\"b\\c\n")});
  EXPECT_EQ(test::at(out, {"epochs", "value"}), R"("a\"b\\c\n")");
}

TEST(InputOverlay, SecretValueIsSentButNotEchoedInErrors) {
  Parameter secret{"epochs", Direction::Input, DataType::Secret, common::SecretString("p@ss_w0rd"), false};
  EXPECT_EQ(test::at(overlay({secret}), {"epochs", "value"}), "\"p@ss_w0rd\"");
  secret.name = "nope";
  const auto e = test::errorOf([&] { overlay({secret}); });
  EXPECT_EQ(std::string(e.what()).find("p@ss_w0rd"), std::string::npos);
}

}  // namespace
}  // namespace aifoundry::azureml
