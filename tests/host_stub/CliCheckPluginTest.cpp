// polysync-host-stub check-plugin: the conformance checks against any plugin folder or .so, ending with
// "N passed, M failed" and exit code 0 (all passed or skipped) or 7 (a check failed). It passes on the
// in-tree plugins with their settings, skips what it cannot know without them, and names each broken promise
// of a plugin that breaks the contract.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;
using Poco::JSON::Object;

constexpr int kChecksFailed = 7;

// The last line of the text report.
std::string lastLine(const std::string& text) {
  const auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return "";
  const auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// The counts of a final line "N passed, M failed"; nullopt when the line is anything else.
struct Counts {
  int passed = 0, failed = 0;
};
std::optional<Counts> finalCounts(const std::string& text) {
  const std::string line = lastLine(text);
  Counts counts;
  char rest = 0;
  if (std::sscanf(line.c_str(), "%d passed, %d failed%c", &counts.passed, &counts.failed, &rest) != 2) {
    return std::nullopt;
  }
  if (line != std::to_string(counts.passed) + " passed, " + std::to_string(counts.failed) + " failed") {
    return std::nullopt;
  }
  return counts;
}

// Ends with "N passed, 0 failed", N > 0, and exit code 0.
void expectAllPassed(const HostResult& r) {
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  const auto counts = finalCounts(r.out);
  ASSERT_TRUE(counts.has_value()) << r.out;
  EXPECT_GT(counts->passed, 0) << r.out;
  EXPECT_EQ(counts->failed, 0) << r.out;
  EXPECT_EQ(r.out.find("FAILED"), std::string::npos) << r.out;
}

// The check called `name` of the first job type in a --json report.
Object::Ptr jobTypeCheck(const Object::Ptr& report, const std::string& name) {
  const auto plugins = report->getArray("plugins");
  for (unsigned p = 0; p < plugins->size(); ++p) {
    const auto jobTypes = plugins->getObject(p)->getArray("jobTypes");
    if (jobTypes->size() == 0) continue;
    const auto checks = jobTypes->getObject(0)->getArray("checks");
    for (unsigned c = 0; c < checks->size(); ++c) {
      if (checks->getObject(c)->getValue<std::string>("name") == name) return checks->getObject(c);
    }
  }
  return nullptr;
}

std::string problems(const Object::Ptr& check) {
  std::string all;
  const auto list = check->getArray("problems");
  for (unsigned i = 0; i < list->size(); ++i) all += list->getElement<std::string>(i) + "\n";
  return all;
}

TEST(CliCheckPlugin, PassesOnTheEchoJobWithItsSettingsAndNeverShowsTheSecret) {
  const std::string platform =
      host_test::writeTempFile("check-echo.json", R"({"Greeting":"check-secret-greeting"})");
  const HostResult r = runHost({"--platform", platform, "check-plugin", REAL_PLUGIN_DIR, "--job-type",
                                "Echo Job", "--external-id", "echo-text"});
  expectAllPassed(r);
  EXPECT_NE(r.out.find("job type polysync.echo-job (\"Echo Job\")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("passed   every-callback"), std::string::npos) << r.out;
  EXPECT_EQ((r.out + r.err).find("check-secret-greeting"), std::string::npos);
}

TEST(CliCheckPlugin, PassesOnTheCppTemplateAndTheWaitingJobOnTheCppLayer) {
  const std::string greeting = host_test::writeTempFile("check-hello.json", R"({"Greeting":"hi"})");
  expectAllPassed(runHost({"--platform", greeting, "check-plugin", TEMPLATE_PLUGIN_DIR, "--job-type",
                           "Hello Job", "--external-id", "template"}));
  const std::string token = host_test::writeTempFile("check-waiting.json", R"({"Token":"t"})");
  expectAllPassed(runHost({"--platform", token, "check-plugin", TEMPLATE_PLUGIN_DIR, "--job-type",
                           "C++ Waiting Job", "--external-id", "template"}));
}

TEST(CliCheckPlugin, PassesOnThePipelinePluginThatCannotSignIn) {
  // Never real Azure: the default sign-in (the host's own identity) finds no host token, so each call that
  // needs Azure fails at once with a well-formed Authentication error, which is all the checks ask of it;
  // every endpoint is loopback port 9, where nothing listens, should one be reached. The Client Secret is
  // unused but must never be shown.
  const std::string platform = host_test::writeTempFile("check-pipeline.json", R"({
    "Subscription Id": "00000000-0000-0000-0000-000000000001", "Resource Group Name": "rg-test",
    "Workspace Name": "workspace-test", "Client Secret": "pipeline-check-secret",
    "Authority Host": "http://127.0.0.1:9", "Resource Manager Endpoint": "http://127.0.0.1:9",
    "Allow Plain HTTP To Loopback": "true", "Request Timeout Seconds": "2"})");
  const HostResult r = runHost({"--json", "--platform", platform, "--call-timeout", "2", "check-plugin",
                                REAL_PLUGIN_DIR, "--job-type", "AI Foundry Pipeline Job"});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  const auto report = r.json();
  EXPECT_EQ(report->getValue<int>("failed"), 0) << r.out;
  EXPECT_GE(report->getValue<int>("passed"), 10) << r.out;
  EXPECT_EQ(report->getValue<int>("skipped"), 0) << r.out;
  ASSERT_TRUE(jobTypeCheck(report, "every-callback"));
  EXPECT_EQ(jobTypeCheck(report, "every-callback")->getValue<std::string>("result"), "passed");
  EXPECT_EQ((r.out + r.err).find("pipeline-check-secret"), std::string::npos);
}

TEST(CliCheckPlugin, ABareLibraryWithoutSettingsSkipsWhatNeedsThemAndSaysWhy) {
  // The library alone in a folder: no manifest names it, so it is checked against what its entry implies.
  const std::filesystem::path dir =
      std::filesystem::path(host_test::writeTempFile("bare-library-marker", "")).parent_path() / "bare";
  std::filesystem::create_directories(dir);
  const std::filesystem::path library = dir / "polysync_echo_job.so";
  std::filesystem::copy_file(std::filesystem::path(REAL_PLUGIN_DIR) / "polysync_echo_job.so", library,
                             std::filesystem::copy_options::overwrite_existing);
  const HostResult r = runHost({"check-plugin", library.string()});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("passed   load"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("passed   descriptor"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped  manifest"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped  every-callback"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"Greeting\" is required and its schema gives no default; pass --platform FILE"),
            std::string::npos)
      << r.out;
  const auto counts = finalCounts(r.out);
  ASSERT_TRUE(counts.has_value()) << r.out;
  EXPECT_GT(counts->passed, 0) << r.out;
  EXPECT_EQ(counts->failed, 0) << r.out;
}

TEST(CliCheckPlugin, NamesEachBrokenPromiseOfAPluginThatBreaksTheContract) {
  const HostResult r = runHost(
      {"--json", "check-plugin", std::string(PROBE_PLUGIN_DIR) + "/breaks_contract/polysync_probe.so"});
  EXPECT_EQ(r.exitCode, kChecksFailed) << r.out << r.err;
  const auto report = r.json();
  EXPECT_GE(report->getValue<int>("failed"), 3) << r.out;
  const auto everyCallback = jobTypeCheck(report, "every-callback");
  ASSERT_TRUE(everyCallback) << r.out;
  EXPECT_EQ(everyCallback->getValue<std::string>("result"), "failed");
  const std::string found = problems(everyCallback);
  EXPECT_NE(found.find("set_error code NotFound (200) differs from the return code Unavailable (2)"),
            std::string::npos)
      << found;
  EXPECT_NE(found.find("PSJ_OK from run() without set_run_id"), std::string::npos) << found;
  EXPECT_NE(found.find("a failed state without a message"), std::string::npos) << found;
  EXPECT_NE(found.find("code 777 is in no band"), std::string::npos) << found;
  EXPECT_EQ(jobTypeCheck(report, "descriptor")->getValue<std::string>("result"), "passed");

  const HostResult text =
      runHost({"check-plugin", std::string(PROBE_PLUGIN_DIR) + "/breaks_contract/polysync_probe.so"});
  EXPECT_EQ(text.exitCode, kChecksFailed);
  EXPECT_NE(text.out.find("FAILED   every-callback"), std::string::npos) << text.out;
  const auto counts = finalCounts(text.out);
  ASSERT_TRUE(counts.has_value()) << text.out;
  EXPECT_GT(counts->passed, 0) << text.out;
  EXPECT_GE(counts->failed, 3) << text.out;
}

TEST(CliCheckPlugin, AFolderWithAPluginTheHostRefusesFailsItsLoadCheck) {
  const HostResult r = runHost({"--json", "check-plugin", std::string(PROBE_PLUGIN_DIR) + "/wrong_major"});
  EXPECT_EQ(r.exitCode, kChecksFailed) << r.out << r.err;
  const auto plugin = r.json()->getArray("plugins")->getObject(0);
  const auto load = plugin->getArray("checks")->getObject(0);
  EXPECT_EQ(load->getValue<std::string>("name"), "load");
  EXPECT_EQ(load->getValue<std::string>("result"), "failed");
  EXPECT_NE(problems(load).find("ABI major 2"), std::string::npos) << r.out;
  // A descriptor with callbacks left NULL fails "descriptor", and the checks that would call them are
  // skipped.
  const HostResult valid = runHost({"--json", "check-plugin", std::string(PROBE_PLUGIN_DIR) + "/valid"});
  EXPECT_EQ(valid.exitCode, kChecksFailed) << valid.out << valid.err;
  EXPECT_NE(problems(jobTypeCheck(valid.json(), "descriptor")).find("is NULL"), std::string::npos)
      << valid.out;
  EXPECT_EQ(jobTypeCheck(valid.json(), "every-callback")->getValue<std::string>("result"), "skipped");
}

TEST(CliCheckPlugin, ATargetThatIsNeitherAFolderNorALibraryIsAUsageError) {
  const HostResult r = runHost({"check-plugin", "/nonexistent/plugins"});
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("neither a plugin folder nor a library"), std::string::npos) << r.err;
  EXPECT_EQ(runHost({"check-plugin"}).exitCode, 2);
  const HostResult pluginDir = runHost({"--plugin-dir", REAL_PLUGIN_DIR, "check-plugin", REAL_PLUGIN_DIR});
  EXPECT_EQ(pluginDir.exitCode, 2);
  EXPECT_NE(pluginDir.err.find("not --plugin-dir"), std::string::npos) << pluginDir.err;
}

}  // namespace
