/* bw-recommend-private.h: the search behind bw_recommend (bw-recommend-search.c). */
#pragma once

#include "bw-engine.h"
#include "bw-recommend.h"

G_BEGIN_DECLS

/* Whether the stencil has a capability with mapping entries that the licence allows. */
gboolean          bw_recommend_stencil_usable (BwCatalog       *catalog,
                                               const BwStencil *stencil,
                                               const char      *licence);

/* The ratio recommendations raise, from a report. */
double            bw_recommend_report_ratio   (BwReport        *report);

/* The single addition to `work` with the largest gain, or NULL when none raises the ratio.
 * `engine` follows `work` and is current. Candidates are weighed in the order of the catalog's
 * stencils and, for each, of the document's zones and then nodes; the first of equal gains
 * wins. Neither the document nor the engine is changed. */
BwRecommendation *bw_recommend_best_step      (BwCatalog       *catalog,
                                               BwDocument      *work,
                                               BwEngine        *engine,
                                               GCancellable    *cancellable);

G_END_DECLS
