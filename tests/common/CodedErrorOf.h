// errorOf(fn): the CodedError fn throws; a test failure when it throws nothing.
#pragma once

#include <gtest/gtest.h>

#include "common/CodedError.h"

namespace aifoundry::common::test {

template <typename Fn>
CodedError errorOf(Fn&& fn) {
  try {
    fn();
  } catch (const CodedError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a CodedError";
  return CodedError("none", "none");
}

}  // namespace aifoundry::common::test
