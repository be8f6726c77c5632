/* test-export-interop.c: the exports as other tools read them — SVG icons placed with
 * xlink:href beside href (SVG 1.1 readers), strip labels that fit their cells by Pango's own
 * measurement, a PNG resolution chunk with a correct CRC, and a PDF fitted to one sheet of
 * paper. */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-export.h"
#include "bw-overlay.h"
#include "bw-painter.h"
#include "bw-svg-writer.h"
#include "bw-test-util.h"

typedef struct
{
  BwCatalog  *catalog;
  BwDocument *document;
  BwEngine   *engine;
  BwExportJob *job;
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
  f->job = bw_export_job_new (f->engine, f->document, TRUE);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->job, bw_export_job_free);
  g_clear_object (&f->engine);
  g_clear_object (&f->document);
  g_clear_object (&f->catalog);
}

static GBytes *
export (Fixture        *f,
        BwExportFormat  format,
        double          scale,
        BwPaper         paper)
{
  BwExportOptions options = { FALSE, bw_export_job_get_overlay (f->job), scale,
                              bw_document_get_title (f->document), paper };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bw_export_to_bytes (bw_export_job_get_layout (f->job), format, &options, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_svg_xlink (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  guint uses = 0;

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  svg = export (&f, BW_EXPORT_SVG, 1, BW_PAPER_NONE);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "xmlns:xlink=\"http://www.w3.org/1999/xlink\""));
  for (const char *p = text; (p = strstr (p, "<use ")) != NULL; p++)
    {
      const char *end = strchr (p, '>');
      g_autofree char *element = g_strndup (p, end - p);
      const char *href = strstr (element, " href=\"#");
      const char *xlink = strstr (element, " xlink:href=\"#");

      g_assert_nonnull (href);
      g_assert_nonnull (xlink);
      /* Both name the same symbol. */
      g_assert_cmpint (strcspn (href + 8, "\""), ==, strcspn (xlink + 14, "\""));
      g_assert_cmpint (strncmp (href + 8, xlink + 14, strcspn (href + 8, "\"")), ==, 0);
      uses++;
    }
  g_assert_cmpuint (uses, >, 50);
  fixture_clear (&f);
}

static int
pango_width (PangoLayout *layout,
             const char  *text)
{
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* Every line of text in every strip cell is as wide as Pango measures it in the cell's font,
 * no wider than the cell's text box; the cell's title keeps the whole name. */
static void
check_strip_fits (const char *relative)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) cell_re = g_regex_new ("<g class=\"cell[^>]*><title>([^<]*)</title>(.*?)</g>", 0, 0, NULL);
  g_autoptr(GRegex) line_re = g_regex_new ("<(?:tspan|text)[^>]*>([^<]+)</", 0, 0, NULL);
  g_autoptr(GMatchInfo) cells = NULL;
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (map));
  g_autoptr(PangoLayout) layout = pango_layout_new (PANGO_CONTEXT (context));
  PangoFontDescription *desc = pango_font_description_from_string (BW_FONT_SMALL);
  const BwOverlay *overlay;
  BwRect page;
  BwRect band;
  guint index = 0;
  guint ellipsized = 0;

  fixture_load (&f, relative);
  svg = export (&f, BW_EXPORT_SVG, 1, BW_PAPER_NONE);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  overlay = bw_export_job_get_overlay (f.job);
  g_assert_nonnull (overlay);
  bw_layout_get_page (bw_export_job_get_layout (f.job), TRUE, &page, &band);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  g_regex_match (cell_re, text, 0, &cells);
  for (; g_match_info_matches (cells); g_match_info_next (cells, NULL), index++)
    {
      gboolean phase = index >= overlay->n_tactics;
      guint i = phase ? index - overlay->n_tactics : index;
      const BwOverlayCell *cell = phase ? &overlay->phases[i] : &overlay->tactics[i];
      g_autofree char *title = g_match_info_fetch (cells, 1);
      g_autofree char *body = g_match_info_fetch (cells, 2);
      g_autoptr(GMatchInfo) lines = NULL;
      BwLayoutCell geometry;

      bw_layout_get_overlay_cell (&band, phase, i, phase ? overlay->n_phases : overlay->n_tactics,
                                  &geometry);
      g_regex_match (line_re, body, 0, &lines);
      for (; g_match_info_matches (lines); g_match_info_next (lines, NULL))
        {
          g_autofree char *escaped = g_match_info_fetch (lines, 1);
          GString *plain = g_string_new (escaped);
          g_autofree char *line = NULL;

          g_string_replace (plain, "&amp;", "&", 0);
          g_string_replace (plain, "&apos;", "'", 0);
          g_string_replace (plain, "&quot;", "\"", 0);
          g_string_replace (plain, "&lt;", "<", 0);
          g_string_replace (plain, "&gt;", ">", 0);
          line = g_string_free (plain, FALSE);
          if (pango_width (layout, line) > geometry.text.w)
            g_error ("strip cell %u: “%s” is %d px wide in a %.1f px cell", index, line,
                     pango_width (layout, line), geometry.text.w);
          if (g_str_has_suffix (line, "…"))
            ellipsized++;
        }
      {
        g_autofree char *escaped_label =
            bw_svg_escape (cell->tooltip ? cell->tooltip : cell->label);

        g_assert_cmpstr (title, ==, escaped_label);
      }
    }
  g_assert_cmpuint (index, ==, overlay->n_tactics + overlay->n_phases);
  if (g_str_has_suffix (relative, "reference-architecture.bulwark"))
    g_assert_cmpuint (ellipsized, >, 0);
  fixture_clear (&f);
}

static void
test_svg_strip_fits (void)
{
  check_strip_fits ("data/samples/reference-architecture.bulwark");
  check_strip_fits ("tests/fixtures/export/hostile-labels.bulwark");
}

/* A big-endian 32-bit field; PNG chunks start at any byte, so it is copied, not cast. */
static guint32
read_be32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_BE (v);
}

static const guint8 *
find_chunk (GBytes     *png,
            const char *type,
            guint32    *out_length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);

  for (gsize at = 8; at + 12 <= size;)
    {
      guint32 length = read_be32 (data + at);

      if (memcmp (data + at + 4, type, 4) == 0)
        {
          *out_length = length;
          return data + at;
        }
      at += 12 + length;
    }
  return NULL;
}

static void
test_crc32 (void)
{
  /* The check value of CRC-32/ISO-HDLC, and the CRC of an empty IEND chunk. */
  g_assert_cmphex (bw_crc32 (0, (const guint8 *) "123456789", 9), ==, 0xCBF43926);
  g_assert_cmphex (bw_crc32 (0, (const guint8 *) "IEND", 4), ==, 0xAE426082);
  /* Continued in pieces, the same. */
  g_assert_cmphex (bw_crc32 (bw_crc32 (0, (const guint8 *) "1234", 4), (const guint8 *) "56789", 5),
                   ==, 0xCBF43926);
}

static void
test_png_resolution (void)
{
  Fixture f = { 0 };
  const double scales[] = { 1, 2, 0.5 };

  fixture_load (&f, "data/samples/reference-architecture.bulwark");
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GBytes) png = export (&f, BW_EXPORT_PNG, scales[i], BW_PAPER_NONE);
      guint32 length = 0;
      guint32 idat_length;
      const guint8 *phys = find_chunk (png, "pHYs", &length);
      const guint8 *idat = find_chunk (png, "IDAT", &idat_length);
      guint32 expected = (guint32) llround (96 * scales[i] / 0.0254);

      g_assert_nonnull (phys);
      g_assert_nonnull (idat);
      /* Before the image data, as the PNG specification requires. */
      g_assert_true (phys < idat);
      g_assert_cmpuint (length, ==, 9);
      g_assert_cmpuint (read_be32 (phys + 8), ==, expected);
      g_assert_cmpuint (read_be32 (phys + 12), ==, expected);
      g_assert_cmpuint (phys[16], ==, 1);
      g_assert_cmphex (read_be32 (phys + 17), ==,
                       bw_crc32 (0, phys + 4, 13));
      /* And the whole file still reads as a PNG. */
      {
        g_autofree char *dir = g_dir_make_tmp ("bulwark-png-XXXXXX", NULL);
        g_autofree char *path = g_build_filename (dir, "out.png", NULL);
        cairo_surface_t *surface;

        g_assert_true (
            g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
        surface = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
        g_remove (path);
        g_rmdir (dir);
      }
    }
  /* 96 dpi is 3780 pixels per metre. */
  g_assert_cmpuint ((guint32) llround (96 / 0.0254), ==, 3780);
  fixture_clear (&f);
}

/* The first page's MediaBox, as cairo writes it: "/MediaBox [ 0 0 W H ]". */
static void
pdf_media_box (GBytes *pdf,
               double *out_w,
               double *out_h)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *needle = "/MediaBox [";
  const char *at = memmem (data, size, needle, strlen (needle));
  g_auto(GStrv) parts = NULL;
  g_autofree char *box = NULL;

  g_assert_nonnull (at);
  at += strlen (needle);
  box = g_strndup (at, (const char *) memchr (at, ']', size - (at - data)) - at);
  parts = g_strsplit (g_strstrip (box), " ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  *out_w = g_ascii_strtod (parts[2], NULL);
  *out_h = g_ascii_strtod (parts[3], NULL);
}

static void
check_paper (const char *relative)
{
  Fixture f = { 0 };
  const struct
  {
    const char *name;
    double      w, h;
  } papers[] = {
    { "A4", 595.28, 841.89 },
    { "a3", 841.89, 1190.55 },
    { "Letter", 612, 792 },
  };
  BwRect page;
  double w;
  double h;

  fixture_load (&f, relative);
  bw_layout_get_page (bw_export_job_get_layout (f.job), TRUE, &page, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      BwPaper paper;
      g_autoptr(GBytes) pdf = NULL;
      gboolean landscape = page.w > page.h;

      g_assert_true (bw_paper_from_string (papers[i].name, &paper));
      pdf = export (&f, BW_EXPORT_PDF, 1, paper);
      pdf_media_box (pdf, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, landscape ? papers[i].h : papers[i].w, 0.01);
      g_assert_cmpfloat_with_epsilon (h, landscape ? papers[i].w : papers[i].h, 0.01);
    }
  {
    /* Without a paper, the diagram's own size, as always. */
    g_autoptr(GBytes) pdf = export (&f, BW_EXPORT_PDF, 1, BW_PAPER_NONE);

    pdf_media_box (pdf, &w, &h);
    g_assert_cmpfloat_with_epsilon (w, page.w * 0.75, 0.01);
    g_assert_cmpfloat_with_epsilon (h, page.h * 0.75, 0.01);
  }
  fixture_clear (&f);
}

static void
test_pdf_paper (void)
{
  BwPaper paper;

  check_paper ("data/samples/reference-architecture.bulwark");
  check_paper ("tests/fixtures/export/hostile-labels.bulwark");
  g_assert_false (bw_paper_from_string ("A5", &paper));
  g_assert_false (bw_paper_from_string (NULL, &paper));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-interop/svg-xlink", test_svg_xlink);
  g_test_add_func ("/export-interop/svg-strip-fits", test_svg_strip_fits);
  g_test_add_func ("/export-interop/crc32", test_crc32);
  g_test_add_func ("/export-interop/png-resolution", test_png_resolution);
  g_test_add_func ("/export-interop/pdf-paper", test_pdf_paper);
  return g_test_run ();
}
