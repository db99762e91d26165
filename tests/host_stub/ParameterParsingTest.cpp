// --param NAME[:TYPE]=VALUE, --output, --param-file and --attr.
#include <gtest/gtest.h>

#include "polysync_host/Errors.h"
#include "polysync_host/ParameterParsing.h"

namespace {

using namespace polysync::host;

TEST(ParamOption, NameEqualsValueIsAStringInput) {
  const RunParameter p = parseParamOption("greeting=hello=world");
  EXPECT_EQ(p.name, "greeting");
  EXPECT_EQ(p.value, "hello=world");
  EXPECT_EQ(p.direction, PSJ_DIRECTION_INPUT);
  EXPECT_EQ(p.dataType, PSJ_TYPE_STRING);
  EXPECT_FALSE(p.secret);
}

TEST(ParamOption, TypeIsCaseInsensitive) {
  EXPECT_EQ(parseParamOption("n:int=42").dataType, PSJ_TYPE_INT);
  EXPECT_EQ(parseParamOption("n:FLOAT=0.5").dataType, PSJ_TYPE_FLOAT);
  EXPECT_EQ(parseParamOption("n:json={\"a\":1}").dataType, PSJ_TYPE_JSON);
  EXPECT_EQ(parseParamOption("n:jsonarray=[1]").dataType, PSJ_TYPE_JSON_ARRAY);
  EXPECT_EQ(parseParamOption("n:String=").value, "");
}

TEST(ParamOption, SecretValuesAreFlaggedAndMasked) {
  const RunParameter p = parseParamOption("pw:Secret=hunter2");
  EXPECT_EQ(p.dataType, PSJ_TYPE_SECRET);
  EXPECT_TRUE(p.secret);
  EXPECT_EQ(p.value, "hunter2");
  EXPECT_EQ(displayValue(p), "***");
  EXPECT_EQ(displayValue(parseParamOption("a=b")), "b");
}

TEST(ParamOption, BoolIsWrittenLowerCase) { EXPECT_EQ(parseParamOption("b:Bool=TRUE").value, "true"); }

TEST(ParamOption, MalformedSpecsAreUsageErrors) {
  for (const char* spec : {"novalue", "=v", ":Int=1", "n:Nope=1", "n:Int=1.5", "n:Int=", "n:Int= 1",
                           "n:Float=abc", "n:Float=inf", "n:Bool=yes", "n:JSON={", "n:JsonArray={}"}) {
    EXPECT_THROW(parseParamOption(spec), UsageError) << spec;
  }
}

TEST(ParamOption, TheMessageSaysHowToWriteIt) {
  try {
    parseParamOption("novalue");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("NAME[:TYPE]=VALUE"), std::string::npos) << e.what();
  }
}

TEST(OutputOption, DeclaresAnOutputWithoutValue) {
  const RunParameter p = outputParameter("model");
  EXPECT_EQ(p.direction, PSJ_DIRECTION_OUTPUT);
  EXPECT_EQ(p.value, "");
  EXPECT_THROW(outputParameter(""), UsageError);
}

TEST(ParamFile, EntriesBecomeParametersWithTextValues) {
  const auto params = parseParamFile(R"([
    {"name":"a","value":"text"},
    {"name":"n","direction":"input","type":"Int","value":42},
    {"name":"f","type":"Float","value":0.1},
    {"name":"b","type":"Bool","value":true},
    {"name":"j","type":"JSON","value":{"k":[1,2,{"x":null}]}},
    {"name":"arr","type":"JsonArray","value":[1,"two"]},
    {"name":"s","type":"Secret","value":"pw"},
    {"name":"o","direction":"Output"},
    {"name":"io","direction":"Input&Output","value":"seed"}])",
                                     "p.json");
  ASSERT_EQ(params.size(), 9u);
  EXPECT_EQ(params[0].value, "text");
  EXPECT_EQ(params[0].dataType, PSJ_TYPE_STRING);
  EXPECT_EQ(params[1].value, "42");
  EXPECT_EQ(params[2].value, "0.1");
  EXPECT_EQ(params[3].value, "true");
  EXPECT_EQ(params[4].value, R"({"k":[1,2,{"x":null}]})");
  EXPECT_EQ(params[5].value, R"([1,"two"])");
  EXPECT_TRUE(params[6].secret);
  EXPECT_EQ(params[7].direction, PSJ_DIRECTION_OUTPUT);
  EXPECT_EQ(params[7].value, "");
  EXPECT_EQ(params[8].direction, PSJ_DIRECTION_INPUT_OUTPUT);
  EXPECT_EQ(params[8].value, "seed");
}

TEST(ParamFile, MalformedFilesAreUsageErrors) {
  for (const char* text : {"", "{}", "[1]", "[{}]", R"([{"name":""}])", R"([{"name":1}])",
                           R"([{"name":"a","direction":"Sideways"}])", R"([{"name":"a","type":"Blob"}])",
                           R"([{"name":"a","type":"Int","value":"x"}])"}) {
    EXPECT_THROW(parseParamFile(text, "p.json"), UsageError) << text;
  }
  EXPECT_THROW(readParamFile("/nonexistent/params.json"), UsageError);
}

TEST(Attribute, NameEqualsValue) {
  const Setting a = parseAttribute("AI Foundry Compute Name=gpu=1");
  EXPECT_EQ(a.key, "AI Foundry Compute Name");
  EXPECT_EQ(a.value, "gpu=1");
  EXPECT_THROW(parseAttribute("novalue"), UsageError);
  EXPECT_THROW(parseAttribute("=v"), UsageError);
}

TEST(Parameters, ANameGivenTwiceIsAUsageError) {
  EXPECT_NO_THROW(checkUniqueNames({parseParamOption("a=1"), outputParameter("b")}));
  EXPECT_THROW(checkUniqueNames({parseParamOption("a=1"), outputParameter("a")}), UsageError);
}

}  // namespace
