/* test-layout.c: the shared geometry — boxes, nesting order, edge clipping, hit testing through
 * the spatial index, rubber-band queries, export pages and alignment guides. */
#include "config.h"

#include <math.h>

#include "bw-document-io.h"
#include "bw-layout.h"
#include "bw-test-util.h"

static BwDocument *
load (const char *relative)
{
  g_autofree char *path = bw_test_source_path (relative);
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_geometry (void)
{
  g_autoptr(BwDocument) doc = load ("tests/fixtures/good/nested-zones.bulwark");
  g_autoptr(BwLayout) layout = bw_layout_new (doc, NULL);
  BwRect bounds = bw_layout_get_bounds (layout);
  BwRect page;
  BwRect band;
  BwObjectType type;
  const BwLayoutEdge *e;

  /* Parents paint first. */
  g_assert_cmpstr (bw_layout_get_zone (layout, 0)->zone->id, ==, "z1");
  g_assert_cmpuint (bw_layout_get_zone (layout, 2)->depth, ==, 2);
  g_assert_cmpfloat (bounds.x, ==, 0);
  g_assert_cmpfloat (bounds.w, ==, 1200);
  g_assert_cmpfloat (bounds.h, ==, 960 + BW_NODE_HEIGHT);

  /* Nodes hit before the zones they sit in; the innermost zone otherwise; nothing outside. */
  g_assert_cmpstr (bw_layout_hit (layout, 48 + 5, 144 + 5, &type), ==, "n1");
  g_assert_cmpint (type, ==, BW_OBJECT_NODE);
  g_assert_cmpstr (bw_layout_hit (layout, 420, 320, &type), ==, "z3");
  g_assert_cmpint (type, ==, BW_OBJECT_ZONE);
  g_assert_cmpstr (bw_layout_hit (layout, 1100, 800, &type), ==, "z1");
  g_assert_null (bw_layout_hit (layout, -50, -50, &type));

  /* An edge ends on the borders of what it joins. */
  e = bw_layout_get_edge (layout, 2); /* n3 → n4, side by side */
  g_assert_cmpfloat_with_epsilon (e->x1, 0 + BW_NODE_WIDTH, 1e-9);
  g_assert_cmpfloat_with_epsilon (e->x2, 240, 1e-9);

  /* Rubber band: nodes touched; zones only when wholly inside. */
  {
    BwRect r = { 0, 900, 500, 200 };
    g_autoptr(GPtrArray) ids = bw_layout_query_rect (layout, &r, FALSE);

    g_assert_cmpuint (ids->len, ==, 2);
  }

  bw_layout_get_page (layout, TRUE, &page, &band);
  g_assert_cmpfloat (page.x, <, bounds.x);
  g_assert_cmpfloat (band.y, >, bounds.y + bounds.h);
  g_assert_cmpfloat (page.y + page.h, >=, band.y + band.h);
}

static void
test_alignment (void)
{
  g_autoptr(BwDocument) doc = load ("tests/fixtures/good/all-edge-kinds.bulwark");
  g_autoptr(BwLayout) layout = bw_layout_new (doc, NULL);
  double x = 203;  /* n2 sits at (200, 60); n1 at (40, 60) */
  double y = 300;
  double gx, gy;

  /* Close to n4's column (200) and to nothing in y. */
  bw_layout_align_node (layout, "n2", 6, &x, &y, &gx, &gy);
  g_assert_cmpfloat (x, ==, 200);
  g_assert_cmpfloat (gx, ==, 200 + BW_NODE_WIDTH / 2);
  g_assert_true (isnan (gy));
  g_assert_cmpfloat (y, ==, 300);

  /* Close to n1's row. */
  x = 600;
  y = 64;
  bw_layout_align_node (layout, "n2", 6, &x, &y, &gx, &gy);
  g_assert_cmpfloat (y, ==, 60);
  g_assert_true (isnan (gx));

  /* Far from everything: unchanged. */
  x = 5000;
  y = 5000;
  bw_layout_align_node (layout, "n2", 6, &x, &y, &gx, &gy);
  g_assert_cmpfloat (x, ==, 5000);
  g_assert_true (isnan (gx) && isnan (gy));
}

static void
test_follows_document (void)
{
  g_autoptr(BwDocument) doc = load ("tests/fixtures/good/small.bulwark");
  g_autoptr(BwLayout) layout = bw_layout_new (doc, NULL);
  BwObjectType type;

  g_assert_true (bw_document_set_geometry (doc, "n1", 3000, 3000, 0, 0, NULL));
  bw_layout_update (layout);
  g_assert_cmpstr (bw_layout_hit (layout, 3010, 3010, &type), ==, "n1");
  g_assert_cmpstr (bw_layout_hit (layout, 50, 70, &type), ==, "z1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/geometry", test_geometry);
  g_test_add_func ("/layout/alignment", test_alignment);
  g_test_add_func ("/layout/follows-document", test_follows_document);
  return g_test_run ();
}
