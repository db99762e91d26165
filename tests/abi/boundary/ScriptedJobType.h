// ScriptedJobType: the job type the in-process boundary tests link in place of the pipeline job. Each test
// scripts what create() and the instance methods do (return, throw, emit, wait for an interrupt) and reads
// back what the ABI layer handed them. An unscripted method keeps the default (Unsupported).
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/JobType.h"

namespace abitest {

struct Script {
  std::function<void(const std::vector<aifoundry::core::Setting>&, aifoundry::core::CallContext&)> onCreate;
  std::function<std::string(aifoundry::core::CallContext&)> onTestConnection;
  std::function<void(aifoundry::core::CallContext&, const aifoundry::core::ImportRequest&,
                     const aifoundry::core::ImportEmitter&)>
      onImport;
  std::function<aifoundry::core::RunResult(aifoundry::core::CallContext&, const aifoundry::core::RunRequest&)>
      onRun;
  std::function<aifoundry::core::StatusReport(aifoundry::core::CallContext&, const aifoundry::core::RunRef&)>
      onPoll;

  std::vector<aifoundry::core::Setting> lastSettings;
  aifoundry::core::RunRequest lastRun;
  aifoundry::core::RunRef lastRef;
  std::atomic<int> liveInstances{0};
};

// The script of the current test; reset() before each test.
Script& script();
void resetScript();

}  // namespace abitest
