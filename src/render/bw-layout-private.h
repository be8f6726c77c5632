/* bw-layout-private.h: the layout's state, shared by the files that compute it (bw-layout.c:
 * boxes, routes, hit testing; bw-layout-labels.c: the cards' text from afar). */
#pragma once

#include "bw-cell-index.h"
#include "bw-layout.h"

G_BEGIN_DECLS

#define GRID_CELL 256.0

struct _BwLayout
{
  gatomicrefcount ref_count;

  BwDocument *document;
  BwCatalog  *catalog;
  GHashTable *coverage;     /* asset id → double*, owned by the caller */

  GArray     *zones;        /* BwLayoutZone, parents first */
  GArray     *nodes;        /* BwLayoutNode, document order */
  GArray     *edges;        /* BwLayoutEdge, document order */
  GHashTable *node_index;   /* id → index + 1 */
  GHashTable *zone_index;   /* id → index + 1 */
  BwCellIndex *grid;        /* the spatial index of the nodes, GRID_CELL square */
  /* Each node's edges (indices into `edges`), as ranges of `node_edges`: node i's from
   * node_edge_start[i] to node_edge_start[i + 1]. */
  GArray     *node_edge_start; /* guint, n_nodes + 1 */
  GArray     *node_edges;      /* guint */
  /* The nodes moved in place (bw_layout_update_for) since the last full update, in turn, the
   * last to geometry_serial: every serial after that update is one of them. A full update
   * empties it, and so does a move past MAX_MOVES (bw-layout.c). */
  GArray     *moves;           /* guint node indices */
  BwRect      bounds;
  double      view_zoom;    /* for the grips' size on screen */
  BwLabelMode label_mode;   /* at view_zoom */
  double      label_scale;  /* text sizes at view_zoom, against the export's */
  double      badge_scale;
  double      title_scale;
  guint       serial;       /* bumped by whatever may move or change what is drawn */
  guint       geometry_serial; /* bumped by bw_layout_update and moves only */
};

/* Everything inside a card, from its box, as exported. */
void   bw_layout_place_node           (BwLayoutNode *ln);
/* How much larger than at zoom 1 text of `size` must be to read at `min_pixels` on screen. */
double bw_layout_text_scale           (double        size,
                                       double        min_pixels,
                                       double        zoom);
/* The cards' text as the view zoom calls for, once every card is in the spatial index. */
void   bw_layout_place_compact_labels (BwLayout     *self);
/* The same for the cards whose labels from afar may reach towards `rect`. */
void   bw_layout_place_labels_near    (BwLayout     *self,
                                       const BwRect *rect);

G_END_DECLS
