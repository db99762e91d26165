// E2eTest: the real plugin (.so from the build tree) loaded by the stub host's own core, in this process,
// against an in-process HTTPS emulator. Tests drive the plugin through PlatformConnection exactly as
// polysync-host-stub does, assert what the host received, and read the emulator's journal for what went on
// the wire. `cli()` runs the built polysync-host-stub against the same emulator (a second process that knows
// only the platform file and a RunId).
#pragma once

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "HostProcess.h"
#include "azureml_emulator/Emulator.h"
#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/InterruptWatcher.h"
#include "polysync_host/Logger.h"
#include "polysync_host/PlatformConnection.h"
#include "polysync_host/PluginRegistry.h"

namespace e2e {

namespace host = polysync::host;

inline constexpr const char* kJobType = "AI Foundry Pipeline Job";
inline constexpr const char* kTrain = "train-pipeline-template";
inline constexpr const char* kScore = "batch-score-template";
inline constexpr const char* kValidate = "data-validation-template";  // scripted to fail in a child step
inline constexpr size_t kSeedTemplates = 3;
inline constexpr const char* kClientId = "e2e00000-0000-4000-8000-0000000c11e0";
inline constexpr const char* kClientSecret = "e2e-Secret-value-never-logged";

using Attributes = std::map<std::string, std::string>;

class E2eTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  virtual azureml_emulator::EmulatorOptions makeOptions();

  // The platform attributes pointing at the emulator; `changes` replace or add (an empty value removes).
  Attributes attributes(const Attributes& changes = {}) const;
  std::unique_ptr<host::PlatformConnection> connect(
      const Attributes& changes = {}, std::chrono::milliseconds callTimeout = std::chrono::seconds(60));
  // A platform file for the CLI with attributes(changes); the unchanged one is written once per test.
  std::string platformFile(const Attributes& changes = {});
  // Adds a small two-step pipeline template `name` whose run script is `tagsJson` (e.g. a slow run).
  void addTemplate(const std::string& name, const std::string& tagsJson);

  static host::RunParameter input(const std::string& name, const std::string& value,
                                  int32_t type = PSJ_TYPE_STRING);
  static host::RunParameter output(const std::string& name, int32_t direction = PSJ_DIRECTION_OUTPUT);
  static host::RunRequest request(const std::string& externalId,
                                  std::vector<host::RunParameter> parameters = {},
                                  const std::string& idempotencyKey = {});

  // Polls through `connection` (default: the fixture's) until the run ends; every status seen, in order.
  std::vector<host::RunStatus> pollUntilTerminal(const std::string& runId,
                                                 const std::vector<host::RunParameter>& parameters = {},
                                                 host::PlatformConnection* connection = nullptr);
  // Expects `call` to throw OperationError and returns it.
  host::OperationError expectError(const std::function<void()>& call);

  // polysync-host-stub --json --plugin-dir <build>/plugins --platform <file> ARGS... (cliArgs: the full line)
  std::vector<std::string> cliArgs(std::vector<std::string> args);
  host_test::HostResult cli(std::vector<std::string> args) {
    return host_test::runHost(cliArgs(std::move(args)));
  }

  std::vector<azureml_emulator::JournalEntry> journal(const std::string& route) const;
  size_t count(const std::string& route) const { return journal(route).size(); }
  // Jobs the plugin submitted (the workspace's jobs minus the seeded templates).
  size_t runsInWorkspace() const;

  std::unique_ptr<azureml_emulator::Emulator> emulator;
  // The host's log (every level, the plugin's lines included) goes to a file the tests read.
  std::FILE* logFile = std::tmpfile();
  host::Logger logger{PSJ_LOG_TRACE, logFile ? logFile : stderr};
  std::string hostLog() const;
  std::unique_ptr<host::HostServices> services;
  std::unique_ptr<host::InterruptWatcher> watcher;
  std::unique_ptr<host::PluginRegistry> registry;
  host::PluginRegistry::Resolved resolved;
  std::unique_ptr<host::PlatformConnection> connection;

 private:
  std::string platformFile_;
};

// JSON helpers on Poco trees: parse, walk, and compare as JSON (key order ignored).
Poco::JSON::Object::Ptr parseObject(const std::string& text);
// The member at `path` as compact JSON with sorted keys; "<absent>" when a step is missing.
std::string memberJson(const std::string& documentText, std::initializer_list<const char*> path);
std::vector<std::string> keysOf(const std::string& documentText, std::initializer_list<const char*> path);

}  // namespace e2e
