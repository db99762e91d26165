// polysync-host-stub against the scripted test plugin: every command's JSON document and exit code.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <csignal>
#include <string>
#include <vector>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::string kGood = std::string(HOST_TEST_PLUGINS) + "/good";
const std::string kJobType = "test.scripted-job";

HostResult scripted(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
  args.insert(args.begin(), {"--json", "--plugin-dir", kGood});
  return runHost(args, env);
}

std::string platform(const std::string& name, const std::string& json) {
  return host_test::writeTempFile(name, json);
}

Object::Ptr error(const HostResult& r) { return r.json()->getObject("error"); }

TEST(CliScripted, PluginsListsThePluginFromItsManifestAndEntry) {
  const HostResult r = scripted({"plugins"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto plugins = r.json()->getArray("plugins");
  ASSERT_EQ(plugins->size(), 1u);
  const auto p = plugins->getObject(0);
  EXPECT_EQ(p->getValue<std::string>("id"), "test.scripted");
  EXPECT_EQ(p->getValue<std::string>("version"), "1.2.3");
  EXPECT_EQ(p->getValue<std::string>("library"), "host_scripted_plugin.so");
  EXPECT_EQ(p->getObject("abi")->getValue<int>("major"), 1);
  EXPECT_EQ(p->getObject("abi")->getValue<int>("effectiveMinor"), 1);
  EXPECT_EQ(p->getArray("jobTypes")->getObject(0)->getValue<std::string>("displayName"), "Scripted Job");
}

TEST(CliScripted, TestConnectionOkPrintsOkAndTheMessage) {
  const HostResult r = scripted({"test-connection", "--job-type", kJobType});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(r.json()->getValue<bool>("ok"));
  EXPECT_NE(r.json()->getValue<std::string>("message").find("scripted platform OK"), std::string::npos);
}

TEST(CliScripted, JobTypeMayBeGivenByDisplayName) {
  const HostResult r = scripted({"test-connection", "--job-type", "scripted job"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST(CliScripted, PlatformFileBecomesSettingsWithSecretFlagsAndSecretsAreNeverPrinted) {
  const std::string file = platform("secrets.json", R"({"Api Key":"k3y-VALUE-1","Password":"pa55-VALUE-2",
      "Client Secret":"s3cret-VALUE-3","Plain":"visible","Port":8080,"Flag":true,"Unset":null})");
  const HostResult r =
      scripted({"--log-level", "trace", "--platform", file, "test-connection", "--job-type", kJobType});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string message = r.json()->getValue<std::string>("message");
  EXPECT_NE(message.find("6 settings"), std::string::npos) << message;
  EXPECT_NE(message.find("secret: Api Key,Client Secret,Password"), std::string::npos) << message;
  for (const char* secret : {"k3y-VALUE-1", "pa55-VALUE-2", "s3cret-VALUE-3"}) {
    EXPECT_EQ(r.out.find(secret), std::string::npos) << secret;
    EXPECT_EQ(r.err.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(r.err.find("visible"), std::string::npos) << "non-secret settings are logged at debug";
}

TEST(CliScripted, TestConnectionFailureIsOkFalseWithTheErrorAndExit1) {
  const std::string file = platform("auth.json", R"({"Scenario":"auth"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_FALSE(r.json()->getValue<bool>("ok"));
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Authentication");
  EXPECT_EQ(r.json()->getValue<std::string>("message"), "bad credentials for the scripted platform");
}

TEST(CliScripted, RetryAfterIsReportedWithRetryableErrors) {
  const std::string file = platform("throttled.json", R"({"Scenario":"throttled"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "RateLimited");
  EXPECT_EQ(error(r)->getValue<int64_t>("retryAfterMs"), 1500);
}

TEST(CliScripted, CreateFailureIsReportedAsInvalidSettings) {
  const std::string file = platform("failcreate.json", R"({"Fail Create":"yes"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "InvalidSettings");
}

TEST(CliScripted, HostTokenComesFromTheEnvironmentAndIsNeverPrinted) {
  const std::string file = platform("token.json", R"({"Scenario":"token"})");
  const HostResult r =
      scripted({"--log-level", "trace", "--platform", file, "test-connection", "--job-type", kJobType},
               {{"POLYSYNC_HOST_TOKEN", "tok-SECRET-123"}});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("message"), "host token of 14 bytes");
  EXPECT_EQ(r.out.find("tok-SECRET-123"), std::string::npos);
  EXPECT_EQ(r.err.find("tok-SECRET-123"), std::string::npos);
}

TEST(CliScripted, HostTokenComesFromTheFileNamedByTheEnvironmentOrTheOption) {
  const std::string file = platform("token2.json", R"({"Scenario":"token"})");
  const std::string tokenFile = host_test::writeTempFile("token.txt", "abcdef\n");
  HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType},
                          {{"POLYSYNC_HOST_TOKEN_FILE", tokenFile}});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("message"), "host token of 6 bytes");
  r = scripted(
      {"--platform", file, "--host-token-file", tokenFile, "test-connection", "--job-type", kJobType});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("message"), "host token of 6 bytes");
}

TEST(CliScripted, NoHostTokenIsAuthenticationWithAOneLineReason) {
  const std::string file = platform("token3.json", R"({"Scenario":"token"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Authentication");
  EXPECT_NE(error(r)->getValue<std::string>("message").find("POLYSYNC_HOST_TOKEN"), std::string::npos);
}

TEST(CliScripted, CallTimeoutInterruptsABlockedCall) {
  const std::string file = platform("block.json", R"({"Scenario":"block"})");
  const HostResult r =
      scripted({"--call-timeout", "0.2", "--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Timeout");
}

TEST(CliScripted, ImportListsJobsWithTheirParameterSchema) {
  const HostResult r = scripted({"import", "--job-type", kJobType});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto jobs = r.json()->getArray("jobs");
  ASSERT_EQ(jobs->size(), 2u);
  const auto train = jobs->getObject(0);
  EXPECT_EQ(train->getValue<std::string>("externalId"), "train-pipeline");
  EXPECT_EQ(train->getValue<std::string>("name"), "Train");
  EXPECT_EQ(train->getValue<std::string>("description"), "Trains a model");
  EXPECT_EQ(train->getValue<std::string>("jobType"), "Scripted Job");
  const auto params = train->getArray("parameters");
  ASSERT_EQ(params->size(), 4u);
  EXPECT_EQ(params->getObject(0)->getValue<std::string>("name"), "learning_rate");
  EXPECT_EQ(params->getObject(0)->getValue<std::string>("direction"), "Input");
  EXPECT_EQ(params->getObject(0)->getValue<std::string>("type"), "Float");
  EXPECT_EQ(params->getObject(0)->getValue<std::string>("default"), "0.01");
  EXPECT_TRUE(params->getObject(1)->isNull("default"));
  EXPECT_EQ(params->getObject(1)->getValue<std::string>("type"), "Int");
  EXPECT_FALSE(params->getObject(2)->getValue<bool>("overridable"));
  EXPECT_EQ(params->getObject(3)->getValue<std::string>("direction"), "Output");
  EXPECT_EQ(jobs->getObject(1)->getArray("parameters")->size(), 0u);
}

TEST(CliScripted, ImportPassesTheFilter) {
  const HostResult r = scripted({"import", "--job-type", kJobType, "--filter", "none"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getArray("jobs")->size(), 0u);
}

TEST(CliScripted, RunReportsStartingWithoutPolling) {
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "ends-success"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId"), "run-ends-success");
  EXPECT_EQ(doc->getValue<std::string>("status"), "Starting");
  EXPECT_TRUE(doc->has("providerStatus"));
  EXPECT_TRUE(doc->isNull("providerStatus"));
  EXPECT_EQ(doc->getValue<std::string>("monitorUrl"), "https://monitor.example/runs/run-ends-success");
}

TEST(CliScripted, RunOfAMissingJobIsNotFoundExit1) {
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "missing"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "NotFound");
}

TEST(CliScripted, RunWaitEndingInSuccessExits0WithOutputsWrittenBack) {
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "ends-success", "--output",
                                 "model", "--wait", "--poll-interval", "0.01"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  for (const char* key :
       {"runId", "status", "providerStatus", "startTime", "endTime", "message", "outputs", "monitorUrl"}) {
    EXPECT_TRUE(doc->has(key)) << key;
  }
  EXPECT_EQ(doc->getValue<std::string>("status"), "Success");
  EXPECT_EQ(doc->getValue<std::string>("providerStatus"), "Completed");
  EXPECT_EQ(doc->getValue<std::string>("startTime"), "2024-05-01T12:00:00.123Z");
  EXPECT_EQ(doc->getValue<std::string>("endTime"), "2024-05-01T13:00:00.456Z");
  EXPECT_TRUE(doc->isNull("message"));
  EXPECT_EQ(doc->getObject("outputs")->getValue<std::string>("model"), "out-model");
}

TEST(CliScripted, RunWaitWithoutATerminalPrintsOneLinePerStatusChange) {
  const HostResult r = scripted(
      {"run", "--job-type", kJobType, "--external-id", "ends-success", "--wait", "--poll-interval", "0.01"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("run run-ends-success: Starting (Queued)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run run-ends-success: Running (Running)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run run-ends-success: Success (Completed)"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no live line when stderr is not a terminal";
  const std::string monitor =
      "run run-ends-success: Monitor URL https://monitor.example/runs/run-ends-success\n";
  EXPECT_NE(r.err.find(monitor), std::string::npos) << "the submission's Monitor URL:\n" << r.err;
  EXPECT_EQ(r.err.find("Monitor URL"), r.err.rfind("Monitor URL")) << "shown once:\n" << r.err;
}

TEST(CliScripted, RunWaitOnATerminalRedrawsTheLiveLineWhileAPollTakesLong) {
  // The second poll of run-slow-poll takes 3 s; the pause before it is 10 ms.
  const HostResult r =
      host_test::runOnTerminal({"--plugin-dir", kGood, "--log-level", "warn", "run", "--job-type", kJobType,
                                "--external-id", "slow-poll", "--wait"});
  ASSERT_EQ(r.exitCode, 0) << r.out;
  // While a poll is under way the line says "polling": the waiter draws it once as the pause ends; more
  // such draws come from the redraw that keeps the elapsed time moving during the slow poll.
  const std::string polling = "run run-slow-poll: Running (Running)  ";
  size_t pollingDraws = 0;
  for (size_t at = r.out.find(polling); at != std::string::npos; at = r.out.find(polling, at + 1)) {
    const size_t end = r.out.find('\r', at);
    if (r.out.substr(at, end - at).find("  polling") != std::string::npos) ++pollingDraws;
  }
  EXPECT_GE(pollingDraws, 2u) << r.out;
  EXPECT_NE(r.out.find("  next poll in 0:01"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Success"), r.out.rfind("Success")) << "the final status is printed once:\n" << r.out;
}

TEST(CliScripted, RunWaitEndingInFailedExits4WithTheMessage) {
  const HostResult r = scripted(
      {"run", "--job-type", kJobType, "--external-id", "ends-failed", "--wait", "--poll-interval", "0.01"});
  EXPECT_EQ(r.exitCode, 4) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Failed");
  EXPECT_EQ(r.json()->getValue<std::string>("message"), "step 'train' failed: out of memory");
}

TEST(CliScripted, RunWaitEndingInCancelledExits5) {
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "ends-cancelled", "--wait",
                                 "--poll-interval", "0.01"});
  EXPECT_EQ(r.exitCode, 5) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Cancelled");
}

TEST(CliScripted, RunWaitTimeoutExits6AndLeavesTheRunGoing) {
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "forever", "--wait",
                                 "--poll-interval", "0.01", "--timeout", "0.2"});
  EXPECT_EQ(r.exitCode, 6) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("status"), "Running");
  EXPECT_TRUE(doc->getValue<bool>("timedOut"));
  EXPECT_FALSE(doc->getValue<bool>("cancelRequested"));
}

TEST(CliScripted, RunWaitTimeoutWithCancelOnTimeoutCancelsTheRunAndExits6) {
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "forever", "--wait",
                                 "--poll-interval", "0.01", "--timeout", "0.2", "--cancel-on-timeout"});
  EXPECT_EQ(r.exitCode, 6) << r.err;
  const auto doc = r.json();
  EXPECT_TRUE(doc->getValue<bool>("cancelRequested"));
  EXPECT_EQ(doc->getValue<std::string>("providerStatus"), "CancelRequested");
}

TEST(CliScripted, RunWaitRetriesARetryablePollFailure) {
  const HostResult r = scripted(
      {"run", "--job-type", kJobType, "--external-id", "flaky", "--wait", "--poll-interval", "0.01"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("Unavailable"), std::string::npos) << r.err;
}

TEST(CliScripted, SecretParametersAreFlaggedAndNeverPrinted) {
  const HostResult r =
      scripted({"--log-level", "trace", "run", "--job-type", kJobType, "--external-id", "ends-success",
                "--param", "pw:Secret=hunter2-XYZ", "--param", "epochs:int=5", "--param", "note=hi"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.find("hunter2-XYZ"), std::string::npos);
  EXPECT_EQ(r.err.find("hunter2-XYZ"), std::string::npos);
  EXPECT_NE(r.err.find("parameter pw Input Secret = ***"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("idempotency key "), std::string::npos) << "a generated key is logged at debug";
}

TEST(CliScripted, ParamFileParametersArePassed) {
  const std::string file = host_test::writeTempFile("params.json", R"([
      {"name":"epochs","direction":"Input","type":"Int","value":5},
      {"name":"cfg","type":"JSON","value":{"a":[1,2]}},
      {"name":"model","direction":"Output"}])");
  const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "ends-success",
                                 "--param-file", file, "--wait", "--poll-interval", "0.01"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getObject("outputs")->getValue<std::string>("model"), "out-model");
}

TEST(CliScripted, BadParamSyntaxIsAUsageErrorExit2) {
  for (const char* spec : {"novalue", "x:Weird=1", "n:Int=abc", "=v", "b:Bool=maybe", "j:JsonArray={}"}) {
    const HostResult r = scripted({"run", "--job-type", kJobType, "--external-id", "e", "--param", spec});
    EXPECT_EQ(r.exitCode, 2) << spec;
    EXPECT_EQ(error(r)->getValue<std::string>("code"), "Usage") << spec;
    EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
  }
}

TEST(CliScripted, UnreadableOrMalformedInputFilesAreUsageErrors) {
  const std::string bad = host_test::writeTempFile("bad.json", "[1,");
  const std::string array = host_test::writeTempFile("array.json", "[1]");
  const std::vector<std::vector<std::string>> cases{
      {"--platform", "/nonexistent/platform.json", "test-connection", "--job-type", kJobType},
      {"--platform", bad, "test-connection", "--job-type", kJobType},
      {"--platform", array, "test-connection", "--job-type", kJobType},
      {"run", "--job-type", kJobType, "--external-id", "e", "--param-file", "/nonexistent/p.json"},
      {"run", "--job-type", kJobType, "--external-id", "e", "--param-file", bad},
      {"run", "--job-type", kJobType, "--external-id", "e", "--param-file", array}};
  for (const auto& args : cases) {
    const HostResult r = scripted(args);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(error(r)->getValue<std::string>("code"), "Usage");
  }
}

TEST(CliScripted, UsageErrorsExit2WithOneLine) {
  const std::vector<std::vector<std::string>> cases{
      {"frobnicate"},
      {},
      {"test-connection"},
      {"run", "--job-type", kJobType},
      {"poll", "--job-type", kJobType},
      {"poll", "--job-type", kJobType, "a", "b"},
      {"plugins", "--external-id", "x"},
      {"run", "--job-type", kJobType, "--external-id", "e", "--timeout", "5"},
      {"run", "--job-type", kJobType, "--external-id", "e", "--wait", "--poll-interval", "-1"},
      {"--no-such-option", "plugins"},
      {"test-connection", "--job-type", "no.such-type"}};
  for (const auto& args : cases) {
    const HostResult r = scripted(args);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(error(r)->getValue<std::string>("code"), "Usage") << r.out;
    EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
  }
}

TEST(CliScripted, PollPrintsTheStatusDocument) {
  const HostResult r = scripted({"poll", "--job-type", kJobType, "finished", "--output", "model"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId"), "finished");
  EXPECT_EQ(doc->getValue<std::string>("status"), "Success");
  EXPECT_EQ(doc->getValue<std::string>("monitorUrl"), "https://monitor.example/runs/x");
  EXPECT_EQ(doc->getObject("outputs")->getValue<std::string>("model"), "out-model");
}

TEST(CliScripted, PollOfALiveRunHasNullTimes) {
  const HostResult r = scripted({"poll", "--job-type", kJobType, "run-forever"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Running");
  EXPECT_TRUE(r.json()->isNull("startTime"));
  EXPECT_TRUE(r.json()->isNull("endTime"));
  EXPECT_EQ(r.json()->getObject("outputs")->size(), 0u);
}

TEST(CliScripted, PollOfAnUnknownRunIsNotFoundExit1) {
  const HostResult r = scripted({"poll", "--job-type", kJobType, "nope"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "NotFound");
}

TEST(CliScripted, CancelReportsTheStatusThatFollows) {
  HostResult r = scripted({"cancel", "--job-type", kJobType, "run-forever"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Running");
  EXPECT_EQ(r.json()->getValue<std::string>("providerStatus"), "CancelRequested");
  r = scripted({"cancel", "--job-type", kJobType, "finished"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Success");
}

TEST(CliScripted, WithoutJsonTheOutputIsForPeople) {
  const HostResult r = runHost({"--plugin-dir", kGood, "plugins"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("test.scripted 1.2.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Scripted Job"), std::string::npos) << r.out;
}

TEST(CliScripted, HelpExits0) {
  const HostResult r = runHost({"--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("usage: polysync-host-stub"), std::string::npos);
}

TEST(CliScripted, PluginFolderComesFromTheEnvironment) {
  const HostResult r = runHost({"--json", "plugins"}, {{"POLYSYNC_PLUGIN_DIR", kGood}});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getArray("plugins")->getObject(0)->getValue<std::string>("id"), "test.scripted");
}

}  // namespace

namespace {

TEST(CliSignals, SigintInterruptsARunningCallThroughThePluginsHandler) {
  const std::string file = host_test::writeTempFile("block-signal.json", R"({"Scenario":"block"})");
  host_test::RunningHost running({"--json", "--plugin-dir", kGood, "--call-timeout", "0", "--platform", file,
                                  "test-connection", "--job-type", kJobType});
  ASSERT_TRUE(running.waitForStderr("blocking until interrupted"));
  running.signal(SIGINT);
  const HostResult r = running.finish();
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "Interrupted");
}

TEST(CliSignals, SigtermStopsAWaitAndTheRunGoesOn) {
  host_test::RunningHost running({"--json", "--plugin-dir", kGood, "run", "--job-type", kJobType,
                                  "--external-id", "forever", "--wait", "--poll-interval", "0.05"});
  ASSERT_TRUE(running.waitForStderr("run run-forever: Running"));
  running.signal(SIGTERM);
  const HostResult r = running.finish();
  EXPECT_EQ(r.exitCode, 1) << r.err;
  const auto error = r.json()->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "Interrupted");
  EXPECT_NE(error->getValue<std::string>("message").find("the run goes on"), std::string::npos);
}

// The host flags what its plugin gets wrong, so the plugin's author sees it the first time they try it.
TEST(CliScripted, ContractAFailedStateWithoutAMessageIsFlaggedAndGivenOne) {
  const HostResult r = scripted({"poll", "--job-type", kJobType, "run-failed-silently"});
  EXPECT_EQ(r.exitCode, 0) << r.err;  // the poll itself succeeded
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Failed");
  EXPECT_NE(r.json()->getValue<std::string>("message").find("without saying why"), std::string::npos);
  EXPECT_NE(r.err.find("contract violation: poll reported the run Failed without a message"),
            std::string::npos)
      << r.err;
}

TEST(CliScripted, ContractASetErrorCodeThatDiffersFromTheReturnedCodeIsFlagged) {
  const std::string file = platform("mismatch.json", R"({"Scenario":"code-mismatch"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Rejected");  // the returned code decides
  EXPECT_NE(r.err.find("contract violation: test_connection returned Rejected but reported Unavailable"),
            std::string::npos)
      << r.err;
}

TEST(CliScripted, ContractACodeOutsideEveryBandIsFlaggedAndShownRaw) {
  const std::string file = platform("odd.json", R"({"Scenario":"odd-code"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Internal");
  EXPECT_NE(error(r)->getValue<std::string>("message").find("[plugin code 7777]"), std::string::npos);
  EXPECT_NE(r.err.find("contract violation: test_connection returned code 7777, which is in no band"),
            std::string::npos)
      << r.err;
}

TEST(CliScripted, ContractANewerCodeInsideABandIsShownRawButIsNoViolation) {
  const std::string file = platform("future.json", R"({"Scenario":"future-code"})");
  const HostResult r = scripted({"--platform", file, "test-connection", "--job-type", kJobType});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(error(r)->getValue<std::string>("message").find("[plugin code 42]"), std::string::npos);
  EXPECT_EQ(r.err.find("contract violation"), std::string::npos) << r.err;
}

}  // namespace
