/* bw-palette.h: the searchable list of stencils, grouped by family, dragged onto the canvas. */
#pragma once

#include <gtk/gtk.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

#define BW_TYPE_PALETTE (bw_palette_get_type ())
G_DECLARE_FINAL_TYPE (BwPalette, bw_palette, BW, PALETTE, GtkWidget)

GtkWidget *bw_palette_new         (BwCatalog  *catalog);
/* Visible stencil ids after filtering (for tests and keyboard users). */
GPtrArray *bw_palette_get_visible (BwPalette  *self);
void       bw_palette_set_filter  (BwPalette  *self,
                                   const char *text);

G_END_DECLS
