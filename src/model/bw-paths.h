/* bw-paths.h: attack paths — where an intrusion entering at one asset can move along `flow`
 * edges, and the weakest-covered asset on the way to each place it reaches. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"
#include "bw-report.h"

G_BEGIN_DECLS

/* Paths share their hops: each names the path to the hop before it, so n paths along a chain
 * take n of these, not n² hops (bw_attack_path_get_hops spells one out). */
typedef struct _BwAttackPath BwAttackPath;
struct _BwAttackPath
{
  char               *asset;          /* the reached asset */
  const BwAttackPath *via;            /* the path to the hop before `asset`, from the same
                                       * array; NULL when that hop is the entry */
  guint               n_hops;         /* from the entry to `asset`, both included */
  char               *weakest;        /* the asset on the path whose techniques are least covered */
  double              weakest_ratio;  /* its (covered + 0.5 · partial) / applicable */
  guint               weakest_gaps;   /* its techniques with no protect or detect score */
  char               *entry;          /* where the path starts */
};

void       bw_attack_path_free     (BwAttackPath       *self);

/* The node ids from the entry to the path's asset, both included (const char *, valid while
 * the array the path came in is). */
GPtrArray *bw_attack_path_get_hops (const BwAttackPath *self);

/* The assets reachable from `entry` along flow edges (in their direction), nearest first (ties
 * in document order), each with a shortest path. `report` gives the per-asset figures. The entry
 * itself is not listed. NULL and an error when `entry` is not an asset node. Time and memory
 * are linear in the flow edges and assets. */
GPtrArray *bw_attack_paths     (BwCatalog   *catalog,
                                BwDocument  *document,
                                BwReport    *report,
                                const char  *entry,
                                GError     **error);

/* An asset's figure as used above; 1 when nothing applies to it. */
double     bw_asset_ratio      (const BwReportAsset *asset);

G_END_DECLS
