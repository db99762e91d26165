// The LP64 layout of every polysync_jobtype_v1 struct is frozen (C++ view; layout_c11.c is the C view).
#include <gtest/gtest.h>

#include "headers/layout_expectations.h"

#define PSJ_LAYOUT_ASSERT(cond, what) static_assert(cond, what)
PSJ_LAYOUT_CHECKS

TEST(AbiLayout, StructSizesAndOffsetsAreFrozenAtCompileTime) {
  // The static_asserts above are the test; this records that they compiled.
  EXPECT_EQ(sizeof(psj_plugin_entry), 64u);
}

TEST(AbiLayout, CodesAndStatesKeepTheirBands) {
  EXPECT_TRUE(PSJ_CODE_IS_RETRYABLE(PSJ_E_RATE_LIMITED) && PSJ_CODE_IS_RETRYABLE(PSJ_E_INTERRUPTED));
  EXPECT_TRUE(PSJ_CODE_IS_CONFIGURATION(PSJ_E_INVALID_SETTINGS) &&
              PSJ_CODE_IS_CONFIGURATION(PSJ_E_PERMISSION));
  EXPECT_TRUE(PSJ_CODE_IS_PERMANENT(PSJ_E_NOT_FOUND) && PSJ_CODE_IS_PERMANENT(PSJ_E_INTERNAL));
  EXPECT_FALSE(PSJ_STATE_IS_TERMINAL(PSJ_STATE_RUNNING));
  EXPECT_TRUE(PSJ_STATE_IS_TERMINAL(PSJ_STATE_SUCCESS) && PSJ_STATE_IS_TERMINAL(PSJ_STATE_CANCELLED));
}
