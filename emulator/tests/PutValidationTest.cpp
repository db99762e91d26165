// PUT validation: each rule the service enforces, answered with the ARM error shape.
#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

class PutValidationTest : public EmulatorTest {
 protected:
  // A minimal pipeline whose one step binds parent input `rate`.
  static std::string pipeline(const std::string& inputs, const std::string& extra = "") {
    return R"({"properties":{"jobType":"Pipeline","inputs":)" + inputs +
           R"(,"jobs":{"train":{"type":"command","inputs":{"lr":{"job_input_type":"literal","value":"${{parent.inputs.rate}}"}}}})" +
           extra + "}}";
  }
  void expectRefused(const std::string& job, const std::string& body, int status, const std::string& code,
                     const std::string& target = "") {
    auto result = putJob(job, body);
    EXPECT_EQ(result.status, status) << result.body;
    auto error = result.json()->getObject("error");
    ASSERT_FALSE(error.isNull()) << result.body;
    EXPECT_EQ(error->getValue<std::string>("code"), code) << result.body;
    EXPECT_FALSE(error->getValue<std::string>("message").empty());
    EXPECT_TRUE(error->has("details"));
    if (!target.empty()) {
      EXPECT_EQ(error->getValue<std::string>("target"), target);
    }
    EXPECT_FALSE(emulator->workspace().exists(job)) << "a refused PUT creates nothing";
  }
  static std::string literal(const std::string& valueJson) {
    return R"({"rate":{"jobInputType":"literal","value":)" + valueJson + "}}";
  }
};

TEST_F(PutValidationTest, AValidMinimalPipelineIsAccepted) {
  auto result = putJob("ok-1", pipeline(literal("\"0.5\"")));
  EXPECT_EQ(result.status, 201) << result.body;
  auto properties = result.json()->getObject("properties");
  EXPECT_EQ(properties->getValue<std::string>("experimentName"), "Default") << "the service's default";
}

TEST_F(PutValidationTest, JobTypeIsRequired) {
  expectRefused("no-type", R"({"properties":{"displayName":"x"}})", 400, "RequiredPropertyMissing",
                "properties.jobType");
}

TEST_F(PutValidationTest, UnknownJobTypeIsRefused) {
  expectRefused("bad-type", R"({"properties":{"jobType":"Pipelines"}})", 400, "InvalidRequestContent",
                "properties.jobType");
}

TEST_F(PutValidationTest, PropertiesAreRequired) {
  expectRefused("no-props", R"({"name":"x"})", 400, "RequiredPropertyMissing", "properties");
}

TEST_F(PutValidationTest, MalformedJsonIsInvalidRequestContent) {
  expectRefused("broken", R"({"properties":{"jobType":)", 400, "InvalidRequestContent");
}

TEST_F(PutValidationTest, JobNameMustMatchThePattern) {
  for (const std::string& name : {std::string("-starts-with-dash"), std::string("_underscore"),
                                  std::string("has.dot"), std::string(256, 'a')})
    expectRefused(name, pipeline(literal("\"1\"")), 400, "InvalidJobName", "id");
  EXPECT_EQ(putJob(std::string(255, 'a'), pipeline(literal("\"1\""))).status, 201);
  EXPECT_EQ(putJob("A1-b_2", pipeline(literal("\"1\""))).status, 201);
}

TEST_F(PutValidationTest, LiteralValueMustBeAString) {
  expectRefused("num", pipeline(literal("0.5")), 400, "InvalidLiteralValue", "properties.inputs.rate.value");
  expectRefused("bool", pipeline(literal("true")), 400, "InvalidLiteralValue",
                "properties.inputs.rate.value");
}

TEST_F(PutValidationTest, LiteralValueMustHaveAWordCharacter) {
  expectRefused("empty", pipeline(literal("\"\"")), 400, "InvalidLiteralValue");
  expectRefused("punct", pipeline(literal("\"-.-\"")), 400, "InvalidLiteralValue");
  EXPECT_EQ(putJob("underscore", pipeline(literal("\"_\""))).status, 201);
}

TEST_F(PutValidationTest, LiteralValueIsRequired) {
  expectRefused("no-value", pipeline(R"({"rate":{"jobInputType":"literal"}})"), 400,
                "RequiredPropertyMissing", "properties.inputs.rate.value");
}

TEST_F(PutValidationTest, PolysyncStyleInputShapeIsRefused) {
  // The product page's {value, type:"literal"} is not the API's shape.
  expectRefused("page-shape", pipeline(R"({"rate":{"type":"literal","value":"1"}})"), 400,
                "RequiredPropertyMissing", "properties.inputs.rate.jobInputType");
}

TEST_F(PutValidationTest, UnknownFieldsOnTypedObjectsAreRefused) {
  expectRefused("extra-literal", pipeline(R"({"rate":{"jobInputType":"literal","value":"1","type":"x"}})"),
                400, "UnknownProperty", "properties.inputs.rate.type");
  expectRefused("extra-pipeline", pipeline(literal("\"1\""), R"(,"startTime":"2024-01-01T00:00:00Z")"), 400,
                "UnknownProperty", "properties.startTime");
  expectRefused("extra-output",
                pipeline(literal("\"1\""), R"(,"outputs":{"m":{"jobOutputType":"uri_folder","value":"x"}})"),
                400, "UnknownProperty", "properties.outputs.m.value");
  expectRefused("extra-service",
                pipeline(literal("\"1\""), R"(,"services":{"s":{"jobServiceType":"Custom","bogus":1}})"), 400,
                "UnknownProperty", "properties.services.s.bogus");
}

TEST_F(PutValidationTest, InputNotBoundByAnyStepIsInputNotFound) {
  expectRefused(
      "unbound",
      pipeline(
          R"({"rate":{"jobInputType":"literal","value":"1"},"epochs":{"jobInputType":"literal","value":"3"}})"),
      400, "InputNotFound", "properties.inputs.epochs");
}

TEST_F(PutValidationTest, AssetInputsNeedAUriAndAKnownMode) {
  expectRefused("no-uri", pipeline(R"({"rate":{"jobInputType":"uri_folder"}})"), 400,
                "RequiredPropertyMissing");
  expectRefused("bad-mode",
                pipeline(R"({"rate":{"jobInputType":"uri_folder","uri":"azureml://x","mode":"Mount"}})"), 400,
                "InvalidRequestContent", "properties.inputs.rate.mode");
  expectRefused("bad-input-type", pipeline(R"({"rate":{"jobInputType":"number","value":"1"}})"), 400,
                "InvalidRequestContent", "properties.inputs.rate.jobInputType");
  EXPECT_EQ(
      putJob("asset-ok",
             pipeline(R"({"rate":{"jobInputType":"uri_folder","uri":"azureml://x","mode":"Download"}})"))
          .status,
      201);
}

TEST_F(PutValidationTest, OutputsHaveNoLiteralType) {
  expectRefused("literal-out", pipeline(literal("\"1\""), R"(,"outputs":{"m":{"jobOutputType":"literal"}})"),
                400, "InvalidRequestContent", "properties.outputs.m.jobOutputType");
}

TEST_F(PutValidationTest, ReadOnlyStatusIsIgnored) {
  auto result = putJob("sent-status", pipeline(literal("\"1\""), R"(,"status":"Completed")"));
  ASSERT_EQ(result.status, 201) << result.body;
  EXPECT_EQ(result.json()->getObject("properties")->getValue<std::string>("status"), "Preparing");
}

// Azure leaves an output's uri null when the client gave none (every member present, unset ones null), and
// resolves ${{name}} / ${{output_name}} in a uri it was given.
TEST_F(PutValidationTest, OutputsWithoutAPathStayNullAndGivenPathsAreResolved) {
  auto result = putJob(
      "with-output",
      pipeline(
          literal("\"1\""),
          R"(,"outputs":{"model":{"jobOutputType":"uri_folder"},)"
          R"("log":{"jobOutputType":"uri_folder","uri":"azureml://datastores/d/paths/${{name}}/${{output_name}}"}})"));
  ASSERT_EQ(result.status, 201) << result.body;
  auto outputs = result.json()->getObject("properties")->getObject("outputs");
  auto model = outputs->getObject("model");
  EXPECT_TRUE(model->has("uri"));
  EXPECT_TRUE(model->get("uri").isEmpty());
  EXPECT_TRUE(model->get("description").isEmpty());
  EXPECT_EQ(model->getValue<std::string>("mode"), "ReadWriteMount");
  EXPECT_EQ(outputs->getObject("log")->getValue<std::string>("uri"),
            "azureml://datastores/d/paths/with-output/log");
}

TEST_F(PutValidationTest, TagsStringsOnly) {
  expectRefused("tag-number", pipeline(literal("\"1\""), R"(,"tags":{"n":1})"), 400, "InvalidRequestContent",
                "properties.tags.n");
}

TEST_F(PutValidationTest, IdentityTypeMustBeKnown) {
  expectRefused("bad-identity", pipeline(literal("\"1\""), R"(,"identity":{"identityType":"Kerberos"})"), 400,
                "InvalidRequestContent", "properties.identity.identityType");
}

TEST_F(PutValidationTest, BodyOver4MBIs413) {
  std::string big =
      pipeline(literal("\"1\""), R"(,"description":")" + std::string(4 * 1024 * 1024, 'x') + "\"");
  auto result = putJob("too-big", big);
  EXPECT_EQ(result.status, 413);
  EXPECT_EQ(result.json()->getObject("error")->getValue<std::string>("code"), "RequestEntityTooLarge");
}

TEST_F(PutValidationTest, RePutMayChangeTagsOnly) {
  ASSERT_EQ(putJob("tagged", pipeline(literal("\"1\""), R"(,"tags":{"a":"1"})")).status, 201);
  auto result = putJob("tagged", pipeline(literal("\"1\""), R"(,"tags":{"b":"2"})"));
  EXPECT_EQ(result.status, 200) << result.body;
  auto tags = result.json()->getObject("properties")->getObject("tags");
  EXPECT_FALSE(tags->has("a")) << "tags are replaced";
  EXPECT_EQ(tags->getValue<std::string>("b"), "2");
}

}  // namespace
}  // namespace azureml_emulator::testing
