/* bw-palette.h: the searchable list of stencils, grouped by family, dragged onto the canvas. */
#pragma once

#include <gtk/gtk.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_PALETTE (bw_palette_get_type ())
G_DECLARE_FINAL_TYPE (BwPalette, bw_palette, BW, PALETTE, GtkWidget)

GtkWidget *bw_palette_new         (void);
/* The project whose catalog's stencils the palette lists: another catalog, other rows. */
BwProject *bw_palette_get_project (BwPalette  *self);
void       bw_palette_set_project (BwPalette  *self,
                                   BwProject  *project);
/* Visible stencil ids after filtering (for tests and keyboard users). */
GPtrArray *bw_palette_get_visible (BwPalette  *self);
void       bw_palette_set_filter  (BwPalette  *self,
                                   const char *text);
/* Puts the focus in the search entry, its text selected (Ctrl+F). */
void       bw_palette_focus_search (BwPalette *self);

G_END_DECLS
