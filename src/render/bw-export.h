/* bw-export.h: writes the diagram to SVG, PNG or PDF files, all from the one layout. */
#pragma once

#include "bw-layout.h"

G_BEGIN_DECLS

typedef enum
{
  BW_EXPORT_SVG,
  BW_EXPORT_PNG,
  BW_EXPORT_PDF,
} BwExportFormat;

typedef struct
{
  gboolean         dark;
  const BwOverlay *overlay; /* NULL: leave the coverage strip out */
  double           scale;   /* PNG pixels per diagram unit, 0.01–16; 0 means 1 */
  const char      *title;
} BwExportOptions;

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

G_END_DECLS
