// One platform connection: a plugin instance created from settings, and the host's way to drive each of its
// callbacks. Every call gets a fresh CallContext (deadline = now + call timeout, or an earlier one the caller
// gives), is watched by the InterruptWatcher (deadline, Ctrl-C), and gets its own sink; after the callback
// returns the context and sink are closed, and kept alive a while so a late call from the plugin is a logged
// contract violation rather than a use after free.
//
// Failures throw OperationError with the plugin's code and message (or the host's, when the plugin broke the
// contract: an error without a message, OK without the required sink call).
//
// Threads: the methods may be called concurrently (the ABI allows it) except the destructor, which calls
// destroy and must run when no call is in flight.
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/CallContext.h"
#include "polysync_host/LoadedPlugin.h"
#include "polysync_host/Results.h"
#include "polysync_host/RunRequest.h"

namespace polysync::host {

class InterruptWatcher;

struct CallOptions {
  std::chrono::milliseconds callTimeout{120000};  // per callback; zero = no deadline
};

class PlatformConnection {
 public:
  using TimePoint = CallContext::Clock::time_point;

  // Calls job_type->create with `settings`. `watcher` may be null (no deadline enforcement, no Ctrl-C).
  PlatformConnection(std::shared_ptr<LoadedPlugin> plugin, const JobTypeInfo& jobType,
                     const std::vector<Setting>& settings, InterruptWatcher* watcher,
                     CallOptions options = {});
  ~PlatformConnection();
  PlatformConnection(const PlatformConnection&) = delete;
  PlatformConnection& operator=(const PlatformConnection&) = delete;

  const JobTypeInfo& jobType() const { return jobType_; }
  LoadedPlugin& plugin() const { return *plugin_; }

  // test_connection: the plugin's description of what it checked (nullopt when it gave none).
  std::optional<std::string> testConnection();
  std::vector<ImportedJob> importJobs(const std::string& filter);
  RunSubmission run(const RunRequest& request);
  // `deadline` may shorten the call's deadline (e.g. the end of run --wait's --timeout).
  RunStatus poll(const std::string& runId, const std::vector<RunParameter>& parameters,
                 std::optional<TimePoint> deadline = std::nullopt);
  RunStatus cancel(const std::string& runId, const std::vector<RunParameter>& parameters,
                   std::optional<TimePoint> deadline = std::nullopt);

 private:
  // Runs `callback(ctx)` in a watched context, retires `keepAlive` with it, throws on a failure code.
  template <class Callback>
  void invoke(const char* name, std::optional<TimePoint> deadline, std::shared_ptr<void> keepAlive,
              Callback&& callback);
  RunStatus status(const char* name, bool cancel, const std::string& runId,
                   const std::vector<RunParameter>& parameters, std::optional<TimePoint> deadline);
  [[noreturn]] void unsupported(const char* name) const;

  std::shared_ptr<LoadedPlugin> plugin_;
  const JobTypeInfo& jobType_;
  InterruptWatcher* watcher_;
  CallOptions options_;
  psj_instance* instance_ = nullptr;

  std::mutex retiredMutex_;
  std::deque<std::shared_ptr<void>> retired_;
};

}  // namespace polysync::host
