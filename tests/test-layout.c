/* test-layout.c: the shared geometry — boxes, nesting order, edge clipping, hit testing through
 * the spatial index, rubber-band queries, export pages and alignment guides; the parts of cards,
 * zones, arrowheads and the coverage strip; and that the SVG writer and the painter draw those
 * parts where the layout put them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-layout-private.h"
#include "bw-overlay.h"
#include "bw-painter.h"
#include "bw-svg-writer.h"
#include "bw-test-estate.h"
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

/* A chain of zones, the innermost first in the document so that its depth is asked before
 * its parents', and a zone beside it: every depth is its count of enclosing zones. */
static void
test_zone_depths (void)
{
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwLayout) layout = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", i);

      g_assert_nonnull (bw_document_add_zone (doc, id, "zone.subnet", id, NULL, 0, 0, 100, 100,
                                              NULL));
    }
  /* z0 inside z1 inside … z4; z5 beside z3, inside z4. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", i);
      g_autofree char *parent = g_strdup_printf ("z%u", i + 1);

      g_assert_true (bw_document_set_parent (doc, id, parent, NULL));
    }
  g_assert_true (bw_document_set_parent (doc, "z5", "z4", NULL));
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        g_assert_true (bw_document_set_parent (doc, "z5", "z0", NULL));
      g_clear_pointer (&layout, bw_layout_unref);
      layout = bw_layout_new (doc, NULL);
      g_assert_cmpuint (bw_layout_get_n_zones (layout), ==, 6);
      for (guint i = 0; i < bw_layout_get_n_zones (layout); i++)
        {
          const BwLayoutZone *lz = bw_layout_get_zone (layout, i);
          guint n = lz->zone->id[1] - '0';

          g_assert_cmpuint (lz->depth, ==, n < 5 ? 4 - n : pass == 0 ? 1 : 5);
        }
    }
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
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->w <= outer->x + outer->w && inner->y + inner->h <= outer->y + outer->h;
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

/* The grip keeps BW_ZONE_GRIP_SIZE (≥ 12 logical pixels) on screen at any zoom, and the hit
 * tests are the layout's: the grip of a selected zone only, the handle on a card's right. */
static void
test_grip_and_handle (void)
{
  g_autoptr(BwDocument) doc = load ("tests/fixtures/good/nested-zones.bulwark");
  g_autoptr(BwLayout) layout = bw_layout_new (doc, NULL);
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  const BwLayoutZone *lz = bw_layout_get_zone (layout, 0);
  const BwLayoutNode *ln = bw_layout_get_node (layout, 0);
  double cx = lz->rect.x + lz->rect.w, cy = lz->rect.y + lz->rect.h;

  g_assert_cmpfloat (BW_ZONE_GRIP_SIZE, >=, 12);
  g_assert_cmpfloat (lz->grip.w, ==, BW_ZONE_GRIP_SIZE);
  bw_layout_set_view_zoom (layout, 0.5);
  lz = bw_layout_get_zone (layout, 0);
  g_assert_cmpfloat (lz->grip.w * 0.5, ==, BW_ZONE_GRIP_SIZE);
  g_assert_cmpfloat (lz->grip.h * 0.5, ==, BW_ZONE_GRIP_SIZE);
  g_assert_cmpfloat (lz->grip.x + lz->grip.w / 2, ==, cx);
  /* A rebuild keeps the zoom. */
  bw_layout_update (layout);
  lz = bw_layout_get_zone (layout, 0);
  g_assert_cmpfloat (lz->grip.w * 0.5, ==, BW_ZONE_GRIP_SIZE);

  g_assert_null (bw_layout_grip_at (layout, selected, cx, cy));
  g_hash_table_add (selected, (gpointer) lz->zone->id);
  g_assert_cmpstr (bw_layout_grip_at (layout, selected, cx - 10, cy - 10), ==, lz->zone->id);
  g_assert_null (bw_layout_grip_at (layout, selected, cx - 40, cy - 40));

  ln = bw_layout_get_node (layout, 0);
  g_assert_cmpstr (bw_layout_handle_at (layout, ln->handle.x + 8, ln->handle.y), ==, ln->node->id);
  g_assert_null (bw_layout_handle_at (layout, ln->handle.x + 40, ln->handle.y));
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
          g_assert_cmpfloat_with_epsilon (-(dx * ux + dy * uy),
                                          BW_ARROW_SIZE * cos (BW_ARROW_ANGLE), 1e-9);
        }
      g_assert_cmpfloat_with_epsilon (
          (le->head[1].x - le->x2) * uy - (le->head[1].y - le->y2) * ux,
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
      g_assert_true (rect_inside (
          &cell.text, &(BwRect) { cell.box.x - 0.01, cell.box.y, cell.box.w + 0.02, cell.box.h }));
      g_assert_cmpfloat_with_epsilon (cell.text.x + cell.text.w / 2, cell.box.x + cell.box.w / 2,
                                      1e-9);
      /* One line sits on the middle; two lines share it, BW_CELL_LINE_HEIGHT apart. */
      g_assert_cmpfloat (cell.baseline, ==, cell.box.y + cell.box.h / 2 + BW_CELL_ASCENT);
      g_assert_cmpfloat (bw_layout_cell_baseline (&cell, 0, 1), ==, cell.baseline);
      g_assert_cmpfloat (bw_layout_cell_baseline (&cell, 1, 2) -
                             bw_layout_cell_baseline (&cell, 0, 2),
                         ==, BW_CELL_LINE_HEIGHT);
      g_assert_cmpfloat (
          (bw_layout_cell_baseline (&cell, 1, 2) + bw_layout_cell_baseline (&cell, 0, 2)) / 2, ==,
          cell.baseline);
      right = cell.box.x + cell.box.w + BW_CELL_GAP / 2;
    }
  g_assert_cmpfloat_with_epsilon (right, band.x + band.w - BW_OVERLAY_PADDING, 1e-9);
  for (guint i = 0; i < 7; i++)
    {
      BwLayoutCell cell;

      bw_layout_get_overlay_cell (&band, TRUE, i, 7, &cell);
      g_assert_cmpfloat (cell.box.y, ==,
                         band.y + BW_OVERLAY_PADDING + BW_TACTIC_ROW_HEIGHT + BW_OVERLAY_ROW_GAP);
      g_assert_cmpfloat (cell.box.y + cell.box.h, <=, band.y + band.h - BW_OVERLAY_PADDING);
    }
}

/* The number after `name="` in `text`. */
static double
attribute (const char *text,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (text, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* From `start`, the first element opening with `opening`. */
static const char *
element (const char *start,
         const char *opening)
{
  const char *at = strstr (start, opening);

  g_assert_nonnull (at);
  return at;
}

/* Numbers in the SVG are rounded to 1/100. */
#define assert_svg_number(svg, name, expected) \
  g_assert_cmpfloat_with_epsilon (attribute ((svg), (name)), (expected), 0.0051)

static void
test_svg_at_layout (void)
{
  Sample f = { 0 };
  BwSvgOptions options = { FALSE, NULL, "test" };
  g_autofree char *svg = NULL;
  BwRect page;
  BwRect band;

  sample_load (&f);
  options.overlay = &f.overlay;
  svg = bw_svg_write (f.layout, &options, NULL);

  for (guint i = 0; i < bw_layout_get_n_nodes (f.layout); i++)
    {
      const BwLayoutNode *ln = bw_layout_get_node (f.layout, i);
      g_autofree char *opening = g_strdup_printf ("<g id=\"node-%s\"", ln->node->id);
      const char *group = element (svg, opening);
      const char *label = element (group, "<text class=\"label\"");

      /* The label's text centred in the layout's label box, on its baseline. */
      assert_svg_number (label, "x", ln->label.x + ln->label.w / 2);
      assert_svg_number (label, "y", ln->label_baseline);
      if (ln->stencil != NULL)
        {
          const char *icon = element (group, "<use ");

          assert_svg_number (icon, "x", ln->icon.x);
          assert_svg_number (icon, "y", ln->icon.y);
          assert_svg_number (icon, "width", ln->icon.w);
        }
      if (ln->has_badge)
        {
          const char *badge = element (element (group, "<g class=\"badge\""), "<rect ");
          const char *text = element (badge, "<text ");

          assert_svg_number (badge, "x", ln->badge.x);
          assert_svg_number (badge, "y", ln->badge.y);
          assert_svg_number (badge, "width", ln->badge.w);
          assert_svg_number (badge, "height", ln->badge.h);
          assert_svg_number (text, "x", ln->badge.x + ln->badge.w / 2);
          assert_svg_number (text, "y", ln->badge_baseline);
        }
    }

  for (guint i = 0; i < bw_layout_get_n_zones (f.layout); i++)
    {
      const BwLayoutZone *lz = bw_layout_get_zone (f.layout, i);
      g_autofree char *opening = g_strdup_printf ("<g id=\"zone-%s\"", lz->zone->id);
      const char *title = element (element (svg, opening), "<text class=\"zone-label\"");

      assert_svg_number (title, "x", lz->title.x);
      assert_svg_number (title, "y", lz->title_baseline);
    }

  for (guint i = 0; i < bw_layout_get_n_edges (f.layout); i++)
    {
      const BwLayoutEdge *le = bw_layout_get_edge (f.layout, i);
      g_autofree char *opening = g_strdup_printf ("<g id=\"edge-%s\"", le->edge->id);
      const char *points = element (element (svg, opening), "<polygon points=\"") + strlen ("<polygon points=\"");
      char *end = NULL;

      for (guint k = 0; k < 3; k++)
        {
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (points, &end), le->head[k].x, 0.0051);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (end + 1, &end), le->head[k].y, 0.0051);
          points = end + 1;
        }
    }

  /* The strip's cells where the layout puts them below the diagram. */
  bw_layout_get_page (f.layout, TRUE, &page, &band);
  {
    const char *cell = element (svg, "<g id=\"coverage-overlay\"");

    for (guint i = 0; i < f.overlay.n_tactics + f.overlay.n_phases; i++)
      {
        gboolean phase = i >= f.overlay.n_tactics;
        guint n = phase ? f.overlay.n_phases : f.overlay.n_tactics;
        guint index = phase ? i - f.overlay.n_tactics : i;
        const BwOverlayCell *oc = phase ? &f.overlay.phases[index] : &f.overlay.tactics[index];
        BwLayoutCell geometry;
        const char *text;

        bw_layout_get_overlay_cell (&band, phase, index, n, &geometry);
        cell = element (cell + 1, "<g class=\"cell");
        assert_svg_number (element (cell, "<rect "), "x", geometry.box.x);
        assert_svg_number (element (cell, "<rect "), "y", geometry.box.y);
        assert_svg_number (element (cell, "<rect "), "width", geometry.box.w);
        text = element (cell, "<text ");
        assert_svg_number (text, "x", geometry.text.x + geometry.text.w / 2);
        assert_svg_number (text, "y", bw_layout_cell_baseline (&geometry, 0, !phase && oc->ratio >= 0 ? 2 : 1));
      }
  }
  sample_clear (&f);
}

/* The box of the pixels that differ between two images of the same size; FALSE when none do. */
static gboolean
difference_box (cairo_surface_t *a,
                cairo_surface_t *b,
                BwRect          *box)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      if (memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0)
        {
          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
        }
  if (x1 < 0)
    return FALSE;
  *box = (BwRect) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return TRUE;
}

/* One asset card, painted close up at the origin. */
static cairo_surface_t *
paint_card (BwCatalog  *catalog,
            const char *label,
            double      coverage)
{
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwLayout) layout = NULL;
  g_autoptr(BwPainter) painter = bw_painter_new (FALSE);
  g_autoptr(GHashTable) ratios = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 120);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bw_document_add_node (doc, "n1", "azure.vm", label, NULL, 0, 0, NULL, &error));
  g_assert_no_error (error);
  layout = bw_layout_new (doc, catalog);
  if (coverage >= 0)
    {
      g_hash_table_insert (ratios, "n1", g_memdup2 (&coverage, sizeof coverage));
      bw_layout_set_asset_coverage (layout, ratios);
    }
  cairo_translate (cr, 10, 10);
  bw_painter_draw_diagram (painter, cr, layout, NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_painter_at_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwLayout) layout = NULL;
  const BwLayoutNode *ln;
  cairo_surface_t *bare;
  cairo_surface_t *labelled;
  cairo_surface_t *badged;
  BwRect ink;

  g_assert_no_error (error);
  g_assert_nonnull (bw_document_add_node (doc, "n1", "azure.vm", "HHHH", NULL, 0, 0, NULL, NULL));
  layout = bw_layout_new (doc, catalog);
  ln = bw_layout_get_node (layout, 0);

  bare = paint_card (catalog, "", -1);
  labelled = paint_card (catalog, "HHHH", -1);
  badged = paint_card (catalog, "", 0.5);

  /* The label's ink: inside the label box, centred on it, standing on its baseline ("H" has
   * no descender). The card was painted 10 px in from the image's corner. */
  g_assert_true (difference_box (bare, labelled, &ink));
  ink.x -= 10;
  ink.y -= 10;
  g_assert_true (rect_inside (&ink, &ln->label));
  g_assert_cmpfloat (fabs ((ink.x + ink.w / 2) - (ln->label.x + ln->label.w / 2)), <=, 1);
  g_assert_cmpfloat (fabs ((ink.y + ink.h) - ln->label_baseline), <=, 1);

  /* The badge where the layout put it. */
  g_assert_true (difference_box (bare, badged, &ink));
  ink.x -= 10;
  ink.y -= 10;
  g_assert_cmpfloat (fabs (ink.x - ln->badge.x), <=, 1);
  g_assert_cmpfloat (fabs (ink.y - ln->badge.y), <=, 1);
  g_assert_cmpfloat (fabs (ink.w - ln->badge.w), <=, 1);
  g_assert_cmpfloat (fabs (ink.h - ln->badge.h), <=, 1);

  cairo_surface_destroy (bare);
  cairo_surface_destroy (labelled);
  cairo_surface_destroy (badged);
}

static gboolean
same_rect (const BwRect *a,
           const BwRect *b)
{
  return a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h;
}

/* From afar the layout enlarges the cards' text to read on screen: at zoom 0.4 every label is
 * at least BW_LABEL_MIN_PIXELS and every zone title BW_ZONE_TITLE_MIN_PIXELS high, the labels
 * stay within their cards' height and clear of one another and of their zones' borders; back at
 * zoom 1 (what exports use) every part is where it was; farther than BW_LABEL_MIN_ZOOM, no text. */
static void
test_text_from_afar (void)
{
  Sample f = { 0 };
  g_autoptr(BwLayout) reference = NULL;

  sample_load (&f);
  reference = bw_layout_new (f.document, f.catalog);
  bw_layout_set_asset_coverage (reference, f.coverage);

  for (double zoom = 0.2; zoom < 0.72; zoom += 0.05)
    {
      bw_layout_set_view_zoom (f.layout, zoom);
      for (guint i = 0; i < bw_layout_get_n_zones (f.layout); i++)
        g_assert_cmpfloat (bw_layout_get_zone (f.layout, i)->title_size * zoom, >=,
                           BW_ZONE_TITLE_MIN_PIXELS);
      for (guint i = 0; i < bw_layout_get_n_nodes (f.layout); i++)
        {
          const BwLayoutNode *ln = bw_layout_get_node (f.layout, i);
          const BwLayoutZone *zone =
              ln->node->zone ? bw_layout_lookup_zone (f.layout, ln->node->zone) : NULL;

          g_assert_cmpint (ln->label_mode, ==, BW_LABEL_COMPACT);
          g_assert_cmpfloat (ln->label_size * zoom, >=, BW_LABEL_MIN_PIXELS);
          g_assert_cmpuint (ln->label_lines, >=, 1);
          g_assert_cmpfloat (ln->label.y, >=, ln->rect.y);
          g_assert_cmpfloat (ln->label.y + ln->label.h, <=, ln->rect.y + ln->rect.h);
          g_assert_cmpfloat (ln->label.x + ln->label.w / 2, ==, ln->rect.x + ln->rect.w / 2);
          if (zone != NULL)
            {
              g_assert_cmpfloat (ln->label.x, >=, zone->rect.x);
              g_assert_cmpfloat (ln->label.x + ln->label.w, <=, zone->rect.x + zone->rect.w);
            }
          if (ln->has_badge)
            {
              g_assert_true (rect_inside (&ln->badge, &ln->rect));
              g_assert_cmpfloat (ln->label.y, >=, ln->badge.y + ln->badge.h);
              g_assert_cmpfloat (ln->badge_size * zoom, >=, BW_LABEL_MIN_PIXELS);
            }
          for (guint j = 0; j < i; j++)
            g_assert_false (bw_rect_intersects (&ln->label,
                                                &bw_layout_get_node (f.layout, j)->label));
        }
    }

  bw_layout_set_view_zoom (f.layout, 0.1);
  for (guint i = 0; i < bw_layout_get_n_nodes (f.layout); i++)
    g_assert_cmpint (bw_layout_get_node (f.layout, i)->label_mode, ==, BW_LABEL_HIDDEN);

  /* Back at zoom 1, nothing differs from a layout that was never zoomed. */
  bw_layout_set_view_zoom (f.layout, 1);
  for (guint i = 0; i < bw_layout_get_n_nodes (f.layout); i++)
    {
      const BwLayoutNode *a = bw_layout_get_node (f.layout, i);
      const BwLayoutNode *b = bw_layout_get_node (reference, i);

      g_assert_cmpint (a->label_mode, ==, BW_LABEL_FULL);
      g_assert_true (same_rect (&a->label, &b->label));
      g_assert_true (same_rect (&a->badge, &b->badge));
      g_assert_cmpfloat (a->label_baseline, ==, b->label_baseline);
      g_assert_cmpfloat (a->badge_baseline, ==, b->badge_baseline);
      g_assert_cmpfloat (a->label_size, ==, BW_LABEL_SIZE);
      g_assert_cmpuint (a->label_lines, ==, BW_LABEL_LINES);
    }
  for (guint i = 0; i < bw_layout_get_n_zones (f.layout); i++)
    {
      const BwLayoutZone *a = bw_layout_get_zone (f.layout, i);
      const BwLayoutZone *b = bw_layout_get_zone (reference, i);

      g_assert_true (same_rect (&a->title, &b->title));
      g_assert_true (same_rect (&a->icon, &b->icon));
      g_assert_cmpfloat (a->title_size, ==, BW_ZONE_TITLE_SIZE);
    }
  sample_clear (&f);
}

/* Moves in place: what a move leaves in the layout, field by field, is what a layout made anew
 * from the document holds — boxes, text from afar, routes, bounds, spatial index. */
static void
assert_node_equal (const BwLayoutNode *a,
                   const BwLayoutNode *b)
{
  const BwRect *ra[] = { &a->rect, &a->band, &a->icon, &a->label, &a->badge, &a->far_icon,
                         &a->far_badge };
  const BwRect *rb[] = { &b->rect, &b->band, &b->icon, &b->label, &b->badge, &b->far_icon,
                         &b->far_badge };

  g_assert_true (a->node == b->node);
  g_assert_true (a->stencil == b->stencil);
  for (guint i = 0; i < G_N_ELEMENTS (ra); i++)
    g_assert_true (memcmp (ra[i], rb[i], sizeof (BwRect)) == 0);
  g_assert_cmpfloat (a->coverage, ==, b->coverage);
  g_assert_cmpint (a->has_band, ==, b->has_band);
  g_assert_cmpint (a->has_badge, ==, b->has_badge);
  g_assert_cmpint (a->label_mode, ==, b->label_mode);
  g_assert_cmpfloat (a->label_baseline, ==, b->label_baseline);
  g_assert_cmpfloat (a->label_size, ==, b->label_size);
  g_assert_cmpuint (a->label_lines, ==, b->label_lines);
  g_assert_cmpfloat (a->label_line_height, ==, b->label_line_height);
  g_assert_cmpfloat (a->badge_baseline, ==, b->badge_baseline);
  g_assert_cmpfloat (a->badge_size, ==, b->badge_size);
  g_assert_cmpfloat (a->handle.x, ==, b->handle.x);
  g_assert_cmpfloat (a->handle.y, ==, b->handle.y);
}

static void
assert_layout_equal (BwLayout *a,
                     BwLayout *b)
{
  BwRect ba = bw_layout_get_bounds (a);
  BwRect bb = bw_layout_get_bounds (b);

  g_assert_cmpuint (bw_layout_get_n_zones (a), ==, bw_layout_get_n_zones (b));
  g_assert_cmpuint (bw_layout_get_n_nodes (a), ==, bw_layout_get_n_nodes (b));
  g_assert_cmpuint (bw_layout_get_n_edges (a), ==, bw_layout_get_n_edges (b));
  for (guint i = 0; i < bw_layout_get_n_nodes (a); i++)
    assert_node_equal (bw_layout_get_node (a, i), bw_layout_get_node (b, i));
  for (guint i = 0; i < bw_layout_get_n_edges (a); i++)
    {
      const BwLayoutEdge *ea = bw_layout_get_edge (a, i);
      const BwLayoutEdge *eb = bw_layout_get_edge (b, i);

      g_assert_true (ea->edge == eb->edge);
      g_assert_true (ea->x1 == eb->x1 && ea->y1 == eb->y1 && ea->x2 == eb->x2 &&
                     ea->y2 == eb->y2);
      g_assert_true (memcmp (ea->head, eb->head, sizeof ea->head) == 0);
    }
  for (guint i = 0; i < bw_layout_get_n_nodes (a); i++)
    {
      guint na, nb;
      const guint *la = bw_layout_get_node_edges (a, i, &na);
      const guint *lb = bw_layout_get_node_edges (b, i, &nb);

      g_assert_cmpuint (na, ==, nb);
      g_assert_true (na == 0 || memcmp (la, lb, na * sizeof (guint)) == 0);
    }
  g_assert_true (ba.x == bb.x && ba.y == bb.y && ba.w == bb.w && ba.h == bb.h);
  g_assert_cmpuint (bw_cell_index_get_n_cells (a->grid), ==, bw_cell_index_get_n_cells (b->grid));
  g_assert_true (bw_cell_index_equal (a->grid, b->grid));
}

static void
follow_cb (BwDocument     *document,
           const BwChange *change,
           BwLayout       *layout)
{
  bw_layout_update_for (layout, change);
}

/* Moves a node, checks the layout against one made anew, and counts the other cards whose
 * label the move changed. */
static guint
move_and_check (BwDocument *doc,
                BwCatalog  *catalog,
                BwLayout   *layout,
                GHashTable *coverage,
                double      zoom,
                guint       index,
                double      x,
                double      y)
{
  const BwNode *node = bw_document_get_node (doc, index);
  guint geometry = bw_layout_get_geometry_serial (layout);
  guint n = bw_layout_get_n_nodes (layout);
  g_autofree BwRect *labels = g_new (BwRect, n);
  g_autoptr(BwLayout) fresh = NULL;
  const guint *moved;
  guint n_moved;
  guint changed = 0;

  for (guint i = 0; i < n; i++)
    labels[i] = bw_layout_get_node (layout, i)->label;
  g_assert_true (bw_document_set_geometry (doc, node->id, x, y, 0, 0, NULL));
  g_assert_cmpuint (bw_layout_get_geometry_serial (layout), ==, geometry + 1);
  g_assert_true (bw_layout_get_moves_since (layout, geometry, &moved, &n_moved));
  g_assert_cmpuint (n_moved, ==, 1);
  g_assert_cmpuint (moved[0], ==, index);

  fresh = bw_layout_new (doc, catalog);
  bw_layout_set_view_zoom (fresh, zoom);
  bw_layout_set_asset_coverage (fresh, coverage);
  assert_layout_equal (layout, fresh);
  for (guint i = 0; i < n; i++)
    if (i != index && memcmp (&labels[i], &bw_layout_get_node (layout, i)->label,
                              sizeof (BwRect)) != 0)
      changed++;
  return changed;
}

static void
test_moves_in_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  const double zooms[] = { 1, 0.4, 0.1 };

  g_assert_no_error (error);
  /* A random estate (its cards lie outside their zones, whose borders keep their labels from
   * afar within them) and the sample, laid out as drawn. */
  for (guint t = 0; t < 2 * G_N_ELEMENTS (zooms); t++)
    {
      guint z = t / 2;
      g_autoptr(BwDocument) doc = t % 2 == 0
                                      ? bw_test_random_estate (catalog, 600, 11 + z)
                                      : load ("data/samples/reference-architecture.bulwark");
      g_autoptr(BwEngine) engine = bw_engine_new (catalog);
      g_autoptr(BwLayout) layout = bw_layout_new (doc, catalog);
      g_autoptr(GHashTable) coverage = NULL;
      guint n = bw_document_get_n_nodes (doc);
      guint neighbours = 0;
      guint geometry;
      const guint *moved;
      guint n_moved;
      BwRect bounds;

      bw_engine_set_document (engine, doc);
      coverage = bw_overlay_asset_coverage (bw_engine_get_report (engine));
      bw_layout_set_view_zoom (layout, zooms[z]);
      bw_layout_set_asset_coverage (layout, coverage);
      g_signal_connect (doc, "changed", G_CALLBACK (follow_cb), layout);

      for (guint i = 0; i < 40; i++)
        {
          guint index = (i * 7919 + i) % n;
          const BwNode *other = bw_document_get_node (doc, (index + 1 + i) % n);
          guint edges;

          bw_layout_get_node_edges (layout, index, &edges);
          /* Beside another card, 16 units to its right, or somewhere else in the estate. */
          if (i % 2 == 0)
            neighbours += move_and_check (doc, catalog, layout, coverage, zooms[z], index,
                                          other->x + BW_NODE_WIDTH + 16, other->y + 8);
          else
            neighbours += move_and_check (doc, catalog, layout, coverage, zooms[z], index,
                                          other->x - 200, other->y + 40 * (i % 5));
        }
      /* Out past the bounds, then back in from their border: they grow, then shrink. */
      bounds = bw_layout_get_bounds (layout);
      move_and_check (doc, catalog, layout, coverage, zooms[z], 3, bounds.x - 500,
                      bounds.y + bounds.h + 300);
      g_assert_cmpfloat (bw_layout_get_bounds (layout).x, ==, bounds.x - 500);
      move_and_check (doc, catalog, layout, coverage, zooms[z], 3, bounds.x + 64,
                      bounds.y + 64);
      g_assert_cmpfloat (bw_layout_get_bounds (layout).x, >=, bounds.x);
      g_test_message ("%s at zoom %.1f, 42 moves changed %u other cards' labels",
                      t % 2 == 0 ? "the random estate" : "the sample", zooms[z], neighbours);
      /* From afar, a card put beside another shortens that one's label. */
      if (zooms[z] == 0.4)
        g_assert_cmpuint (neighbours, >, 0);
      else if (zooms[z] != 0.4)
        g_assert_cmpuint (neighbours, ==, 0);

      /* Anything else than a move makes it all anew: the moves before are no longer told. */
      geometry = bw_layout_get_geometry_serial (layout);
      g_assert_true (bw_layout_get_moves_since (layout, geometry - 2, &moved, &n_moved));
      g_assert_cmpuint (n_moved, ==, 2);
      g_assert_true (bw_document_set_label (doc, bw_document_get_node (doc, 5)->id, "Renamed",
                                            NULL));
      g_assert_false (bw_layout_get_moves_since (layout, geometry, &moved, &n_moved));
      g_assert_true (bw_layout_get_moves_since (layout, geometry + 1, &moved, &n_moved));
      g_assert_cmpuint (n_moved, ==, 0);
      g_signal_handlers_disconnect_by_data (doc, layout);
    }
}

/* The spatial index: a box reaches the cells it touches, negative ones too; each cell keeps
 * its values ascending whatever order they come in; taking a value out drops a cell left
 * empty; and two indexes are equal only cell for cell and value for value. */
static void
test_cell_index (void)
{
  BwCellIndex *a = bw_cell_index_new (100);
  BwCellIndex *b = bw_cell_index_new (100);
  const BwRect box = { -150, 50, 200, 20 }; /* columns -2 to 0, row 0 */
  const BwRect small = { 10, 10, 5, 5 };
  const guint32 *values;
  guint n;
  int x0, x1, y0, y1;

  bw_cell_index_span (a, &box, &x0, &x1, &y0, &y1);
  g_assert_cmpint (x0, ==, -2);
  g_assert_cmpint (x1, ==, 0);
  g_assert_cmpint (y0, ==, 0);
  g_assert_cmpint (y1, ==, 0);
  bw_cell_index_add_rect (a, &box, 7);
  bw_cell_index_add_rect (a, &small, 9);
  bw_cell_index_add_rect (a, &small, 3);
  g_assert_cmpuint (bw_cell_index_get_n_cells (a), ==, 3);
  values = bw_cell_index_get (a, 0, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (values[0], ==, 3);
  g_assert_cmpuint (values[1], ==, 7);
  g_assert_cmpuint (values[2], ==, 9);
  values = bw_cell_index_get (a, -2, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (values[0], ==, 7);
  g_assert_null (bw_cell_index_get (a, 1, 0, &n));
  g_assert_cmpuint (n, ==, 0);

  /* The same values, added in the order a build adds them. */
  bw_cell_index_add_rect (b, &small, 3);
  bw_cell_index_add_rect (b, &box, 7);
  g_assert_false (bw_cell_index_equal (a, b));
  bw_cell_index_add_rect (b, &small, 9);
  g_assert_true (bw_cell_index_equal (a, b));

  bw_cell_index_remove_rect (a, &box, 7);
  g_assert_cmpuint (bw_cell_index_get_n_cells (a), ==, 1);
  values = bw_cell_index_get (a, 0, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (values[0], ==, 3);
  g_assert_cmpuint (values[1], ==, 9);
  g_assert_false (bw_cell_index_equal (a, b));
  /* Taking out what is not there changes nothing. */
  bw_cell_index_remove_rect (a, &box, 7);
  g_assert_cmpuint (bw_cell_index_get_n_cells (a), ==, 1);

  bw_cell_index_clear (b);
  g_assert_cmpuint (bw_cell_index_get_n_cells (b), ==, 0);
  bw_cell_index_free (a);
  bw_cell_index_free (b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/geometry", test_geometry);
  g_test_add_func ("/layout/cell-index", test_cell_index);
  g_test_add_func ("/layout/zone-depths", test_zone_depths);
  g_test_add_func ("/layout/grip-and-handle", test_grip_and_handle);
  g_test_add_func ("/layout/alignment", test_alignment);
  g_test_add_func ("/layout/follows-document", test_follows_document);
  g_test_add_func ("/layout/moves-in-place", test_moves_in_place);
  g_test_add_func ("/layout/card-parts", test_card_parts);
  g_test_add_func ("/layout/text-from-afar", test_text_from_afar);
  g_test_add_func ("/layout/zone-and-edge-parts", test_zone_and_edge_parts);
  g_test_add_func ("/layout/overlay-cells", test_overlay_cells);
  g_test_add_func ("/layout/svg-at-layout", test_svg_at_layout);
  g_test_add_func ("/layout/painter-at-layout", test_painter_at_layout);
  return g_test_run ();
}
