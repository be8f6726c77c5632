/* bw-tactic-row.h: one tactic of the coverage panel — its bar, its counts and, with a threat
 * profile, the same figures against the chosen adversaries. */
#pragma once

#include <gtk/gtk.h>

#include "bw-catalog.h"
#include "bw-report.h"

G_BEGIN_DECLS

#define BW_TYPE_TACTIC_ROW (bw_tactic_row_get_type ())
G_DECLARE_FINAL_TYPE (BwTacticRow, bw_tactic_row, BW, TACTIC_ROW, GtkListBoxRow)

/* `profile` is NULL when the report has no threat profile. */
GtkWidget *bw_tactic_row_new         (guint                  index,
                                      const BwTactic        *tactic,
                                      const BwReportFigures *figures,
                                      const BwReportFigures *profile);
/* New figures for the same tactic, as a report after an edit brings them. */
void       bw_tactic_row_set_figures (BwTacticRow           *self,
                                      const BwReportFigures *figures,
                                      const BwReportFigures *profile);
/* The tactic's index in matrix order. */
guint      bw_tactic_row_get_index   (BwTacticRow           *self);

G_END_DECLS
