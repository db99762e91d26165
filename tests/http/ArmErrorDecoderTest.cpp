#include <gtest/gtest.h>

#include "http/ArmErrorDecoder.h"

namespace aifoundry::http {
namespace {

TEST(ArmErrorDecoder, DecodesAnArmError) {
  const ArmError e = ArmErrorDecoder::decode(
      R"({"error":{"code":"ResourceNotFound","message":"The job 'x' was not found.","target":"id","details":[]}})");
  EXPECT_TRUE(e.structured);
  EXPECT_EQ(e.code, "ResourceNotFound");
  EXPECT_EQ(e.message, "The job 'x' was not found.");
  EXPECT_EQ(e.target, "id");
  EXPECT_EQ(e.summary(), "ResourceNotFound: The job 'x' was not found. (target: id)");
}

TEST(ArmErrorDecoder, PrefersTheFirstDetailWhenTheTopLevelIsGeneric) {
  const ArmError e =
      ArmErrorDecoder::decode(R"({"error":{"code":"UserError","message":"A user error occurred",
        "details":[{"code":"ComputeNotFound","message":"Compute gpu was not found"},{"code":"Other","message":"o"}],
        "innerError":{"code":"NotFound","innerError":{"code":"ComputeNotFoundInner"}}}})");
  EXPECT_EQ(e.code, "ComputeNotFound");
  EXPECT_EQ(e.message, "Compute gpu was not found");
  EXPECT_EQ(e.topCode, "UserError");
  EXPECT_EQ(e.detailCode, "ComputeNotFound");
  EXPECT_EQ(e.innerCode, "ComputeNotFoundInner");
}

TEST(ArmErrorDecoder, KeepsASpecificTopLevelCode) {
  const ArmError e = ArmErrorDecoder::decode(
      R"({"error":{"code":"AuthorizationFailed","message":"no access","details":[{"code":"X","message":"y"}]}})");
  EXPECT_EQ(e.code, "AuthorizationFailed");
  EXPECT_EQ(e.message, "no access");
}

TEST(ArmErrorDecoder, DecodesAnEntraTokenError) {
  const ArmError e = ArmErrorDecoder::decode(R"({"error":"invalid_client",
        "error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: t\r\nCorrelation ID: c",
        "error_codes":[7000215],"timestamp":"2024-01-01 00:00:00Z","trace_id":"trace-1","correlation_id":"corr-1"})");
  EXPECT_EQ(e.code, "AADSTS7000215");
  EXPECT_EQ(e.topCode, "invalid_client");
  EXPECT_EQ(e.message, "AADSTS7000215: Invalid client secret provided.");
  EXPECT_EQ(e.traceId, "trace-1");
  EXPECT_EQ(e.correlationId, "corr-1");
}

TEST(ArmErrorDecoder, EntraCodeFallsBackToErrorCodes) {
  const ArmError e = ArmErrorDecoder::decode(
      R"({"error":"invalid_request","error_description":"bad","error_codes":[90002]})");
  EXPECT_EQ(e.code, "AADSTS90002");
  const ArmError bare = ArmErrorDecoder::decode(R"({"error":"invalid_request"})");
  EXPECT_EQ(bare.code, "invalid_request");
  EXPECT_EQ(bare.message, "invalid_request");
}

TEST(ArmErrorDecoder, NonJsonBodyBecomesAOneLineMessage) {
  const ArmError e = ArmErrorDecoder::decode("<html>\n  <body>502 Bad Gateway</body>\n</html>");
  EXPECT_FALSE(e.structured);
  EXPECT_EQ(e.code, "");
  EXPECT_EQ(e.message, "<html> <body>502 Bad Gateway</body> </html>");
  EXPECT_EQ(ArmErrorDecoder::decode("").summary(), "");
}

TEST(ArmErrorDecoder, HugeBodiesAreTruncated) {
  const ArmError e =
      ArmErrorDecoder::decode(R"({"error":{"code":"X","message":")" + std::string(1 << 20, 'm') + "\"}}");
  EXPECT_LE(e.message.size(), ArmErrorDecoder::kMaxMessage);
  const ArmError text = ArmErrorDecoder::decode(std::string(1 << 20, 'z'));
  EXPECT_LE(text.message.size(), ArmErrorDecoder::kMaxMessage);
}

TEST(ArmErrorDecoder, BodyWithoutEnvelopeIsRead) {
  const ArmError e = ArmErrorDecoder::decode(R"({"code":"RunNotFound","message":"no run"})");
  EXPECT_EQ(e.code, "RunNotFound");
  EXPECT_EQ(e.message, "no run");
}

}  // namespace
}  // namespace aifoundry::http
