// RunBench: one run of a template of a given size, split the way the plugin does it — fetch (the template's
// GET), clone+overlay (parse + TemplateCloner with one literal parameter) and submit (the PUT) — timed with
// the plugin's own static libraries (arm/ for the wire, azureml/ for the JSON), plus the whole run through
// the ABI for comparison, and the extra heap the clone needs at its peak.
#pragma once

#include <string>

#include "EmulatorProcess.h"
#include "PluginLibrary.h"

namespace bench {

struct RunSplit {
  std::string templateName;
  int steps = 0;
  std::size_t templateBytes = 0;
  double fetchMs = 0, cloneMs = 0, submitMs = 0, abiRunMs = 0;  // medians
  std::size_t clonePeakBytes = 0;  // heap allocated by parse + clone at its peak, beyond the template text
  std::size_t runPeakBytes = 0;    // heap allocated at the peak of one whole run through the ABI
  int submitStatus = 0;            // the PUT's HTTP status (201, or 413 over ARM's 4 MB request limit)
  std::string submitError;         // the service's refusal, when it refused the PUT
};

// Adds a template of `steps` steps to the emulator and measures it `repeats` times: fetch, clone+overlay,
// and — unless `cloneOnly` — submit and the whole run through the ABI (also when refused: the time the
// refusal took).
RunSplit measureRun(const EmulatorProcess& emulator, const Instance& instance, int steps, int repeats,
                    bool cloneOnly = false);

// ARM requests one ABI run costs (jobs.get, jobs.put), with and without an idempotency key.
struct RunRequests {
  long getsKeyed = 0, putsKeyed = 0, getsUnkeyed = 0, putsUnkeyed = 0;
};
RunRequests countRunRequests(const EmulatorProcess& emulator, const Instance& instance);

}  // namespace bench
