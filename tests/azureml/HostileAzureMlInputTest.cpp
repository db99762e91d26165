// Hostile input to the pure azureml/ layer (docs/reliability.md): what a broken or malicious service, proxy
// or template can send. Each case ends in a valid result or one AzureMlError with a one-line, bounded
// message; nothing is silently lost (what is accepted reaches the request body byte for byte). Bounds are
// asserted as sizes, never as times; the deep cases would overflow the stack of a recursive parser under
// ASan.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TestJson.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/InputOverlay.h"
#include "azureml/JobDecoder.h"
#include "azureml/JobListPage.h"
#include "azureml/LiteralValueText.h"
#include "azureml/RunHistoryDecoder.h"
#include "azureml/TemplateCloner.h"
#include "azureml/WorkspaceDecoder.h"
#include "http/ArmErrorDecoder.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;
using core::Parameter;

using test::errorOf;

const WorkspaceRef kWs{"00000000-1111-2222-3333-444444444444", "test-rg", "my-aml-workspace"};
constexpr std::size_t kMessageBound = 4096;  // no error message may grow with the input

std::string nested(std::size_t depth, const std::string& inner = "1") {
  return std::string(depth, '[') + inner + std::string(depth, ']');
}

std::string pipeline(const std::string& inputs, const std::string& jobs = "{}") {
  return R"({"name":"tpl","properties":{"jobType":"Pipeline","displayName":"T","inputs":)" + inputs +
         R"(,"jobs":)" + jobs + "}}";
}

void expectOneBoundedLine(const std::string& message) {
  EXPECT_FALSE(message.empty());
  EXPECT_EQ(message.find_first_of("\r\n"), std::string::npos) << message.substr(0, 200);
  EXPECT_LE(message.size(), kMessageBound);
}

Parameter param(std::string name, DataType type, std::string value) {
  Parameter p;
  p.name = std::move(name);
  p.dataType = type;
  p.value = common::SecretString(value);
  return p;
}

CloneRequest request(std::vector<Parameter> parameters) {
  CloneRequest r;
  r.templateName = "tpl";
  r.parameters = std::move(parameters);
  return r;
}

TEST(HostileInput, NestingDeeperThanTheLimitIsRefusedByEveryDecoder) {
  const std::string deep = nested(common::JsonView::kMaxDepth + 1);
  EXPECT_FALSE(common::JsonView::isValid(deep));
  const std::string job = R"({"properties":{"jobType":"Pipeline","jobs":)" + nested(200000) + "}}";
  for (const std::string& body : {deep, job}) {
    expectOneBoundedLine(errorOf([&] { JobDecoder::decode(body); }).what());
    expectOneBoundedLine(errorOf([&] { JobListPage::decode(body); }).what());
    expectOneBoundedLine(errorOf([&] { RunHistoryDecoder::decodeRun(body); }).what());
    expectOneBoundedLine(errorOf([&] { RunHistoryDecoder::decodeChildren(body); }).what());
    expectOneBoundedLine(errorOf([&] { WorkspaceDecoder::decode(body); }).what());
    expectOneBoundedLine(errorOf([&] { TemplateCloner(kWs).buildRequestBody(body, request({})); }).what());
    EXPECT_EQ(errorOf([&] { JobDecoder::decode(body); }).code(), errc::InvalidJson);
    const http::ArmError error = http::ArmErrorDecoder::decode(body);  // never throws: the text, cut short
    EXPECT_LE(error.message.size(), http::ArmErrorDecoder::kMaxMessage);
  }
  // Unclosed nesting (a truncated body) is refused the same way.
  EXPECT_EQ(errorOf([&] { JobDecoder::decode(std::string(1 << 20, '[')); }).code(), errc::InvalidJson);
  EXPECT_EQ(errorOf([&] { JobDecoder::decode(std::string(1 << 20, '{')); }).code(), errc::InvalidJson);
}

TEST(HostileInput, NestingWithinTheLimitIsWalkedAndCopiedWithoutLoss) {
  const std::string deepValue = nested(common::JsonView::kMaxDepth - 10);
  const std::string inputs =
      R"({"lr":{"jobInputType":"literal","value":"0.1"},"odd":{"jobInputType":"literal","value":)" +
      deepValue + "}}";
  const std::string tpl = pipeline(inputs, R"({"step":)" + deepValue + "}");
  const Job job = JobDecoder::decode(tpl);
  ASSERT_EQ(job.inputs.size(), 2u);
  EXPECT_EQ(job.inputs[1].value, deepValue);  // a non-string value is kept as its raw text
  const std::string body =
      test::plain(TemplateCloner(kWs).buildRequestBody(tpl, request({param("lr", DataType::Float, "0.5")})));
  EXPECT_TRUE(common::JsonView::isValid(body));
  EXPECT_EQ(test::at(body, {"properties", "jobs", "step"}), deepValue);
  EXPECT_EQ(test::at(body, {"properties", "inputs", "odd", "value"}), deepValue);
}

TEST(HostileInput, HugeBodiesAreDecodedInOnePassAndCopiedWhole) {
  // 8 MiB of jobs: spliced, never parsed into a tree; the body grows only by the overlay and tags.
  const std::string bigText(8u << 20, 'x');
  const std::string tpl =
      pipeline(R"({"n":{"jobInputType":"literal","value":"1"}})", R"({"s":{"blob":")" + bigText + R"("}})");
  const std::string body =
      test::plain(TemplateCloner(kWs).buildRequestBody(tpl, request({param("n", DataType::Int, "2")})));
  EXPECT_LT(body.size(), tpl.size() + 1024);
  EXPECT_NE(body.find(bigText), std::string::npos);
  // A list page with 20,000 jobs streams one job at a time.
  std::string page = R"({"value":[)";
  for (int i = 0; i < 20000; ++i)
    page += (i ? "," : "") + std::string(R"({"name":"j)") + std::to_string(i) + R"("})";
  page += R"(],"nextLink":"https://example/next"})";
  std::size_t seen = 0;
  EXPECT_EQ(JobListPage::forEachJob(page, [&](const Job&) { ++seen; }), "https://example/next");
  EXPECT_EQ(seen, 20000u);
  // A huge error body: one line, cut to the limit.
  const http::ArmError error =
      http::ArmErrorDecoder::decode(R"({"error":{"code":"E","message":")" + bigText + "\"}}");
  EXPECT_LE(error.message.size(), http::ArmErrorDecoder::kMaxMessage);
  EXPECT_EQ(error.code, "E");
}

TEST(HostileInput, InvalidUtf8AndNulBytesAreRefusedOrKeptExactly) {
  // Raw control bytes (NUL included) are not allowed inside JSON strings: refused as InvalidJson.
  const std::string withNul =
      std::string(R"({"properties":{"jobType":"Pipeline","displayName":"a)") + '\0' + R"(b"}})";
  EXPECT_EQ(errorOf([&] { JobDecoder::decode(withNul); }).code(), errc::InvalidJson);
  expectOneBoundedLine(errorOf([&] { JobDecoder::decode(withNul); }).what());
  // A NUL after the document: trailing garbage, refused.
  EXPECT_FALSE(common::JsonView::isValid(std::string("{}") + '\0'));
  // An escaped NUL is valid JSON: decoded, and a template carrying it is copied unchanged.
  const Job escaped = JobDecoder::decode(R"({"properties":{"jobType":"Pipeline","displayName":"a\u0000b"}})");
  EXPECT_EQ(escaped.displayName, std::string("a\0b", 3));
  // Bytes that are not UTF-8 inside a string: either refused as InvalidJson or kept byte for byte.
  const std::string badUtf8 = "\xff\xfe\xc3\x28\xed\xa0\x80";
  const std::string tpl = pipeline(R"({"t":{"jobInputType":"literal","value":")" + badUtf8 + R"("}})",
                                   R"({"s":{"name":")" + badUtf8 + R"("}})");
  try {
    const std::string body = test::plain(TemplateCloner(kWs).buildRequestBody(tpl, request({})));
    EXPECT_NE(body.find(R"("name":")" + badUtf8 + "\""), std::string::npos) << "the bytes changed on the way";
  } catch (const AzureMlError& e) {
    EXPECT_EQ(e.code(), errc::InvalidJson);
    expectOneBoundedLine(e.what());
  }
  // Error bodies with such bytes still give one bounded line.
  const http::ArmError error = http::ArmErrorDecoder::decode(
      std::string("{\"error\":{\"code\":\"E\",\"message\":\"a\\n") + badUtf8 + "\\r\\nb\"}}");
  EXPECT_EQ(error.message.find_first_of("\r\n"), std::string::npos);
}

TEST(HostileInput, NumbersOutOfRangeAreRefusedAsParametersAndKeptVerbatimInTemplates) {
  for (const char* value :
       {"9223372036854775808", "-9223372036854775809", "99999999999999999999999", "1e19", "0x10"}) {
    const AzureMlError e = errorOf([&] { LiteralValueText::of(param("n", DataType::Int, value)); });
    EXPECT_EQ(e.code(), errc::InvalidParameterValue) << value;
    expectOneBoundedLine(e.what());
  }
  for (const char* value : {"1e400", "-1e400", "nan", "inf", "1e-400x"}) {
    const AzureMlError e = errorOf([&] { LiteralValueText::of(param("x", DataType::Float, value)); });
    EXPECT_EQ(e.code(), errc::InvalidParameterValue) << value;
  }
  EXPECT_EQ(LiteralValueText::of(param("n", DataType::Int, "-9223372036854775808")).view(),
            "-9223372036854775808");
  // Numbers no double can hold, inside a template or a JSON parameter: copied as written, never rounded.
  const std::string huge = "123456789012345678901234567890e400";
  const std::string tpl =
      pipeline(R"({"j":{"jobInputType":"literal","value":"{}"}})", R"({"s":{"n":)" + huge + "}}");
  const std::string body = test::plain(TemplateCloner(kWs).buildRequestBody(
      tpl, request({param("j", DataType::Json, R"({"n":)" + huge + "}")})));
  EXPECT_EQ(test::at(body, {"properties", "jobs", "s", "n"}), huge);
  EXPECT_NE(test::at(body, {"properties", "inputs", "j", "value"}).find(huge), std::string::npos);
}

TEST(HostileInput, WrongTypesInEveryFieldDecodeLeniently) {
  const std::vector<std::string> odd = {"null", "true",    "42", "-1.5e300",         R"("text")",
                                        "[]",   "[1,[2]]", "{}", R"({"a":{"b":[]}})"};
  const std::vector<std::string> jobFields = {
      "displayName", "description", "jobType",  "status",   "experimentName", "computeId",
      "tags",        "inputs",      "outputs",  "identity", "services",       "startTime",
      "endTime",     "error",       "settings", "jobs",     "properties"};
  std::size_t decoded = 0;
  for (const std::string& field : jobFields) {
    for (const std::string& value : odd) {
      const std::string body = R"({"name":"n","id":"i","properties":{"jobType":"Pipeline",")" + field +
                               "\":" + value + R"(,"inputs":{"a":{"jobInputType":"literal","value":"1"}}}})";
      SCOPED_TRACE(field + "=" + value);
      const Job job = JobDecoder::decode(body);
      (void)ImportedJobSchema::from(job);
      ++decoded;
      // The template clones unless the field it needs is unusable (then: one typed error).
      try {
        const std::string put = test::plain(TemplateCloner(kWs).buildRequestBody(body, request({})));
        EXPECT_TRUE(common::JsonView::isValid(put));
      } catch (const AzureMlError& e) {
        expectOneBoundedLine(e.what());
      }
    }
  }
  EXPECT_EQ(decoded, jobFields.size() * odd.size());
  // The whole document, and every member of inputs/outputs, of the wrong type.
  for (const std::string& value : odd) {
    SCOPED_TRACE(value);
    try {
      (void)JobDecoder::decode(value);
    } catch (const AzureMlError& e) {
      EXPECT_EQ(e.code(), errc::InvalidJson);
    }
    (void)JobDecoder::decode(R"({"properties":{"inputs":{"a":)" + value + R"(},"outputs":{"b":)" + value +
                             "}}}");
    (void)RunHistoryDecoder::decodeRun(R"({"runId":)" + value + R"(,"status":)" + value + R"(,"error":)" +
                                       value + "}");
    try {
      (void)RunHistoryDecoder::decodeChildren(R"({"value":)" + value + R"(,"continuationToken":)" + value +
                                              "}");
    } catch (const AzureMlError& e) {
      EXPECT_EQ(e.code(), errc::InvalidJson);
    }
    try {
      (void)JobListPage::decode(R"({"value":[)" + value + R"(],"nextLink":)" + value + "}");
    } catch (const AzureMlError& e) {
      EXPECT_EQ(e.code(), errc::InvalidJson);
    }
    const http::ArmError error =
        http::ArmErrorDecoder::decode(R"({"error":)" + value + R"(,"error_description":)" + value + "}");
    EXPECT_EQ(error.message.find_first_of("\r\n"), std::string::npos);
  }
}

TEST(HostileInput, OversizedParameterValuesReachTheBodyWholeAndNamesStayOutOfLongMessages) {
  const std::string big(4u << 20, 'v');  // 4 MiB: Azure decides; we neither cut nor copy it twice
  const std::string tpl = pipeline(R"({"s":{"jobInputType":"literal","value":"x"}})");
  const std::string body =
      test::plain(TemplateCloner(kWs).buildRequestBody(tpl, request({param("s", DataType::String, big)})));
  EXPECT_EQ(common::JsonView::parse(body, "body")
                .member("properties")
                ->member("inputs")
                ->member("s")
                ->member("value")
                ->text(),
            big);
  EXPECT_LT(body.size(), big.size() + 1024);
  // A 1 MiB parameter name that matches no input: the error names it, cut short, on one line.
  const std::string longName(1u << 20, 'n');
  const AzureMlError missing = errorOf(
      [&] { TemplateCloner(kWs).buildRequestBody(tpl, request({param(longName, DataType::String, "x")})); });
  EXPECT_EQ(missing.code(), errc::InputNotFound);
  expectOneBoundedLine(missing.what());
  // A name with line breaks and control bytes: still one line.
  const AzureMlError control = errorOf([&] {
    TemplateCloner(kWs).buildRequestBody(tpl, request({param("a\r\nb\x1b[31m", DataType::String, "x")}));
  });
  expectOneBoundedLine(control.what());
  // 10,000 parameters: each checked once; the error lists what is missing without growing without bound.
  std::vector<Parameter> many;
  for (int i = 0; i < 10000; ++i) many.push_back(param("p" + std::to_string(i), DataType::String, "x"));
  const AzureMlError manyMissing = errorOf([&] { TemplateCloner(kWs).buildRequestBody(tpl, request(many)); });
  EXPECT_EQ(manyMissing.code(), errc::InputNotFound);
  expectOneBoundedLine(manyMissing.what());
}

}  // namespace
}  // namespace aifoundry::azureml
