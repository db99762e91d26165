#include "HeapCounter.h"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> g_counting{false};
std::atomic<long> g_live{0};
std::atomic<long> g_peak{0};

void note(long delta) {
  const long live = g_live.fetch_add(delta, std::memory_order_relaxed) + delta;
  long peak = g_peak.load(std::memory_order_relaxed);
  while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
  }
}

void* allocate(std::size_t size) {
  void* p = std::malloc(size ? size : 1);
  if (!p) throw std::bad_alloc();
  if (g_counting.load(std::memory_order_relaxed)) note(static_cast<long>(malloc_usable_size(p)));
  return p;
}

void release(void* p) noexcept {
  if (!p) return;
  // Frees of blocks allocated before the scope make `live` dip below zero; the peak is still right.
  if (g_counting.load(std::memory_order_relaxed)) note(-static_cast<long>(malloc_usable_size(p)));
  std::free(p);
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }

namespace bench {

HeapScope::HeapScope() {
  g_live.store(0);
  g_peak.store(0);
  g_counting.store(true);
}

HeapScope::~HeapScope() { g_counting.store(false); }

std::size_t HeapScope::peakBytes() const { return static_cast<std::size_t>(g_peak.load()); }

}  // namespace bench
