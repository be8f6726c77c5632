/* bw-palette-row.h: one stencil of the palette — its icon and name, dragged onto the canvas. */
#pragma once

#include <gtk/gtk.h>

#include "bw-catalog.h"

G_BEGIN_DECLS

#define BW_TYPE_PALETTE_ROW (bw_palette_row_get_type ())
G_DECLARE_FINAL_TYPE (BwPaletteRow, bw_palette_row, BW, PALETTE_ROW, GtkListBoxRow)

/* `stencil` belongs to `catalog`, which the row keeps alive. */
GtkWidget       *bw_palette_row_new         (BwCatalog       *catalog,
                                             const BwStencil *stencil);
const BwStencil *bw_palette_row_get_stencil (BwPaletteRow    *self);

G_END_DECLS
