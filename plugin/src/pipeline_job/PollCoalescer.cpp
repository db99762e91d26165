#include "pipeline_job/PollCoalescer.h"

#include <chrono>

#include "core/JobTypeError.h"

namespace aifoundry::pipeline_job {
namespace {

// How often a waiter looks at its own interrupt flag and deadline.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);

bool isCallerLimit(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const core::JobTypeError& e) {
    return e.code() == core::ErrorCode::Interrupted || e.code() == core::ErrorCode::Timeout;
  } catch (...) {
    return false;
  }
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
    }
    flight = slot;
  }
  return leader ? lead(runId, flight, read) : follow(*flight, ctx, read);
}

RunObservation PollCoalescer::lead(const std::string& runId, const std::shared_ptr<Flight>& flight,
                                   const Read& read) {
  std::optional<RunObservation> result;
  std::exception_ptr error;
  try {
    result = read();
  } catch (...) {
    error = std::current_exception();
  }
  {
    // Unpublish first: a poll arriving from now on starts a fresh read.
    std::lock_guard<std::mutex> lock(mutex_);
    flights_.erase(runId);
  }
  {
    std::lock_guard<std::mutex> lock(flight->mutex);
    flight->finished = true;
    flight->result = result;
    flight->error = error;
    flight->errorIsLeaders = error && isCallerLimit(error);
  }
  flight->done.notify_all();
  if (error) std::rethrow_exception(error);
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
    if (!flight.errorIsLeaders) std::rethrow_exception(flight.error);
  }
  return read();
}

}  // namespace aifoundry::pipeline_job
