/* bw-export.c: the diagram exporters. SVG comes from the semantic writer; PNG and PDF are
 * painted by the same painter as the canvas, so all three show what the window shows. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bw-export.h"
#include "bw-layer.h"
#include "bw-overlay.h"
#include "bw-painter.h"
#include "bw-svg-writer.h"
#include "bw-file.h"

/* Cairo's own limit on each side of an image surface. */
#define MAX_PIXELS 32767.0
/* And on the whole image: 100 megapixels is 400 MB of pixels, already a large poster. */
#define MAX_MEGAPIXELS 100
/* Pixels per diagram unit: below, the diagram is a speck; above, a few cards fill a poster. */
#define MIN_SCALE 0.01
#define MAX_SCALE 16

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
paint_page (cairo_t               *cr,
            BwLayout              *layout,
            const BwExportOptions *options,
            const BwRect          *page,
            const BwRect          *band)
{
  g_autoptr(BwPainter) painter = bw_painter_new (options->dark);
  const BwPaintPalette *palette = bw_paint_palette (options->dark);
  gboolean with_overlay = options->overlay != NULL && options->overlay->n_tactics > 0;
  BwLegend legend;

  cairo_translate (cr, -page->x, -page->y);
  cairo_rectangle (cr, page->x, page->y, page->w, page->h);
  cairo_set_source_rgb (cr, palette->background.r, palette->background.g, palette->background.b);
  cairo_fill (cr);
  bw_painter_draw_diagram (painter, cr, layout, NULL, NULL);
  if (with_overlay)
    bw_painter_draw_overlay (painter, cr, options->overlay, band->x, band->y, band->w);
  bw_layout_get_page_legend (layout, with_overlay, &legend);
  bw_painter_draw_legend (painter, cr, &legend);
}

void
bw_export_get_page_size (BwLayout              *layout,
                         const BwExportOptions *options,
                         double                *out_width,
                         double                *out_height)
{
  BwRect page;

  bw_layout_get_page (layout, options->overlay != NULL && options->overlay->n_tactics > 0, &page,
                      NULL);
  *out_width = page.w;
  *out_height = page.h;
}

void
bw_export_paint (cairo_t               *cr,
                 BwLayout              *layout,
                 const BwExportOptions *options)
{
  BwRect page;
  BwRect band;

  bw_layout_get_page (layout, options->overlay != NULL && options->overlay->n_tactics > 0, &page,
                      &band);
  cairo_save (cr);
  paint_page (cr, layout, options, &page, &band);
  cairo_restore (cr);
}

/* A cairo context that met an error draws nothing from then on, without a word: what was
 * drawn after it would be missing from the file. Its status is the painting's. */
static cairo_status_t
finish_painting (cairo_t *cr)
{
  cairo_status_t status = cairo_status (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (cairo_get_target (cr));
  return status;
}

gboolean
bw_paper_from_string (const char *name,
                      BwPaper    *out_paper)
{
  static const char *const names[] = { "a4", "a3", "letter" };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *out_paper = (BwPaper) (BW_PAPER_A4 + i);
        return TRUE;
      }
  return FALSE;
}

gboolean
bw_paper_get_size (BwPaper paper,
                   double *out_width,
                   double *out_height)
{
  /* ISO 216 in millimetres to points, and US Letter's 8.5 × 11 inches. */
  static const double sizes[][2] = {
    [BW_PAPER_A4] = { 210 * 72 / 25.4, 297 * 72 / 25.4 },
    [BW_PAPER_A3] = { 297 * 72 / 25.4, 420 * 72 / 25.4 },
    [BW_PAPER_LETTER] = { 612, 792 },
  };

  if (paper == BW_PAPER_NONE || paper > BW_PAPER_LETTER)
    return FALSE;
  *out_width = sizes[paper][0];
  *out_height = sizes[paper][1];
  return TRUE;
}

guint32
bw_crc32 (guint32       crc,
          const guint8 *data,
          gsize         length)
{
  /* Bit by bit: the chunks we checksum are a few bytes long. */
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  return ~crc;
}

static void
put_be32 (guint8  *p,
          guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

gboolean
bw_png_add_resolution (GByteArray *png,
                       double      dots_per_inch)
{
  /* Signature (8), then IHDR: length (4), type (4), 13 bytes of data, CRC (4). */
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;
  guint32 per_metre = (guint32) llround (dots_per_inch / 0.0254);
  guint8 chunk[4 + 4 + 9 + 4];

  if (png->len < ihdr_end || memcmp (png->data, "\x89PNG\r\n\x1a\n", 8) != 0 ||
      memcmp (png->data + 12, "IHDR", 4) != 0)
    return FALSE;
  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, per_metre);
  put_be32 (chunk + 12, per_metre);
  chunk[16] = 1; /* the unit is the metre */
  put_be32 (chunk + 17, bw_crc32 (0, chunk + 4, 4 + 9));
  g_byte_array_set_size (png, png->len + sizeof chunk);
  memmove (png->data + ihdr_end + sizeof chunk, png->data + ihdr_end,
           png->len - sizeof chunk - ihdr_end);
  memcpy (png->data + ihdr_end, chunk, sizeof chunk);
  return TRUE;
}

gboolean
bw_export_check_scale (double   scale,
                       GError **error)
{
  if (!(isfinite (scale) && scale >= MIN_SCALE && scale <= MAX_SCALE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be a number from %g to %g pixels per diagram unit"),
                   MIN_SCALE, (double) MAX_SCALE);
      return FALSE;
    }
  return TRUE;
}

GBytes *
bw_export_to_bytes (BwLayout              *layout,
                    BwExportFormat         format,
                    const BwExportOptions *options,
                    GError               **error)
{
  gboolean with_overlay = options->overlay != NULL && options->overlay->n_tactics > 0;
  BwRect page;
  BwRect band;
  double scale = options->scale != 0 ? options->scale : 1;
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (format != BW_EXPORT_LAYER, NULL);

  if (format == BW_EXPORT_SVG)
    {
      BwSvgOptions svg = { options->dark, with_overlay ? options->overlay : NULL, options->title };
      gsize length;
      char *text = bw_svg_write (layout, &svg, &length);

      return g_bytes_new_take (text, length);
    }

  bw_layout_get_page (layout, with_overlay, &page, &band);

  if (format == BW_EXPORT_PNG)
    {
      double width_px = ceil (page.w * scale);
      double height_px = ceil (page.h * scale);

      if (!bw_export_check_scale (scale, error))
        return NULL;
      /* Both bounds: cairo's per side, and the pixel count, which costs time and memory. */
      if (width_px > MAX_PIXELS || height_px > MAX_PIXELS ||
          width_px * height_px > MAX_MEGAPIXELS * 1e6)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A %.0f × %.0f pixel image is too large (at most %d megapixels and "
                         "%.0f pixels a side); choose a smaller scale"),
                       width_px, height_px, MAX_MEGAPIXELS, MAX_PIXELS);
          return NULL;
        }
      bytes = g_byte_array_new ();
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) width_px),
                                            MAX (1, (int) height_px));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      paint_page (cr, layout, options, &page, &band);
      status = finish_painting (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, append_to_array, bytes);
      /* A diagram unit is a CSS pixel, 1/96 inch. */
      if (status == CAIRO_STATUS_SUCCESS && !bw_png_add_resolution (bytes, 96 * scale))
        status = CAIRO_STATUS_WRITE_ERROR;
    }
  else
    {
      /* One page, sized to fit the diagram: PDF units are points, diagram units pixels. Or
       * the paper's, the diagram scaled to fit inside its margins and centred, the paper
       * turned to landscape when the diagram is wider than high. */
      double to_points = 72.0 / 96.0;
      double page_w = page.w * to_points;
      double page_h = page.h * to_points;
      double offset_x = 0;
      double offset_y = 0;

      if (bw_paper_get_size (options->paper, &page_w, &page_h))
        {
          const double margin = 36; /* half an inch */
          double fit;

          if (page.w > page.h)
            {
              double t = page_w;

              page_w = page_h;
              page_h = t;
            }
          fit = MIN ((page_w - 2 * margin) / MAX (page.w, 1),
                     (page_h - 2 * margin) / MAX (page.h, 1));
          to_points = fit;
          offset_x = (page_w - page.w * fit) / 2;
          offset_y = (page_h - page.h * fit) / 2;
        }
      bytes = g_byte_array_new ();
      surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, page_w, page_h);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bulwark");
      if (options->title != NULL)
        {
          g_autofree char *safe = bw_paint_sanitize_text (options->title);

          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                          safe != NULL ? safe : options->title);
        }
      cr = cairo_create (surface);
      cairo_translate (cr, offset_x, offset_y);
      cairo_scale (cr, to_points, to_points);
      paint_page (cr, layout, options, &page, &band);
      cairo_show_page (cr);
      status = finish_painting (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Rendering failed: %s"),
                   cairo_status_to_string (status));
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

gboolean
bw_export_to_file (BwLayout              *layout,
                   BwExportFormat         format,
                   const BwExportOptions *options,
                   const char            *path,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = bw_export_to_bytes (layout, format, options, error);

  if (bytes == NULL)
    return FALSE;
  return bw_file_write_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error);
}

gboolean
bw_export_format_from_string (const char     *name,
                              BwExportFormat *out_format)
{
  static const char *const names[] = { "svg", "png", "pdf", "layer" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *out_format = (BwExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

struct _BwExportJob
{
  BwEngine   *engine;
  BwDocument *document;
  gboolean    with_overlay;
  BwPaper     paper;
  BwLayout   *layout;    /* made on the first diagram */
  GHashTable *coverage;
  BwOverlay   overlay;
};

BwExportJob *
bw_export_job_new (BwEngine   *engine,
                   BwDocument *document,
                   gboolean    with_overlay)
{
  BwExportJob *self = g_new0 (BwExportJob, 1);

  g_return_val_if_fail (BW_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (document), NULL);

  self->engine = g_object_ref (engine);
  self->document = g_object_ref (document);
  self->with_overlay = with_overlay;
  return self;
}

static BwLayout *
job_layout (BwExportJob *self)
{
  BwReport *report = bw_engine_get_report (self->engine);
  BwCatalog *catalog = bw_engine_get_catalog (self->engine);

  if (self->layout != NULL)
    return self->layout;
  self->layout = bw_layout_new (self->document, catalog);
  self->coverage = bw_overlay_asset_coverage (report);
  bw_layout_set_asset_coverage (self->layout, self->coverage);
  if (self->with_overlay)
    bw_overlay_fill_from_report (&self->overlay, report, catalog);
  return self->layout;
}

gboolean
bw_export_job_write (BwExportJob     *self,
                     BwExportFormat   format,
                     gboolean         dark,
                     double           scale,
                     const char      *path,
                     GError         **error)
{
  BwExportOptions options = { 0 };
  BwLayout *layout;

  if (format == BW_EXPORT_LAYER)
    {
      gsize length;
      g_autofree char *text = bw_layer_write_from_engine (self->engine, self->document, &length);

      return bw_file_write_atomic (path, text, length, error);
    }

  layout = job_layout (self);
  options.dark = dark;
  options.overlay = self->overlay.n_tactics > 0 ? &self->overlay : NULL;
  options.scale = scale;
  options.title = bw_document_get_title (self->document);
  options.paper = self->paper;
  return bw_export_to_file (layout, format, &options, path, error);
}

void
bw_export_job_set_paper (BwExportJob *self,
                         BwPaper      paper)
{
  self->paper = paper;
}

BwLayout *
bw_export_job_get_layout (BwExportJob *self)
{
  return job_layout (self);
}

const BwOverlay *
bw_export_job_get_overlay (BwExportJob *self)
{
  job_layout (self);
  return self->overlay.n_tactics > 0 ? &self->overlay : NULL;
}

void
bw_export_job_free (BwExportJob *self)
{
  if (self == NULL)
    return;
  bw_overlay_clear (&self->overlay);
  g_clear_pointer (&self->layout, bw_layout_unref);
  g_clear_pointer (&self->coverage, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->engine);
  g_free (self);
}
