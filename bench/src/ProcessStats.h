// ProcessStats: what the benchmark reads about its own process — resident and peak memory (/proc/self/status)
// and CPU time (getrusage) — and a monotonic stopwatch. Any thread.
#pragma once

#include <chrono>
#include <string>

namespace bench {

// VmRSS / VmHWM in bytes (0 when unreadable).
long residentBytes();
long peakResidentBytes();
// Resets VmHWM to the current VmRSS (writes 5 to /proc/self/clear_refs); false when the kernel refuses.
bool resetPeakResident();

// CPU time (user + system) of the calling thread / the whole process, in seconds.
double threadCpuSeconds();
double processCpuSeconds();

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double millis() const { return seconds() * 1000.0; }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace bench
