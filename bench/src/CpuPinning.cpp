#include "CpuPinning.h"

#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace bench {
namespace {

// Every thread of `pid` (a process's CPU set is per thread); false when one of them refuses.
bool setForAllThreads(pid_t pid, const cpu_set_t& set) {
  const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
  DIR* dir = opendir(tasks.c_str());
  if (dir == nullptr) return false;
  bool ok = true;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    const auto tid = static_cast<pid_t>(std::atoi(entry->d_name));
    // A thread that ended since the listing is no failure.
    if (sched_setaffinity(tid, sizeof set, &set) != 0 && errno != ESRCH) ok = false;
  }
  closedir(dir);
  return ok;
}

}  // namespace

std::unique_ptr<CpuPinning> CpuPinning::serverApart(pid_t server) {
  cpu_set_t original;
  CPU_ZERO(&original);
  if (sched_getaffinity(0, sizeof original, &original) != 0 || CPU_COUNT(&original) < 2) return nullptr;
  int first = 0;
  while (!CPU_ISSET(first, &original)) ++first;
  cpu_set_t serverSet;
  CPU_ZERO(&serverSet);
  CPU_SET(first, &serverSet);
  cpu_set_t clientSet = original;
  CPU_CLR(first, &clientSet);
  std::unique_ptr<CpuPinning> pinning(new CpuPinning(server, original));
  if (!setForAllThreads(server, serverSet) || !setForAllThreads(getpid(), clientSet)) return nullptr;
  return pinning;  // (a partial change is undone by the destructor either way)
}

CpuPinning::~CpuPinning() {
  setForAllThreads(server_, original_);
  setForAllThreads(getpid(), original_);
}

}  // namespace bench
