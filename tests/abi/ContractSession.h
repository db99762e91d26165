// ContractSession: one loaded plugin, a test host and a live instance, plus the checks every callback must
// pass: PSJ_OK comes with its required sink calls, an error with set_error, the same code and a code in a
// known band, messages never contain the secret, and nothing touches the context or sinks after return.
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

namespace abitest {

inline bool knownCode(std::int32_t code) {
  return PSJ_CODE_IS_RETRYABLE(code) || PSJ_CODE_IS_CONFIGURATION(code) || PSJ_CODE_IS_PERMANENT(code);
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
      const std::int32_t rc = jobType_->create(jobType_, settings.data(), settings.size(), ctx.get(), &instance_);
      EXPECT_EQ(rc, PSJ_OK) << ctx.errorMessage();
    }
    return instance_;
  }

  // Checks the outcome of a call that has just returned, then closes the context and the sinks it used.
  void expectWellFormed(std::int32_t rc, TestCallContext& ctx, const std::function<void()>& okChecks,
                        std::initializer_list<SinkBase*> sinks = {}) const {
    if (rc == PSJ_OK) {
      okChecks();
    } else {
      EXPECT_TRUE(knownCode(rc)) << "code " << rc << " is in no band";
      EXPECT_GE(ctx.errorCalls(), 1) << "error " << rc << " without set_error";
      EXPECT_EQ(ctx.errorCode(), rc) << "set_error code differs from the return code";
      EXPECT_FALSE(ctx.errorMessage().empty()) << "error " << rc << " with an empty message";
    }
    EXPECT_EQ(ctx.errorMessage().find(case_.secretValue), std::string::npos) << "a message shows the secret";
    ctx.finish();
    for (SinkBase* sink : sinks) sink->close();
  }

  static void expectRunOk(const RunSink& sink) {
    ASSERT_TRUE(sink.runId().has_value()) << "PSJ_OK from run() without set_run_id";
    EXPECT_FALSE(sink.runId()->empty());
    EXPECT_LE(sink.runId()->size(), 1024u);
  }

  static void expectStatusOk(const StatusSink& sink) {
    const RecordedStatus status = sink.status();
    EXPECT_GE(status.setStateCalls, 1) << "PSJ_OK from poll()/cancel() without set_state";
    if (status.state == PSJ_STATE_FAILED) {
      ASSERT_TRUE(status.message.has_value()) << "a failed state without a message";
      EXPECT_FALSE(status.message->empty()) << "a failed state with an empty message";
    }
  }

 private:
  PluginCase case_;
  TestHost host_;
  std::unique_ptr<LoadedPlugin> plugin_;
  const psj_job_type* jobType_ = nullptr;
  psj_instance* instance_ = nullptr;
};

}  // namespace abitest
