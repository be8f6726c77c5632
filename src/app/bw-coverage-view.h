/* bw-coverage-view.h: the coverage panel — tactic bars, a tactic's techniques with their status
 * and scores, and a technique's covering services and gap assets lit on the canvas. */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COVERAGE_VIEW (bw_coverage_view_get_type ())
G_DECLARE_FINAL_TYPE (BwCoverageView, bw_coverage_view, BW, COVERAGE_VIEW, GtkWidget)

GtkWidget  *bw_coverage_view_new          (void);
/* The project whose catalog and latest report the panel shows. */
BwProject  *bw_coverage_view_get_project  (BwCoverageView *self);
void        bw_coverage_view_set_project  (BwCoverageView *self,
                                           BwProject      *project);
/* Opens a tactic's technique list (index in matrix order), as a click on its bar does. */
void        bw_coverage_view_show_tactic  (BwCoverageView *self,
                                           guint           tactic_index);
void        bw_coverage_view_show_tactics (BwCoverageView *self);
/* Opens the tactic with `tactic_id` ("TA0005"); FALSE when the catalog has none such. */
gboolean    bw_coverage_view_open_tactic  (BwCoverageView *self,
                                           const char     *tactic_id);
/* Opens the weakest tactic of the kill-chain phase `phase_id`: the lowest ratio among those
 * with applicable techniques, the first in matrix order on a tie; FALSE when there is none. */
gboolean    bw_coverage_view_open_phase   (BwCoverageView *self,
                                           const char     *phase_id);
/* Opens technique `technique_id`'s page (revoked ids lead to the technique that replaced
 * them) and picks it; FALSE when the catalog does not know it. */
gboolean    bw_coverage_view_show_technique (BwCoverageView *self,
                                             const char     *technique_id);
/* The shown tactic's index in matrix order, or -1 on the tactic list. */
int         bw_coverage_view_get_tactic   (BwCoverageView *self);
/* Whether a spinner stands in for the figures: the project is loading a file (reading it and
 * computing its first report), and has been for longer than the progress delay. */
gboolean    bw_coverage_view_is_computing (BwCoverageView *self);
/* How long a load runs before the spinner shows (150 ms: a small project opens without a
 * flash); 0 shows it at once. */
void        bw_coverage_view_set_progress_delay (BwCoverageView *self,
                                                 guint           delay_ms);
const char *bw_coverage_view_get_technique (BwCoverageView *self);

G_END_DECLS
