// PacedHistoryRead: the base of a live run's detail that a poll reads from Run History at most once per run
// per interval (PacedReads): RunStartTime, StepProgressReader. The derived class says what to read
// (through history() and paced()); the base answers for the last value read, forgets a run that ended and
// counts the reads. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "pipeline_job/PacedReads.h"
#include "pipeline_job/RunHistoryReader.h"

namespace aifoundry::pipeline_job {

template <class T>
class PacedHistoryRead {
 public:
  using Clock = typename PacedReads<T>::Clock;

  PacedHistoryRead(RunHistoryReader history, std::chrono::milliseconds interval,
                   Clock clock = PacedReads<T>::steadyNow)
      : history_(std::move(history)), reads_(interval, std::move(clock)) {}

  // The last value read, without a request: for a poll that found Run History failing just now.
  std::optional<T> known(const std::string& runId) const { return reads_.peek(runId); }
  void forget(const std::string& runId) { reads_.forget(runId); }
  std::uint64_t reads() const { return reads_.reads(); }

 protected:
  const RunHistoryReader& history() const { return history_; }
  PacedReads<T>& paced() { return reads_; }

 private:
  RunHistoryReader history_;
  PacedReads<T> reads_;
};

}  // namespace aifoundry::pipeline_job
