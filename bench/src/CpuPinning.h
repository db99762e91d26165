// CpuPinning: a server process on a CPU of its own, and this process (with what it starts from now on: the
// plugin's polling threads, wrk) on the others, for the poll comparison in which the client does not take the
// server's CPU, as it never does with Azure. The object restores both processes' CPU sets when it goes.
// Linux only; not thread-safe (the benchmark pins and unpins from its main thread, between rounds).
#pragma once

#include <sched.h>
#include <sys/types.h>

#include <memory>

namespace bench {

class CpuPinning {
 public:
  // nullptr when this process may run on fewer than 2 CPUs or the kernel refuses a change.
  static std::unique_ptr<CpuPinning> serverApart(pid_t server);
  ~CpuPinning();
  CpuPinning(const CpuPinning&) = delete;
  CpuPinning& operator=(const CpuPinning&) = delete;

 private:
  CpuPinning(pid_t server, const cpu_set_t& original) : server_(server), original_(original) {}
  pid_t server_;
  cpu_set_t original_;  // this process's set before, which the server had too (it is our child)
};

}  // namespace bench
