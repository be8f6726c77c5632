/* test-export.c: the exporters on the sample and on hostile labels — SVG well-formed (libxml2's
 * xmllint) and rendered by librsvg, semantic groups with titles and data attributes, inert
 * content; PNG and PDF by magic, size and page count; the Navigator layer against a JSON schema
 * of format 4.5 and the layer importer. */
#include "config.h"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-export.h"
#include "bw-json-writer.h"
#include "bw-layer.h"
#include "bw-overlay.h"
#include "bw-painter.h"
#include "bw-test-util.h"
#include "bw-threat-layer.h"

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

static void
assert_well_formed (GBytes *svg)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-svg-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "xmllint", "--noout", path, NULL };
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, 400, 300 };
  int status;

  g_assert_true (
      g_file_set_contents (path, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint: %s", err);

  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (handle);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_svg_sample (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) bare = NULL;
  const char *text;

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  svg = export (&f, BW_EXPORT_SVG, 1, TRUE);
  again = export (&f, BW_EXPORT_SVG, 1, TRUE);
  bare = export (&f, BW_EXPORT_SVG, 1, FALSE);
  assert_well_formed (svg);
  text = g_bytes_get_data (svg, NULL);

  /* Deterministic. */
  g_assert_true (g_bytes_equal (svg, again));
  /* Semantic: text is text, every node a group with an id, a title and its kind. */
  for (guint i = 0; i < bw_document_get_n_nodes (f.document); i++)
    {
      const BwNode *node = bw_document_get_node (f.document, i);
      g_autofree char *group = g_strdup_printf ("<g id=\"node-%s\" class=\"node ", node->id);
      g_autofree char *kind = g_strdup_printf ("data-kind=\"%s\"", node->kind);

      g_assert_nonnull (strstr (text, group));
      g_assert_nonnull (strstr (text, kind));
    }
  g_assert_nonnull (strstr (text, "<title>Exchange Online (Exchange Online)</title>"));
  g_assert_nonnull (strstr (text, "data-coverage=\""));
  g_assert_nonnull (strstr (text, "<text "));
  /* Icons defined once, used many times. */
  g_assert_nonnull (strstr (text, "<symbol id=\"icon-shield\""));
  g_assert_null (strstr (strstr (text, "<symbol id=\"icon-shield\"") + 1, "<symbol id=\"icon-shield\""));
  g_assert_nonnull (strstr (text, "href=\"#icon-shield\""));
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  g_assert_nonnull (strstr (text, "viewBox=\""));
  g_assert_nonnull (strstr (text, "id=\"coverage-overlay\""));
  g_assert_null (strstr (g_bytes_get_data (bare, NULL), "coverage-overlay"));

  /* The golden file. To refresh it after a deliberate change:
   * build/src/bulwark export data/samples/reference-architecture.bulwark \
   *   --svg tests/fixtures/golden/reference-architecture.svg */
  {
    g_autofree char *golden_path = bw_test_source_path ("tests/fixtures/golden/reference-architecture.svg");
    g_autofree char *golden = bw_test_read_file (golden_path, NULL);
    g_autofree char *ours = g_strndup (text, g_bytes_get_size (svg));

    g_assert_cmpstr (ours, ==, golden);
  }
  fixture_clear (&f);
}

static void
test_svg_hostile_labels (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) svg = NULL;
  const char *text;

  fixture_load (&f, "tests/fixtures/export/hostile-labels.bulwark");
  svg = export (&f, BW_EXPORT_SVG, 1, TRUE);
  assert_well_formed (svg);
  text = g_bytes_get_data (svg, NULL);

  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<svg onload"));
  g_assert_nonnull (strstr (text, "&lt;svg onload=alert(1)&gt;"));
  g_assert_null (strstr (text, "<b>"));
  g_assert_null (strstr (text, "]]>"));
  g_assert_null (strstr (text, "\x1b"));
  g_assert_null (strstr (text, "\x07"));
  g_assert_null (strstr (text, "\u202e"));
  g_assert_null (strstr (text, "\u2066"));
  /* The labels survive, escaped. */
  g_assert_nonnull (strstr (text, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (text, "It&apos;s &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
  g_assert_nonnull (strstr (text, "🛡"));
  g_assert_nonnull (strstr (text, "<title>&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt; &amp; &quot;quotes&quot;</title>"));
  fixture_clear (&f);
}

/* Rule 11: the unprotected asset's badge is marked in the SVG as on the canvas (an outlined
 * "⚠ 0%"); a covered asset's is not; the sample has none marked. */
static void
test_svg_unprotected_badge (void)
{
  Fixture f = { 0 }, sample = { 0 };
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) sample_svg = NULL;
  const char *text;

  fixture_load (&f, "tests/fixtures/export/unprotected.bulwark");
  g_assert_cmpuint (bw_report_get_n_unprotected (bw_engine_get_report (f.engine)), ==, 1);
  svg = export (&f, BW_EXPORT_SVG, 1, TRUE);
  assert_well_formed (svg);
  text = g_bytes_get_data (svg, NULL);
  g_assert_nonnull (strstr (text, "<g class=\"badge unprotected\">"));
  g_assert_nonnull (strstr (text, ">⚠ 0%</text>"));
  g_assert_true (strstr (text, "<g class=\"badge unprotected\">") ==
                 g_strrstr (text, "<g class=\"badge unprotected\">"));
  g_assert_nonnull (strstr (text, "<g class=\"badge\">"));
  fixture_clear (&f);

  fixture_load (&sample, "data/samples/reference-architecture.bulwark");
  sample_svg = export (&sample, BW_EXPORT_SVG, 1, TRUE);
  g_assert_null (strstr (g_bytes_get_data (sample_svg, NULL), "badge unprotected"));
  fixture_clear (&sample);
}

static void
test_png_and_pdf (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) png1 = NULL;
  g_autoptr(GBytes) png2 = NULL;
  g_autoptr(GBytes) pdf = NULL;
  BwRect page;
  const guint8 *p;
  guint32 w1, h1, w2, h2;
  guint pages = 0;

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  bw_layout_get_page (f.layout, TRUE, &page, NULL);
  png1 = export (&f, BW_EXPORT_PNG, 1, TRUE);
  png2 = export (&f, BW_EXPORT_PNG, 2, TRUE);
  pdf = export (&f, BW_EXPORT_PDF, 1, TRUE);

  p = g_bytes_get_data (png1, NULL);
  g_assert_cmpint (memcmp (p, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  w1 = GUINT32_FROM_BE (*(guint32 *) (p + 16));
  h1 = GUINT32_FROM_BE (*(guint32 *) (p + 20));
  g_assert_cmpuint (w1, ==, (guint32) ceil (page.w));
  g_assert_cmpuint (h1, ==, (guint32) ceil (page.h));
  p = g_bytes_get_data (png2, NULL);
  w2 = GUINT32_FROM_BE (*(guint32 *) (p + 16));
  h2 = GUINT32_FROM_BE (*(guint32 *) (p + 20));
  g_assert_cmpuint (w2, ==, (guint32) ceil (page.w * 2));
  g_assert_cmpuint (h2, ==, (guint32) ceil (page.h * 2));

  {
    /* Binary data: search the bytes, not a C string. */
    const char *data = g_bytes_get_data (pdf, NULL);
    gsize size = g_bytes_get_size (pdf);
    const char *needle = "/Type /Page";
    gsize n = strlen (needle);

    g_assert_cmpint (memcmp (data, "%PDF-", 5), ==, 0);
    for (const char *s = data; (s = memmem (s, size - (s - data), needle, n)) != NULL; s++)
      if ((gsize) (s - data) + n < size && s[n] != 's')
        pages++;
  }
  g_assert_cmpuint (pages, ==, 1);
  fixture_clear (&f);
}

static void
test_layer (void)
{
  Fixture f = { 0 };
  g_autofree char *schema = bw_test_source_path ("tests/fixtures/export/layer-4.5.schema.json");
  g_autofree char *checker = bw_test_source_path ("tests/check-layer.py");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-layer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "layer.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *techniques;
  BwReport *report;
  guint expected = 0;
  int status;
  const char *argv[] = { "python3", checker, schema, path, NULL };

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  text = bw_layer_write_from_engine (f.engine, f.document, NULL);
  {
    /* The golden file; refresh with `bulwark export … --layer` as for the SVG. */
    g_autofree char *golden_path = bw_test_source_path ("tests/fixtures/golden/reference-architecture.layer.json");
    g_autofree char *golden = bw_test_read_file (golden_path, NULL);

    g_assert_cmpstr (text, ==, golden);
  }
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the layer does not validate: %s", err);

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "domain"), ==, "enterprise-attack");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "versions"), "attack"), ==, "18");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "versions"), "navigator"), ==, "5.1.0");
  /* One entry per applicable technique, per tactic where it sits under several. */
  report = bw_engine_get_report (f.engine);
  for (guint t = 0; t < bw_catalog_get_n_techniques (f.catalog); t++)
    if (bw_report_get_technique (report, t)->status != BW_STATUS_NOT_APPLICABLE)
      expected += MAX (1, g_strv_length (bw_catalog_get_technique (f.catalog, t)->tactics));
  techniques = json_object_get_array_member (root, "techniques");
  g_assert_cmpuint (json_array_get_length (techniques), ==, expected);

  /* Reading it back as a threat focus: every technique with a score above 0. */
  {
    g_auto(GStrv) unknown = NULL;
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) focus = bw_layer_read_focus (f.catalog, text, -1, &unknown, &error);
    guint scored = 0;

    g_assert_no_error (error);
    for (guint t = 0; t < bw_catalog_get_n_techniques (f.catalog); t++)
      {
        const BwReportTechnique *rt = bw_report_get_technique (report, t);

        if (rt->status != BW_STATUS_NOT_APPLICABLE && rt->covered_assets + rt->partial_assets > 0)
          scored++;
      }
    g_assert_cmpuint (g_strv_length (focus), ==, scored);
    g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  }
  g_unlink (path);
  g_rmdir (dir);
  fixture_clear (&f);
}

/* The job the window's Export menu and `bulwark export` share writes what the exporters write
 * from the same layout and overlay, the layer included. */
static void
test_export_job (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("bulwark-job-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.svg", NULL);
  g_autofree char *layer_path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(BwExportJob) job = NULL;
  g_autoptr(BwExportJob) bare_job = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) bare = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *bare_written = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *layer_written = NULL;
  BwExportFormat format;

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  svg = export (&f, BW_EXPORT_SVG, 1, TRUE);
  bare = export (&f, BW_EXPORT_SVG, 1, FALSE);
  layer = bw_layer_write_from_engine (f.engine, f.document, NULL);

  job = bw_export_job_new (f.engine, f.document, TRUE);
  g_assert_true (bw_export_job_write (job, BW_EXPORT_SVG, FALSE, 1, svg_path, &error));
  g_assert_true (bw_export_job_write (job, BW_EXPORT_LAYER, FALSE, 1, layer_path, &error));
  g_assert_no_error (error);
  bare_job = bw_export_job_new (f.engine, f.document, FALSE);
  g_assert_true (bw_export_job_write (bare_job, BW_EXPORT_SVG, FALSE, 1, bare_path, &error));
  g_assert_no_error (error);

  written = bw_test_read_file (svg_path, NULL);
  bare_written = bw_test_read_file (bare_path, NULL);
  layer_written = bw_test_read_file (layer_path, NULL);
  g_assert_cmpstr (written, ==, g_bytes_get_data (svg, NULL));
  g_assert_cmpstr (bare_written, ==, g_bytes_get_data (bare, NULL));
  g_assert_cmpstr (layer_written, ==, layer);

  g_assert_true (bw_export_format_from_string ("layer", &format));
  g_assert_cmpint (format, ==, BW_EXPORT_LAYER);
  g_assert_true (bw_export_format_from_string ("png", &format));
  g_assert_cmpint (format, ==, BW_EXPORT_PNG);
  g_assert_false (bw_export_format_from_string ("gif", &format));

  bw_test_remove_tree (dir);
  g_clear_pointer (&job, bw_export_job_free);
  g_clear_pointer (&bare_job, bw_export_job_free);
  fixture_clear (&f);
}

static void
test_layer_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  const char *layer = "{\"name\":\"intel\",\"domain\":\"enterprise-attack\",\"versions\":{\"layer\":\"4.5\",\"navigator\":\"5.1.0\"},"
                      "\"techniques\":[{\"techniqueID\":\"T1566\",\"score\":3},"
                      "{\"techniqueID\":\"T1053.001\",\"score\":1},"
                      "{\"techniqueID\":\"T1059\",\"score\":0},"
                      "{\"techniqueID\":\"T1078\",\"color\":\"#ff0000\"},"
                      "{\"techniqueID\":\"T1190\",\"score\":5,\"enabled\":false},"
                      "{\"techniqueID\":\"T9999\",\"score\":2}]}";
  const char *mobile = "{\"name\":\"m\",\"domain\":\"mobile-attack\",\"techniques\":[]}";
  const char *broken = "{\"name\":\"m\",\"techniques\":[{\"score\":1}]}";
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) focus = bw_layer_read_focus (catalog, layer, -1, &unknown, &error);
  g_auto(GStrv) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (focus), ==, 3);
  g_assert_cmpstr (focus[0], ==, "T1053.002"); /* carried through revoked-by */
  g_assert_cmpstr (focus[1], ==, "T1078");
  g_assert_cmpstr (focus[2], ==, "T1566");
  g_assert_cmpstr (unknown[0], ==, "T9999");

  none = bw_layer_read_focus (catalog, mobile, -1, NULL, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "domain"));
  g_clear_error (&error);
  g_assert_null (bw_layer_read_focus (catalog, broken, -1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "techniques[0].techniqueID"));
  g_clear_error (&error);
}

/* The file reader the window and `analyze --threat-layer` share: the same focus, and a layer
 * that does not parse named by its path. */
static void
test_threat_layer_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-threat-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "intel.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "mobile.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) focus = NULL;

  g_assert_true (g_file_set_contents (good, "{\"name\":\"i\",\"domain\":\"enterprise-attack\","
                                      "\"techniques\":[{\"techniqueID\":\"T1566\",\"score\":3},"
                                      "{\"techniqueID\":\"T9999\",\"score\":2}]}", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"name\":\"m\",\"domain\":\"mobile-attack\",\"techniques\":[]}",
                                      -1, NULL));
  focus = bw_threat_layer_read_file (catalog, good, &unknown, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (focus), ==, 1);
  g_assert_cmpstr (focus[0], ==, "T1566");
  g_assert_cmpstr (unknown[0], ==, "T9999");

  g_assert_null (bw_threat_layer_read_file (catalog, bad, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, bad));
  g_assert_nonnull (strstr (error->message, "domain"));
  g_clear_error (&error);
  g_assert_null (bw_threat_layer_read_file (catalog, missing, NULL, &error));
  g_assert_nonnull (error);
  bw_test_remove_tree (dir);
}

/* Five assets in a row; the second's label holds `label`. The document refuses non-characters
 * in labels (at load and in every edit), so text that holds them anyway — the painter's
 * defence in depth — is put straight into the node, past the document's checks. */
static BwDocument *
row_document (const char *label)
{
  BwDocument *doc = bw_document_new ();
  g_autoptr(GError) error = NULL;
  BwNode *second;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *text = g_strdup_printf ("Server %u", i + 1);

      g_assert_nonnull (bw_document_add_node (doc, id, "azure.vm", text, NULL, i * 160.0, 0, NULL, &error));
      g_assert_no_error (error);
    }
  second = (BwNode *) bw_document_lookup_node (doc, "n2");
  g_free (second->label);
  second->label = g_strdup (label);
  return doc;
}

/* The diagram painted as the canvas paints it (GTK records cairo drawing, and a recording
 * keeps the text with the glyphs, as PDF does), played back onto pixels. */
static cairo_surface_t *
paint_recorded (BwDocument *doc,
                BwCatalog  *catalog,
                BwRect     *page)
{
  g_autoptr(BwLayout) layout = bw_layout_new (doc, catalog);
  g_autoptr(BwPainter) painter = bw_painter_new (FALSE);
  cairo_surface_t *recording;
  cairo_surface_t *image;
  cairo_t *cr;

  bw_layout_get_page (layout, FALSE, page, NULL);
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  cairo_translate (cr, -page->x, -page->y);
  bw_painter_draw_diagram (painter, cr, layout, NULL, NULL);
  /* The drawing never stopped part way. */
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  image =
      cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (page->w), (int) ceil (page->h));
  cr = cairo_create (image);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (image);
  return image;
}

/* Differing pixels inside a rectangle of the page. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x0,
                   int              x1)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < height; y++)
    for (int x = MAX (0, x0); x < MIN (x1, cairo_image_surface_get_width (a)); x++)
      n += memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0;
  return n;
}

/* Text painted after a label holding Unicode non-characters: cairo refuses such strings
 * where it keeps text (the canvas's recording, PDF) and silently stops drawing, so every node
 * after it vanished. Now the painter replaces them and every node is drawn. */
static void
test_noncharacter_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  /* U+FFFE, U+FFFF, U+FDD0, U+1FFFF */
  g_autoptr(BwDocument) hostile = row_document ("Web \xef\xbf\xbe VM \xef\xbf\xbf \xef\xb7\x90 \xf0\x9f\xbf\xbf");
  g_autoptr(BwDocument) plain = row_document ("Web \xef\xbf\xbd VM \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd");
  g_autoptr(BwDocument) empty = row_document ("");
  g_autoptr(BwLayout) layout = NULL;
  BwExportOptions options = { FALSE, NULL, 1, "Title \xef\xbf\xbe" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf_plain = NULL;
  cairo_surface_t *with_hostile;
  cairo_surface_t *with_plain;
  cairo_surface_t *with_empty;
  BwRect page;
  const BwLayoutNode *third;
  int left;

  g_assert_no_error (error);
  with_hostile = paint_recorded (hostile, catalog, &page);
  with_plain = paint_recorded (plain, catalog, &page);
  with_empty = paint_recorded (empty, catalog, &page);

  /* Everything from the third node on is drawn exactly as with an ordinary label there... */
  layout = bw_layout_new (hostile, catalog);
  third = bw_layout_lookup_node (layout, "n3");
  left = (int) floor (third->rect.x - 8 - page.x);
  g_assert_cmpuint (count_differences (with_hostile, with_plain, 0, G_MAXINT), ==, 0);
  g_assert_cmpuint (count_differences (with_hostile, with_empty, left, G_MAXINT), ==, 0);
  /* ... and that second label itself shows (the replacement characters). */
  g_assert_cmpuint (count_differences (with_hostile, with_empty, 0, left), >, 0);
  cairo_surface_destroy (with_hostile);
  cairo_surface_destroy (with_plain);
  cairo_surface_destroy (with_empty);

  /* PDF: the export succeeds, and holds as much as with the label spelled with U+FFFD. */
  pdf = bw_export_to_bytes (layout, BW_EXPORT_PDF, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  {
    g_autoptr(BwLayout) plain_layout = bw_layout_new (plain, catalog);

    options.title = "Title \xef\xbf\xbd";
    pdf_plain = bw_export_to_bytes (plain_layout, BW_EXPORT_PDF, &options, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_bytes_get_size (pdf), >, g_bytes_get_size (pdf_plain) * 9 / 10);

  {
    g_autofree char *same = bw_paint_sanitize_text ("plain text, üñí ✓");
    g_autofree char *fixed = bw_paint_sanitize_text ("a\xef\xbf\xbe" "b\xff" "c");

    g_assert_null (same);
    g_assert_cmpstr (fixed, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
  }
}

/* The PNG bound is the pixel count, not only each side: two nodes far apart made a
 * 32,767-pixel square (4.2 GB, 24 s). The scale is checked too: 1e-9 once said "out of
 * memory". */
static void
test_png_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwLayout) layout = NULL;
  BwExportOptions options = { FALSE, NULL, 1, NULL };
  g_autoptr(GBytes) png = NULL;
  const double bad[] = { 1e-9, -1, 0.001, 16.5, 1e300, NAN, INFINITY, -INFINITY };
  gint64 start;

  g_assert_nonnull (bw_document_add_node (doc, "n1", "azure.vm", "A", NULL, 0, 0, NULL, &error));
  g_assert_nonnull (bw_document_add_node (doc, "n2", "azure.vm", "B", NULL, 30000, 30000, NULL, &error));
  g_assert_no_error (error);
  layout = bw_layout_new (doc, catalog);

  start = g_get_monotonic_time ();
  png = bw_export_to_bytes (layout, BW_EXPORT_PNG, &options, &error);
  g_assert_null (png);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "100 megapixels"));
  /* Refused before any pixel is allocated or painted. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      options.scale = bad[i];
      g_assert_false (bw_export_check_scale (bad[i], NULL));
      g_assert_null (bw_export_to_bytes (layout, BW_EXPORT_PNG, &options, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "scale"));
      g_clear_error (&error);
    }
  g_assert_true (bw_export_check_scale (0.01, NULL));
  g_assert_true (bw_export_check_scale (16, NULL));

  /* At a scale that fits, the same file exports. */
  options.scale = 0.05;
  png = bw_export_to_bytes (layout, BW_EXPORT_PNG, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);
}

/* Text with every control character a C string can hold (U+0001–U+001F; U+0000 ends it). */
static char *
all_controls (const char *prefix)
{
  GString *s = g_string_new (prefix);

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (s, (char) c);
  g_string_append (s, "\\\"/end");
  return g_string_free (s, FALSE);
}

/* json-glib reads it back, and so does python3 (stricter: raw control characters in strings
 * are errors there). */
static JsonNode *
assert_valid_json (const char *text,
                   gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "python3", "-m", "json.tool", path, NULL };
  int status;

  g_assert_true (json_parser_load_from_data (parser, text, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 -m json.tool: %s\n%.*s", err, (int) MIN (length, 2000), text);
  g_unlink (path);
  g_rmdir (dir);
  return json_node_copy (json_parser_get_root (parser));
}

/* Every JSON writer escapes every control character; json-glib's generator leaves U+001F raw. */
static void
test_json_control_characters (void)
{
  g_autofree char *text = all_controls ("x");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  /* The project's writer, with a stray byte that is not UTF-8 too. */
  g_string_append (out, "[");
  bw_json_write_string (out, text);
  g_string_append (out, ", ");
  bw_json_write_string (out, "bad \xff byte");
  g_string_append (out, "]");
  back = assert_valid_json (out->str, out->len);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (back), 0), ==, text);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (back), 1), ==, "bad \xef\xbf\xbd byte");
  g_clear_pointer (&back, json_node_unref);

  /* json-glib's generator, pretty and compact, with its output post-processed. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, text);
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  for (int pretty = 0; pretty < 2; pretty++)
    {
      g_autoptr(GString) generated = g_string_new (NULL);

      json_generator_set_pretty (generator, pretty);
      json_generator_to_gstring (generator, generated);
      bw_json_escape_generated (generated);
      back = assert_valid_json (generated->str, generated->len);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (back), text), ==, text);
      g_clear_pointer (&back, json_node_unref);
    }
}

/* The Navigator layer carries the title and service labels. */
static void
test_layer_control_characters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (&error);
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwEngine) engine = bw_engine_new (catalog);
  g_autofree char *title = all_controls ("Estate ");
  g_autofree char *label = all_controls ("Defender ");
  g_autofree char *expected = g_strdup_printf ("%s — coverage", title);
  g_autofree char *layer = NULL;
  g_autoptr(JsonNode) back = NULL;
  gsize length;

  bw_document_set_title (doc, title);
  g_assert_nonnull (bw_document_add_node (doc, "n1", "azure.vm", "VM", NULL, 0, 0, NULL, &error));
  g_assert_nonnull (bw_document_add_node (doc, "n2", "sec.defender-for-servers", label, NULL, 200, 0, NULL, &error));
  g_assert_nonnull (bw_document_add_edge (doc, "e1", BW_EDGE_PROTECTS, "n2", "n1", &error));
  g_assert_no_error (error);
  bw_engine_set_document (engine, doc);
  layer = bw_layer_write_from_engine (engine, doc, &length);
  back = assert_valid_json (layer, length);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (back), "name"), ==, expected);
  g_assert_nonnull (strstr (layer, "\\u001f"));
  /* The service's label reaches the comments, escaped. */
  g_assert_nonnull (strstr (layer, "Defender \\u0001"));
}

/* One wrap, as a thread that wraps nothing else makes it. */
typedef struct
{
  const char *text;
  const char *font;
  double      width;
  int         lines;
} Wrap;

static gpointer
wrap_alone (gpointer data)
{
  const Wrap *wrap = data;

  return bw_wrap_label (wrap->text, wrap->font, wrap->width, wrap->lines);
}

/* A thread wraps its labels in one layout kept between them: labels wrapped one after another
 * in other fonts, widths and line counts break as each does on a thread of its own. */
static void
test_wrap_in_turn (void)
{
  const char *long_label = "Internet-facing web server of the payments platform (west)";
  const Wrap wraps[] = {
    { long_label, BW_FONT_LABEL, 90, 2 },
    { long_label, BW_FONT_ZONE, 90, 1 },
    { long_label, BW_FONT_SMALL, 60, 1 },
    { "SQL", BW_FONT_BADGE, 40, 1 },
    { long_label, BW_FONT_LABEL, 90, 2 },
    { long_label, BW_FONT_LABEL, 200, 3 },
    { "⚠ Reconnaissance", BW_FONT_SMALL, 30, 1 },
    { long_label, BW_FONT_ZONE, 90, 1 },
  };
  guint n_cut = 0;

  for (guint i = 0; i < G_N_ELEMENTS (wraps); i++)
    {
      g_auto(GStrv) here = bw_wrap_label (wraps[i].text, wraps[i].font, wraps[i].width,
                                          wraps[i].lines);
      g_auto(GStrv) alone = g_thread_join (g_thread_new ("wrap", wrap_alone, (gpointer) &wraps[i]));
      g_autofree char *joined = g_strjoinv (" | ", here);

      g_test_message ("%s at %g, %d lines: %s", wraps[i].font, wraps[i].width, wraps[i].lines,
                      joined);
      g_assert_true (g_strv_equal ((const char *const *) here, (const char *const *) alone));
      g_assert_cmpuint (g_strv_length (here), <=, (guint) wraps[i].lines);
      n_cut += g_str_has_suffix (here[g_strv_length (here) - 1], "…");
    }
  /* The fonts and widths differ: the label breaks into different lines, and some are cut. */
  g_assert_cmpuint (n_cut, >, 0);
  {
    g_auto(GStrv) label = bw_wrap_label (long_label, BW_FONT_LABEL, 90, 2);
    g_auto(GStrv) zone = bw_wrap_label (long_label, BW_FONT_ZONE, 90, 1);
    g_auto(GStrv) wide = bw_wrap_label (long_label, BW_FONT_LABEL, 200, 3);

    g_assert_false (g_str_equal (label[0], zone[0]));
    g_assert_false (g_strv_equal ((const char *const *) label, (const char *const *) wide));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/svg-sample", test_svg_sample);
  g_test_add_func ("/export/wrap-in-turn", test_wrap_in_turn);
  g_test_add_func ("/export/svg-hostile-labels", test_svg_hostile_labels);
  g_test_add_func ("/export/svg-unprotected-badge", test_svg_unprotected_badge);
  g_test_add_func ("/export/png-and-pdf", test_png_and_pdf);
  g_test_add_func ("/export/layer", test_layer);
  g_test_add_func ("/export/layer-import", test_layer_import);
  g_test_add_func ("/export/noncharacter-labels", test_noncharacter_labels);
  g_test_add_func ("/export/png-limits", test_png_limits);
  g_test_add_func ("/export/threat-layer-file", test_threat_layer_file);
  g_test_add_func ("/export/job", test_export_job);
  g_test_add_func ("/export/json-control-characters", test_json_control_characters);
  g_test_add_func ("/export/layer-control-characters", test_layer_control_characters);
  return g_test_run ();
}
