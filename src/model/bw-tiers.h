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

/* Where the tiers come from: CTID's Microsoft 365 mappings, whose capability ids carry them. */
#define BW_TIERS_SOURCE_URL \
  "https://center-for-threat-informed-defense.github.io/mappings-explorer/external/m365/"

/* "E3" or "E5". */
const char *bw_tier_get_licence   (BwTier      tier);
/* One translated sentence for wherever the comparison is shown: the tiers are the ones CTID's
 * mappings tag, and how many this project overrides (settings.licence_overrides). */
char       *bw_tiers_describe_source (BwDocument *document);

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
