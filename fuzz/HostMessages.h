// checkShownAsOneLine: inside a catch block of a host error, checks what the host shows the user for it
// (currentFailure(), used by every command's output): one non-empty printable line, whatever the error
// quotes.
#pragma once

#include <string>

#include "FuzzCheck.h"
#include "polysync_host/ResultJson.h"

namespace fuzz {

inline void checkShownAsOneLine(const char* what) {
  FUZZ_CHECK(*what != '\0', "empty error message");
  const polysync::host::Failure shown = polysync::host::currentFailure();
  FUZZ_CHECK(isOneLine(shown.message), "the host shows a message that is not one line: " + shown.message);
  FUZZ_CHECK(shown.message.size() <= 4096 + 3, "the host shows an unbounded message");
}

}  // namespace fuzz
