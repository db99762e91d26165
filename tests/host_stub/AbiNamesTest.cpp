// Names of directions, data types, states and error codes; exit codes.
#include <gtest/gtest.h>

#include "polysync_host/AbiNames.h"
#include "polysync_host/Errors.h"
#include "polysync_host/ExitCodes.h"
#include "polysync_host/ResultJson.h"

namespace {

using namespace polysync::host;

TEST(AbiNames, DirectionsUsePolysyncNamesAndUnsetReadsAsInput) {
  EXPECT_STREQ(directionName(PSJ_DIRECTION_UNSET), "Input");
  EXPECT_STREQ(directionName(PSJ_DIRECTION_INPUT_OUTPUT), "Input&Output");
  EXPECT_EQ(parseDirection("input&output"), PSJ_DIRECTION_INPUT_OUTPUT);
  EXPECT_EQ(parseDirection("Both"), std::nullopt);
}

TEST(AbiNames, DataTypesRoundTrip) {
  for (int32_t t = PSJ_TYPE_STRING; t <= PSJ_TYPE_JSON_ARRAY; ++t)
    EXPECT_EQ(parseDataType(dataTypeName(t)), t);
  EXPECT_EQ(parseDataType("JSONARRAY"), PSJ_TYPE_JSON_ARRAY);
  EXPECT_EQ(parseDataType("Blob"), std::nullopt);
}

TEST(AbiNames, StatesAreClassifiedByBand) {
  EXPECT_STREQ(stateName(PSJ_STATE_STARTING), "Starting");
  EXPECT_STREQ(stateName(PSJ_STATE_CANCELLED), "Cancelled");
  EXPECT_STREQ(stateName(55), "Unknown");  // a live state added later
  EXPECT_STREQ(stateName(150), "Failed");  // a terminal state added later
}

TEST(AbiNames, CapabilitiesAreNamedAndUnknownBitsKept) {
  const auto names = capabilityNames(PSJ_CAP_IMPORT | PSJ_CAP_CANCEL | 0x100u);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], "import");
  EXPECT_EQ(names[2], "0x100");
}

TEST(ErrorCodes, EveryCodeHasItsNameAndUnknownCodesAreInternal) {
  EXPECT_STREQ(errorCodeName(PSJ_E_RATE_LIMITED), "RateLimited");
  EXPECT_STREQ(errorCodeName(PSJ_E_INVALID_SETTINGS), "InvalidSettings");
  EXPECT_STREQ(errorCodeName(PSJ_E_UNSUPPORTED), "Unsupported");
  EXPECT_STREQ(errorCodeName(PSJ_E_INTERNAL), "Internal");
  EXPECT_STREQ(errorCodeName(77), "Internal");
  EXPECT_STREQ(errorCodeName(-5), "Internal");
}

TEST(ExitCodes, WaitExitCodesFollowTheTerminalState) {
  EXPECT_EQ(exitCodeForTerminalState(PSJ_STATE_SUCCESS), 0);
  EXPECT_EQ(exitCodeForTerminalState(PSJ_STATE_FAILED), 4);
  EXPECT_EQ(exitCodeForTerminalState(PSJ_STATE_CANCELLED), 5);
  EXPECT_EQ(exitCodeForTerminalState(150), 4);
  EXPECT_EQ(kExitWaitTimedOut, 6);
}

TEST(ExitCodes, CheckPluginFailuresHaveTheirOwnCode) {
  // A contract: scripts tell a failed conformance check from a usage error (2) or a host refusal (3).
  EXPECT_EQ(kExitChecksFailed, 7);
  for (int other : {kExitOk, kExitFailed, kExitUsage, kExitPluginLoad, kExitRunFailed, kExitRunCancelled,
                    kExitWaitTimedOut}) {
    EXPECT_NE(kExitChecksFailed, other);
  }
}

Failure failureOf(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (...) {
    return currentFailure();
  }
}

TEST(ExitCodes, FailuresMapToCodesAndExitCodes) {
  Failure f = failureOf(std::make_exception_ptr(UsageError("u")));
  EXPECT_EQ(f.exitCode, 2);
  EXPECT_EQ(f.code, "Usage");
  f = failureOf(std::make_exception_ptr(PluginLoadError("p")));
  EXPECT_EQ(f.exitCode, 3);
  EXPECT_EQ(f.code, "PluginLoad");
  f = failureOf(std::make_exception_ptr(OperationError(PSJ_E_UNAVAILABLE, "down", 250)));
  EXPECT_EQ(f.exitCode, 1);
  EXPECT_EQ(f.code, "Unavailable");
  EXPECT_EQ(f.retryAfterMs, 250);
  f = failureOf(std::make_exception_ptr(std::runtime_error("boom")));
  EXPECT_EQ(f.exitCode, 1);
  EXPECT_EQ(f.code, "Internal");
}

}  // namespace
