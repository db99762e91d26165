// FuzzCheck: the invariants a fuzz target asserts beyond "no crash". A broken invariant prints one line and
// aborts, which libFuzzer reports as a crash and saves the input as a reproducer.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition, what)                                                    \
  do {                                                                                 \
    if (!(condition)) {                                                                \
      std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", __FILE__, __LINE__, \
                   std::string(what).c_str());                                         \
      std::abort();                                                                    \
    }                                                                                  \
  } while (false)

namespace fuzz {

// An error message the user sees must be one non-empty line (docs/azure-contract.md, "Errors and the ABI").
inline bool isOneLine(std::string_view message) {
  return !message.empty() && message.find('\n') == std::string_view::npos &&
         message.find('\r') == std::string_view::npos;
}

}  // namespace fuzz
