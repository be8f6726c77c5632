/* bw-engine.h: the model engine — document + catalog → coverage report, kept current
 * incrementally as the document changes (DESIGN §4). */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-report.h"

G_BEGIN_DECLS

#define BW_TYPE_ENGINE (bw_engine_get_type ())
G_DECLARE_FINAL_TYPE (BwEngine, bw_engine, BW, ENGINE, GObject)

BwEngine  *bw_engine_new          (BwCatalog  *catalog);
BwCatalog *bw_engine_get_catalog  (BwEngine   *self);
/* Follows the document's `changed` signal from now on; NULL detaches. */
void       bw_engine_set_document (BwEngine   *self,
                                   BwDocument *document);
/* The current report (owned by the engine; take a reference to keep it past the next change).
 * `report-changed` is emitted after each change the document announces. */
BwReport  *bw_engine_get_report   (BwEngine   *self);

/* A report computed from scratch, with no state kept: the reference the incremental path must
 * match exactly. */
BwReport  *bw_engine_compute      (BwCatalog  *catalog,
                                   BwDocument *document);

/* For the coverage view: the service nodes that give technique `technique` (catalog index) a
 * protect or detect score on some asset, and the assets it applies to where it is a gap.
 * Ids are added to the sets (string keys, owned by the set). */
void       bw_engine_explain_technique (BwEngine   *self,
                                        guint       technique,
                                        GHashTable *services,
                                        GHashTable *gap_assets);

/* Service node ids covering an asset node (rules 1 and 2), in document order; those covering
 * it by rule 10 only are not among them (bw_engine_get_delivering). */
GPtrArray *bw_engine_get_covering (BwEngine   *self,
                                   const char *asset_id);

/* Rule 10: service node ids covering, by rule 1, an asset with a flow edge into `asset_id`, in
 * document order. They cover it for the delivery techniques only. */
GPtrArray *bw_engine_get_delivering (BwEngine   *self,
                                     const char *asset_id);
/* Whether rule 10 holds for technique `technique` (catalog index): its only tactic is
 * initial-access. */
gboolean   bw_engine_is_delivery    (BwEngine   *self,
                                     guint       technique);
/* The delivery techniques as a bitset (see below), owned by the engine. */
const guint64 *bw_engine_get_delivery_bits (BwEngine *self);

/* Read-only probes for planners (bw-engine-probe.c): what an addition would change can be
 * worked out from these without touching the document. A bitset holds
 * bw_engine_get_n_words() words, bit t for the catalog's technique t. */
guint      bw_engine_get_n_words   (BwEngine   *self);
/* The current bitsets of an asset node the engine counts: the techniques applicable to it, and
 * those whose best (rule 4) is ≥ 1 and ≥ 2. FALSE when `asset_id` is not such an asset. */
gboolean   bw_engine_get_asset_bits (BwEngine       *self,
                                     const char     *asset_id,
                                     const guint64 **applicable,
                                     const guint64 **best1,
                                     const guint64 **best2);
/* What a service gives any asset it covers, before that asset's platforms are applied:
 * max (protect, detect) ≥ 1 into `best1`, ≥ 2 into `best2` (each cleared first). `node` is the
 * service node in the document, or NULL for a new node of `stencil` without props. */
void       bw_engine_get_service_best (BwEngine        *self,
                                       const BwStencil *stencil,
                                       const BwNode    *node,
                                       guint64         *best1,
                                       guint64         *best2);

G_END_DECLS
