/* test-legend.c: every export carries the legend of edge kinds and badge colours (issue 15) —
 * the SVG names them, the PNG draws their samples where the layout put them, the PDF holds the
 * words; a bare diagram shows the edges only. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-export.h"
#include "bw-layout.h"
#include "bw-overlay.h"
#include "bw-test-util.h"

typedef struct
{
  BwCatalog  *catalog;
  BwDocument *document;
  BwEngine   *engine;
  BwLayout   *layout;
  BwOverlay   overlay;
  GHashTable *coverage;
} Fixture;

static void
fixture_load (Fixture    *f,
              const char *relative)
{
  g_autofree char *path = bw_test_source_path (relative);
  g_autoptr(GError) error = NULL;

  f->catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);
  f->document = bw_document_load_from_file (path, &error);
  g_assert_no_error (error);
  f->engine = bw_engine_new (f->catalog);
  bw_engine_set_document (f->engine, f->document);
  f->layout = bw_layout_new (f->document, f->catalog);
  f->coverage = bw_overlay_asset_coverage (bw_engine_get_report (f->engine));
  bw_layout_set_asset_coverage (f->layout, f->coverage);
  bw_overlay_fill_from_report (&f->overlay, bw_engine_get_report (f->engine), f->catalog);
}

static void
fixture_clear (Fixture *f)
{
  bw_overlay_clear (&f->overlay);
  g_clear_pointer (&f->coverage, g_hash_table_unref);
  g_clear_pointer (&f->layout, bw_layout_unref);
  g_clear_object (&f->engine);
  g_clear_object (&f->document);
  g_clear_object (&f->catalog);
}

static GBytes *
export (Fixture        *f,
        BwExportFormat  format,
        double          scale,
        gboolean        overlay)
{
  BwExportOptions options = { FALSE, overlay ? &f->overlay : NULL, scale,
                              bw_document_get_title (f->document) };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bw_export_to_bytes (f->layout, format, &options, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The pixel at (x, y) of the page, as 0–1 channels. */
static void
png_pixel (GBytes       *png,
           const BwRect *page,
           double        x,
           double        y,
           double       *r,
           double       *g,
           double       *b)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-png-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.png", NULL);
  cairo_surface_t *surface;
  const guint8 *data;
  guint32 pixel;
  int px = (int) (x - page->x);
  int py = (int) (y - page->y);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                      NULL));
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *) (data + py * cairo_image_surface_get_stride (surface) + px * 4);
  *r = ((pixel >> 16) & 0xff) / 255.0;
  *g = ((pixel >> 8) & 0xff) / 255.0;
  *b = (pixel & 0xff) / 255.0;
  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
}

/* The legend below the strip, in all three formats. */
static void
test_legend (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) bare = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bare_text = NULL;
  g_autofree char *pdftotext = NULL;
  BwLegend legend;
  BwRect page;
  BwRect overlay;
  double r, g, b;

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  bw_layout_get_page (f.layout, TRUE, &page, &overlay);
  bw_layout_get_page_legend (f.layout, TRUE, &legend);
  /* Below the strip, inside the page. */
  g_assert_cmpfloat (legend.box.y, >=, overlay.y + overlay.h);
  g_assert_cmpfloat (legend.box.y + legend.box.h, <=, page.y + page.h);
  g_assert_cmpfloat (legend.box.x + legend.box.w, <=, page.x + page.w);
  g_assert_cmpuint (legend.n_items, ==, 8);

  svg = export (&f, BW_EXPORT_SVG, 1, TRUE);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "<g id=\"legend\">"));
  for (const char *const *word = (const char *const[]) { ">Edges<", ">Protects<", ">Telemetry<",
                                                          ">Data flow<", ">Asset coverage<",
                                                          ">0%<", ">50%<", ">100%<", NULL };
       *word != NULL; word++)
    if (strstr (strstr (text, "<g id=\"legend\">"), *word) == NULL)
      g_error ("the SVG's legend lacks %s", *word);
  bare = export (&f, BW_EXPORT_SVG, 1, FALSE);
  bare_text = g_strndup (g_bytes_get_data (bare, NULL), g_bytes_get_size (bare));
  g_assert_nonnull (strstr (bare_text, ">Protects<"));
  g_assert_null (strstr (bare_text, ">Asset coverage<"));

  /* The protects sample is drawn in the protects colour; the green badge is green. */
  png = export (&f, BW_EXPORT_PNG, 1, TRUE);
  png_pixel (png, &page, legend.items[1].sample.x + 6,
             legend.items[1].sample.y + legend.items[1].sample.h / 2, &r, &g, &b);
  g_assert_cmpint (legend.items[1].edge, ==, BW_EDGE_PROTECTS);
  g_assert_cmpfloat (b, >, r + 0.3);
  png_pixel (png, &page, legend.items[7].sample.x + 3,
             legend.items[7].sample.y + legend.items[7].sample.h / 2, &r, &g, &b);
  g_assert_cmpfloat (legend.items[7].ratio, ==, 1);
  g_assert_cmpfloat (g, >, r + 0.3);

  pdf = export (&f, BW_EXPORT_PDF, 1, TRUE);
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("bulwark-pdf-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
      g_autofree char *out = NULL;
      const char *argv[] = { "pdftotext", path, "-", NULL };
      int status;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                          g_bytes_get_size (pdf), NULL));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &out, NULL, &status, NULL));
      g_assert_nonnull (strstr (out, "Protects"));
      g_assert_nonnull (strstr (out, "Telemetry"));
      g_assert_nonnull (strstr (out, "Data flow"));
      g_assert_nonnull (strstr (out, "Asset coverage"));
      g_unlink (path);
      g_rmdir (dir);
    }
  fixture_clear (&f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/legend/every-export", test_legend);
  return g_test_run ();
}
