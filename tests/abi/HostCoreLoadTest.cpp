// The stub host's own loader (polysync_host_core) against the probe plugins, the real plugin and the plain-C
// plugin: the same refusals and acceptances the test loader checks, through the code the host ships.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/Logger.h"
#include "polysync_host/PluginRegistry.h"
#include "polysync_host/TokenSource.h"

namespace {

namespace host = polysync::host;

struct HostCore {
  host::Logger logger{PSJ_LOG_ERROR};
  host::HostServices services{logger, host::TokenSource()};
  host::PluginRegistry registry{services};
};

std::string probeDir(const std::string& name) {
  return (std::filesystem::path(ABI_TEST_PROBE_DIR) / name).string();
}

// The host's one-line refusal, or "" when every plugin in `dir` loads.
std::string refusalOf(const std::string& dir) {
  HostCore core;
  try {
    core.registry.scan(dir);
    core.registry.loadAll();
  } catch (const host::PluginLoadError& error) {
    return error.what();
  }
  const auto& refusals = core.registry.refusals();
  return refusals.empty() ? "" : refusals.front().reason;
}

class HostCoreRefuses : public ::testing::TestWithParam<std::string> {};

TEST_P(HostCoreRefuses, TheProbeWithAOneLineReason) {
  const std::string reason = refusalOf(probeDir(GetParam()));
  EXPECT_FALSE(reason.empty()) << GetParam() << " was loaded";
  EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
}

INSTANTIATE_TEST_SUITE_P(Probes, HostCoreRefuses,
                         ::testing::Values("no_entry", "wrong_major", "host_minor_too_new", "truncated_entry",
                                           "manifest_wrong_id", "manifest_wrong_version",
                                           "manifest_wrong_job_type", "minor_skew"));

TEST(HostCore, LoadsTheValidProbe) { EXPECT_EQ(refusalOf(probeDir("valid")), ""); }

TEST(HostCore, LoadsTheRealPluginAndTheCPlugin) {
  HostCore core;
  core.registry.scan(ABI_TEST_PLUGIN_DIR);
  for (const char* jobType : {"azure.aifoundry.pipeline-job", "polysync.echo-job"}) {
    const auto resolved = core.registry.resolveJobType(jobType);
    ASSERT_NE(resolved.jobType, nullptr) << jobType;
    EXPECT_EQ(resolved.jobType->id, jobType);
  }
}

}  // namespace
