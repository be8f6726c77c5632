/* bw-layout.h: the one geometry step — node boxes, zone frames, edge routes, label positions and
 * the coverage overlay — that the canvas and every exporter draw from. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* BW_NODE_WIDTH, BW_NODE_HEIGHT and BW_ZONE_HEADER come from bw-document.h. */
#define BW_OVERLAY_HEIGHT 76.0

typedef struct
{
  double x, y, w, h;
} BwRect;

typedef struct
{
  const BwZone    *zone;
  const BwStencil *stencil;  /* NULL when the kind is unknown to the catalog */
  BwRect           rect;
  guint            depth;    /* 0 for top-level zones */
} BwLayoutZone;

typedef struct
{
  const BwNode    *node;
  const BwStencil *stencil;  /* NULL when the kind is unknown to the catalog */
  BwRect           rect;
  double           coverage; /* assets: share of applicable techniques covered, -1 if unknown */
} BwLayoutNode;

typedef struct
{
  const BwEdge *edge;
  double        x1, y1, x2, y2; /* clipped to the borders of what it joins */
} BwLayoutEdge;

typedef struct
{
  char    *label;       /* short tactic or phase name */
  char    *tooltip;
  double   ratio;       /* -1: nothing applicable */
  gboolean is_gap;      /* phases only */
} BwOverlayCell;

/* What the overlay shows; filled from a BwReport by the caller, so rendering needs no engine. */
typedef struct
{
  BwOverlayCell *tactics;
  guint          n_tactics;
  BwOverlayCell *phases;
  guint          n_phases;
  double         summary_ratio;
} BwOverlay;

typedef struct _BwLayout BwLayout;

BwLayout           *bw_layout_new          (BwDocument *document,
                                            BwCatalog  *catalog);
BwLayout           *bw_layout_ref          (BwLayout   *self);
void                bw_layout_unref        (BwLayout   *self);

/* Recomputes every box and route from the document. Cheap: call after each change. */
void                bw_layout_update       (BwLayout   *self);

/* Asset coverage badges: id → ratio. NULL clears them. */
void                bw_layout_set_asset_coverage (BwLayout   *self,
                                                  GHashTable *coverage);

guint               bw_layout_get_n_zones  (BwLayout *self);
const BwLayoutZone *bw_layout_get_zone     (BwLayout *self, guint index); /* parents first */
guint               bw_layout_get_n_nodes  (BwLayout *self);
const BwLayoutNode *bw_layout_get_node     (BwLayout *self, guint index);
guint               bw_layout_get_n_edges  (BwLayout *self);
const BwLayoutEdge *bw_layout_get_edge     (BwLayout *self, guint index);

const BwLayoutNode *bw_layout_lookup_node  (BwLayout *self, const char *id);
const BwLayoutZone *bw_layout_lookup_zone  (BwLayout *self, const char *id);

/* The smallest rectangle holding every zone and node; an empty rect for an empty document. */
BwRect              bw_layout_get_bounds   (BwLayout *self);

/* The page an export draws on: the diagram bounds with a margin and, when `with_overlay`, a
 * band below them for the coverage strip (returned in `overlay_rect`, which may be NULL). */
void                bw_layout_get_page     (BwLayout *self,
                                            gboolean  with_overlay,
                                            BwRect   *page,
                                            BwRect   *overlay_rect);

/* Alignment guides: where a node whose top-left would be at (x, y) lines its centre up with
 * another node's, within `tolerance`. Writes the guide coordinates (NAN when none) and returns
 * the adjusted top-left through x and y. */
void                bw_layout_align_node   (BwLayout   *self,
                                            const char *id,
                                            double      tolerance,
                                            double     *x,
                                            double     *y,
                                            double     *guide_x,
                                            double     *guide_y);

/* Hit testing in diagram coordinates: the topmost node, else the innermost zone, else NULL.
 * Returns the object's id. */
const char         *bw_layout_hit          (BwLayout *self,
                                            double    x,
                                            double    y,
                                            BwObjectType *out_type);

/* Ids of the nodes and zones whose boxes intersect the rectangle (for rubber-band selection). */
GPtrArray          *bw_layout_query_rect   (BwLayout *self,
                                            const BwRect *rect,
                                            gboolean      nodes_only);

gboolean            bw_rect_intersects     (const BwRect *a,
                                            const BwRect *b);
gboolean            bw_rect_contains       (const BwRect *r,
                                            double        x,
                                            double        y);

void                bw_overlay_clear       (BwOverlay *overlay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwLayout, bw_layout_unref)

G_END_DECLS
