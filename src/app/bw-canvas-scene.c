/* bw-canvas-scene.c: the diagram as render nodes kept from frame to frame. The plane is cut
 * into square tiles TILE_PIXELS on screen; each tile is one cairo node showing, clipped to it,
 * the grid and the zones, edges and nodes that cross it, in the painter's order, in zoomed
 * diagram coordinates — rasterised once into an image the node paints (on a HiDPI display,
 * the drawing itself, which the renderer rasterises and keeps). A frame emits the visible tiles
 * under one translation, so a pan reuses every tile it keeps in view, and a continuous zoom
 * scales them until it rests. A tile is drawn anew only when what it shows changes: each
 * item's signature (bw-canvas-scene-sig.c) sums up everything the painter reads of it (its
 * boxes, text, badge, selection, hover, highlight, focus), checked after the layout or that
 * state changed. The items a tile shows come from a spatial index of their bounds (made on the
 * load's thread for a file loaded in the background), so a frame costs by what is on screen,
 * not by the size of the diagram; and a frame spends at most its budget finding and drawing
 * tiles, a tile crossed by hundreds of items being drawn in steps over as many frames as it
 * takes, so that even the first frame of a 100,000-node estate seen from afar keeps to it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-canvas-private.h"
#include "bw-canvas-scene.h"
#include "bw-cell-index.h"

/* A tile's side, logical pixels: small enough that a hover or a selection redraws little. */
#define TILE_PIXELS 256
/* The spatial index's cells, diagram units. */
#define INDEX_CELL 256.0
/* An edge longer than this many cells across or down is not put in the index, whose cells it
 * would crowd (random edges across a large estate), but tested tile by tile. */
#define LONG_EDGE_CELLS 16

typedef enum
{
  ITEM_ZONE,
  ITEM_EDGE,
  ITEM_NODE,
  N_KINDS,
} ItemKind;

#define PACK(kind, index) (((guint32) (kind) << 30) | (guint32) (index))
#define PACKED_KIND(packed) ((ItemKind) ((packed) >> 30))
#define PACKED_INDEX(packed) ((packed) & 0x3fffffff)

typedef struct
{
  int            x, y;       /* in tiles */
  GskRenderNode *node;       /* NULL when it shows nothing */
  gboolean       drawn;      /* node is what the tile showed at `sig` */
  guint64        sig;
  guint          generation; /* the scene's, when `sig` was last checked */
  guint          serial;     /* the scene's members_serial when `members` were found */
  GArray        *members[N_KINDS]; /* indices into the layout, in its order */
  guint          last_frame;
  /* A drawing in steps under way (tile_in_steps): its image, the steps done, the edges in the
   * order it takes them, and the signature and members it was started for. */
  cairo_surface_t *partial;
  guint          step;
  GArray        *order;
  guint64        partial_sig;
  guint          partial_serial;
} Tile;

/* The spatial index of one layout's geometry: cell → packed items whose bounds reach it. It
 * reads the layout alone, so the load's thread can make it with the layout
 * (bw_canvas_scene_index_new) and spare the first frame the work. */
struct _BwCanvasSceneIndex
{
  guint       geometry_serial;  /* the layout's geometry serial it was built at */
  BwCellIndex *cells;          /* INDEX_CELL square */
  GArray     *long_edges;       /* edges across more than LONG_EDGE_CELLS: looked through */
  GArray     *bounds[N_KINDS];  /* BwRect of each item (zones: none, only their number) */
};

/* What one item was last seen as. */
typedef struct
{
  guint64 sig;
  guint   generation;
  guint   seen;              /* the query that last found it (deduplication) */
} ItemState;

struct _BwCanvasScene
{
  /* What every tile is drawn at; when any of it changes, the tiles go. */
  BwLayout      *layout;
  const BwTheme *theme;
  double         zoom;
  double         scale_factor;
  gboolean       grid;
  /* The window's renderer when it keeps textures on its device (not cairo's): a tile's image
   * is handed to it once drawn, and its pixels go from here. */
  GskRenderer   *device;

  /* The spatial index, and one made elsewhere for `offered_for` that the scene takes up
   * instead of building its own when it comes to show that layout at that geometry. */
  BwCanvasSceneIndex *ix;
  gboolean            ix_foreign;   /* ix is not of `layout` (it was replaced) */
  BwCanvasSceneIndex *offered;
  BwLayout           *offered_for;
  guint          n_index_builds;
  guint          members_serial;   /* tiles whose members were found at another look again */
  GArray        *items[N_KINDS];   /* ItemState of each item */
  guint          query;

  guint64        state_digest;
  guint          layout_serial;
  guint          generation;

  BwPainter     *painter;          /* the frame's, while it is made */
  GHashTable    *tiles;            /* tile key → Tile */
  guint          frame;
  GArray        *emitted;          /* Tile keys of the last frame */
  guint          n_built;
  guint          n_stepped;
  guint          n_steps;
  gint64         budget;           /* µs of drawing a frame may spend on tiles; 0: no bound */
  gboolean       pending;          /* the last frame left tiles to draw */
  /* The tiles from before a change of zoom alone, until the view is drawn at the new one:
   * where a tile is not drawn yet, they show what was there, scaled (a zoom that rests or
   * jumps shows no hole while the budget spreads the drawing over a few frames). */
  GHashTable    *previous;
  double         previous_zoom;
  /* The nodes of tiles that show the grid alone, by the checksum of their pixels: a tile that
   * comes out the same shows one of them moved to it, and the renderer keeps one texture for
   * all (the empty tiles of a view, often a quarter of it, are a few repeats of one). */
  GHashTable    *grid_only;
};

static inline gint64
tile_key (int x,
          int y)
{
  return (gint64) (((guint64) (guint32) x << 32) | (guint32) y);
}

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_pointer (&tile->node, gsk_render_node_unref);
  g_clear_pointer (&tile->partial, cairo_surface_destroy);
  for (int k = 0; k < N_KINDS; k++)
    g_array_unref (tile->members[k]);
  g_array_unref (tile->order);
  g_free (tile);
}

static BwCanvasSceneIndex *
index_new (void)
{
  BwCanvasSceneIndex *ix = g_new0 (BwCanvasSceneIndex, 1);

  ix->cells = bw_cell_index_new (INDEX_CELL);
  ix->long_edges = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int k = 0; k < N_KINDS; k++)
    ix->bounds[k] = g_array_new (FALSE, FALSE, sizeof (BwRect));
  return ix;
}

void
bw_canvas_scene_index_free (BwCanvasSceneIndex *ix)
{
  bw_cell_index_free (ix->cells);
  g_array_unref (ix->long_edges);
  for (int k = 0; k < N_KINDS; k++)
    g_array_unref (ix->bounds[k]);
  g_free (ix);
}

/* Tiles by their packed (x, y). */
static GHashTable *
tiles_new (void)
{
  return g_hash_table_new_full (bw_pair_hash, g_int64_equal, g_free, tile_free);
}

BwCanvasScene *
bw_canvas_scene_new (void)
{
  BwCanvasScene *self = g_new0 (BwCanvasScene, 1);

  self->ix = index_new ();
  self->tiles = tiles_new ();
  for (int k = 0; k < N_KINDS; k++)
    {
      self->items[k] = g_array_new (FALSE, TRUE, sizeof (ItemState));
    }
  self->emitted = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->grid_only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) gsk_render_node_unref);
  return self;
}

void
bw_canvas_scene_free (BwCanvasScene *self)
{
  g_clear_pointer (&self->layout, bw_layout_unref);
  g_clear_pointer (&self->ix, bw_canvas_scene_index_free);
  g_clear_pointer (&self->offered, bw_canvas_scene_index_free);
  g_clear_pointer (&self->offered_for, bw_layout_unref);
  g_hash_table_unref (self->tiles);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  for (int k = 0; k < N_KINDS; k++)
    g_array_unref (self->items[k]);
  g_array_unref (self->emitted);
  g_hash_table_unref (self->grid_only);
  g_free (self);
}

void
bw_canvas_scene_drop (BwCanvasScene *self)
{
  g_hash_table_remove_all (self->tiles);
  g_array_set_size (self->emitted, 0);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  g_hash_table_remove_all (self->grid_only);
}

static guint64
item_sig (BwCanvasScene      *self,
          ItemKind            kind,
          guint               index,
          const BwPaintState *state)
{
  ItemState *item = &g_array_index (self->items[kind], ItemState, index);

  if (item->generation != self->generation)
    {
      BwLayout *layout = self->layout;

      item->generation = self->generation;
      if (kind == ITEM_ZONE)
        item->sig = bw_scene_zone_sig (bw_layout_get_zone (layout, index), state);
      else if (kind == ITEM_EDGE)
        item->sig = bw_scene_edge_sig (bw_layout_get_edge (layout, index), state);
      else
        item->sig = bw_scene_node_sig (bw_layout_get_node (layout, index), state);
    }
  return item->sig;
}

/* Where each item's drawing may reach, diagram units. */
static BwRect
rect_union (const BwRect *a,
            const BwRect *b)
{
  double x0 = MIN (a->x, b->x);
  double y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->w, b->x + b->w);
  double y1 = MAX (a->y + a->h, b->y + b->h);

  return (BwRect) { x0, y0, x1 - x0, y1 - y0 };
}

static BwRect
item_bounds (BwLayout *layout,
             ItemKind  kind,
             guint     index)
{
  if (kind == ITEM_ZONE)
    {
      const BwLayoutZone *lz = bw_layout_get_zone (layout, index);
      BwRect ring = bw_rect_grow (&lz->rect, BW_ZONE_RING_GAP + 2);

      return rect_union (&ring, &lz->grip);
    }
  if (kind == ITEM_EDGE)
    {
      const BwLayoutEdge *le = bw_layout_get_edge (layout, index);
      BwRect r = { MIN (le->x1, le->x2), MIN (le->y1, le->y2), fabs (le->x2 - le->x1),
                   fabs (le->y2 - le->y1) };

      for (int i = 0; i < 3; i++)
        {
          BwRect p = { le->head[i].x, le->head[i].y, 0, 0 };

          r = rect_union (&r, &p);
        }
      return bw_rect_grow (&r, 3);
    }
  {
    const BwLayoutNode *ln = bw_layout_get_node (layout, index);
    BwRect card = bw_rect_grow (&ln->rect, BW_PAINT_NODE_SLACK + 1);

    /* A compact label, and the plate behind it, may reach past the card's sides: by no more
     * than BW_LABEL_MAX_OVERHANG at any zoom, so the index holds at every zoom. */
    card.x -= BW_LABEL_MAX_OVERHANG + 4;
    card.w += 2 * (BW_LABEL_MAX_OVERHANG + 4);
    return card;
  }
}

/* An edge goes into the cells its line crosses (and its head's, `pad` around), not every
 * cell of its bounding box: a long diagonal edge crosses few of those. */
static void
index_insert_edge (BwCanvasSceneIndex *ix,
                   const BwLayoutEdge *le,
                   guint32             packed)
{
  double pad = BW_ARROW_SIZE + 3;
  double xa = MIN (le->x1, le->x2);
  double xb = MAX (le->x1, le->x2);
  double slope = fabs (le->x2 - le->x1) > 1e-9 ? (le->y2 - le->y1) / (le->x2 - le->x1) : 0;
  int x0 = (int) floor ((xa - pad) / INDEX_CELL);
  int x1 = (int) floor ((xb + pad) / INDEX_CELL);

  for (int cx = x0; cx <= x1; cx++)
    {
      /* The stretch of the line over this column of cells. */
      double ca = CLAMP (cx * INDEX_CELL, xa, xb);
      double cb = CLAMP ((cx + 1) * INDEX_CELL, xa, xb);
      double ya = fabs (le->x2 - le->x1) > 1e-9 ? le->y1 + (ca - le->x1) * slope
                                                : MIN (le->y1, le->y2);
      double yb = fabs (le->x2 - le->x1) > 1e-9 ? le->y1 + (cb - le->x1) * slope
                                                : MAX (le->y1, le->y2);
      int y0 = (int) floor ((MIN (ya, yb) - pad) / INDEX_CELL);
      int y1 = (int) floor ((MAX (ya, yb) + pad) / INDEX_CELL);

      for (int cy = y0; cy <= y1; cy++)
        bw_cell_index_add (ix->cells, cx, cy, packed);
    }
}

static gboolean
is_long (const BwRect *edge_bounds)
{
  return edge_bounds->w > LONG_EDGE_CELLS * INDEX_CELL ||
         edge_bounds->h > LONG_EDGE_CELLS * INDEX_CELL;
}

/* The index of `layout`'s geometry as it is (NULL: of nothing). */
BwCanvasSceneIndex *
bw_canvas_scene_index_new (BwLayout *layout)
{
  BwCanvasSceneIndex *ix = index_new ();
  guint n[N_KINDS];

  n[ITEM_ZONE] = layout ? bw_layout_get_n_zones (layout) : 0;
  n[ITEM_EDGE] = layout ? bw_layout_get_n_edges (layout) : 0;
  n[ITEM_NODE] = layout ? bw_layout_get_n_nodes (layout) : 0;
  for (int k = 0; k < N_KINDS; k++)
    {
      g_array_set_size (ix->bounds[k], n[k]);
      for (guint i = 0; i < n[k]; i++)
        {
          BwRect *r = &g_array_index (ix->bounds[k], BwRect, i);

          /* Zones are few, and their grips change with the zoom: they are looked through,
           * their bounds asked for anew each time (the index holds for any zoom). */
          if (k == ITEM_ZONE)
            {
              *r = (BwRect) { 0 };
              continue;
            }
          *r = item_bounds (layout, k, i);
          if (k == ITEM_EDGE && is_long (r))
            g_array_append_val (ix->long_edges, i);
          else if (k == ITEM_EDGE)
            index_insert_edge (ix, bw_layout_get_edge (layout, i), PACK (k, i));
          else if (k == ITEM_NODE)
            bw_cell_index_add_rect (ix->cells, r, PACK (k, i));
        }
    }
  ix->geometry_serial = layout ? bw_layout_get_geometry_serial (layout) : 0;
  return ix;
}

static gboolean
arrays_equal (GArray *a,
              GArray *b)
{
  return a->len == b->len && g_array_get_element_size (a) == g_array_get_element_size (b) &&
         memcmp (a->data, b->data, (gsize) a->len * g_array_get_element_size (a)) == 0;
}

gboolean
bw_canvas_scene_index_equal (const BwCanvasSceneIndex *a,
                             const BwCanvasSceneIndex *b)
{
  if (a->geometry_serial != b->geometry_serial || !arrays_equal (a->long_edges, b->long_edges) ||
      !bw_cell_index_equal (a->cells, b->cells))
    return FALSE;
  for (int k = 0; k < N_KINDS; k++)
    if (!arrays_equal (a->bounds[k], b->bounds[k]))
      return FALSE;
  return TRUE;
}

void
bw_canvas_scene_offer_index (BwCanvasScene      *self,
                             BwLayout           *layout,
                             BwCanvasSceneIndex *ix)
{
  g_clear_pointer (&self->offered, bw_canvas_scene_index_free);
  g_clear_pointer (&self->offered_for, bw_layout_unref);
  self->offered = ix;
  self->offered_for = ix != NULL && layout != NULL ? bw_layout_ref (layout) : NULL;
}

const BwCanvasSceneIndex *
bw_canvas_scene_get_index (BwCanvasScene *self,
                           guint         *n_builds)
{
  if (n_builds != NULL)
    *n_builds = self->n_index_builds;
  return self->ix;
}

static int    compare_index (gconstpointer  a,
                             gconstpointer  b);
static BwRect tile_rect     (BwCanvasScene *self,
                             const Tile    *tile);

/* Edge `e` out of the index as it was, and in as it is now. */
static void
index_move_edge (BwCanvasSceneIndex *ix,
                 BwLayout           *layout,
                 guint               e,
                 GArray             *dirty)
{
  BwRect *bounds = &g_array_index (ix->bounds[ITEM_EDGE], BwRect, e);
  guint at;

  g_array_append_val (dirty, *bounds);
  if (is_long (bounds))
    {
      if (g_array_binary_search (ix->long_edges, &e, compare_index, &at))
        g_array_remove_index (ix->long_edges, at);
    }
  else
    {
      /* Its cells are those its line crosses, its head's reach around. */
      BwRect reach = bw_rect_grow (bounds, BW_ARROW_SIZE + 3);

      bw_cell_index_remove_rect (ix->cells, &reach, PACK (ITEM_EDGE, e));
    }
  *bounds = item_bounds (layout, ITEM_EDGE, e);
  g_array_append_val (dirty, *bounds);
  if (is_long (bounds))
    {
      for (at = ix->long_edges->len; at > 0 && g_array_index (ix->long_edges, guint, at - 1) > e;)
        at--;
      g_array_insert_val (ix->long_edges, at, e);
    }
  else
    index_insert_edge (ix, bw_layout_get_edge (layout, e), PACK (ITEM_EDGE, e));
}

/* Where a moved node's drawing reaches (`bounds`, its index's), and its neighbours' labels
 * from afar, which reach halfway to it from as far as twice their reach past their card, in
 * the rows it spans. */
static void
append_reach (GArray       *dirty,
              const BwRect *bounds)
{
  BwRect r = *bounds;

  r.x -= 2 * BW_LABEL_MAX_OVERHANG;
  r.w += 4 * BW_LABEL_MAX_OVERHANG;
  r.y -= BW_NODE_HEIGHT;
  r.h += 2 * BW_NODE_HEIGHT;
  g_array_append_val (dirty, r);
}

/* The index brought along with the layout's moves in place since it was made (the layout
 * tells which nodes moved): each moved node and its edges out of their cells and into their
 * new ones, the same index a build would make. Where each was and is goes into `dirty`.
 * FALSE when that cannot be (the geometry changed otherwise): the caller builds anew. */
static gboolean
index_follow_moves (BwCanvasScene *self,
                    GArray        *dirty)
{
  BwCanvasSceneIndex *ix = self->ix;
  BwLayout *layout = self->layout;
  const guint *moved;
  guint n_moved;
  g_autoptr(GArray) nodes = NULL;

  if (layout == NULL || self->ix_foreign ||
      !bw_layout_get_moves_since (layout, ix->geometry_serial, &moved, &n_moved) ||
      ix->bounds[ITEM_NODE]->len != bw_layout_get_n_nodes (layout) ||
      ix->bounds[ITEM_EDGE]->len != bw_layout_get_n_edges (layout) ||
      ix->bounds[ITEM_ZONE]->len != bw_layout_get_n_zones (layout))
    return FALSE;
  /* Each node once, however often it moved. */
  nodes = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_moved);
  g_array_append_vals (nodes, moved, n_moved);
  g_array_sort (nodes, compare_index);
  for (guint i = 0; i < nodes->len; i++)
    {
      guint index = g_array_index (nodes, guint, i);
      BwRect *bounds = &g_array_index (ix->bounds[ITEM_NODE], BwRect, index);
      const guint *edges;
      guint n_edges;

      if (i > 0 && index == g_array_index (nodes, guint, i - 1))
        continue;
      append_reach (dirty, bounds);
      bw_cell_index_remove_rect (ix->cells, bounds, PACK (ITEM_NODE, index));
      *bounds = item_bounds (layout, ITEM_NODE, index);
      append_reach (dirty, bounds);
      bw_cell_index_add_rect (ix->cells, bounds, PACK (ITEM_NODE, index));
      edges = bw_layout_get_node_edges (layout, index, &n_edges);
      for (guint j = 0; j < n_edges; j++)
        index_move_edge (ix, layout, edges[j], dirty);
    }
  ix->geometry_serial = bw_layout_get_geometry_serial (layout);
  return TRUE;
}

/* The index, for the layout's geometry: brought along with its moves when only moves
 * happened (TRUE; `dirty` gets where what moved was and is), or anew: the one offered for
 * it, if it still fits. */
static gboolean
index_update (BwCanvasScene *self,
              GArray        *dirty)
{
  guint geometry = self->layout ? bw_layout_get_geometry_serial (self->layout) : 0;

  if (index_follow_moves (self, dirty))
    return TRUE;
  g_clear_pointer (&self->ix, bw_canvas_scene_index_free);
  self->ix_foreign = FALSE;
  if (self->offered != NULL && self->offered_for == self->layout && self->layout != NULL &&
      self->offered->geometry_serial == geometry)
    self->ix = g_steal_pointer (&self->offered);
  else
    {
      self->ix = bw_canvas_scene_index_new (self->layout);
      self->n_index_builds++;
    }
  g_clear_pointer (&self->offered, bw_canvas_scene_index_free);
  g_clear_pointer (&self->offered_for, bw_layout_unref);
  for (int k = 0; k < N_KINDS; k++)
    {
      g_array_set_size (self->items[k], 0);
      g_array_set_size (self->items[k], self->ix->bounds[k]->len);
    }
  return FALSE;
}

/* More places than this, and every tile looks again: that costs less than checking each. */
#define MAX_TOUCHED 512

/* After moves in place, and before the generation that follows them: the tiles that what
 * moved reaches (where it was or is, in `dirty`) find their items again, and check them; the
 * others keep their items, and their signatures when `keep_sigs` (nothing else changed):
 * what they show is as it was. */
static void
tiles_touched (BwCanvasScene *self,
               GArray        *dirty,
               gboolean       keep_sigs)
{
  GHashTableIter iter;
  gpointer tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &tile))
    {
      Tile *t = tile;
      gboolean touched = FALSE;
      BwRect r;

      if (t->serial != self->members_serial)
        continue;
      r = tile_rect (self, t);
      r = bw_rect_grow (&r, 2 / self->zoom);
      for (guint i = 0; i < dirty->len && !touched; i++)
        touched = bw_rect_intersects (&r, &g_array_index (dirty, BwRect, i));
      if (touched)
        t->serial = self->members_serial - 1;
      else if (keep_sigs && t->generation == self->generation)
        t->generation = self->generation + 1;
    }
}

static int
compare_index (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The tile's rectangle, diagram units. */
static BwRect
tile_rect (BwCanvasScene *self,
           const Tile    *tile)
{
  double size = TILE_PIXELS / self->zoom;

  return (BwRect) { tile->x * size, tile->y * size, size, size };
}

/* Whether the edge's line passes through `r` (Liang–Barsky). */
static gboolean
line_meets (const BwLayoutEdge *le,
            const BwRect       *r)
{
  double dx = le->x2 - le->x1;
  double dy = le->y2 - le->y1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { le->x1 - r->x, r->x + r->w - le->x1, le->y1 - r->y, r->y + r->h - le->y1 };
  double t0 = 0;
  double t1 = 1;

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
        }
      else if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  return t0 <= t1;
}

/* The items whose drawing reaches the tile, each kind in the layout's order. */
static void
tile_find_members (BwCanvasScene *self,
                   Tile          *tile)
{
  BwRect tr = tile_rect (self, tile);
  /* Lines are at least a pixel wide whatever the zoom, and antialiased past it. */
  BwRect query = bw_rect_grow (&tr, 2 / self->zoom);
  BwRect near;
  int x0, x1, y0, y1;

  bw_cell_index_span (self->ix->cells, &query, &x0, &x1, &y0, &y1);
  self->query++;
  for (int k = 0; k < N_KINDS; k++)
    g_array_set_size (tile->members[k], 0);
  for (guint i = 0; i < self->ix->bounds[ITEM_ZONE]->len; i++)
    {
      BwRect r = item_bounds (self->layout, ITEM_ZONE, i);

      if (bw_rect_intersects (&r, &query))
        g_array_append_val (tile->members[ITEM_ZONE], i);
    }
  for (int cx = x0; cx <= x1; cx++)
    for (int cy = y0; cy <= y1; cy++)
      {
        guint n;
        const guint32 *cell = bw_cell_index_get (self->ix->cells, cx, cy, &n);

        for (guint i = 0; i < n; i++)
          {
            guint32 packed = cell[i];
            ItemKind kind = PACKED_KIND (packed);
            guint index = PACKED_INDEX (packed);
            ItemState *item = &g_array_index (self->items[kind], ItemState, index);

            if (item->seen == self->query)
              continue;
            item->seen = self->query;
            if (bw_rect_intersects (&g_array_index (self->ix->bounds[kind], BwRect, index), &query))
              g_array_append_val (tile->members[kind], index);
          }
      }
  /* A long edge's bounds reach many tiles its line does not cross (from afar, random edges
   * across an estate reach thousands of them): its line, and its head about it, must. */
  near = bw_rect_grow (&query, BW_ARROW_SIZE + 3);
  for (guint i = 0; i < self->ix->long_edges->len; i++)
    {
      guint index = g_array_index (self->ix->long_edges, guint, i);
      const BwRect *bounds = &g_array_index (self->ix->bounds[ITEM_EDGE], BwRect, index);

      if (bw_rect_intersects (bounds, &query) &&
          line_meets (bw_layout_get_edge (self->layout, index), &near))
        g_array_append_val (tile->members[ITEM_EDGE], index);
    }
  for (int k = 0; k < N_KINDS; k++)
    g_array_sort (tile->members[k], compare_index);
  tile->serial = self->members_serial;
}

static Tile *tile_get (BwCanvasScene *self,
                       int            x,
                       int            y);

/* The same for every tile of x0..x1 × y0..y1 (tiles) that needs it, in one pass over the
 * items: from afar, where a tile spans more of the index's cells than there are items, that
 * costs less than asking the index tile by tile. */
static void
find_all_members (BwCanvasScene *self,
                  int            x0,
                  int            y0,
                  int            x1,
                  int            y1)
{
  double size = TILE_PIXELS / self->zoom;
  double pad = 2 / self->zoom;
  int w = x1 - x0;
  g_autofree Tile **tiles = g_new0 (Tile *, (gsize) w * (y1 - y0));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Tile *tile = tile_get (self, x, y);

        if (tile->serial == self->members_serial)
          continue;
        for (int k = 0; k < N_KINDS; k++)
          g_array_set_size (tile->members[k], 0);
        tile->serial = self->members_serial;
        tiles[(y - y0) * w + (x - x0)] = tile;
      }
  for (int k = 0; k < N_KINDS; k++)
    for (guint i = 0; i < self->ix->bounds[k]->len; i++)
      {
        BwRect r = k == ITEM_ZONE ? item_bounds (self->layout, k, i)
                                  : g_array_index (self->ix->bounds[k], BwRect, i);
        int tx0 = MAX (x0, (int) floor ((r.x - pad) / size));
        int tx1 = MIN (x1 - 1, (int) floor ((r.x + r.w + pad) / size));
        int ty0 = MAX (y0, (int) floor ((r.y - pad) / size));
        int ty1 = MIN (y1 - 1, (int) floor ((r.y + r.h + pad) / size));

        for (int ty = ty0; ty <= ty1; ty++)
          for (int tx = tx0; tx <= tx1; tx++)
            {
              Tile *tile = tiles[(ty - y0) * w + (tx - x0)];

              if (tile != NULL)
                g_array_append_val (tile->members[k], i);
            }
      }
}

static guint64
tile_sig (BwCanvasScene      *self,
          Tile               *tile,
          const BwPaintState *state)
{
  guint64 h = bw_scene_mix (0, tile_key (tile->x, tile->y));

  for (int k = 0; k < N_KINDS; k++)
    {
      GArray *members = tile->members[k];

      h = bw_scene_mix (h, members->len);
      for (guint i = 0; i < members->len; i++)
        h = bw_scene_mix (h, item_sig (self, k, g_array_index (members, guint, i), state));
    }
  return h;
}

/* What a tile shows, in zoomed diagram coordinates: the grid, then `items` (in part of the
 * tile's, when it is drawn in steps). */
static void
tile_paint (BwCanvasScene      *self,
            cairo_t            *cr,
            const BwRect       *rect,
            gboolean            grid,
            const BwPaintItems *items,
            const BwPaintState *state)
{
  cairo_scale (cr, self->zoom, self->zoom);
  if (grid)
    bw_painter_draw_grid (self->painter, cr, rect, BW_CANVAS_GRID, self->zoom);
  if (items != NULL)
    bw_painter_draw_items (self->painter, cr, self->layout, items, state);
}

/* A tile's image drawn in the tile's coordinates, clipped to it: the painter sets edges one
 * pixel wide straight into an image's pixels where it knows the clip to be a rectangle
 * (bw_painter_set_fast_lines). */
static void
image_clip (cairo_t               *cr,
            const graphene_rect_t *bounds)
{
  cairo_rectangle (cr, 0, 0, TILE_PIXELS, TILE_PIXELS);
  cairo_clip (cr);
  cairo_translate (cr, -bounds->origin.x, -bounds->origin.y);
}

/* A tile that shows more than this many edges or nodes is drawn in steps of as many: one step
 * stays within a frame's budget (a tile far out, crossed by thousands of long edges, costs
 * cairo tens of ms), and a frame draws as many as its budget lasts for. */
#define STEP_EDGES 256
#define STEP_NODES 256

static gboolean
tile_in_steps (BwCanvasScene *self,
               const Tile    *tile)
{
  return self->scale_factor == 1 && (tile->members[ITEM_EDGE]->len > STEP_EDGES ||
                                     tile->members[ITEM_NODE]->len > STEP_NODES);
}

/* The tile's edges in the order a drawing in steps takes them: by kind, then the selected ones
 * of any kind, as the painter draws one list (so the selected stay on top); within each, in
 * the layout's order. */
static void
tile_order_edges (BwCanvasScene      *self,
                  Tile               *tile,
                  const BwPaintState *state)
{
  GArray *edges = tile->members[ITEM_EDGE];

  g_array_set_size (tile->order, 0);
  for (int group = 0; group < 4; group++)
    for (guint i = 0; i < edges->len; i++)
      {
        guint index = g_array_index (edges, guint, i);
        const BwLayoutEdge *le = bw_layout_get_edge (self->layout, index);
        gboolean selected = state->selected != NULL &&
                            g_hash_table_contains (state->selected, le->edge->id);

        if (group == 3 ? selected : !selected && (int) le->edge->kind == group)
          g_array_append_val (tile->order, index);
      }
}

/* One step of a tile's drawing in steps into its image: first the grid and the zones, then
 * STEP_EDGES edges at a time, then STEP_NODES nodes at a time. TRUE after the last. */
static gboolean
tile_paint_step (BwCanvasScene         *self,
                 Tile                  *tile,
                 const graphene_rect_t *bounds,
                 const BwRect          *rect,
                 const BwPaintState    *state)
{
  guint n_edge_steps = (tile->order->len + STEP_EDGES - 1) / STEP_EDGES;
  guint n_node_steps = (tile->members[ITEM_NODE]->len + STEP_NODES - 1) / STEP_NODES;
  guint step = tile->step++;
  BwPaintItems items = { .clip = rect };
  cairo_t *cr = cairo_create (tile->partial);

  self->n_steps++;
  image_clip (cr, bounds);
  if (step == 0)
    {
      items.zones = (const guint *) tile->members[ITEM_ZONE]->data;
      items.n_zones = tile->members[ITEM_ZONE]->len;
      tile_paint (self, cr, rect, self->grid, &items, state);
    }
  else if (step <= n_edge_steps)
    {
      guint from = (step - 1) * STEP_EDGES;

      items.edges = &g_array_index (tile->order, guint, from);
      items.n_edges = MIN (STEP_EDGES, tile->order->len - from);
      tile_paint (self, cr, rect, FALSE, &items, state);
    }
  else
    {
      guint from = (step - 1 - n_edge_steps) * STEP_NODES;

      items.nodes = &g_array_index (tile->members[ITEM_NODE], guint, from);
      items.n_nodes = MIN (STEP_NODES, tile->members[ITEM_NODE]->len - from);
      tile_paint (self, cr, rect, FALSE, &items, state);
    }
  cairo_destroy (cr);
  return tile->step >= 1 + n_edge_steps + n_node_steps;
}

GskRenderNode *
bw_canvas_image_node (GskRenderer           *device,
                      cairo_surface_t       *image,
                      const graphene_rect_t *bounds)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *upload;
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);

  if (device == NULL || GSK_IS_CAIRO_RENDERER (device))
    {
      GskRenderNode *node = gsk_cairo_node_new (bounds);
      cairo_t *cr = gsk_cairo_node_get_draw_context (node);

      cairo_set_source_surface (cr, image, bounds->origin.x, bounds->origin.y);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (image);
      return node;
    }
  /* Through a texture of the image, not a cairo node: the GL renderer keeps what it made of a
   * cairo node by the node's address, which the next node may be given once this one goes. */
  cairo_surface_flush (image);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (image),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, image);
  pixels = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  upload = gsk_texture_node_new (pixels, bounds);
  texture = gsk_renderer_render_texture (device, upload, bounds);
  gsk_render_node_unref (upload);
  return gsk_texture_node_new (texture, bounds);
}

/* The node of a tile at `bounds` whose `image` shows the grid alone: one made for a tile whose
 * image had the same pixels, moved here, or else a node of its own, kept for the next. */
static GskRenderNode *
grid_only_node (BwCanvasScene         *self,
                cairo_surface_t       *image,
                const graphene_rect_t *bounds)
{
  g_autofree char *sum = NULL;
  g_autoptr(GskTransform) move = NULL;
  GskRenderNode *node;
  graphene_rect_t from;
  double period;

  /* Alike only where the dots repeat on whole tiles (at 100 %, 50 %…): elsewhere each tile
   * meets the dots at a phase of its own, and the checksum would be for nothing. */
  period = TILE_PIXELS / (bw_painter_grid_period (BW_CANVAS_GRID, self->zoom) * self->zoom);
  if (fabs (period - round (period)) > 1e-6)
    return bw_canvas_image_node (self->device, image, bounds);
  cairo_surface_flush (image);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, cairo_image_surface_get_data (image),
                                     (gsize) cairo_image_surface_get_stride (image) *
                                         cairo_image_surface_get_height (image));
  node = g_hash_table_lookup (self->grid_only, sum);
  if (node == NULL)
    {
      node = bw_canvas_image_node (self->device, image, bounds);
      g_hash_table_insert (self->grid_only, g_steal_pointer (&sum), gsk_render_node_ref (node));
      return node;
    }
  cairo_surface_destroy (image);
  gsk_render_node_get_bounds (node, &from);
  move = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (bounds->origin.x - from.origin.x,
                                                              bounds->origin.y - from.origin.y));
  return gsk_transform_node_new (node, move);
}

/* Draws the tile (anew, or on from where the frames before left its drawing in steps), for one
 * step at least and then for as long as `deadline` (monotonic time; 0: no bound) is not past.
 * TRUE when the tile's node shows it; until then it keeps the one it had. */
static gboolean
tile_draw (BwCanvasScene      *self,
           Tile               *tile,
           const BwPaintState *state,
           gint64              deadline)
{
  graphene_rect_t bounds =
      GRAPHENE_RECT_INIT (tile->x * TILE_PIXELS, tile->y * TILE_PIXELS, TILE_PIXELS, TILE_PIXELS);
  BwRect rect = tile_rect (self, tile);
  GArray **m = tile->members;
  BwPaintItems items = {
    (const guint *) m[ITEM_ZONE]->data, m[ITEM_ZONE]->len,
    (const guint *) m[ITEM_EDGE]->data, m[ITEM_EDGE]->len,
    (const guint *) m[ITEM_NODE]->data, m[ITEM_NODE]->len,
    &rect,
  };
  gboolean empty = TRUE;
  cairo_surface_t *image = NULL;
  cairo_t *cr;

  for (int k = 0; k < N_KINDS; k++)
    empty = empty && m[k]->len == 0;
  /* A drawing in steps goes on while the tile shows what it was started for. */
  if (tile->partial != NULL &&
      (tile->partial_sig != tile->sig || tile->partial_serial != tile->serial))
    g_clear_pointer (&tile->partial, cairo_surface_destroy);

  if (!empty && tile_in_steps (self, tile))
    {
      if (tile->partial == NULL)
        {
          tile->partial = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_PIXELS,
                                                      TILE_PIXELS);
          tile->partial_sig = tile->sig;
          tile->partial_serial = tile->serial;
          tile->step = 0;
          tile_order_edges (self, tile, state);
        }
      while (!tile_paint_step (self, tile, &bounds, &rect, state))
        if (deadline > 0 && g_get_monotonic_time () > deadline)
          return FALSE;
      image = g_steal_pointer (&tile->partial);
      self->n_stepped++;
    }

  g_clear_pointer (&tile->node, gsk_render_node_unref);
  tile->drawn = TRUE;
  self->n_built++;
  if (image == NULL)
    self->n_steps++;
  if (empty && !self->grid)
    return TRUE;

  if (self->scale_factor != 1)
    {
      /* On a HiDPI display the renderer rasterises the drawing itself, at its scale. */
      tile->node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (tile->node);
      cairo_rectangle (cr, bounds.origin.x, bounds.origin.y, TILE_PIXELS, TILE_PIXELS);
      cairo_clip (cr);
      tile_paint (self, cr, &rect, self->grid, empty ? NULL : &items, state);
      cairo_destroy (cr);
      return TRUE;
    }

  /* Rasterised here, once: the node only paints the image, which costs either renderer a copy
   * instead of the drawing. Its pixels are the device's, since the tiles are placed on whole
   * pixels. */
  if (image == NULL)
    {
      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_PIXELS, TILE_PIXELS);
      cr = cairo_create (image);
      image_clip (cr, &bounds);
      tile_paint (self, cr, &rect, self->grid, empty ? NULL : &items, state);
      cairo_destroy (cr);
    }
  if (empty)
    {
      tile->node = grid_only_node (self, image, &bounds);
      return TRUE;
    }
  tile->node = bw_canvas_image_node (self->device, image, &bounds);
  return TRUE;
}

static Tile *
tile_get (BwCanvasScene *self,
          int            x,
          int            y)
{
  gint64 key = tile_key (x, y);
  Tile *tile = g_hash_table_lookup (self->tiles, &key);

  if (tile == NULL)
    {
      tile = g_new0 (Tile, 1);
      tile->x = x;
      tile->y = y;
      for (int k = 0; k < N_KINDS; k++)
        tile->members[k] = g_array_new (FALSE, FALSE, sizeof (guint));
      tile->order = g_array_new (FALSE, FALSE, sizeof (guint));
      tile->serial = self->members_serial - 1;
      tile->generation = self->generation - 1;
      g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), tile);
    }
  return tile;
}

/* Tiles out of view go, beyond about another screen's worth (a tile's image is 256 KiB). */
static void
evict (BwCanvasScene *self)
{
  GHashTableIter iter;
  Tile *tile;
  guint keep = 2 * self->emitted->len + 16;

  if (g_hash_table_size (self->tiles) <= keep)
    return;
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tile))
    if (tile->last_frame + 2 < self->frame)
      g_hash_table_iter_remove (&iter);
}

/* A frame of a continuous zoom: the tiles drawn at the zoom before, scaled to this one. Only
 * those not drawn yet (coming into view as the zoom goes out) are drawn, at that zoom; the
 * others show what they showed, until the zoom rests. */
static void
append_scaled (BwCanvasScene      *self,
               GtkSnapshot        *snapshot,
               BwPainter          *painter,
               const BwPaintState *state,
               const BwRect       *visible,
               double              zoom)
{
  double vx = visible->x * self->zoom;
  double vy = visible->y * self->zoom;
  int x0 = (int) floor (vx / TILE_PIXELS);
  int y0 = (int) floor (vy / TILE_PIXELS);
  int x1 = (int) ceil ((vx + visible->w * self->zoom) / TILE_PIXELS);
  int y1 = (int) ceil ((vy + visible->h * self->zoom) / TILE_PIXELS);

  /* The document may have changed meanwhile: tiles drawn now draw it as it is. */
  if (self->layout != NULL && bw_layout_get_geometry_serial (self->layout) !=
                                  self->ix->geometry_serial)
    {
      g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (BwRect));

      index_update (self, dirty);
      self->members_serial++;
      self->generation++;
    }
  self->frame++;
  self->n_built = 0;
  self->n_stepped = 0;
  self->n_steps = 0;
  self->painter = painter;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, zoom / self->zoom, zoom / self->zoom);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Tile *tile = tile_get (self, x, y);

        if (!tile->drawn)
          {
            if (tile->serial != self->members_serial)
              tile_find_members (self, tile);
            tile->sig = tile_sig (self, tile, state);
            tile->generation = self->generation;
            tile_draw (self, tile, state, 0);
          }
        tile->last_frame = self->frame;
        if (tile->node != NULL)
          gtk_snapshot_append_node (snapshot, tile->node);
      }
  gtk_snapshot_restore (snapshot);
  /* It drew every tile it shows. */
  g_clear_pointer (&self->previous, g_hash_table_unref);
}

/* Where tile (x, y) is not drawn yet at this zoom: the tiles from before that cover it,
 * scaled to it and clipped to it. */
static void
append_previous (BwCanvasScene *self,
                 GtkSnapshot   *snapshot,
                 int            x,
                 int            y)
{
  double r = self->zoom / self->previous_zoom;
  int x0 = (int) floor (x / r);
  int y0 = (int) floor (y / r);
  int x1 = (int) ceil ((x + 1) / r);
  int y1 = (int) ceil ((y + 1) / r);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x * TILE_PIXELS, y * TILE_PIXELS,
                                                         TILE_PIXELS, TILE_PIXELS));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, r, r);
  for (int j = y0; j < y1; j++)
    for (int i = x0; i < x1; i++)
      {
        gint64 key = tile_key (i, j);
        Tile *tile = g_hash_table_lookup (self->previous, &key);

        if (tile != NULL && tile->node != NULL)
          gtk_snapshot_append_node (snapshot, tile->node);
      }
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* Whether a frame begun at `start` has spent its budget, once it `worked` at all. */
static gboolean
budget_spent (BwCanvasScene *self,
              gboolean       worked,
              gint64         start)
{
  return self->budget > 0 && worked && g_get_monotonic_time () - start > self->budget;
}

void
bw_canvas_scene_append (BwCanvasScene      *self,
                        GtkSnapshot        *snapshot,
                        BwPainter          *painter,
                        BwLayout           *layout,
                        const BwPaintState *state,
                        const BwRect       *visible,
                        double              zoom,
                        double              scale_factor,
                        gboolean            grid,
                        gboolean            zooming)
{
  const BwTheme *theme = bw_painter_get_theme (painter);
  gint64 start;
  gboolean worked = FALSE;
  guint serial = layout ? bw_layout_get_serial (layout) : 0;
  guint geometry = layout ? bw_layout_get_geometry_serial (layout) : 0;
  guint64 digest = bw_scene_state_digest (state);
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (BwRect));
  gboolean moved_only = FALSE;
  double vx = visible->x * zoom;
  double vy = visible->y * zoom;
  int x0 = (int) floor (vx / TILE_PIXELS);
  int y0 = (int) floor (vy / TILE_PIXELS);
  int x1 = (int) ceil ((vx + visible->w * zoom) / TILE_PIXELS);
  int y1 = (int) ceil ((vy + visible->h * zoom) / TILE_PIXELS);

  /* Scaled, as long as that stays sharp enough (in) and needs few new tiles (out). */
  if (zooming && zoom != self->zoom && zoom / self->zoom >= 0.75 && zoom / self->zoom <= 2 &&
      layout == self->layout && theme == self->theme && scale_factor == self->scale_factor &&
      grid == self->grid && self->emitted->len > 0)
    {
      append_scaled (self, snapshot, painter, state, visible, zoom);
      return;
    }
  if (layout != self->layout || theme != self->theme || zoom != self->zoom ||
      scale_factor != self->scale_factor || grid != self->grid)
    {
      /* The zoom alone: the tiles stay as the backdrop of those not drawn yet at the new
       * one, unless the last frame left some undrawn over a backdrop, which stays instead. */
      if (layout == self->layout && theme == self->theme && scale_factor == self->scale_factor &&
          grid == self->grid && self->zoom > 0)
        {
          if (self->pending && self->previous != NULL)
            g_hash_table_remove_all (self->tiles);
          else
            {
              g_clear_pointer (&self->previous, g_hash_table_unref);
              self->previous = g_steal_pointer (&self->tiles);
              self->previous_zoom = self->zoom;
              self->tiles = tiles_new ();
            }
          g_array_set_size (self->emitted, 0);
          g_hash_table_remove_all (self->grid_only);
        }
      else
        bw_canvas_scene_drop (self);
      if (layout != self->layout)
        {
          g_clear_pointer (&self->layout, bw_layout_unref);
          self->layout = layout ? bw_layout_ref (layout) : NULL;
          self->ix->geometry_serial = geometry - 1;
          self->ix_foreign = TRUE;
        }
      self->theme = theme;
      self->zoom = zoom;
      self->scale_factor = scale_factor;
      self->grid = grid;
    }
  if (geometry != self->ix->geometry_serial)
    {
      guint since = self->ix->geometry_serial;

      /* Where the layout only moved nodes in place since the last frame (each move adds one
       * to both its serials), only the tiles those moves reach need find their items again. */
      moved_only = index_update (self, dirty) && serial - self->layout_serial == geometry - since;
    }
  if (serial != self->layout_serial || digest != self->state_digest)
    {
      /* Tiles find their items again after any other change of the layout (zones' grips,
       * labels), and check their signatures after that or a change of selection, hover… */
      if (serial != self->layout_serial && moved_only && dirty->len <= MAX_TOUCHED)
        tiles_touched (self, dirty, digest == self->state_digest);
      else if (serial != self->layout_serial)
        self->members_serial++;
      self->generation++;
      self->layout_serial = serial;
      self->state_digest = digest;
    }

  /* From afar, the index would be asked for more cells than there are items. */
  {
    double cells = (TILE_PIXELS / zoom + 4 / zoom) / INDEX_CELL + 1;
    guint n_items = self->ix->bounds[ITEM_NODE]->len + self->ix->bounds[ITEM_EDGE]->len;

    if (self->layout != NULL && cells * cells * (x1 - x0) * (y1 - y0) > n_items)
      find_all_members (self, x0, y0, x1, y1);
  }

  self->frame++;
  self->n_built = 0;
  self->n_stepped = 0;
  self->n_steps = 0;
  self->pending = FALSE;
  self->painter = painter;
  start = g_get_monotonic_time ();
  g_array_set_size (self->emitted, 0);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        Tile *tile = tile_get (self, x, y);
        gint64 key = tile_key (x, y);
        /* A frame finds tiles' items and draws tiles for as long as its budget lasts (one step
         * of one tile at least), then shows what the others showed before, if anything, and
         * leaves them to the next: a diagram of 100,000 nodes fills in over a few frames
         * instead of holding one for half a second. */
        gboolean over = budget_spent (self, worked, start);

        if (tile->generation != self->generation)
          {
            guint64 sig;

            if (over && (!tile->drawn || tile->serial != self->members_serial))
              {
                self->pending = TRUE;
                goto emit;
              }
            if (tile->serial != self->members_serial)
              {
                tile_find_members (self, tile);
                worked = TRUE;
              }
            sig = tile_sig (self, tile, state);
            if (!tile->drawn || sig != tile->sig)
              tile->drawn = FALSE;
            tile->sig = sig;
            tile->generation = self->generation;
            over = budget_spent (self, worked, start);
          }
        if (!tile->drawn)
          {
            if (over || !tile_draw (self, tile, state, self->budget ? start + self->budget : 0))
              self->pending = TRUE;
            worked = worked || !over;
          }
      emit:
        /* After a change of zoom alone, what the tiles showed before stands in, scaled, for
         * those still to come. */
        if (!tile->drawn && self->previous != NULL)
          append_previous (self, snapshot, x, y);
        tile->last_frame = self->frame;
        g_array_append_val (self->emitted, key);
        if (tile->node != NULL)
          gtk_snapshot_append_node (snapshot, tile->node);
      }
  if (!self->pending)
    g_clear_pointer (&self->previous, g_hash_table_unref);
  evict (self);
}

void
bw_canvas_scene_set_renderer (BwCanvasScene *self,
                              GskRenderer   *renderer)
{
  if (renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer))
    renderer = NULL;
  if (renderer == self->device)
    return;
  /* Textures of one renderer are not another's. */
  bw_canvas_scene_drop (self);
  self->device = renderer;
}

GskRenderer *
bw_canvas_scene_get_renderer (BwCanvasScene *self)
{
  return self->device;
}

void
bw_canvas_scene_set_budget (BwCanvasScene *self,
                            gint64         budget)
{
  self->budget = budget;
}

gboolean
bw_canvas_scene_is_complete (BwCanvasScene *self)
{
  return !self->pending;
}

void
bw_canvas_scene_get_stats (BwCanvasScene      *self,
                           BwCanvasFrameStats *stats)
{
  GHashTable *seen[N_KINDS];

  memset (stats, 0, sizeof *stats);
  stats->n_tiles = self->emitted->len;
  stats->n_built = self->n_built;
  stats->n_stepped = self->n_stepped;
  stats->n_steps = self->n_steps;
  stats->n_cached = g_hash_table_size (self->tiles);
  for (int k = 0; k < N_KINDS; k++)
    seen[k] = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->emitted->len; i++)
    {
      Tile *tile = g_hash_table_lookup (self->tiles, &g_array_index (self->emitted, gint64, i));

      for (int k = 0; tile != NULL && k < N_KINDS; k++)
        for (guint j = 0; j < tile->members[k]->len; j++)
          g_hash_table_add (seen[k],
                            GUINT_TO_POINTER (g_array_index (tile->members[k], guint, j) + 1));
    }
  stats->n_zones = g_hash_table_size (seen[ITEM_ZONE]);
  stats->n_edges = g_hash_table_size (seen[ITEM_EDGE]);
  stats->n_nodes = g_hash_table_size (seen[ITEM_NODE]);
  for (int k = 0; k < N_KINDS; k++)
    g_hash_table_unref (seen[k]);
}

gboolean
bw_canvas_scene_shows_node (BwCanvasScene *self,
                            guint          index)
{
  for (guint i = 0; i < self->emitted->len; i++)
    {
      Tile *tile = g_hash_table_lookup (self->tiles, &g_array_index (self->emitted, gint64, i));
      GArray *nodes = tile ? tile->members[ITEM_NODE] : NULL;

      for (guint j = 0; nodes != NULL && j < nodes->len; j++)
        if (g_array_index (nodes, guint, j) == index)
          return TRUE;
    }
  return FALSE;
}
