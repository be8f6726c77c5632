/* bw-matrix-grid.h: the coverage matrix's drawing — the cells of a BwMatrixLayout, one column
 * per tactic, drawn only where they are in view (a GtkScrollable, as in a scrolled window). */
#pragma once

#include <gtk/gtk.h>

#include "bw-matrix-layout.h"

G_BEGIN_DECLS

#define BW_TYPE_MATRIX_GRID (bw_matrix_grid_get_type ())
G_DECLARE_FINAL_TYPE (BwMatrixGrid, bw_matrix_grid, BW, MATRIX_GRID, GtkWidget)

GtkWidget *bw_matrix_grid_new            (void);
/* What to draw; both may be NULL. Call bw_matrix_grid_changed after the layout's update. */
void       bw_matrix_grid_set_layout     (BwMatrixGrid   *self,
                                          BwCatalog      *catalog,
                                          BwMatrixLayout *layout);
void       bw_matrix_grid_changed        (BwMatrixGrid   *self);
/* Which parents are unfolded (by catalog index; owned by the caller), for the fold marks. */
void       bw_matrix_grid_set_expanded   (BwMatrixGrid   *self,
                                          const guint8   *expanded,
                                          gboolean        all);
void       bw_matrix_grid_set_colorblind (BwMatrixGrid   *self,
                                          gboolean        colorblind);
/* The cell at widget coordinates: FALSE when there is none; `on_fold` when the point is on
 * its fold mark. */
gboolean   bw_matrix_grid_cell_at        (BwMatrixGrid   *self,
                                          double          x,
                                          double          y,
                                          guint          *tactic,
                                          guint          *position,
                                          gboolean       *on_fold);
/* Widget coordinates of the middle of a cell (which may be out of view). */
void       bw_matrix_grid_cell_centre    (BwMatrixGrid   *self,
                                          guint           tactic,
                                          guint           position,
                                          double         *x,
                                          double         *y);
/* How many cells the last frame drew. */
guint      bw_matrix_grid_get_n_drawn    (BwMatrixGrid   *self);

G_END_DECLS
