/* bw-layout.h: the one geometry step — node boxes, zone frames, edge routes, label positions and
 * the coverage overlay — that the canvas and every exporter draw from. */
#pragma once

#include "bw-catalog.h"
#include "bw-document.h"

G_BEGIN_DECLS

/* BW_NODE_WIDTH, BW_NODE_HEIGHT and BW_ZONE_HEADER come from bw-document.h. The metrics
 * below place everything inside a card, a zone and the coverage strip; the canvas and every
 * exporter draw at the positions the layout computes from them. */

/* Cards. */
#define BW_CARD_RADIUS        8.0
#define BW_CARD_SHADOW_OFFSET 1.5   /* the soft shadow, below the card */
#define BW_ROLE_BAND_HEIGHT   4.0   /* services' and collectors' coloured band */
#define BW_ROLE_BAND_INSET 3.0 /* from the card's sides, so its ends meet the rounded corners */
#define BW_ICON_SIZE          28.0
#define BW_ICON_TOP           12.0
#define BW_FAR_ICON_SIZE      48.0  /* the icon shown from mid-distance, centred */
#define BW_LABEL_INSET        6.0   /* label box, from the card's sides */
#define BW_LABEL_TOP          46.0
#define BW_LABEL_LINES        2
#define BW_LABEL_LINE_HEIGHT  15.0
#define BW_LABEL_ASCENT       12.0  /* label box top to the first baseline */
#define BW_BADGE_WIDTH        34.0  /* holds "100%" */
#define BW_BADGE_HEIGHT       16.0
#define BW_BADGE_INSET        6.0   /* from the card's top right corner */
#define BW_BADGE_ASCENT       12.0
/* Font sizes in pixels at zoom 1 (the painter's BW_FONT_* at 96 dpi, the SVG's font-size). */
#define BW_LABEL_SIZE         12.67
#define BW_BADGE_SIZE         10.0
#define BW_ZONE_TITLE_SIZE    13.33
/* From afar the canvas draws text at least this size on screen (logical pixels), so the
 * diagram reads when fitted to the window; exports (zoom 1) are drawn at the sizes above. */
#define BW_LABEL_MIN_PIXELS   9.0
#define BW_ZONE_TITLE_MIN_PIXELS 11.0
/* Farther out than this, cards are drawn without any text. */
#define BW_LABEL_MIN_ZOOM     0.2
/* A compact card's label reaches at most this far past each side of the card, and never
 * further than halfway to the next card or this near its zone's border. */
#define BW_LABEL_MAX_OVERHANG 32.0
#define BW_LABEL_ZONE_MARGIN  4.0
#define BW_COMPACT_INSET      2.0   /* a compact card's text, from the card's border */
#define BW_COMPACT_MAX_LINES  3
#define BW_FAR_BADGE_WIDTH    24.0  /* the badge from mid-distance: a plain block */
#define BW_FAR_BADGE_HEIGHT   12.0
#define BW_RING_GAP           3.0   /* selection, highlight and gap rings, outside the card */
#define BW_FOCUS_GAP          4.0   /* the keyboard focus ring */

/* Zones. */
#define BW_ZONE_RADIUS        10.0
#define BW_ZONE_ICON_SIZE     16.0
#define BW_ZONE_ICON_LEFT     10.0
#define BW_ZONE_ICON_TOP      8.0
#define BW_ZONE_TITLE_LEFT    32.0
#define BW_ZONE_TITLE_RIGHT   12.0  /* the title is ellipsized this far from the right border */
#define BW_ZONE_TITLE_ASCENT  13.0
#define BW_ZONE_RING_GAP      2.0
#define BW_ZONE_GRIP_SIZE     12.0  /* the resize handle of a selected zone, on its corner, in
                                     * logical pixels on screen at any zoom */

/* Edges. */
#define BW_NODE_HANDLE_RADIUS 6.0   /* the connect handle, in logical pixels on screen */
#define BW_NODE_HANDLE_SLACK  3.0   /* a press this far outside the handle still takes it */
#define BW_ARROW_SIZE         9.0
#define BW_ARROW_ANGLE        0.42  /* half the head's opening, in radians */

/* The coverage strip: a row of tactics above a row of kill-chain phases. */
#define BW_OVERLAY_HEIGHT     76.0
#define BW_OVERLAY_RADIUS     10.0
#define BW_OVERLAY_PADDING    8.0
#define BW_OVERLAY_VIEW_MARGIN 12.0 /* from the canvas's sides and bottom */
#define BW_TACTIC_ROW_HEIGHT  34.0
#define BW_PHASE_ROW_HEIGHT   20.0
#define BW_OVERLAY_ROW_GAP    6.0
#define BW_CELL_GAP           3.0   /* between neighbouring cells */
#define BW_CELL_RADIUS        4.0
#define BW_CELL_TEXT_INSET    3.0
#define BW_CELL_LINE_HEIGHT   11.0
#define BW_CELL_ASCENT        3.5   /* a single line's baseline, below the cell's middle */

typedef struct
{
  double x, y, w, h;
} BwRect;

typedef struct
{
  double x, y;
} BwPoint;

/* How much of a card its text shows at the layout's view zoom. */
typedef enum
{
  BW_LABEL_FULL,     /* icon, label below it and the badge, as exported */
  BW_LABEL_COMPACT,  /* from afar: no icon, the label and badge enlarged to read on screen */
  BW_LABEL_HIDDEN,   /* farther than BW_LABEL_MIN_ZOOM: cards alone */
} BwLabelMode;

typedef struct
{
  const BwZone    *zone;
  const BwStencil *stencil;  /* NULL when the kind is unknown to the catalog */
  BwRect           rect;
  guint            depth;    /* 0 for top-level zones */
  BwRect           icon;     /* the header's icon */
  BwRect           title;    /* the header's label: one line, ellipsized to title.w */
  double           title_baseline;
  double           title_size; /* its font size, diagram units: BW_ZONE_TITLE_SIZE, or more from
                                * afar so it reads at BW_ZONE_TITLE_MIN_PIXELS */
  BwRect           grip;     /* resize handle, shown when selected; BW_ZONE_GRIP_SIZE on screen
                              * at the layout's view zoom */
} BwLayoutZone;

typedef struct
{
  const BwNode    *node;
  const BwStencil *stencil;  /* NULL when the kind is unknown to the catalog */
  BwRect           rect;
  double           coverage; /* assets: share of applicable techniques covered, -1 if unknown */
  gboolean         has_band; /* services and collectors carry a band in their role's colour */
  gboolean         has_badge; /* assets whose coverage is known carry a badge */
  BwRect           band;
  BwRect           icon;
  BwLabelMode      label_mode;
  BwRect           label;    /* wrapped to label.w in at most label_lines lines, centred; in
                              * BW_LABEL_COMPACT it may reach past the card, and its lines are
                              * centred in label.h */
  double label_baseline;     /* of the first line; the others follow label_line_height apart */
  double           label_size; /* the font size, diagram units (BW_LABEL_SIZE when full) */
  guint            label_lines;
  double           label_line_height;
  BwRect           badge;
  double           badge_baseline; /* the percentage, centred in the badge */
  double           badge_size; /* the percentage's font size, diagram units */
  BwRect           far_icon; /* from mid-distance, where labels are not drawn: a larger icon */
  BwRect           far_badge; /* and the badge as a plain block */
  BwPoint          handle;   /* where a connection is dragged from */
} BwLayoutNode;

typedef struct
{
  const BwEdge *edge;
  double        x1, y1, x2, y2; /* clipped to the borders of what it joins */
  BwPoint       head[3];        /* the arrowhead: its tip (x2, y2), then its two barbs */
} BwLayoutEdge;

/* One cell of the coverage strip. */
typedef struct
{
  BwRect box;       /* the coloured cell */
  BwRect text;      /* where its text goes: centred in text.w and ellipsized to it */
  /* Of a single line; two lines centre on the same middle (bw_layout_cell_baseline). */
  double baseline;
} BwLayoutCell;

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

/* The legend: what the edge kinds and the badge colours mean. One row on export pages (below the
 * diagram and strip), stacked on the canvas; drawn in BW_FONT_SMALL. */
#define BW_LEGEND_PADDING     8.0
#define BW_LEGEND_ROW_HEIGHT  18.0
#define BW_LEGEND_ASCENT      12.5  /* a row's top to its baseline */
#define BW_LEGEND_SAMPLE      28.0  /* an edge's sample line */
#define BW_LEGEND_MAX_ITEMS   8

typedef enum
{
  BW_LEGEND_HEADING,
  BW_LEGEND_EDGE,   /* a sample of the edge kind, arrowhead at its right end, and its name */
  BW_LEGEND_BADGE,  /* a badge of the ratio, its figure inside */
} BwLegendKind;

typedef struct
{
  BwLegendKind kind;
  BwEdgeKind   edge;     /* edges */
  double       ratio;    /* badges */
  gboolean     of_badges; /* headings: the badges' rather than the edges' */
  BwRect       sample;   /* edges: the line runs along its middle; badges: the badge */
  BwRect       text;     /* one line, ellipsized to text.w; centred in a badge */
  double       baseline;
} BwLegendItem;

typedef struct
{
  BwRect       box;
  guint        n_items;
  BwLegendItem items[BW_LEGEND_MAX_ITEMS];
} BwLegend;

typedef struct _BwLayout BwLayout;

BwLayout           *bw_layout_new          (BwDocument *document,
                                            BwCatalog  *catalog);
BwLayout           *bw_layout_ref          (BwLayout   *self);
void                bw_layout_unref        (BwLayout   *self);

/* Recomputes every box and route from the document. */
void                bw_layout_update       (BwLayout   *self);
/* Brings the layout up to date after `change` to its document: after a node's move alone, only
 * what the node touches (its boxes, its edges' routes, the labels beside it from afar, the
 * bounds), the same as bw_layout_update would make; after anything else, everything. */
void                bw_layout_update_for   (BwLayout       *self,
                                            const BwChange *change);
/* The nodes moved in place (by bw_layout_update_for) since the geometry serial `since`, in
 * turn, one entry per move (a node may come more than once); FALSE when the geometry changed
 * otherwise since then, or the moves are no longer kept: everything may have moved. */
gboolean            bw_layout_get_moves_since (BwLayout     *self,
                                               guint         since,
                                               const guint **nodes,
                                               guint        *n_nodes);
/* The edges (indices) that end at node `index`. */
const guint        *bw_layout_get_node_edges (BwLayout *self,
                                              guint     index,
                                              guint    *n_edges);

/* The zoom the diagram is shown at, so that the zones' grips keep their size on screen and text
 * reads from afar (1 for exports: nothing changes). Recomputes the grips, and the cards' and
 * zone headers' text when the zoom calls for other sizes. */
void                bw_layout_set_view_zoom (BwLayout  *self,
                                             double     zoom);

/* The selected zone among `selected` (id set) whose grip (with half its size around) holds
 * (x, y), or NULL; the node whose
 * connect handle (within BW_NODE_HANDLE_SLACK on screen) holds it, or NULL. */
const char         *bw_layout_grip_at      (BwLayout   *self,
                                            GHashTable *selected,
                                            double      x,
                                            double      y);
const char         *bw_layout_handle_at    (BwLayout   *self,
                                            double      x,
                                            double      y);

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

/* A number that changes whenever the boxes, routes, text or badges may have (an update, the
 * coverage, the view zoom): a drawing of the layout made at one serial is stale at another. */
guint               bw_layout_get_serial   (BwLayout *self);
/* The same for what updates alone change: the items, their boxes and routes; each update and
 * each move in place (bw_layout_get_moves_since) adds one, and a move adds one to the serial
 * as well. Cards'
 * text changes with the view zoom, but stays within BW_LABEL_MAX_OVERHANG of the card. */
guint               bw_layout_get_geometry_serial (BwLayout *self);

/* The smallest rectangle holding every zone and node; an empty rect for an empty document. */
BwRect              bw_layout_get_bounds   (BwLayout *self);

/* The page an export draws on: the diagram bounds with a margin and, when `with_overlay`, a
 * band below them for the coverage strip (returned in `overlay_rect`, which may be NULL), and
 * below all a row for the legend (bw_layout_get_page_legend). */
void                bw_layout_get_page     (BwLayout *self,
                                            gboolean  with_overlay,
                                            BwRect   *page,
                                            BwRect   *overlay_rect);

/* The legend with its top-left corner at (x, y): the edge kinds, then (`with_badges`) the badge
 * colours; in one row, or `stacked`. */
void                bw_layout_get_legend   (double    x,
                                            double    y,
                                            gboolean  stacked,
                                            gboolean  with_badges,
                                            BwLegend *legend);
/* Where an export page (bw_layout_get_page) puts its legend: in one row at its bottom, with the
 * badges when it shows coverage. */
void                bw_layout_get_page_legend (BwLayout *self,
                                               gboolean  with_overlay,
                                               BwLegend *legend);
/* What a legend item says: "Protects", "50%"… */
char               *bw_legend_item_text    (const BwLegendItem *item);

/* Where the canvas shows the coverage strip in a view `width` × `height` (view pixels). */
BwRect              bw_layout_get_view_band (double width,
                                             double height);

/* The cell `index` of `n` in the strip drawn in `band`: in the tactic row, or the phase row. */
void                bw_layout_get_overlay_cell (const BwRect *band,
                                                gboolean      phase_row,
                                                guint         index,
                                                guint         n,
                                                BwLayoutCell *cell);
/* The baseline of line `line` of `n_lines` in a cell. */
double              bw_layout_cell_baseline (const BwLayoutCell *cell,
                                             guint               line,
                                             guint               n_lines);

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
/* `r` grown by `d` on every side (shrunk when d < 0). */
BwRect              bw_rect_grow           (const BwRect *r,
                                            double        d);

void                bw_overlay_clear       (BwOverlay *overlay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwLayout, bw_layout_unref)

G_END_DECLS
