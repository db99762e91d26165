#include "abi/InstanceRegistry.h"

#include <utility>
#include <vector>

namespace aifoundry::abi {
namespace {

// Handles are odd serial numbers shifted into a range no allocator returns for small objects
// (0x1, 0x3, ... would look like NULL-ish garbage; the tag keeps them recognisable in a debugger).
constexpr std::uintptr_t kHandleTag = std::uintptr_t{0x5053} << 48;  // "PS"

std::uintptr_t serialOf(const psj_instance* handle) { return reinterpret_cast<std::uintptr_t>(handle); }

}  // namespace

psj_instance* InstanceRegistry::add(std::unique_ptr<core::JobTypeInstance> instance) {
  std::shared_ptr<core::JobTypeInstance> shared(std::move(instance));
  std::lock_guard<std::mutex> lock(mutex_);
  const std::uintptr_t serial = kHandleTag | ((++lastSerial_ << 1) | 1u);
  live_.emplace(serial, std::move(shared));
  return reinterpret_cast<psj_instance*>(serial);
}

std::shared_ptr<core::JobTypeInstance> InstanceRegistry::find(const psj_instance* handle) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = live_.find(serialOf(handle));
  return it == live_.end() ? nullptr : it->second;
}

bool InstanceRegistry::remove(const psj_instance* handle) {
  std::shared_ptr<core::JobTypeInstance> doomed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = live_.find(serialOf(handle));
    if (it == live_.end()) return false;
    doomed = std::move(it->second);
    live_.erase(it);
  }
  return true;  // `doomed` is destroyed here, outside the lock (its destructor may take time)
}

std::size_t InstanceRegistry::clear() {
  std::unordered_map<std::uintptr_t, std::shared_ptr<core::JobTypeInstance>> doomed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    doomed.swap(live_);
  }
  return doomed.size();
}

}  // namespace aifoundry::abi
