/* test-layout.c: the shared geometry — boxes, nesting order, edge clipping, hit testing through
 * the spatial index, rubber-band queries, export pages and alignment guides; and the parts of
 * cards, zones, arrowheads and the coverage strip. */
#include "config.h"

#include <math.h>

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-layout.h"
#include "bw-overlay.h"
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

/* The sample estate with its coverage: what the exporters draw. */
typedef struct
{
  BwCatalog  *catalog;
  BwDocument *document;
  BwEngine   *engine;
  BwLayout   *layout;
  GHashTable *coverage;
  BwOverlay   overlay;
} Sample;

static void
sample_load (Sample *f)
{
  g_autoptr(GError) error = NULL;

  f->catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);
  f->document = load ("data/samples/reference-architecture.bulwark");
  f->engine = bw_engine_new (f->catalog);
  bw_engine_set_document (f->engine, f->document);
  f->layout = bw_layout_new (f->document, f->catalog);
  f->coverage = bw_overlay_asset_coverage (bw_engine_get_report (f->engine));
  bw_layout_set_asset_coverage (f->layout, f->coverage);
  bw_overlay_fill_from_report (&f->overlay, bw_engine_get_report (f->engine), f->catalog);
}

static void
sample_clear (Sample *f)
{
  bw_overlay_clear (&f->overlay);
  g_clear_pointer (&f->coverage, g_hash_table_unref);
  g_clear_pointer (&f->layout, bw_layout_unref);
  g_clear_object (&f->engine);
  g_clear_object (&f->document);
  g_clear_object (&f->catalog);
}

static gboolean
rect_inside (const BwRect *inner,
             const BwRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y && inner->x + inner->w <= outer->x + outer->w &&
         inner->y + inner->h <= outer->y + outer->h;
}

static void
test_card_parts (void)
{
  Sample f = { 0 };
  guint n_badges = 0;
  guint n_bands = 0;

  sample_load (&f);
  for (guint i = 0; i < bw_layout_get_n_nodes (f.layout); i++)
    {
      const BwLayoutNode *ln = bw_layout_get_node (f.layout, i);
      const BwRect *r = &ln->rect;
      gboolean asset = ln->stencil != NULL && ln->stencil->role == BW_ROLE_ASSET;

      /* Every part inside its card; the icon and the label centred on it. */
      g_assert_true (rect_inside (&ln->icon, r));
      g_assert_true (rect_inside (&ln->label, r));
      g_assert_true (rect_inside (&ln->badge, r));
      g_assert_true (rect_inside (&ln->band, r));
      g_assert_true (rect_inside (&ln->far_icon, r));
      g_assert_true (rect_inside (&ln->far_badge, r));
      g_assert_cmpfloat_with_epsilon (ln->icon.x + ln->icon.w / 2, r->x + r->w / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (ln->label.x + ln->label.w / 2, r->x + r->w / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (ln->far_icon.y + ln->far_icon.h / 2, r->y + r->h / 2, 1e-9);
      g_assert_cmpfloat (ln->icon.w, ==, BW_ICON_SIZE);
      /* The label under the icon, its lines within its box, its baseline inside the first. */
      g_assert_cmpfloat (ln->label.y, >=, ln->icon.y + ln->icon.h);
      g_assert_cmpfloat (ln->label.h, ==, BW_LABEL_LINES * BW_LABEL_LINE_HEIGHT);
      g_assert_cmpfloat (ln->label_baseline, >, ln->label.y);
      g_assert_cmpfloat (ln->label_baseline, <, ln->label.y + BW_LABEL_LINE_HEIGHT);
      /* The badge in the top right corner, clear of the icon. */
      g_assert_cmpfloat (ln->badge.x + ln->badge.w, ==, r->x + r->w - BW_BADGE_INSET);
      g_assert_cmpfloat (ln->badge.y, ==, r->y + BW_BADGE_INSET);
      g_assert_false (bw_rect_intersects (&ln->badge, &ln->icon));
      g_assert_cmpfloat (ln->badge_baseline, >, ln->badge.y);
      g_assert_cmpfloat (ln->badge_baseline, <, ln->badge.y + ln->badge.h);
      /* The band along the top; the handle on the middle of the right side. */
      g_assert_cmpfloat (ln->band.y, ==, r->y);
      g_assert_cmpfloat (ln->handle.x, ==, r->x + r->w);
      g_assert_cmpfloat (ln->handle.y, ==, r->y + r->h / 2);

      /* Services and collectors carry a band, assets with a known coverage a badge. */
      g_assert_cmpint (ln->has_band, ==, ln->stencil != NULL && !asset);
      g_assert_cmpint (ln->has_badge, ==, asset && ln->coverage >= 0);
      n_badges += ln->has_badge;
      n_bands += ln->has_band;
    }
  g_assert_cmpuint (n_badges, >, 0);
  g_assert_cmpuint (n_bands, >, 0);

  /* Without coverage, no badges. */
  bw_layout_set_asset_coverage (f.layout, NULL);
  for (guint i = 0; i < bw_layout_get_n_nodes (f.layout); i++)
    g_assert_false (bw_layout_get_node (f.layout, i)->has_badge);
  sample_clear (&f);
}

static void
test_zone_and_edge_parts (void)
{
  g_autoptr(BwDocument) doc = load ("tests/fixtures/good/nested-zones.bulwark");
  g_autoptr(BwLayout) layout = bw_layout_new (doc, NULL);

  for (guint i = 0; i < bw_layout_get_n_zones (layout); i++)
    {
      const BwLayoutZone *lz = bw_layout_get_zone (layout, i);
      const BwRect *r = &lz->rect;
      BwRect header = { r->x, r->y, r->w, BW_ZONE_HEADER };

      /* Icon and title in the header, the title after the icon and clear of the right border. */
      g_assert_true (rect_inside (&lz->icon, &header));
      g_assert_true (rect_inside (&lz->title, &header));
      g_assert_cmpfloat (lz->title.x, >=, lz->icon.x + lz->icon.w);
      g_assert_cmpfloat (lz->title.x + lz->title.w, ==, r->x + r->w - BW_ZONE_TITLE_RIGHT);
      g_assert_cmpfloat (lz->title_baseline, ==, lz->title.y + BW_ZONE_TITLE_ASCENT);
      /* The grip centred on the bottom right corner. */
      g_assert_cmpfloat (lz->grip.x + lz->grip.w / 2, ==, r->x + r->w);
      g_assert_cmpfloat (lz->grip.y + lz->grip.h / 2, ==, r->y + r->h);
    }

  for (guint i = 0; i < bw_layout_get_n_edges (layout); i++)
    {
      const BwLayoutEdge *le = bw_layout_get_edge (layout, i);
      double length = hypot (le->x2 - le->x1, le->y2 - le->y1);
      double ux = (le->x2 - le->x1) / length;
      double uy = (le->y2 - le->y1) / length;

      /* The tip on the end; the barbs BW_ARROW_SIZE back from it, one either side. */
      g_assert_cmpfloat (le->head[0].x, ==, le->x2);
      g_assert_cmpfloat (le->head[0].y, ==, le->y2);
      for (guint k = 1; k <= 2; k++)
        {
          double dx = le->head[k].x - le->x2;
          double dy = le->head[k].y - le->y2;

          g_assert_cmpfloat_with_epsilon (hypot (dx, dy), BW_ARROW_SIZE, 1e-9);
          g_assert_cmpfloat_with_epsilon (-(dx * ux + dy * uy), BW_ARROW_SIZE * cos (BW_ARROW_ANGLE), 1e-9);
        }
      g_assert_cmpfloat_with_epsilon ((le->head[1].x - le->x2) * uy - (le->head[1].y - le->y2) * ux,
                                      -((le->head[2].x - le->x2) * uy - (le->head[2].y - le->y2) * ux), 1e-9);
    }
}

static void
test_overlay_cells (void)
{
  BwRect band = { 100, 500, 914, BW_OVERLAY_HEIGHT };
  BwRect view = bw_layout_get_view_band (1200, 800);
  double right = band.x + BW_OVERLAY_PADDING;

  /* The canvas keeps the strip off its sides and bottom. */
  g_assert_cmpfloat (view.x, ==, BW_OVERLAY_VIEW_MARGIN);
  g_assert_cmpfloat (view.x + view.w, ==, 1200 - BW_OVERLAY_VIEW_MARGIN);
  g_assert_cmpfloat (view.y + view.h, ==, 800 - BW_OVERLAY_VIEW_MARGIN);

  /* Fourteen tactics tile the top row with a gap between cells, seven phases the row below. */
  for (guint i = 0; i < 14; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (&band, FALSE, i, 14, &cell);
      g_assert_cmpfloat_with_epsilon (cell.box.x, right + BW_CELL_GAP / 2, 1e-9);
      g_assert_cmpfloat (cell.box.y, ==, band.y + BW_OVERLAY_PADDING);
      g_assert_cmpfloat (cell.box.h, ==, BW_TACTIC_ROW_HEIGHT);
      g_assert_true (rect_inside (&cell.text, &(BwRect) { cell.box.x - 0.01, cell.box.y, cell.box.w + 0.02, cell.box.h }));
      g_assert_cmpfloat_with_epsilon (cell.text.x + cell.text.w / 2, cell.box.x + cell.box.w / 2, 1e-9);
      /* One line sits on the middle; two lines share it, BW_CELL_LINE_HEIGHT apart. */
      g_assert_cmpfloat (cell.baseline, ==, cell.box.y + cell.box.h / 2 + BW_CELL_ASCENT);
      g_assert_cmpfloat (bw_layout_cell_baseline (&cell, 0, 1), ==, cell.baseline);
      g_assert_cmpfloat (bw_layout_cell_baseline (&cell, 1, 2) - bw_layout_cell_baseline (&cell, 0, 2), ==,
                         BW_CELL_LINE_HEIGHT);
      g_assert_cmpfloat ((bw_layout_cell_baseline (&cell, 1, 2) + bw_layout_cell_baseline (&cell, 0, 2)) / 2, ==,
                         cell.baseline);
      right = cell.box.x + cell.box.w + BW_CELL_GAP / 2;
    }
  g_assert_cmpfloat_with_epsilon (right, band.x + band.w - BW_OVERLAY_PADDING, 1e-9);
  for (guint i = 0; i < 7; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (&band, TRUE, i, 7, &cell);
      g_assert_cmpfloat (cell.box.y, ==, band.y + BW_OVERLAY_PADDING + BW_TACTIC_ROW_HEIGHT + BW_OVERLAY_ROW_GAP);
      g_assert_cmpfloat (cell.box.y + cell.box.h, <=, band.y + band.h - BW_OVERLAY_PADDING);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/geometry", test_geometry);
  g_test_add_func ("/layout/alignment", test_alignment);
  g_test_add_func ("/layout/follows-document", test_follows_document);
  g_test_add_func ("/layout/card-parts", test_card_parts);
  g_test_add_func ("/layout/zone-and-edge-parts", test_zone_and_edge_parts);
  g_test_add_func ("/layout/overlay-cells", test_overlay_cells);
  return g_test_run ();
}
