// A host refuses bad plugins with a one-line reason; these probe plugins are the cases (probe_plugin/).
// The loader here does what ABI-GUIDE.md asks of a host, so the tests pin down that every case is
// detectable from the manifest and the entry alone.
#include <gtest/gtest.h>

#include <filesystem>

#include "PluginLoader.h"
#include "RecordingSinks.h"
#include "TestCallContext.h"
#include "TestHost.h"

namespace abitest {
namespace {

std::filesystem::path probe(const std::string& name) {
  return std::filesystem::path(ABI_TEST_PROBE_DIR) / name / "polysync-probe.json";
}

std::string refusalOf(const std::string& name, std::uint32_t hostMinor = PSJ_ABI_MINOR) {
  TestHost host(hostMinor);
  LoadResult result = loadPlugin(probe(name), host);
  if (auto* refusal = std::get_if<std::string>(&result)) return *refusal;
  return {};
}

void expectRefusal(const std::string& name, const std::string& because) {
  const std::string refusal = refusalOf(name);
  EXPECT_NE(refusal.find(because), std::string::npos)
      << name << ": " << (refusal.empty() ? "loaded" : refusal);
  EXPECT_EQ(refusal.find('\n'), std::string::npos) << "the reason must be one line";
}

TEST(LoaderRefusal, AValidProbeLoads) { EXPECT_EQ(refusalOf("valid"), ""); }
TEST(LoaderRefusal, NoEntrySymbol) { expectRefusal("no_entry", "no entry symbol"); }
TEST(LoaderRefusal, WrongMajor) { expectRefusal("wrong_major", "wrong ABI major 2"); }
TEST(LoaderRefusal, MinimumHostMinorTooNew) { expectRefusal("host_minor_too_new", "needs host minor 3"); }
TEST(LoaderRefusal, TruncatedEntryStruct) { expectRefusal("truncated_entry", "truncated entry struct"); }
TEST(LoaderRefusal, ManifestWithAnotherId) { expectRefusal("manifest_wrong_id", "manifest disagrees"); }
TEST(LoaderRefusal, ManifestWithAnotherVersion) {
  expectRefusal("manifest_wrong_version", "manifest disagrees");
}
TEST(LoaderRefusal, ManifestWithAnotherJobType) { expectRefusal("manifest_wrong_job_type", "(job types)"); }

// Version skew, host side: the plugin implements 1.3 and needs at least 1.2.
TEST(VersionSkew, AHostOlderThanThePluginsMinimumIsRefused) {
  EXPECT_NE(refusalOf("minor_skew", 1).find("needs host minor 2"), std::string::npos);
}

std::string effectiveMinorSeenBy(std::uint32_t hostMinor) {
  TestHost host(hostMinor);
  LoadResult result = loadPlugin(probe("minor_skew"), host);
  if (auto* refusal = std::get_if<std::string>(&result)) return "refused: " + *refusal;
  auto& plugin = std::get<std::unique_ptr<LoadedPlugin>>(result);
  const psj_job_type* jt = plugin->jobType();
  psj_instance* instance = nullptr;
  TestCallContext ctx;
  if (jt->create(jt, nullptr, 0, ctx.get(), &instance) != PSJ_OK) return "create failed";
  TextSink text;
  jt->test_connection(instance, ctx.get(), text.get());
  jt->destroy(instance);
  return text.text().value_or("");
}

TEST(VersionSkew, AnOlderHostAgreesOnItsOwnMinor) { EXPECT_EQ(effectiveMinorSeenBy(2), "effective minor 2"); }
TEST(VersionSkew, ANewerHostAgreesOnThePluginsMinor) {
  EXPECT_EQ(effectiveMinorSeenBy(7), "effective minor 3");
}

}  // namespace
}  // namespace abitest
