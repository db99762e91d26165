// RunClock: where a run is at a given moment, computed from its timestamps and script (no thread per run).
//
// A submitted pipeline spends three steps (EmulatorOptions::stepMillis) in Preparing (the status Azure
// answers its PUT with), script.runningSteps in Running (its child steps run one after another), one in
// Finalizing, then is Completed. Scripts bend this (fail, fail-in-child, hang, slow, slow-cancel); a cancel
// moves it to CancelRequested for script.cancelSteps steps, then Canceled. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "azureml_emulator/Workspace.h"

namespace azureml_emulator {

struct RunState {
  std::string status;
  int64_t startMs = 0;  // 0 = not started
  int64_t endMs = 0;    // 0 = not ended
  std::string errorCode;
  std::string errorMessage;  // empty = no error on this run
};

struct StepState : RunState {
  std::string name;
};

class RunClock {
 public:
  explicit RunClock(int stepMillis);
  RunState run(const Job& job, int64_t nowMs) const;
  std::vector<StepState> steps(const Job& job, int64_t nowMs) const;
  static bool isTerminal(const std::string& status);
  int stepMillis() const { return static_cast<int>(step_); }

 private:
  struct Timeline;
  Timeline timeline(const Job& job) const;
  int64_t step_;
};

}  // namespace azureml_emulator
