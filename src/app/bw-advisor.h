/* bw-advisor.h: the Advisor panel — the threat profile (ATT&CK groups), the Microsoft 365
 * licence tier and what E5 adds over E3, the services that would raise coverage most (applied
 * with one click), and where an intrusion entering at the selected asset can move. */
#pragma once

#include <adwaita.h>

#include "bw-project.h"
#include "bw-recommend.h"

G_BEGIN_DECLS

#define BW_TYPE_ADVISOR (bw_advisor_get_type ())
G_DECLARE_FINAL_TYPE (BwAdvisor, bw_advisor, BW, ADVISOR, GtkWidget)

GtkWidget *bw_advisor_new          (void);
/* The project advised on: the panel refreshes shortly after its last change and report. */
BwProject *bw_advisor_get_project  (BwAdvisor  *self);
void       bw_advisor_set_project  (BwAdvisor  *self,
                                    BwProject  *project);
/* The asset attack paths start from (the selection), or NULL. */
void       bw_advisor_set_entry    (BwAdvisor  *self,
                                    const char *node_id);
/* Runs the pending refresh now and waits for the recommendations (tests). */
void       bw_advisor_refresh_now  (BwAdvisor  *self);
guint      bw_advisor_get_n_recommendations (BwAdvisor *self);
const BwRecommendation *bw_advisor_get_recommendation (BwAdvisor *self,
                                                       guint      index);
/* Rows in the attack path list for the current entry (0 without one). */
guint      bw_advisor_get_n_paths  (BwAdvisor  *self);
/* Applies recommendation `index` as one undoable step; FALSE and an error if it cannot. */
gboolean   bw_advisor_apply        (BwAdvisor  *self,
                                    guint       index,
                                    GError    **error);

G_END_DECLS
