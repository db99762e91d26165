#include "polysync_host/SinkGate.h"

#include "polysync_host/ContractViolations.h"

namespace polysync::host {

bool SinkGate::admit(const char* function) {
  if (!closed_.load()) return true;
  violation(std::string(function) + " called after the callback returned");
  return false;
}

std::optional<std::string> SinkGate::copy(const char* data, uint64_t len, const char* what, uint64_t maxLen) {
  if (!data) {
    if (len > 0) violation(std::string(what) + " is NULL with a nonzero length");
    return len > 0 ? std::nullopt : std::optional<std::string>(std::string());
  }
  if (len > maxLen) {
    violation(std::string(what) + " is " + std::to_string(len) + " bytes, more than the " +
              std::to_string(maxLen) + " allowed; it was cut");
    len = maxLen;
  }
  return std::string(data, len);
}

void SinkGate::violation(const std::string& what) {
  reportContractViolation(logger_, std::string(sinkName_) + "." + what);
}

}  // namespace polysync::host
