/* bw-overlay.h: fills the coverage strip's cells from an engine report, for the canvas and
 * every exporter alike. */
#pragma once

#include "bw-layout.h"
#include "bw-report.h"

G_BEGIN_DECLS

/* Fills `overlay` (cleared first) from the report's tactic and kill-chain figures. */
void        bw_overlay_fill_from_report (BwOverlay *overlay,
                                         BwReport  *report,
                                         BwCatalog *catalog);

/* Asset id → coverage share (double*), for the badges. */
GHashTable *bw_overlay_asset_coverage   (BwReport  *report);

G_END_DECLS
