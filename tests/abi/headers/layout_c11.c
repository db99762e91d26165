/* Layout of every polysync_jobtype_v1 struct on LP64, frozen: a change here breaks every released plugin
 * or host. Checked by the C compiler (C11 _Static_assert) here and by the C++ compiler in LayoutTest.cpp,
 * both from layout_expectations.h. */
#include "layout_expectations.h"
#define PSJ_LAYOUT_ASSERT(cond, what) _Static_assert(cond, what)
PSJ_LAYOUT_CHECKS
int layout_c11_anchor;
