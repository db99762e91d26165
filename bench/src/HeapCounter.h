// HeapCounter: counts the bytes live on the C++ heap (global operator new/delete are replaced in
// HeapCounter.cpp) so the benchmark can report the extra peak memory of one operation exactly, without the
// noise of RSS pages that malloc keeps. Counting is off until a Scope is open; then one relaxed atomic add
// per allocation.
//
// Threads: the counters are process-wide atomics; open one Scope at a time (the clone benchmark runs alone).
#pragma once

#include <cstddef>

namespace bench {

class HeapScope {
 public:
  HeapScope();   // starts counting from zero
  ~HeapScope();  // stops counting
  HeapScope(const HeapScope&) = delete;
  HeapScope& operator=(const HeapScope&) = delete;

  // Highest number of bytes allocated inside the scope and not yet freed, at any moment so far.
  std::size_t peakBytes() const;
};

}  // namespace bench
