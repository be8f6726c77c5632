/* bw-matrix-layout.h: which cells the coverage matrix shows in each tactic's column, worked out
 * from the catalog, the report and the filters, without widgets (bw-matrix-layout.c). */
#pragma once

#include "bw-catalog.h"
#include "bw-matrix-window.h"
#include "bw-report.h"

G_BEGIN_DECLS

typedef struct _BwMatrixLayout BwMatrixLayout;

/* What the matrix shows: the filters and which parents are unfolded. */
typedef struct
{
  const char    *platform;    /* NULL: every platform */
  gboolean       profile_only;
  const char    *search;      /* case-folded, NULL or "" for none; a match unfolds its parent */
  gboolean       all_expanded;
  const guint8  *expanded;    /* by catalog index: the parents unfolded */
} BwMatrixFilter;

BwMatrixLayout     *bw_matrix_layout_new        (BwCatalog            *catalog);
void                bw_matrix_layout_free       (BwMatrixLayout       *self);
/* Lays every column out anew; `report` may be NULL (then nothing is shown). */
void                bw_matrix_layout_update     (BwMatrixLayout       *self,
                                                 BwReport             *report,
                                                 const BwMatrixFilter *filter);
guint               bw_matrix_layout_get_n_rows (BwMatrixLayout       *self);
guint               bw_matrix_layout_get_n_cells (BwMatrixLayout      *self,
                                                  guint                tactic);
const BwMatrixCell *bw_matrix_layout_get_cell   (BwMatrixLayout       *self,
                                                 guint                 tactic,
                                                 guint                 position);
/* The status a cell shows: a parent's roll-up over it and the sub-techniques it folds
 * (covered when all applicable are, gap when none has any score, else partial). */
BwStatus            bw_matrix_layout_get_status (BwMatrixLayout       *self,
                                                 guint                 tactic,
                                                 guint                 position);

/* What a cell says of a status: "Covered", "Partial", "Gap", "n/a" (translated). */
const char         *bw_matrix_status_label      (BwStatus              status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwMatrixLayout, bw_matrix_layout_free)

G_END_DECLS
