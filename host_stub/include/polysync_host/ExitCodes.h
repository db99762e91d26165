// Exit codes of polysync-host-stub: a contract that scripts and checks rely on.
#pragma once

#include <cstdint>

namespace polysync::host {

constexpr int kExitOk = 0;            // success
constexpr int kExitFailed = 1;        // the operation failed (incl. test-connection not ok, interrupted)
constexpr int kExitUsage = 2;         // bad or missing options, unknown command, unreadable input file
constexpr int kExitPluginLoad = 3;    // a plugin or its manifest was refused
constexpr int kExitRunFailed = 4;     // run --wait: the run ended Failed
constexpr int kExitRunCancelled = 5;  // run --wait: the run ended Cancelled
constexpr int kExitWaitTimedOut = 6;  // run --wait: --timeout passed before the run ended
constexpr int kExitChecksFailed = 7;  // check-plugin: a conformance check failed (a refused plugin included)

// The exit code of `run --wait` for a terminal PSJ_STATE_*: 0 only for Success. A terminal state added in a
// later minor counts as a failure.
int exitCodeForTerminalState(int32_t state);

}  // namespace polysync::host
