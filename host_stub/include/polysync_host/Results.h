// What the host keeps of a plugin's answers: owned copies, filled by the sinks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace polysync::host {

// One parameter of an imported job's schema.
struct ParameterSchemaInfo {
  std::string name;
  int32_t direction = 0;                    // PSJ_DIRECTION_*
  int32_t dataType = 0;                     // PSJ_TYPE_*
  std::optional<std::string> defaultValue;  // nullopt: no default
  std::string description;
  bool overridable = true;
};

struct ImportedJob {
  std::string externalId;
  std::string name;
  std::string description;
  std::string jobType;
  std::vector<ParameterSchemaInfo> parameters;
};

// What run() reported.
struct RunSubmission {
  std::string runId;
  std::optional<std::string> monitorUrl;
};

// A run's step progress (ABI 1.1 set_progress), as the plugin reported it.
struct RunProgress {
  uint32_t stepsTotal = 0;
  uint32_t stepsCompleted = 0;
  uint32_t stepsRunning = 0;
  uint32_t stepsFailed = 0;
  uint32_t stepsSkipped = 0;
  std::vector<std::string> running;  // names of running steps (at most PSJ_PROGRESS_MAX_RUNNING_NAMES)
};

// What poll() or cancel() reported.
struct RunStatus {
  std::string runId;
  int32_t state = 0;  // PSJ_STATE_*
  std::optional<std::string> providerStatus;
  std::optional<int64_t> startTimeMs;  // Unix ms, UTC
  std::optional<int64_t> endTimeMs;
  std::optional<std::string> message;
  std::vector<std::pair<std::string, std::string>>
      outputs;  // in the order reported; a repeated name replaces
  std::optional<std::string> monitorUrl;
  std::optional<int64_t> nextPollMs;
  std::optional<RunProgress> progress;  // absent: the plugin did not say (or predates ABI 1.1)
};

}  // namespace polysync::host
