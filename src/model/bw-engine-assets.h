/* bw-engine-assets.h: the engine's figures for each asset and technique — rules 3 and 4 of
 * DESIGN §4 per (technique, asset) pair, where the report only keeps their aggregates. Read
 * only, for the per-asset CSV. */
#pragma once

#include "bw-engine.h"

G_BEGIN_DECLS

/* best(a, t) where t applies to a; BW_ENGINE_NOT_APPLICABLE where it does not. */
#define BW_ENGINE_NOT_APPLICABLE (-1)

typedef struct _BwEngineAssets BwEngineAssets;

/* Every asset node of `document` (document order), with its best score for each catalog
 * technique and the services the engine finds covering it (rules 1, 2 and 10). The document must
 * stay unchanged while the answer is in use: it points into it. */
BwEngineAssets *bw_engine_assets_new          (BwCatalog      *catalog,
                                               BwDocument     *document);
void            bw_engine_assets_free         (BwEngineAssets *self);

guint           bw_engine_assets_get_n_assets (BwEngineAssets *self);
const BwNode   *bw_engine_assets_get_asset    (BwEngineAssets *self,
                                               guint           asset);
/* A BwScore, or BW_ENGINE_NOT_APPLICABLE. */
int             bw_engine_assets_get_best     (BwEngineAssets *self,
                                               guint           asset,
                                               guint           technique);
/* The status of the technique on this asset alone (rule 5 over {a}). */
BwStatus        bw_engine_assets_get_status   (BwEngineAssets *self,
                                               guint           asset,
                                               guint           technique);
/* Appends the covering service nodes (const BwNode *, document order; then, for an
 * initial-access technique, those covering it by rule 10 alone) that give the technique a
 * protect or detect score on this asset. */
void            bw_engine_assets_get_services (BwEngineAssets *self,
                                               guint           asset,
                                               guint           technique,
                                               GPtrArray      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwEngineAssets, bw_engine_assets_free)

G_END_DECLS
