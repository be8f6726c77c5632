/* bw-engine-private.h: the engine's state, shared by its files: bw-engine.c (the object and
 * its API), bw-engine-rules.c (rules 1–3 for one asset), bw-engine-delivery.c (rule 10),
 * bw-engine-update.c (what a document change touches) and bw-engine-report.c (from the counters
 * to a report). */
#pragma once

#include "bw-engine.h"
#include "bw-report-private.h"

G_BEGIN_DECLS

/* Counters indexed by: 0 applicable, 1 best ≥ 1, 2 best ≥ 2, then 3 + 3·category + (level − 1)
 * for cell(category) ≥ level. */
#define C_APP 0
#define C_BEST1 1
#define C_BEST2 2
#define C_CELL(cat, level) (3 + 3 * (cat) + ((level) - 1))
#define N_COUNTERS 12

typedef struct
{
  guint64 *bits[N_COUNTERS]; /* each W words, in one block; restricted to applicable techniques */
  gboolean counted;          /* added into the engine's counters */
  guint    applicable;       /* rule 8, kept with the bits so reports need not count them */
  guint    covered;
  guint    partial;
  gboolean ignored;          /* unknown kind: takes no part */
  gboolean in_slab;          /* lies in the engine's state_blocks, not freed alone */
  guint64  block[];          /* the bitsets */
} BwEngineAsset;

/* The destroy function of the engine's assets table. */
void bw_engine_asset_free (BwEngineAsset *state);

/* Bit-sliced counters: plane p holds bit p of each technique's count. */
typedef struct
{
  guint64 *planes;  /* n_planes × W */
  guint    n_planes;
} BwEngineCounter;

/* During a full recompute, assets are first added into small counters of SMALL_PLANES planes
 * (a count up to SMALL_MAX), which go into medium ones of MEDIUM_PLANES every SMALL_MAX assets,
 * and those into the engine's counters every MEDIUM_MAX: adding to a small counter takes a
 * fixed few word operations, where the engine's counter carries through all its planes. */
#define SMALL_PLANES 4
#define SMALL_MAX 15
#define MEDIUM_PLANES 8
#define MEDIUM_MAX 255 /* a multiple of SMALL_MAX */

/* The states of a full recompute come in blocks of so many (about a megabyte at 691
 * techniques). */
#define SLAB_BLOCK 1024

/* The edges at one node or zone that the rules follow, as the nodes at their other ends. */
typedef enum
{
  BW_LINK_PROTECTS_INTO, /* sources of the protects edges into it */
  BW_LINK_TELEMETRY_OUT, /* targets of its telemetry edges */
  BW_LINK_FLOW_INTO,     /* sources of the flow edges into it (rule 10) */
  BW_LINK_FLOW_OUT,      /* targets of its flow edges */
  BW_N_LINKS
} BwEngineLinkKind;

/* A list of the nodes at the other ends of edges. */
typedef struct
{
  const BwNode **nodes;
  guint          len;
  guint          cap;  /* 0: the nodes lie in the engine's block (link_nodes) */
} BwEngineNodeList;

/* A table by node or zone serial (bw_document_get_serial_bound): NULL where nothing is kept. */
typedef struct
{
  gpointer *v;
  guint     n;
} BwEngineSlots;

static inline gpointer
bw_engine_slots_get (const BwEngineSlots *slots,
                     guint                serial)
{
  return serial < slots->n ? slots->v[serial] : NULL;
}

/* bw-engine-links.c */
void bw_engine_slots_set    (BwEngineSlots  *slots,
                             guint           serial,
                             gpointer        value);
/* Frees the value at `serial`, if any, with `free_func` (may be NULL). */
void bw_engine_slots_forget (BwEngineSlots  *slots,
                             guint           serial,
                             GDestroyNotify  free_func);
/* Frees every value with `free_func` (may be NULL), and the table. */
void bw_engine_slots_clear  (BwEngineSlots  *slots,
                             GDestroyNotify  free_func);

typedef struct
{
  BwEngineNodeList lists[BW_N_LINKS];
} BwEngineLinks;

/* What one service gives a target it protects, resolved once: its own caps (siem NULL), or
 * those of a SIEM its telemetry reaches (rule 2), for the assets both admit. */
typedef struct
{
  const BwStencil *service;
  const BwStencil *siem;
  const guint64   *caps;    /* 9·W, then 9·delivery_words compact; owned by service_caps */
} BwEngineSource;

struct _BwEngine
{
  GObject     parent_instance;

  BwCatalog  *catalog;
  BwDocument *document;
  guint       n_techniques;
  guint       words;

  /* Catalog-derived, computed once per catalog and shared by its engines (bw-engine.c) */
  GHashTable *platform_bits;  /* platform → guint64[W] */
  guint64   **tactic_bits;    /* per tactic */
  guint64   **phase_bits;     /* per phase: union of its tactics */
  guint64    *all_bits;
  guint64    *delivery_bits;  /* rule 10: the techniques whose only tactic is initial-access */
  gboolean    has_delivery;   /* any such technique */
  guint      *delivery_index; /* those techniques, in catalog order: compact index → technique */
  guint       n_delivery;
  guint       delivery_words; /* words of a compact bitset over them */

  /* Document-derived. Tables by serial hold what is kept per node; a serial is never given
   * twice in a document, so what a removed node left is never found again. */
  GHashTable *assets;         /* node id → BwEngineAsset* */
  GPtrArray  *state_blocks;   /* the states a full recompute makes, in blocks (slab) */
  guint       slab_room;      /* states the full recompute may still take from them */
  guint       block_left;     /* of them, in the current block, at block_next */
  guint8     *block_next;
  BwEngineSlots service_caps; /* service node → guint64[9·W + 9·delivery_words] cell bitsets
                               * (category × level) */
  GHashTable *reach;          /* node id → GPtrArray of the SIEM ids its telemetry reaches */
  BwEngineLinks *links;       /* by node or zone serial: the edges that matter at it */
  guint       n_links;
  const BwNode **link_nodes;  /* their lists as built, one block */
  BwEngineSlots stencils;     /* node → its stencil, or &bw_engine_no_stencil */
  GHashTable *zone_covers;    /* (zone serial, asset stencil) → reference-counted guint64[9·W]:
                               * what its services and
                               * those of every zone around it give */
  BwEngineSlots zone_sources; /* zone → GArray of BwEngineSource: its protects edges, resolved;
                               * forgotten with the zone covers */
  BwEngineSlots service_sources; /* service node → GArray of BwEngineSource: what it brings to
                                  * any target, its own caps first; forgotten with them */
  guint       n_stencils;
  guint       stencil_words;
  guint64    *admits;         /* n_stencils × stencil_words: bit k of row i when service stencil
                               * i admits asset stencil k */
  guint64   **kind_platforms; /* per asset stencil: techniques its platforms reach, or NULL */
  GPtrArray  *no_reach;       /* the empty reach */
  GPtrArray  *scratch_trail;   /* const BwZone *: the zones one cover is built down */
  GArray     *scratch_direct;  /* BwEngineSource: the services protecting a flow's source
                                * (rule 10) */
  BwEngineSlots delivery_cover; /* asset → guint64[9 · delivery_words]: its rule-1 cells on
                                 * the delivery techniques, compact; computed on demand */
  guint64    *scratch_flow;   /* 9 · delivery_words, what the flows into one asset deliver */
  GHashTable *zone_delivery;  /* zone id → (asset stencil → compact cells): zone_covers' rule-1
                               * part on the delivery techniques */
  guint      *delivery_before; /* per word: the delivery techniques in the words before it */
  gboolean    edges_indexed;
  BwEngineCounter counters[N_COUNTERS];
  guint       n_counted;
  guint64    *batch;          /* during a full recompute: the small counters, SMALL_PLANES planes
                               * of N_COUNTERS × W words, then the medium ones, MEDIUM_PLANES
                               * planes of as many, then as many carries */
  guint       n_batched;
  char       *licence;        /* the document's licence tier the caps were built for */

  /* As the last full recompute found the document's nodes, in order: each node and its state
   * (NULL for what is no asset). The report reads them while no node has come,
   * gone or changed its kind since (order_valid, and the nodes still the same). */
  const BwNode  **order_nodes;
  BwEngineAsset **order_states;
  guint       n_order;
  gboolean    order_valid;

  BwReport   *report;
  gboolean    dirty;
};

/* Bitsets */

static inline guint64 *
bits_new (BwEngine *self)
{
  return g_new0 (guint64, self->words);
}

static inline void
bits_or (guint64       *restrict dst,
         const guint64 *restrict src,
         guint                   words)
{
  for (guint w = 0; w < words; w++)
    dst[w] |= src[w];
}

static inline void
bits_set (guint64 *bits,
          guint    i)
{
  bits[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
}

static inline guint
bits_count (const guint64 *bits,
            guint          words)
{
  guint n = 0;

  for (guint w = 0; w < words; w++)
    n += __builtin_popcountll (bits[w]);
  return n;
}

/* The edges of `kind` at `links`, NULL when there are none. */
static inline const BwEngineNodeList *
links_get (const BwEngineLinks *links,
           BwEngineLinkKind     kind)
{
  const BwEngineNodeList *list = links != NULL ? &links->lists[kind] : NULL;

  return list != NULL && list->len > 0 ? list : NULL;
}

/* The links at node or zone serial `serial`, NULL when there are none; the edge index must be
 * current. */
static inline const BwEngineLinks *
engine_links_at (BwEngine *self,
                 guint     serial)
{
  return serial < self->n_links ? &self->links[serial] : NULL;
}

/* The edges of `kind` at node or zone `id`; the edge index must be current. */
static inline const BwEngineNodeList *
engine_links (BwEngine         *self,
              const char       *id,
              BwEngineLinkKind  kind)
{
  const BwNode *node = bw_document_lookup_node (self->document, id);
  const BwZone *zone = node == NULL ? bw_document_lookup_zone (self->document, id) : NULL;

  if (node == NULL && zone == NULL)
    return NULL;
  return links_get (engine_links_at (self, node != NULL ? node->serial : zone->serial), kind);
}

/* Document helpers */

extern const BwStencil bw_engine_no_stencil;

/* The stencil of `node`, a node of the engine's document (NULL: none), NULL when its kind is
 * unknown; kept by serial, since a node's kind never changes while it is in the document. */
static inline const BwStencil *
engine_node_stencil (BwEngine     *self,
                     const BwNode *node)
{
  const BwStencil *s;

  if (node == NULL)
    return NULL;
  if ((s = bw_engine_slots_get (&self->stencils, node->serial)) == NULL)
    {
      s = bw_catalog_lookup_stencil (self->catalog, node->kind);
      bw_engine_slots_set (&self->stencils, node->serial,
                           (gpointer) (s != NULL ? s : &bw_engine_no_stencil));
    }
  return s != &bw_engine_no_stencil ? s : NULL;
}

static inline gboolean
is_siem (const BwStencil *s)
{
  return s != NULL && s->role == BW_ROLE_SERVICE && s->siem;
}

/* bw_stencil_admits by the engine's table: whether `service` may protect an asset of stencil
 * `kind`. */
static inline gboolean
engine_admits (BwEngine        *self,
               const BwStencil *service,
               const BwStencil *kind)
{
  return (self->admits[(gsize) service->index * self->stencil_words + kind->index / 64] >>
          (kind->index % 64)) & 1;
}

/* bw-engine-rules.c */
/* Recomputes one asset's bitsets and its share of the counters; forgets a node that is no
 * longer an asset. */
void       bw_engine_update_asset       (BwEngine     *self,
                                         const char   *id);
/* The same for a node known to be an asset of stencil `stencil`, which has no state yet: its
 * new state. */
BwEngineAsset *bw_engine_update_asset_node (BwEngine        *self,
                                         const BwNode    *node,
                                         const BwStencil *stencil);
/* Adds what bw_engine_update_asset batched into the counters (see SMALL_MAX). */
void       bw_engine_flush_batch        (BwEngine     *self);
/* Rules 1 and 2: the service nodes covering `asset`, each once. */
GPtrArray *bw_engine_covering_services  (BwEngine     *self,
                                         const BwNode *asset);
/* Rule 1 alone: appends the non-SIEM service nodes covering asset `asset` that `seen` does not
 * hold yet (each is added to it). */
void       bw_engine_rule1_services     (BwEngine     *self,
                                         const BwNode *asset,
                                         GPtrArray    *out,
                                         GHashTable   *seen);

/* bw-engine-delivery.c */
/* Rule 10: the services covering, by rule 1, an asset with a flow edge into `asset`, each once
 * (they cover `asset` for the delivery techniques only). */
GPtrArray *bw_engine_delivering_services (BwEngine     *self,
                                          const BwNode *asset);
/* ORs into the 9 cell bitsets `cells` what the flows from `flow_sources` (the sources of the
 * flow edges into an asset, or NULL) deliver (rule 10). */
void       bw_engine_cover_by_delivery  (BwEngine     *self,
                                         const BwEngineNodeList *flow_sources,
                                         guint64     **cells);
/* Forgets the cached zone covers after a change to zone `zone` (NULL: to any): every nested
 * cover, and what `zone` itself delivers (rule 10). */
void       bw_engine_forget_zone_covers (BwEngine     *self,
                                         const char   *zone);
/* The cached rule-1 cover of `id` may have changed. */
void       bw_engine_forget_delivery    (BwEngine     *self,
                                         const char   *id);
/* ORs into `cover` (9 × delivery_words, compact) the delivery techniques of 9 cell bitsets. */
void       bw_engine_project_delivery   (BwEngine      *self,
                                         const guint64 *cells,
                                         guint64       *cover);
/* The delivery tables, from the catalog; once per catalog. */
void       bw_engine_delivery_init      (BwEngine     *self);
/* The flow, protects and telemetry adjacency is current. */
void       bw_engine_ensure_edge_index  (BwEngine     *self);
/* caps(s) as 9 bitsets, cell ≥ level for each category, then those 9 on the delivery
 * techniques, compact (9 · delivery_words); cached per node. */
guint64   *bw_engine_service_caps       (BwEngine     *self,
                                         const BwNode *node);

/* The admits table, from the catalog; once per catalog. */
void       bw_engine_admits_init        (BwEngine     *self);
/* What the plain services at the other ends of the protects edges into a target (`sources`,
 * NULL: none) give it (rule 1), with the SIEMs their telemetry reaches when `with_siems`
 * (rule 2): BwEngineSource into `out`, emptied first; FALSE when there are none. */
gboolean   bw_engine_resolve_sources_into (BwEngine   *self,
                                           const BwEngineNodeList *sources,
                                           gboolean    with_siems,
                                           GArray     *out);
/* What service node `s` brings to whatever it protects (BwEngineSource: its own caps first, then
 * those of the SIEMs its telemetry reaches; empty for what is no plain service); kept until
 * caps or telemetry change. */
GArray    *bw_engine_service_sources    (BwEngine     *self,
                                         const BwNode *s);
/* The same for a zone, with the SIEMs, resolved once until its covers are forgotten; owned by
 * the engine, never NULL. */
GArray    *bw_engine_zone_sources       (BwEngine     *self,
                                         const BwZone *zone);
/* reach(x) of rule 2 as far as the rule uses it: the ids of the SIEMs reached from `start`
 * along telemetry edges through collectors. Owned by the engine; memoised until telemetry
 * changes. */
GPtrArray *bw_engine_reach              (BwEngine     *self,
                                         const char   *start);
/* Service node `id`'s caps may have changed. */
void       bw_engine_forget_service_caps (BwEngine    *self,
                                          const char  *id);
/* The edge adjacency and everything computed from it are rebuilt on next use. */
void       bw_engine_invalidate_edges   (BwEngine     *self);
/* An edge of `kind` at serial `key`, whose other end is `value`. */
void       bw_engine_link_add           (BwEngine         *self,
                                         BwEngineLinkKind  kind,
                                         guint             key,
                                         const BwNode     *value);
void       bw_engine_link_remove        (BwEngine         *self,
                                         BwEngineLinkKind  kind,
                                         guint             key,
                                         const BwNode     *value);
/* The serial an edge's link of `kind` is kept at, and the node at its other end. */
guint         bw_engine_edge_key        (const BwEdge     *edge,
                                         BwEngineLinkKind  kind);
const BwNode *bw_engine_edge_value      (const BwEdge     *edge,
                                         BwEngineLinkKind  kind);
/* Every link of its kind `edge` makes (or made), added (or removed). */
void       bw_engine_links_follow_edge  (BwEngine         *self,
                                         const BwEdge     *edge,
                                         gboolean          added);
/* Forgets every link (bw-engine-links.c). */
void       bw_engine_links_clear        (BwEngine         *self);

/* bw-engine-update.c */
/* Forgets everything derived from the document. */
void       bw_engine_reset_document_state (BwEngine   *self);
void       bw_engine_recompute_all      (BwEngine     *self);
/* Brings the state up to date after a document change; FALSE when no figure can have changed
 * (nothing to announce). */
gboolean   bw_engine_apply_change       (BwEngine       *self,
                                         const BwChange *change,
                                         BwDocument     *document);

/* bw-engine-report.c */
BwReport  *bw_engine_build_report       (BwEngine     *self);

G_END_DECLS
