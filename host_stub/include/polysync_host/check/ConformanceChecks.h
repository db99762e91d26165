// The conformance checks of one job type: each drives the job type's callbacks with good and bad arguments
// and records every broken promise of the ABI (job_type.h, call_context.h, sinks.h) as a one-line problem
// instead of stopping. `polysync-host-stub check-plugin` runs them against any plugin; the ABI tests run the
// same checks against the in-tree plugins, so both judge a plugin by one implementation.
//
// A check that needs something the caller could not give (valid settings, a setting create() requires) is
// skipped with the reason, never failed: only a broken promise fails.
#pragma once

#include <polysync/jobtype_v1.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/check/CRequests.h"
#include "polysync_host/check/RecordingCallContext.h"
#include "polysync_host/check/RecordingSinks.h"

namespace polysync::host::check {

// What the checks may assume about the job type.
struct CheckProfile {
  struct Setting {
    std::string key;
    std::string value;
    uint32_t flags = 0;  // PSJ_KV_*
  };
  // Settings create() accepts; nullopt when they are unknown (why: settingsUnavailable).
  std::optional<std::vector<Setting>> validSettings;
  std::string settingsUnavailable;
  // The valid settings are a guess (the schema's defaults): create() refusing them with InvalidSettings
  // skips the check instead of failing it.
  bool settingsAreGuessed = false;
  // A setting create() requires (left out, create must fail naming it); empty when none is known.
  std::string requiredSetting;
  // Values that must never appear in a message (the secret settings' values).
  std::vector<std::string> secrets;
  // The external id run() is given; with runMustSucceed its run must be submitted (PSJ_OK).
  std::string runExternalId = "polysync-check";
  bool runMustSucceed = false;
  // The deadline of each call that may reach the platform; nullopt: none.
  std::optional<std::chrono::milliseconds> callTimeout;
  int concurrentPollsPerThread = 25;
};

// The problems one check found (or the reason it was skipped).
class Findings {
 public:
  // Records `problem` unless `ok`. Returns `ok`.
  bool expect(bool ok, const std::string& problem);
  void skip(std::string reason) { skipped_ = std::move(reason); }

  const std::vector<std::string>& problems() const { return problems_; }
  const std::optional<std::string>& skipped() const { return skipped_; }

 private:
  std::vector<std::string> problems_;
  std::optional<std::string> skipped_;
};

// True for a code in one of the ABI's bands (retryable, configuration, permanent).
bool knownCode(int32_t code);

// The outcome of a call that has just returned: PSJ_OK with what `okChecks` requires, or an error in a known
// band reported through set_error with the same code and a message; no secret in the message. Then closes the
// context and `sinks` (later use counts as a late call).
void checkWellFormed(Findings& findings, const CheckProfile& profile, int32_t rc, RecordingCallContext& ctx,
                     const std::function<void(Findings&)>& okChecks,
                     std::initializer_list<SinkBase*> sinks = {});
// PSJ_OK from run(): set_run_id with a non-empty id of at most 1024 bytes.
void checkRunOk(Findings& findings, const RunSink& sink);
// PSJ_OK from poll()/cancel(): set_state, and a Failed state comes with a message.
void checkStatusOk(Findings& findings, const StatusSink& sink);

struct ConformanceCheck {
  const char* name;   // stable, e.g. "null-arguments"
  const char* title;  // one line: what a plugin must do to pass
  bool needsInstance;
  std::function<void(Findings&, const psj_job_type&, const CheckProfile&)> run;
};

// Every check that holds for any job type, in the order check-plugin runs them.
const std::vector<ConformanceCheck>& conformanceChecks();

struct CheckResult {
  std::string name;
  std::string title;
  std::vector<std::string> problems;      // empty when passed or skipped
  std::optional<std::string> skipReason;  // set when skipped
  bool passed() const { return problems.empty() && !skipReason; }
  bool failed() const { return !problems.empty(); }
};

// Runs the check called `name` (std::invalid_argument for an unknown name). Checks that need an instance are
// skipped when the profile has no valid settings. Never throws for what the plugin does.
CheckResult runConformanceCheck(const std::string& name, const psj_job_type& jobType,
                                const CheckProfile& profile);

}  // namespace polysync::host::check
