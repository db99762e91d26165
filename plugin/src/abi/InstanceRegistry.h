// InstanceRegistry: the live job-type instances, behind opaque handles.
//
// A psj_instance* handed to the host is not a pointer to memory: it encodes a serial number that is never
// reused. So a call with a destroyed, foreign or garbage handle is detected (PSJ_E_INVALID_ARGUMENT) rather
// than touching freed memory, even when the allocator has since reused the address. Calls hold a shared_ptr
// for their duration, so even a host that broke the rule "destroy only when no call is in flight" cannot
// free an instance under a running call.
//
// Threads: every method, any thread, concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/JobType.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

class InstanceRegistry {
 public:
  psj_instance* add(std::unique_ptr<core::JobTypeInstance> instance);
  // The instance behind `handle`, or nullptr when it is not live.
  std::shared_ptr<core::JobTypeInstance> find(const psj_instance* handle) const;
  // Forgets `handle`; its instance is destroyed once no call holds it. False when it was not live.
  bool remove(const psj_instance* handle);
  // Forgets every instance (deinit); returns how many were still live.
  std::size_t clear();

 private:
  mutable std::mutex mutex_;
  std::uintptr_t lastSerial_ = 0;
  std::unordered_map<std::uintptr_t, std::shared_ptr<core::JobTypeInstance>> live_;
};

}  // namespace aifoundry::abi
