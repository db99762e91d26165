// polysync-host-stub drives the plain-C "Echo Job" (tests/abi/c_plugin) through every callback: the ABI
// works without C++ (a contract of the stub host). Each test runs the built binary with --json and checks the
// one JSON document on stdout and the exit code the command line promises.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>
#include <vector>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;
using Poco::JSON::Object;

const std::string kEchoJob = "Echo Job";

std::string greetingPlatform() {
  return host_test::writeTempFile("echo-platform.json", R"({"Greeting":"hello from the test"})");
}

// The host with the plugin folder the Echo Job is built into, a platform with its "Greeting", and --json.
HostResult echo(std::vector<std::string> args) {
  args.insert(args.begin(), {"--json", "--plugin-dir", REAL_PLUGIN_DIR, "--platform", greetingPlatform()});
  return runHost(args);
}

Object::Ptr error(const HostResult& r) { return r.json()->getObject("error"); }

TEST(CliEchoJob, PluginsListsTheEchoPluginFromItsManifestAndEntry) {
  const HostResult r = runHost({"--json", "--plugin-dir", REAL_PLUGIN_DIR, "plugins"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto plugins = r.json()->getArray("plugins");
  Object::Ptr echoPlugin;
  for (unsigned i = 0; i < plugins->size(); ++i) {
    if (plugins->getObject(i)->getValue<std::string>("id") == "polysync.echo")
      echoPlugin = plugins->getObject(i);
  }
  ASSERT_TRUE(echoPlugin) << r.out;
  EXPECT_EQ(echoPlugin->getValue<std::string>("version"), "1.0.0");
  EXPECT_EQ(echoPlugin->getValue<std::string>("library"), "polysync_echo_job.so");
  EXPECT_EQ(echoPlugin->getObject("abi")->getValue<int>("major"), 1);
  EXPECT_EQ(echoPlugin->getObject("abi")->getValue<int>("effectiveMinor"), 1);
  const auto jobType = echoPlugin->getArray("jobTypes")->getObject(0);
  EXPECT_EQ(jobType->getValue<std::string>("id"), "polysync.echo-job");
  EXPECT_EQ(jobType->getValue<std::string>("displayName"), kEchoJob);
  const auto capabilities = jobType->getArray("capabilities");
  std::vector<std::string> names;
  for (unsigned i = 0; i < capabilities->size(); ++i)
    names.push_back(capabilities->getElement<std::string>(i));
  EXPECT_EQ(names, (std::vector<std::string>{"testConnection", "import", "cancel", "outputs", "idempotentRun",
                                             "progress"}));
}

TEST(CliEchoJob, TestConnectionReportsTheGreetingFromThePlatformFile) {
  const HostResult r = echo({"test-connection", "--job-type", kEchoJob});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(r.json()->getValue<bool>("ok"));
  EXPECT_EQ(r.json()->getValue<std::string>("message"),
            "echo connection ok (greeting: hello from the test; ABI minor 1)");
}

TEST(CliEchoJob, TestConnectionWithoutThePlatformFileNamesTheOptionUsageExit2) {
  // The Echo Job's settings schema requires "Greeting": the host says which option is missing, before any
  // call.
  const HostResult r = runHost(
      {"--json", "--plugin-dir", REAL_PLUGIN_DIR, "test-connection", "--job-type", "polysync.echo-job"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Usage") << r.out;
  EXPECT_NE(r.err.find("--platform FILE"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\"Greeting\""), std::string::npos) << r.err;
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
}

TEST(CliEchoJob, TestConnectionWithoutTheGreetingIsOkFalseInvalidSettingsAndExit1) {
  const std::string noGreeting = host_test::writeTempFile("echo-no-greeting.json", "{}");
  const HostResult r = runHost({"--json", "--plugin-dir", REAL_PLUGIN_DIR, "--platform", noGreeting,
                                "test-connection", "--job-type", "polysync.echo-job"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_FALSE(r.json()->getValue<bool>("ok"));
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "InvalidSettings");
  EXPECT_NE(r.json()->getValue<std::string>("message").find("'Greeting' is required"), std::string::npos);
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
}

TEST(CliEchoJob, ImportListsBothJobsWithTheirParameterSchemas) {
  const HostResult r = echo({"import", "--job-type", kEchoJob});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto jobs = r.json()->getArray("jobs");
  ASSERT_EQ(jobs->size(), 2u) << r.out;
  const auto text = jobs->getObject(0);
  EXPECT_EQ(text->getValue<std::string>("externalId"), "echo-text");
  EXPECT_EQ(text->getValue<std::string>("name"), "Echo text");
  EXPECT_EQ(text->getValue<std::string>("description"), "An echo job: its outputs repeat its first input.");
  EXPECT_EQ(text->getValue<std::string>("jobType"), kEchoJob);
  const auto textParams = text->getArray("parameters");
  ASSERT_EQ(textParams->size(), 2u);
  EXPECT_EQ(textParams->getObject(0)->getValue<std::string>("name"), "text");
  EXPECT_EQ(textParams->getObject(0)->getValue<std::string>("direction"), "Input");
  EXPECT_EQ(textParams->getObject(0)->getValue<std::string>("type"), "String");
  EXPECT_EQ(textParams->getObject(0)->getValue<std::string>("default"), "hello");
  EXPECT_EQ(textParams->getObject(1)->getValue<std::string>("name"), "echo");
  EXPECT_EQ(textParams->getObject(1)->getValue<std::string>("direction"), "Output");
  EXPECT_TRUE(textParams->getObject(1)->isNull("default"));

  const auto number = jobs->getObject(1);
  EXPECT_EQ(number->getValue<std::string>("externalId"), "echo-number");
  const auto numberParams = number->getArray("parameters");
  ASSERT_EQ(numberParams->size(), 3u);
  EXPECT_EQ(numberParams->getObject(0)->getValue<std::string>("type"), "Int");
  EXPECT_EQ(numberParams->getObject(0)->getValue<std::string>("default"), "1");
  EXPECT_EQ(numberParams->getObject(1)->getValue<std::string>("name"), "token");
  EXPECT_EQ(numberParams->getObject(1)->getValue<std::string>("type"), "Secret");
  EXPECT_EQ(numberParams->getObject(2)->getValue<std::string>("direction"), "Output");
}

TEST(CliEchoJob, RunWithAnIdempotencyKeyReturnsTheRunIdDerivedFromItAndItsMonitorUrl) {
  const std::vector<std::string> args{"run",       "--job-type",        kEchoJob,  "--external-id",
                                      "echo-text", "--param",           "text=hi", "--output",
                                      "echo",      "--idempotency-key", "key-1"};
  const HostResult r = echo(args);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId"), "echo-key-1");
  EXPECT_EQ(doc->getValue<std::string>("status"), "Starting");
  EXPECT_TRUE(doc->has("providerStatus"));
  EXPECT_EQ(doc->getValue<std::string>("monitorUrl"), "https://echo.invalid/runs/echo-key-1");
  // Exactly once: the same key gives the same run.
  const HostResult again = echo(args);
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_EQ(again.json()->getValue<std::string>("runId"), "echo-key-1");
}

TEST(CliEchoJob, RunOfAnUnknownJobIsNotFoundAndExit1) {
  const HostResult r = echo({"run", "--job-type", kEchoJob, "--external-id", "no-such-job"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "NotFound");
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
}

TEST(CliEchoJob, RunWithoutAnExternalIdIsAUsageErrorExit2) {
  const HostResult r = echo({"run", "--job-type", kEchoJob});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Usage");
}

TEST(CliEchoJob, PollOfANewRunReportsRunningWithItsStartTime) {
  const HostResult r = echo({"poll", "--job-type", kEchoJob, "echo-key-2", "--output", "echo"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId"), "echo-key-2");
  EXPECT_EQ(doc->getValue<std::string>("status"), "Running");
  EXPECT_EQ(doc->getValue<std::string>("providerStatus"), "Running");
  EXPECT_EQ(doc->getValue<std::string>("startTime"), "2023-11-14T22:13:20.000Z");
  EXPECT_TRUE(doc->isNull("endTime"));
  EXPECT_TRUE(doc->isNull("message"));
  EXPECT_EQ(doc->getObject("outputs")->size(), 0u);
  EXPECT_TRUE(doc->has("monitorUrl"));
}

TEST(CliEchoJob, PollOfARunningRunReportsItsStepProgressInJson) {
  const HostResult r = echo({"poll", "--job-type", kEchoJob, "echo-progress"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto progress = r.json()->getObject("progress");
  ASSERT_TRUE(progress) << r.out;
  EXPECT_EQ(progress->getValue<int>("stepsTotal"), 3);
  EXPECT_EQ(progress->getValue<int>("stepsCompleted"), 1);
  EXPECT_EQ(progress->getValue<int>("stepsRunning"), 1);
  EXPECT_EQ(progress->getValue<int>("stepsFailed"), 0);
  EXPECT_EQ(progress->getValue<int>("stepsSkipped"), 1);
  const auto running = progress->getArray("running");
  ASSERT_EQ(running->size(), 1u);
  EXPECT_EQ(running->getElement<std::string>(0), "echo_step");
}

TEST(CliEchoJob, PollAsTextShowsTheProgressOnALineOfItsOwn) {
  const HostResult r = runHost({"--plugin-dir", REAL_PLUGIN_DIR, "--platform", greetingPlatform(), "poll",
                                "--job-type", kEchoJob, "echo-progress-text"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("\nprogress: 2/3 steps · running: echo_step\n"), std::string::npos) << r.out;
}

TEST(CliEchoJob, AFinishedRunHasNoProgressInItsJson) {
  const HostResult r = echo(
      {"run", "--job-type", kEchoJob, "--external-id", "echo-text", "--wait", "--poll-interval", "0.01"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getValue<std::string>("status"), "Success");
  EXPECT_FALSE(r.json()->has("progress")) << "absent when unknown:\n" << r.out;
}

// The Echo Job compiled against the frozen 1.0 headers (tests/abi/compat): a plugin that predates ABI 1.1,
// loaded and driven by this host.
HostResult echo10(std::vector<std::string> args) {
  args.insert(args.begin(),
              {"--json", "--plugin-dir", ECHO_1_0_PLUGIN_DIR, "--platform", greetingPlatform()});
  return runHost(args);
}

TEST(CliEchoJob, AnEchoJobBuiltAgainstThe10HeadersLoadsAtMinor0WithoutTheProgressCapability) {
  const HostResult r = runHost({"--json", "--plugin-dir", ECHO_1_0_PLUGIN_DIR, "plugins"});
  ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
  const auto plugin = r.json()->getArray("plugins")->getObject(0);
  EXPECT_EQ(plugin->getObject("abi")->getValue<int>("minor"), 0);
  EXPECT_EQ(plugin->getObject("abi")->getValue<int>("effectiveMinor"), 0);
  const auto capabilities = plugin->getArray("jobTypes")->getObject(0)->getArray("capabilities");
  for (unsigned i = 0; i < capabilities->size(); ++i)
    EXPECT_NE(capabilities->getElement<std::string>(i), "progress");
}

TEST(CliEchoJob, AnEchoJobBuiltAgainstThe10HeadersRunsAndPollsWithoutProgress) {
  const HostResult polled = echo10({"poll", "--job-type", kEchoJob, "echo-old-plugin"});
  ASSERT_EQ(polled.exitCode, 0) << polled.err;
  EXPECT_EQ(polled.json()->getValue<std::string>("status"), "Running");
  EXPECT_EQ(polled.json()->getValue<std::string>("startTime"), "2023-11-14T22:13:20.000Z");
  EXPECT_FALSE(polled.json()->has("progress"));
  const HostResult ran = echo10({"run", "--job-type", kEchoJob, "--external-id", "echo-text", "--param",
                                 "text=hi", "--output", "echo", "--wait", "--poll-interval", "0.01"});
  ASSERT_EQ(ran.exitCode, 0) << ran.err;
  EXPECT_EQ(ran.json()->getValue<std::string>("status"), "Success");
  EXPECT_EQ(ran.json()->getObject("outputs")->getValue<std::string>("echo"), "hi");
}

TEST(CliEchoJob, PollOfAnUnknownRunIsNotFoundAndExit1) {
  const HostResult r = echo({"poll", "--job-type", kEchoJob, "someone-elses-run"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "NotFound");
}

TEST(CliEchoJob, CancelReportsCancelledWithEndTimeAndExit0) {
  const HostResult r = echo({"cancel", "--job-type", kEchoJob, "echo-key-3"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId"), "echo-key-3");
  EXPECT_EQ(doc->getValue<std::string>("status"), "Cancelled");
  EXPECT_EQ(doc->getValue<std::string>("providerStatus"), "Canceled");
  EXPECT_EQ(doc->getValue<std::string>("endTime"), "2023-11-14T22:14:20.000Z");
  EXPECT_EQ(doc->getValue<std::string>("message"), "cancelled on request");
}

TEST(CliEchoJob, CancelOfAnUnknownRunIsNotFoundAndExit1) {
  const HostResult r = echo({"cancel", "--job-type", kEchoJob, "someone-elses-run"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "NotFound");
}

TEST(CliEchoJob, RunWaitEndsInSuccessWithTheEchoedOutputsAndExit0) {
  const HostResult r = echo({"run", "--job-type", kEchoJob, "--external-id", "echo-number", "--param",
                             "count:Int=7", "--output", "result", "--wait", "--poll-interval", "0.01"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId").rfind("echo-", 0), 0u) << r.out;
  EXPECT_EQ(doc->getValue<std::string>("status"), "Success");
  EXPECT_EQ(doc->getValue<std::string>("providerStatus"), "Completed");
  EXPECT_EQ(doc->getValue<std::string>("endTime"), "2023-11-14T22:14:20.000Z");
  EXPECT_EQ(doc->getObject("outputs")->getValue<std::string>("result"), "7");
  EXPECT_EQ(doc->getValue<std::string>("monitorUrl"),
            "https://echo.invalid/runs/" + doc->getValue<std::string>("runId"));
  // Not a terminal: one line per status change on stderr.
  EXPECT_NE(r.err.find(": Running (Running)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": Success (Completed)"), std::string::npos) << r.err;
}

TEST(CliEchoJob, RunWaitOfAFailingRunIsFailedWithItsMessageAndExit4) {
  const HostResult r =
      echo({"run", "--job-type", kEchoJob, "--external-id", "fail", "--wait", "--poll-interval", "0.01"});
  EXPECT_EQ(r.exitCode, 4) << r.err;
  const auto doc = r.json();
  EXPECT_EQ(doc->getValue<std::string>("runId").rfind("fail-", 0), 0u) << r.out;
  EXPECT_EQ(doc->getValue<std::string>("status"), "Failed");
  EXPECT_EQ(doc->getValue<std::string>("message"), "the echo job failed because its external id was 'fail'");
}

TEST(CliEchoJob, ACallThatPassesItsDeadlineEndsWithTimeoutAndExit1) {
  const HostResult r =
      echo({"--call-timeout", "0.2", "run", "--job-type", kEchoJob, "--external-id", "block"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Timeout") << r.out;
}

TEST(CliEchoJob, SigintInterruptsABlockedRunThroughThePluginsHandler) {
  host_test::RunningHost running({"--json", "--plugin-dir", REAL_PLUGIN_DIR, "--platform", greetingPlatform(),
                                  "--log-level", "trace", "--call-timeout", "0", "run", "--job-type",
                                  kEchoJob, "--external-id", "block"});
  ASSERT_TRUE(running.waitForStderr("[host] calling run"));
  running.signal(SIGINT);
  const HostResult r = running.finish();
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_EQ(error(r)->getValue<std::string>("code"), "Interrupted") << r.out;
}

TEST(CliEchoJob, RunWaitOnATerminalRewritesOneLiveStatusLineInPlace) {
  const HostResult r = host_test::runOnTerminal(
      {"--plugin-dir", REAL_PLUGIN_DIR, "--platform", greetingPlatform(), "--log-level", "warn", "run",
       "--job-type", kEchoJob, "--external-id", "echo-text", "--idempotency-key", "tty-1", "--wait",
       "--poll-interval", "0.05"});
  ASSERT_EQ(r.exitCode, 0) << r.out;
  // Elapsed times are not asserted (wall clock): each draw is the clear sequence, the status and "M:SS".
  const std::string clear = "\r\x1b[2K";
  const std::string monitor = "run echo-tty-1: Monitor URL https://echo.invalid/runs/echo-tty-1\r\n";
  // The Echo Job reports step progress with Running (ABI 1.1): the status line shows it, set apart by " · ".
  const std::string prefix = "run echo-tty-1: Running (Running) · 2/3 steps · running: echo_step · ";
  const std::string running = clear + prefix;
  ASSERT_EQ(r.out.find(monitor), 0u) << "the wait starts with the Monitor URL, once, on its own line:\n"
                                     << r.out;
  EXPECT_EQ(r.out.find("Monitor URL", monitor.size()), std::string::npos) << r.out;
  ASSERT_EQ(r.out.find(running), monitor.size()) << "then the live line:\n" << r.out;
  // The run ended: the live line is erased and the result follows once (stdout is the same terminal).
  const size_t lastClear = r.out.rfind(clear);
  ASSERT_NE(lastClear, std::string::npos);
  const std::string live = r.out.substr(monitor.size(), lastClear - monitor.size());
  EXPECT_EQ(live.find('\n'), std::string::npos) << "the live line is rewritten in place, never a new line:\n"
                                                << r.out;
  EXPECT_EQ(r.out.substr(lastClear + clear.size()).rfind("run echo-tty-1: Success (Completed)\r\n", 0), 0u)
      << "the result follows where the live line was:\n"
      << r.out;
  EXPECT_EQ(r.out.find("Success"), r.out.rfind("Success")) << "the final status is printed once:\n" << r.out;
  EXPECT_NE(live.find("  next poll in 0:"), std::string::npos) << "the time to the next poll:\n" << r.out;
  EXPECT_NE(live.find(running, running.size()), std::string::npos)
      << "the elapsed time is redrawn between polls:\n"
      << r.out;
  size_t draws = 0;
  for (size_t at = live.find(clear); at != std::string::npos; at = live.find(clear, at + 1)) {
    const size_t colon = live.find(':', live.find(prefix, at) + prefix.size());
    ASSERT_NE(colon, std::string::npos) << live;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(live[colon - 1])) &&
                std::isdigit(static_cast<unsigned char>(live[colon + 1])))
        << "each draw shows the elapsed time M:SS:\n"
        << live;
    ++draws;
  }
  EXPECT_GE(draws, 3u) << live;
}

}  // namespace
