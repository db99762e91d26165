// PipelineJobTest: one HTTPS emulator per test and the job type pointed at it through the platform
// attributes (endpoint overrides, CA Bundle Path), signing in as a registered service principal. Helpers
// build settings, parameters and requests, run the job type's calls and read the emulator's journal.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ManualCallContext.h"
#include "RecordingHost.h"
#include "azureml_emulator/Emulator.h"
#include "core/JobType.h"
#include "core/JobTypeError.h"

namespace aifoundry::pipeline_job::testing {

inline constexpr const char* kClientId = "0f0e0d0c-0000-4000-8000-00000000c11e";
inline constexpr const char* kClientSecret = "s3cr3t-Value-never-logged";
inline constexpr const char* kTrainTemplate = "train-pipeline-template";
inline constexpr const char* kScoreTemplate = "batch-score-template";

using Settings = std::map<std::string, std::string>;

class PipelineJobTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  virtual azureml_emulator::EmulatorOptions makeOptions();

  // The platform attributes for the emulator; `changes` replace or add (an empty value removes).
  Settings baseSettings() const;
  std::vector<core::Setting> settings(const Settings& changes = {}) const;
  std::unique_ptr<core::JobTypeInstance> connect(const Settings& changes = {});
  core::ManualCallContext context();

  // The job type's calls on `instance` (default: the fixture's), with a fresh context each.
  std::string testConnection(core::JobTypeInstance* instance = nullptr);
  std::vector<core::ImportedJob> importJobs(const std::string& filter = {},
                                            core::JobTypeInstance* instance = nullptr);
  core::RunResult run(const core::RunRequest& request, core::JobTypeInstance* instance = nullptr);
  core::StatusReport poll(const std::string& runId, const std::vector<core::Parameter>& parameters = {},
                          core::JobTypeInstance* instance = nullptr);
  core::StatusReport cancel(const std::string& runId, core::JobTypeInstance* instance = nullptr);
  // Polls (on `target`, default: the fixture's instance) until the run reports Running and returns that
  // report; a terminal state on the way, or a run still not Running after some 2 s, fails the test.
  core::StatusReport pollUntilRunning(const std::string& runId, core::JobTypeInstance* target = nullptr);
  // Polls until the state is terminal (bounded number of polls); returns every report seen.
  std::vector<core::StatusReport> pollUntilTerminal(const std::string& runId,
                                                    const std::vector<core::Parameter>& parameters = {});
  // Expects `call` to throw a JobTypeError and returns it.
  core::JobTypeError expectError(const std::function<void()>& call);

  static core::Parameter input(const std::string& name, const std::string& value,
                               core::DataType type = core::DataType::String);
  static core::Parameter output(const std::string& name, core::Direction direction = core::Direction::Output);
  static core::RunRequest request(const std::string& externalId, std::vector<core::Parameter> parameters = {},
                                  const std::string& idempotencyKey = {});

  // Journal helpers.
  std::vector<azureml_emulator::JournalEntry> journal(const std::string& route) const;
  size_t count(const std::string& route) const { return journal(route).size(); }
  void clearJournal() const;
  // The next answer on `route` trickles out over some 40 ms, so that threads polling together arrive while
  // its one request is in flight.
  void slowNextAnswer(const std::string& route) const;
  // Adds a pipeline template named `name` to the workspace: a small two-step pipeline with the given tags
  // (JSON object text) and an optional extra inputs/outputs object text.
  void addTemplate(
      const std::string& name, const std::string& tagsJson,
      const std::string& inputsJson = R"({"greeting":{"jobInputType":"literal","value":"hello"}})",
      const std::string& outputsJson =
          R"({"result":{"jobOutputType":"uri_folder","mode":"ReadWriteMount"}})");

  // PipelineJobOptions::liveDetailInterval for the fixture's job type (set it before SetUp runs).
  std::chrono::milliseconds liveDetailInterval{20'000};

  std::unique_ptr<azureml_emulator::Emulator> emulator;
  std::unique_ptr<core::JobType> jobType;
  std::unique_ptr<RecordingHost> host;
  std::unique_ptr<core::JobTypeInstance> instance;
};

}  // namespace aifoundry::pipeline_job::testing
