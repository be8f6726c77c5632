/* bw-recommend-private.h: the search behind bw_recommend (bw-recommend-search.c) and the
 * tables it reads (bw-recommend-tables.c). */
#pragma once

#include "bw-engine.h"
#include "bw-recommend.h"

G_BEGIN_DECLS

/* Whether the stencil has a capability with mapping entries that the licence allows. */
gboolean          bw_recommend_stencil_usable (BwCatalog       *catalog,
                                               BwDocument      *document,
                                               const BwStencil *stencil);

/* Whether every place bw_recommend_plan could give the new node of `rec` lies inside the
 * document's coordinates, found without looking for the free one. FALSE when a new SIEM is
 * placed beside the diagram (that needs the whole diagram) or when unsure. */
gboolean          bw_recommend_place_in_range (BwDocument             *document,
                                               const BwRecommendation *rec);

/* The ratio recommendations raise, from a report. */
double            bw_recommend_report_ratio   (BwReport        *report);

/* The single addition to `work` with the largest gain, or NULL when none raises the ratio.
 * `engine` follows `work` and is current. Candidates are weighed in the order of the catalog's
 * stencils and, for each, of the document's zones and then nodes; the first of equal gains
 * wins. The document and the engine are left as they were (a candidate about to become the
 * best is applied and taken back, to see that the document takes it). */
BwRecommendation *bw_recommend_best_step      (BwCatalog       *catalog,
                                               BwDocument      *work,
                                               BwEngine        *engine,
                                               GCancellable    *cancellable);

/* No index: not an asset, in no zone, not found. */
#define BW_RECOMMEND_NONE G_MAXUINT

/* One kind of asset of one pattern directly in one zone. */
typedef struct
{
  guint       kind;     /* kind id */
  guint       pattern;
  guint       count;
  guint       next;     /* the zone's next entry */
  guint       stamp;
} BwRecommendEntry;

/* The tables one step of the search reads, built from the document and the engine's current
 * state, and the search's scratch. */
typedef struct
{
  BwCatalog   *catalog;
  BwDocument  *doc;
  BwEngine    *engine;
  guint        words;
  guint        n_techniques;

  /* Per technique, from the current report */
  guint       *n_app;
  guint       *n_best1;
  guint       *n_best2;
  guint64     *mask;      /* the techniques the ratio counts */
  guint        applicable, covered, partial;

  /* Patterns: 3 × words each (applicable, best ≥ 1, best ≥ 2) */
  GArray      *patterns;
  GHashTable  *pattern_ids;   /* a pattern's bitsets (a copy, its length before it) → id + 1 */
  guint        n_patterns;
  guint       *pattern_seen;  /* per pattern: the last pass that weighed it */

  /* Nodes, by document index */
  guint        n_nodes;
  const BwStencil **stencils;
  guint       *node_kind;     /* kind id */
  guint       *node_pattern;  /* BW_RECOMMEND_NONE when not an asset */
  guint       *node_entry;    /* BW_RECOMMEND_NONE when in no zone */
  guint       *node_stamp;
  GHashTable  *node_index;    /* id → index + 1, for the nodes edges end at */
  GArray      *firsts;        /* the nodes weighed: each first of its kind and pattern, and
                               * every node that is not an asset, in document order */
  GPtrArray   *kinds;         /* kind id → the kind */
  GPtrArray   *first_of_kind; /* kind id → the first node of it */
  GHashTable  *kind_ids;      /* kind → id + 1 */
  GPtrArray   *kind_stencils; /* kind id → its stencil, or NULL */
  GHashTable  *admits;        /* stencil → per kind id whether it admits it */
  GHashTable  *taken;         /* stencil ids whose node the document took in this step */

  /* Zones, by document index */
  guint        n_zones;
  GHashTable  *zone_index;    /* id → index + 1 */
  guint       *zone_parent;   /* per zone: its parent's index, or BW_RECOMMEND_NONE */
  guint       *node_zone;     /* per node: its zone's index, or BW_RECOMMEND_NONE */
  guint       *first_child, *next_sibling, *first_entry;
  guint       *entry_order;   /* entries by zone, depth first */
  guint       *zone_begin;    /* a zone's run in entry_order, the zones inside it included */
  guint       *zone_end;
  GArray      *entries;

  /* Edges: protects targets per source node (zones as n_nodes + zone), telemetry sources per
   * target node; each as offsets into one array. */
  guint       *protects_start;
  guint       *protects_to;
  guint       *telemetry_start;
  guint       *telemetry_from;

  /* Rule 10: flow edges between assets, as targets per source node; the sources that lie in a
   * zone, in the order of their entries (so a zone's are one run: flow_run_begin/end). */
  const guint64 *delivery;    /* the engine's delivery techniques; NULL when it has none */
  guint       *flow_start;
  guint       *flow_to;
  guint8      *flow_source;   /* per node: it has a flow edge out (weighed on its own) */
  GArray      *zoned_sources; /* node indices, by entry position */
  GArray      *zoned_pos;     /* their entry positions, ascending */

  /* Scratch for one candidate */
  guint        stamp;
  guint       *acc;           /* per pattern: affected assets of it */
  GArray      *acc_list;      /* patterns with acc > 0 */
  guint       *acc_d;         /* per pattern: assets reached by delivery alone */
  GArray      *acc_d_list;    /* patterns with acc_d > 0 */
  guint       *node_dstamp;   /* per node: the candidate that counted it in acc_d */
  guint       *gain1, *gain2; /* per technique: assets newly at best ≥ 1, ≥ 2 */
  GArray      *touched;

  /* While one stencil is weighed: the zones and nodes a service of it already guards
   * (borrowed; NULL otherwise) */
  const guint8 *guarded_zones;
  const guint8 *guarded_nodes;
} BwRecommendSearch;

/* `count` assets of `pattern` gaining `best1` / `best2`, into the scratch; then the ratio the
 * scratch gives, which clears it (bw-recommend-search.c). */
void           bw_recommend_search_gain_add   (BwRecommendSearch *s,
                                               guint              pattern,
                                               guint              count,
                                               const guint64     *best1,
                                               const guint64     *best2);
double         bw_recommend_search_gain_ratio (BwRecommendSearch *s);
/* Rule 10 for connecting a service of `stencil` to zone `zone` or, when `zone` is
 * BW_RECOMMEND_NONE, to asset node `node`: the assets the flows out of its new rule-1 assets
 * reach, beyond those, gain `best1` / `best2` (its own caps, no SIEM's) on the delivery
 * techniques. Adds to the gains, as bw_recommend_search_gain_add does. */
void           bw_recommend_search_gain_delivered (BwRecommendSearch *s,
                                                   const BwStencil   *stencil,
                                                   guint              zone,
                                                   guint              node,
                                                   const guint64     *best1,
                                                   const guint64     *best2);
/* TRUE when asset node `node` has flow edges out (what it gains is then its own). */
gboolean       bw_recommend_search_flows_out  (BwRecommendSearch *s,
                                               guint              node);
/* Kept when it gains more than the best so far and the document takes it; TRUE when it was
 * better but the document refused it. */
gboolean       bw_recommend_search_consider   (BwRecommendSearch  *s,
                                               BwRecommendation   *candidate,
                                               double              ratio,
                                               double              base,
                                               BwRecommendation  **best);

/* Which zones and nodes a service of `stencil` already guards (bw_recommend_guarded), by
 * document index; `zones` n_zones and `nodes` n_nodes long (bw-recommend-connect.c). A zone is
 * also marked when it holds no asset the stencil admits that is not guarded. */
void           bw_recommend_search_guarded    (BwRecommendSearch *s,
                                               const BwStencil   *stencil,
                                               guint8            *zones,
                                               guint8            *nodes);
/* The highest ratio connecting service node `node` (a plain service, by document index) to any
 * zone or asset could give: what bw_recommend_weigh_connect stops at (bw-recommend-connect.c). */
double         bw_recommend_search_connect_ceiling (BwRecommendSearch *s,
                                                    guint              node);
/* Connecting each existing service node to each zone and asset it may newly protect. */
void           bw_recommend_weigh_connect     (BwRecommendSearch  *s,
                                               double              base,
                                               BwRecommendation  **best);

void           bw_recommend_search_init    (BwRecommendSearch *s,
                                            BwCatalog         *catalog,
                                            BwDocument        *doc,
                                            BwEngine          *engine);
void           bw_recommend_search_clear   (BwRecommendSearch *s);
/* A pattern's bitsets: applicable, best ≥ 1, best ≥ 2, `words` each. */
const guint64 *bw_recommend_search_pattern (BwRecommendSearch *s,
                                            guint              pattern);
/* The document's first node of `kind`, or NULL. */
const BwNode  *bw_recommend_search_first_of_kind (BwRecommendSearch *s,
                                                  const char        *kind);
/* Per kind id, whether `stencil` admits it; NULL when `stencil` is NULL (every kind). */
const guint8  *bw_recommend_search_admits  (BwRecommendSearch *s,
                                            const BwStencil   *stencil);

G_END_DECLS
