/* bw-matrix-window.h: the coverage matrix — every technique by tactic, as ATT&CK Navigator
 * draws it, coloured and labelled by status, filtered by platform, threat profile and search. */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_MATRIX_WINDOW (bw_matrix_window_get_type ())
G_DECLARE_FINAL_TYPE (BwMatrixWindow, bw_matrix_window, BW, MATRIX_WINDOW, AdwWindow)

/* One matrix cell: a technique, whether it is a sub-technique shown under its parent, and how
 * many sub-techniques of the column's tactic it folds (0 for none). */
typedef struct
{
  guint    technique;
  guint    n_subs;
  gboolean sub;
} BwMatrixCell;

BwMatrixWindow     *bw_matrix_window_new            (BwProject      *project);
BwProject          *bw_matrix_window_get_project    (BwMatrixWindow *self);
void                bw_matrix_window_set_project    (BwMatrixWindow *self,
                                                     BwProject      *project);

/* The cells of tactic `tactic` (matrix order) as shown, top to bottom. */
guint               bw_matrix_window_get_n_cells    (BwMatrixWindow *self,
                                                     guint           tactic);
const BwMatrixCell *bw_matrix_window_get_cell       (BwMatrixWindow *self,
                                                     guint           tactic,
                                                     guint           position);
/* What the cell says of its status ("Covered", "Partial", "Gap", "n/a"): for a parent, the
 * roll-up over it and its sub-techniques. */
const char         *bw_matrix_window_get_cell_label (BwMatrixWindow *self,
                                                     guint           tactic,
                                                     guint           position);

/* The technique whose page is open beside the matrix, or NULL. */
const char         *bw_matrix_window_get_technique  (BwMatrixWindow *self);
/* Unfolds or folds a parent technique's sub-techniques (catalog index), in every column. */
void                bw_matrix_window_set_expanded   (BwMatrixWindow *self,
                                                     guint           technique,
                                                     gboolean        expanded);
/* Unfolds every parent (the header's toggle). */
void                bw_matrix_window_set_all_expanded (BwMatrixWindow *self,
                                                       gboolean        expanded);
/* Only the techniques used by the threat profile's groups (when the report has a profile). */
void                bw_matrix_window_set_profile_only (BwMatrixWindow *self,
                                                       gboolean        profile_only);
/* Only the techniques of an ATT&CK platform ("Windows"); NULL for all. */
void                bw_matrix_window_set_platform   (BwMatrixWindow *self,
                                                     const char     *platform);

G_END_DECLS
