// ContractSession: one loaded plugin, a test host and a live instance, plus the checks every callback must
// pass: PSJ_OK comes with its required sink calls, an error with set_error, the same code and a code in a
// known band, messages never contain the secret, and nothing touches the context or sinks after return.
// The checks are the stub host's (polysync_host/check/ConformanceChecks.h, what check-plugin runs): each
// problem they find is a test failure here.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <variant>

#include "CRequests.h"
#include "PluginCases.h"
#include "PluginLoader.h"
#include "RecordingSinks.h"
#include "TestCallContext.h"
#include "TestHost.h"
#include "polysync_host/check/ConformanceChecks.h"

namespace abitest {

using polysync::host::check::knownCode;

// What the shared checks may assume about a plugin case.
inline polysync::host::check::CheckProfile checkProfile(const PluginCase& pluginCase) {
  polysync::host::check::CheckProfile profile;
  KvList settings;
  pluginCase.addValidSettings(settings);
  profile.validSettings.emplace();
  for (std::uint64_t i = 0; i < settings.size(); ++i) {
    const psj_kv& kv = settings.at(i);
    profile.validSettings->push_back(
        {std::string(kv.key.data, kv.key.len), std::string(kv.value.data, kv.value.len), kv.flags});
  }
  profile.requiredSetting = pluginCase.requiredSetting;
  profile.secrets = {pluginCase.secretValue};
  profile.runExternalId = pluginCase.runnableExternalId.empty() ? "template" : pluginCase.runnableExternalId;
  profile.runMustSucceed = !pluginCase.runnableExternalId.empty();
  profile.callTimeout = pluginCase.callTimeout;
  profile.concurrentPollsPerThread = pluginCase.concurrentPollsPerThread;
  return profile;
}

inline void addFailures(const polysync::host::check::Findings& findings) {
  for (const std::string& problem : findings.problems()) ADD_FAILURE() << problem;
}

class ContractSession {
 public:
  explicit ContractSession(const PluginCase& pluginCase, std::uint32_t hostMinor = PSJ_ABI_MINOR)
      : case_(pluginCase), host_(hostMinor) {
    LoadResult loaded = loadPlugin(pluginCase.manifest, host_, pluginCase.libraryDir);
    if (auto* refusal = std::get_if<std::string>(&loaded)) {
      ADD_FAILURE() << "loading " << pluginCase.name << " failed: " << *refusal;
      return;
    }
    plugin_ = std::move(std::get<std::unique_ptr<LoadedPlugin>>(loaded));
    jobType_ = plugin_->jobType(0);
  }

  ~ContractSession() {
    if (instance_ != nullptr) jobType_->destroy(instance_);
    plugin_.reset();  // deinit
    for (const std::string& line : host_.logLines()) {
      EXPECT_EQ(line.find(case_.secretValue), std::string::npos) << "a log line shows the secret: " << line;
    }
  }

  bool loaded() const { return jobType_ != nullptr; }
  const psj_job_type* jobType() const { return jobType_; }
  TestHost& host() { return host_; }
  const PluginCase& pluginCase() const { return case_; }

  // Creates the instance from the case's valid settings.
  psj_instance* instance() {
    if (instance_ == nullptr) {
      KvList settings;
      case_.addValidSettings(settings);
      TestCallContext ctx;
      const std::int32_t rc =
          jobType_->create(jobType_, settings.data(), settings.size(), ctx.get(), &instance_);
      EXPECT_EQ(rc, PSJ_OK) << ctx.errorMessage();
    }
    return instance_;
  }

  // Checks the outcome of a call that has just returned, then closes the context and the sinks it used.
  void expectWellFormed(std::int32_t rc, TestCallContext& ctx, const std::function<void()>& okChecks,
                        std::initializer_list<SinkBase*> sinks = {}) const {
    polysync::host::check::Findings findings;
    polysync::host::check::checkWellFormed(
        findings, checkProfile(case_), rc, ctx, [&](polysync::host::check::Findings&) { okChecks(); }, sinks);
    addFailures(findings);
  }

  static void expectRunOk(const RunSink& sink) {
    polysync::host::check::Findings findings;
    polysync::host::check::checkRunOk(findings, sink);
    addFailures(findings);
  }

  static void expectStatusOk(const StatusSink& sink) {
    polysync::host::check::Findings findings;
    polysync::host::check::checkStatusOk(findings, sink);
    addFailures(findings);
  }

  // Runs the shared conformance check `name` on the case's job type: it must pass, not be skipped.
  void expectCheckPasses(const std::string& name) const {
    const auto result = polysync::host::check::runConformanceCheck(name, *jobType_, checkProfile(case_));
    EXPECT_FALSE(result.skipReason.has_value()) << name << " was skipped: " << result.skipReason.value_or("");
    for (const std::string& problem : result.problems) ADD_FAILURE() << name << ": " << problem;
  }

 private:
  PluginCase case_;
  TestHost host_;
  std::unique_ptr<LoadedPlugin> plugin_;
  const psj_job_type* jobType_ = nullptr;
  psj_instance* instance_ = nullptr;
};

}  // namespace abitest
