// PollCoalescer: single-flight by run id. When several threads poll the same run at the same moment (a
// scheduler fanning out, or retries piling up), one of them reads Azure and the others wait for and share
// its RunObservation, so N simultaneous polls cost one ARM GET. A poll that starts after the shared one
// finished reads afresh: nothing is cached.
//
// A waiter honours its own deadline and interrupt. When the leader's call was interrupted or timed out,
// that says nothing about the waiters' calls, so each of them reads for itself instead.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/CallContext.h"
#include "core/JobTypeError.h"
#include "pipeline_job/RunObservation.h"

namespace aifoundry::pipeline_job {

class PollCoalescer {
 public:
  using Read = std::function<RunObservation()>;

  RunObservation observe(const std::string& runId, core::CallContext& ctx, const Read& read);

 private:
  struct Flight {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    std::optional<RunObservation> result;
    std::optional<core::JobTypeError> error;  // translated; each caller throws a copy of its own
    bool errorIsLeaders = false;              // interrupted/timed out: the leader's own limits, not the run's
    int followers = 0;  // joined while published; guarded by the coalescer's mutex_, final once unpublished
  };

  RunObservation lead(const std::string& runId, const std::shared_ptr<Flight>& flight, const Read& read);
  static RunObservation follow(Flight& flight, core::CallContext& ctx, const Read& read);

  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace aifoundry::pipeline_job
