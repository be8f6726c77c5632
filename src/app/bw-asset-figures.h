/* bw-asset-figures.h: an asset's own coverage in the Inspector — its ratio and counts (DESIGN §4
 * rule 8), the services that cover it and through which rule, and its five weakest tactics,
 * each unfolding to the asset's techniques there (a click opens a technique's page). */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_ASSET_FIGURES (bw_asset_figures_get_type ())
G_DECLARE_FINAL_TYPE (BwAssetFigures, bw_asset_figures, BW, ASSET_FIGURES, AdwPreferencesGroup)

GtkWidget  *bw_asset_figures_new         (void);
/* The project whose report it follows. */
void        bw_asset_figures_set_project (BwAssetFigures *self,
                                          BwProject      *project);
/* The asset node shown; NULL (or a node that is no counted asset) hides the group. */
void        bw_asset_figures_set_asset   (BwAssetFigures *self,
                                          const char     *asset_id);
const char *bw_asset_figures_get_asset   (BwAssetFigures *self);

/* What the rows say, for tests: the summary line, the covering services' rows ("label" and
 * the rule), and the weakest tactics' ids in the order shown. */
const char *bw_asset_figures_get_summary (BwAssetFigures *self);
GPtrArray  *bw_asset_figures_get_covers  (BwAssetFigures *self);  /* of GtkWidget rows */
GPtrArray  *bw_asset_figures_get_tactics (BwAssetFigures *self);  /* of AdwExpanderRow */

G_END_DECLS
