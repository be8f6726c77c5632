/* bw-test-arranged.h: the checks of an automatic layout, shared by the tests that arrange. */
#pragma once

#include "bw-document.h"

G_BEGIN_DECLS

/* Asserts that no two sibling zones and no two nodes overlap, that every zone lies inside its
 * parent below the title band, and every node inside its own zone and no other. */
void bw_test_assert_arranged (BwDocument *doc);

G_END_DECLS
