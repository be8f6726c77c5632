/* bw-tiers.h: what a Microsoft 365 licence tier buys — the coverage of one estate under E3
 * and under E5, overall and per tactic, as the window's Advisor and `bulwark tiers` show it. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-report.h"

G_BEGIN_DECLS

typedef enum
{
  BW_TIER_E3,
  BW_TIER_E5,
  BW_N_TIERS,
} BwTier;

typedef struct
{
  guint            n_tactics;
  /* Per tier: the summary, and the tactics in matrix order (n_tactics each). */
  BwReportFigures  summary[BW_N_TIERS];
  BwReportFigures *tactics[BW_N_TIERS];
} BwTiers;

/* "E3" or "E5". */
const char *bw_tier_get_licence   (BwTier      tier);

/* Runs the engine once per tier. The document's licence is set to each tier in turn and put
 * back as it was, so the document ends unchanged (and emits `changed` on the way). */
BwTiers    *bw_tiers_compute      (BwCatalog  *catalog,
                                   BwDocument *document);
/* Whether E5 covers tactic `index` differently from E3. */
gboolean    bw_tiers_tactic_differs (const BwTiers *self,
                                     guint          index);
void        bw_tiers_free         (BwTiers    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwTiers, bw_tiers_free)

G_END_DECLS
