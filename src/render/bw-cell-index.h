/* bw-cell-index.h: a sparse grid of square cells over the diagram, each holding in ascending
 * order the numbers of the items whose boxes reach it. The layout keeps its cards in one, the
 * canvas scene what it draws in another; both look up what lies near a point or a box. */
#pragma once

#include "bw-layout.h"

G_BEGIN_DECLS

typedef struct _BwCellIndex BwCellIndex;

/* Cells `cell_size` diagram units square. */
BwCellIndex   *bw_cell_index_new          (double             cell_size);
void           bw_cell_index_free         (BwCellIndex       *self);
void           bw_cell_index_clear        (BwCellIndex       *self);
/* The cell that point (x, y) is in. */
void           bw_cell_index_cell_at      (const BwCellIndex *self,
                                           double             x,
                                           double             y,
                                           int               *cx,
                                           int               *cy);
/* The cells `rect` reaches, x0..x1 × y0..y1. */
void           bw_cell_index_span         (const BwCellIndex *self,
                                           const BwRect      *rect,
                                           int               *x0,
                                           int               *x1,
                                           int               *y0,
                                           int               *y1);
/* Puts `value` in cell (cx, cy) where ascending order has it: at the end when values come in
 * ascending order, as a full build adds them, so that an item taken out and put back ends up
 * where a build would have put it. */
void           bw_cell_index_add          (BwCellIndex       *self,
                                           int                cx,
                                           int                cy,
                                           guint32            value);
/* The same in every cell `rect` reaches. */
void           bw_cell_index_add_rect     (BwCellIndex       *self,
                                           const BwRect      *rect,
                                           guint32            value);
/* Takes `value` out of the cells `rect` reaches, where it is; a cell left empty goes. */
void           bw_cell_index_remove_rect  (BwCellIndex       *self,
                                           const BwRect      *rect,
                                           guint32            value);
/* What cell (cx, cy) holds, ascending; NULL, and 0 in `n_values`, for an empty cell. */
const guint32 *bw_cell_index_get          (const BwCellIndex *self,
                                           int                cx,
                                           int                cy,
                                           guint             *n_values);
guint          bw_cell_index_get_n_cells  (const BwCellIndex *self);
/* Whether both hold the same values in the same cells, in the same order. */
gboolean       bw_cell_index_equal        (const BwCellIndex *a,
                                           const BwCellIndex *b);

G_END_DECLS
