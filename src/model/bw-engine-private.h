/* bw-engine-private.h: the engine's state, shared by bw-engine.c and the read-only probes of
 * bw-engine-probe.c. */
#pragma once

#include "bw-engine.h"

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
  guint64 *bits[N_COUNTERS]; /* each W words; all restricted to applicable techniques */
  gboolean counted;          /* added into the engine's counters */
  guint    applicable;       /* rule 8, kept with the bits so reports need not count them */
  guint    covered;
  guint    partial;
  gboolean ignored;          /* unknown kind: takes no part */
} AssetState;

/* Bit-sliced counters: plane p holds bit p of each technique's count. */
typedef struct
{
  guint64 *planes;  /* n_planes × W */
  guint    n_planes;
} Counter;

struct _BwEngine
{
  GObject     parent_instance;

  BwCatalog  *catalog;
  BwDocument *document;
  guint       n_techniques;
  guint       words;

  /* Catalog-derived, computed once */
  GHashTable *platform_bits;  /* platform → guint64[W] */
  guint64   **tactic_bits;    /* per tactic */
  guint64   **phase_bits;     /* per phase: union of its tactics */
  guint64    *all_bits;

  /* Document-derived */
  GHashTable *assets;         /* node id → AssetState* */
  GHashTable *service_caps;   /* node id → guint64[9·W] cell bitsets (category × level) */
  GHashTable *reach;          /* node id → GPtrArray of the SIEM ids its telemetry reaches */
  GHashTable *protects_into;  /* target id → GPtrArray of source node ids (protects edges) */
  GHashTable *telemetry_out;  /* source id → GPtrArray of target ids (telemetry edges) */
  GHashTable *zone_covers;    /* zone id → (asset kind → guint64[9·W]): what its services give */
  GHashTable *kind_platforms; /* asset kind → guint64[W]: techniques its stencil's platforms reach */
  GPtrArray  *no_reach;       /* the empty reach */
  guint64    *scratch;        /* 9·W words for one asset's direct cover */
  gboolean    edges_indexed;
  Counter     counters[N_COUNTERS];
  guint       n_counted;
  char       *licence;        /* the document's licence tier the caps were built for */

  BwReport   *report;
  gboolean    dirty;
};

/* caps(s) of a service node as 9 bitsets (category × level), cached per node. */
guint64 *bw_engine_service_caps (BwEngine     *self,
                                 const BwNode *node);

G_END_DECLS
