/* bw-export.h: writes the diagram to SVG, PNG or PDF files, all from the one layout, and an
 * export job that assembles what the window's Export menu and `bulwark export` write. */
#pragma once

#include <cairo.h>

#include "bw-engine.h"
#include "bw-layout.h"

G_BEGIN_DECLS

typedef enum
{
  BW_EXPORT_SVG,
  BW_EXPORT_PNG,
  BW_EXPORT_PDF,
  BW_EXPORT_LAYER, /* coverage as an ATT&CK Navigator layer: export jobs only */
} BwExportFormat;

/* A paper size the PDF of the diagram is fitted to; NONE: a page the diagram's own size. */
typedef enum
{
  BW_PAPER_NONE,
  BW_PAPER_A4,
  BW_PAPER_A3,
  BW_PAPER_LETTER,
} BwPaper;

typedef struct
{
  gboolean         dark;
  const BwOverlay *overlay; /* NULL: leave the coverage strip out */
  double           scale;   /* PNG pixels per diagram unit, 0.01–16; 0 means 1 */
  const char      *title;
  BwPaper          paper;   /* PDF only */
} BwExportOptions;

/* "A4", "A3" or "Letter" (any case); FALSE for anything else. */
gboolean  bw_paper_from_string (const char *name,
                                BwPaper    *out_paper);
/* The paper's portrait width and height in points; FALSE for BW_PAPER_NONE. */
gboolean  bw_paper_get_size    (BwPaper     paper,
                                double     *out_width,
                                double     *out_height);

/* Adds a pHYs chunk (pixels per metre, both ways) after the IHDR of the PNG in `png`, which
 * cairo's writer leaves out, so documents place the image at its size. FALSE when `png` does
 * not start with a PNG signature and IHDR. */
gboolean  bw_png_add_resolution (GByteArray *png,
                                 double      dots_per_inch);
/* The standard CRC-32 (ISO 3309, as PNG chunks use) of `length` bytes, continuing `crc`
 * (0 to start). */
guint32   bw_crc32              (guint32       crc,
                                 const guint8 *data,
                                 gsize         length);

/* FALSE and a message unless `scale` is a PNG scale the exporter takes (0.01–16). */
gboolean  bw_export_check_scale (double   scale,
                                 GError **error);

/* Renders to memory. PNG and PDF are drawn by the canvas's painter on a cairo surface. */
GBytes   *bw_export_to_bytes (BwLayout              *layout,
                              BwExportFormat         format,
                              const BwExportOptions *options,
                              GError               **error);
/* Renders and writes atomically: on failure the previous file is untouched. */
gboolean  bw_export_to_file  (BwLayout              *layout,
                              BwExportFormat         format,
                              const BwExportOptions *options,
                              const char            *path,
                              GError               **error);

/* The diagram's page (diagram units), with the strip when `options` has one. */
void      bw_export_get_page_size (BwLayout              *layout,
                                   const BwExportOptions *options,
                                   double                *out_width,
                                   double                *out_height);
/* Paints that page with its top-left corner at the origin, in diagram units: what the PNG and
 * PDF hold, for writers that place the diagram on a page of their own. */
void      bw_export_paint         (cairo_t               *cr,
                                   BwLayout              *layout,
                                   const BwExportOptions *options);

/* "svg", "png", "pdf" or "layer"; FALSE for anything else. */
gboolean  bw_export_format_from_string (const char     *name,
                                        BwExportFormat *out_format);

/* One document's export: its layout with the asset coverage of the engine's current report,
 * and the coverage strip unless `with_overlay` is FALSE. Built once, written in as many
 * formats as wanted; the layout is only made when a diagram is written. */
typedef struct _BwExportJob BwExportJob;

BwExportJob *bw_export_job_new   (BwEngine       *engine,
                                  BwDocument     *document,
                                  gboolean        with_overlay);
/* Writes `format` atomically to `path`. `scale` is the PNG scale (0 means 1), `dark` the
 * style; both are ignored by the layer. */
gboolean     bw_export_job_write (BwExportJob    *self,
                                  BwExportFormat  format,
                                  gboolean        dark,
                                  double          scale,
                                  const char     *path,
                                  GError        **error);
/* The paper the job's PDF is fitted to (BW_PAPER_NONE, the default: the diagram's size). */
void         bw_export_job_set_paper (BwExportJob *self,
                                      BwPaper      paper);
/* The job's layout and strip, made on first use, for writers that embed the diagram. */
BwLayout    *bw_export_job_get_layout  (BwExportJob *self);
const BwOverlay *bw_export_job_get_overlay (BwExportJob *self);
void         bw_export_job_free  (BwExportJob    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwExportJob, bw_export_job_free)

G_END_DECLS
