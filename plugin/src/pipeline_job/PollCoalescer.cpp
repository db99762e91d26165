#include "pipeline_job/PollCoalescer.h"

#include <chrono>

#include "core/JobTypeError.h"
#include "pipeline_job/ErrorTranslation.h"

namespace aifoundry::pipeline_job {
namespace {

// How often a waiter looks at its own interrupt flag and deadline.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);

bool isCallerLimit(const core::JobTypeError& error) {
  return error.code() == core::ErrorCode::Interrupted || error.code() == core::ErrorCode::Timeout;
}

// Called in a catch block: what went wrong, as the value every caller of the flight throws a copy of. Each
// thread throws its own object: a shared exception (std::exception_ptr) would be read by several threads and
// freed by whichever drops it last, inside libstdc++ where ThreadSanitizer cannot see the ordering.
core::JobTypeError currentError() {
  try {
    rethrowTranslated();
  } catch (const core::JobTypeError& e) {
    return e;
  } catch (...) {  // std::bad_alloc, which the translation lets through
  }
  return core::JobTypeError(core::ErrorCode::Internal, "poll: out of memory while reading the run");
}

}  // namespace

RunObservation PollCoalescer::observe(const std::string& runId, core::CallContext& ctx, const Read& read) {
  std::shared_ptr<Flight> flight;
  bool leader = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = flights_[runId];
    if (!slot) {
      slot = std::make_shared<Flight>();
      leader = true;
    } else {
      ++slot->followers;
    }
    flight = slot;
  }
  return leader ? lead(runId, flight, read) : follow(*flight, ctx, read);
}

RunObservation PollCoalescer::lead(const std::string& runId, const std::shared_ptr<Flight>& flight,
                                   const Read& read) {
  std::optional<RunObservation> result;
  std::optional<core::JobTypeError> error;
  try {
    result = read();
  } catch (...) {
    error = currentError();
  }
  bool followed = false;
  {
    // Unpublish first: a poll arriving from now on starts a fresh read.
    std::lock_guard<std::mutex> lock(mutex_);
    flights_.erase(runId);
    followed = flight->followers > 0;
  }
  {
    std::lock_guard<std::mutex> lock(flight->mutex);
    flight->finished = true;
    // The common case is a poll nobody joined: then the observation is not copied for nobody.
    if (followed) flight->result = result;
    flight->error = error;
    flight->errorIsLeaders = error && isCallerLimit(*error);
  }
  flight->done.notify_all();
  if (error) throw core::JobTypeError(*error);
  return std::move(*result);
}

RunObservation PollCoalescer::follow(Flight& flight, core::CallContext& ctx, const Read& read) {
  {
    std::unique_lock<std::mutex> lock(flight.mutex);
    while (!flight.finished) {
      lock.unlock();
      ctx.throwIfStopped();
      lock.lock();
      flight.done.wait_for(lock, kWaitSlice, [&] { return flight.finished; });
    }
    if (flight.result) return *flight.result;
    if (!flight.errorIsLeaders)
      throw core::JobTypeError(*flight.error);  // a copy of its own, made under the lock
  }
  return read();
}

}  // namespace aifoundry::pipeline_job
