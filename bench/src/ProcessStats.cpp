#include "ProcessStats.h"

#include <sys/resource.h>

#include <fstream>
#include <string>

namespace bench {
namespace {

long statusField(const std::string& name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, name.size(), name) == 0 && line.size() > name.size() && line[name.size()] == ':')
      return std::stol(line.substr(name.size() + 1)) * 1024;  // "VmHWM:   1234 kB"
  }
  return 0;
}

double seconds(const rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

long residentBytes() { return statusField("VmRSS"); }
long peakResidentBytes() { return statusField("VmHWM"); }

bool resetPeakResident() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

double threadCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return seconds(usage);
}

double processCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return seconds(usage);
}

}  // namespace bench
