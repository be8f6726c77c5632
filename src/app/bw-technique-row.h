/* bw-technique-row.h: one technique of a tactic in the coverage panel — its status and its
 * coverage over its assets, with the best and the weakest. */
#pragma once

#include <adwaita.h>

#include "bw-catalog.h"
#include "bw-explain.h"
#include "bw-report.h"

G_BEGIN_DECLS

#define BW_TYPE_TECHNIQUE_ROW (bw_technique_row_get_type ())
G_DECLARE_FINAL_TYPE (BwTechniqueRow, bw_technique_row, BW, TECHNIQUE_ROW, AdwActionRow)

/* `range`: the technique's best and weakest asset (NULL: not known, the counts alone);
 * `in_profile`: the threat profile's adversaries use the technique. */
GtkWidget  *bw_technique_row_new    (const BwTechnique       *technique,
                                     const BwReportTechnique *figures,
                                     const BwExplainRange    *range,
                                     gboolean                 in_profile);
const char *bw_technique_row_get_id (BwTechniqueRow          *self);

G_END_DECLS
