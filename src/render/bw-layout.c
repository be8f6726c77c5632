/* bw-layout.c: computes the diagram's geometry once for every painter and for hit testing. */
#include "config.h"

#include <math.h>

#include "bw-layout-private.h"



gboolean
bw_rect_intersects (const BwRect *a,
                    const BwRect *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

gboolean
bw_rect_contains (const BwRect *r,
                  double        x,
                  double        y)
{
  return x >= r->x && x <= r->x + r->w && y >= r->y && y <= r->y + r->h;
}

BwRect
bw_rect_grow (const BwRect *r,
              double        d)
{
  return (BwRect) { r->x - d, r->y - d, r->w + 2 * d, r->h + 2 * d };
}

void
bw_overlay_clear (BwOverlay *overlay)
{
  for (guint i = 0; i < overlay->n_tactics; i++)
    {
      g_free (overlay->tactics[i].label);
      g_free (overlay->tactics[i].tooltip);
    }
  for (guint i = 0; i < overlay->n_phases; i++)
    {
      g_free (overlay->phases[i].label);
      g_free (overlay->phases[i].tooltip);
    }
  g_clear_pointer (&overlay->tactics, g_free);
  g_clear_pointer (&overlay->phases, g_free);
  overlay->n_tactics = 0;
  overlay->n_phases = 0;
  overlay->summary_ratio = -1;
}


BwLayout *
bw_layout_new (BwDocument *document,
               BwCatalog  *catalog)
{
  BwLayout *self = g_new0 (BwLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->view_zoom = 1;
  self->label_mode = BW_LABEL_FULL;
  self->label_scale = self->badge_scale = self->title_scale = 1;
  self->document = g_object_ref (document);
  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  self->zones = g_array_new (FALSE, TRUE, sizeof (BwLayoutZone));
  self->nodes = g_array_new (FALSE, TRUE, sizeof (BwLayoutNode));
  self->edges = g_array_new (FALSE, TRUE, sizeof (BwLayoutEdge));
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->zone_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->grid = bw_cell_index_new (GRID_CELL);
  self->node_edge_start = g_array_new (FALSE, TRUE, sizeof (guint));
  self->node_edges = g_array_new (FALSE, FALSE, sizeof (guint));
  self->moves = g_array_new (FALSE, FALSE, sizeof (guint));
  bw_layout_update (self);
  return self;
}

BwLayout *
bw_layout_ref (BwLayout *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bw_layout_unref (BwLayout *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->document);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->coverage, g_hash_table_unref);
  g_array_unref (self->zones);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_hash_table_unref (self->node_index);
  g_hash_table_unref (self->zone_index);
  bw_cell_index_free (self->grid);
  g_array_unref (self->node_edge_start);
  g_array_unref (self->node_edges);
  g_array_unref (self->moves);
  g_free (self);
}

void
bw_layout_set_asset_coverage (BwLayout   *self,
                              GHashTable *coverage)
{
  self->serial++;
  g_clear_pointer (&self->coverage, g_hash_table_unref);
  if (coverage != NULL)
    self->coverage = g_hash_table_ref (coverage);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      BwLayoutNode *ln = &g_array_index (self->nodes, BwLayoutNode, i);
      const double *ratio = self->coverage ? g_hash_table_lookup (self->coverage, ln->node->id)
                                           : NULL;

      ln->coverage = ratio ? *ratio : -1;
      ln->has_badge = ln->stencil != NULL && ln->stencil->role == BW_ROLE_ASSET &&
                      ln->coverage >= 0;
    }
  /* A badge takes room from a compact label. */
  bw_layout_place_compact_labels (self);
}

/* Everything inside a card, from its box: the same for every card, so computed, not looked up. */
void
bw_layout_place_node (BwLayoutNode *ln)
{
  const BwRect *r = &ln->rect;

  ln->has_band = ln->stencil != NULL && ln->stencil->role != BW_ROLE_ASSET;
  ln->has_badge = ln->stencil != NULL && ln->stencil->role == BW_ROLE_ASSET && ln->coverage >= 0;
  ln->band = (BwRect) { r->x + BW_ROLE_BAND_INSET, r->y, r->w - 2 * BW_ROLE_BAND_INSET,
                       BW_ROLE_BAND_HEIGHT };
  ln->icon =
      (BwRect) { r->x + (r->w - BW_ICON_SIZE) / 2, r->y + BW_ICON_TOP, BW_ICON_SIZE, BW_ICON_SIZE };
  ln->label = (BwRect) {
    r->x + BW_LABEL_INSET, r->y + BW_LABEL_TOP, r->w - 2 * BW_LABEL_INSET,
    BW_LABEL_LINES * BW_LABEL_LINE_HEIGHT,
  };
  ln->label_baseline = ln->label.y + BW_LABEL_ASCENT;
  ln->badge = (BwRect) {
    r->x + r->w - BW_BADGE_WIDTH - BW_BADGE_INSET,
    r->y + BW_BADGE_INSET,
    BW_BADGE_WIDTH,
    BW_BADGE_HEIGHT,
  };
  ln->badge_baseline = ln->badge.y + BW_BADGE_ASCENT;
  ln->badge_size = BW_BADGE_SIZE;
  ln->label_mode = BW_LABEL_FULL;
  ln->label_size = BW_LABEL_SIZE;
  ln->label_lines = BW_LABEL_LINES;
  ln->label_line_height = BW_LABEL_LINE_HEIGHT;
  ln->far_icon = (BwRect) {
    r->x + (r->w - BW_FAR_ICON_SIZE) / 2, r->y + (r->h - BW_FAR_ICON_SIZE) / 2, BW_FAR_ICON_SIZE,
    BW_FAR_ICON_SIZE,
  };
  ln->far_badge = (BwRect) {
    r->x + r->w - BW_FAR_BADGE_WIDTH - BW_BADGE_INSET, r->y + BW_BADGE_INSET, BW_FAR_BADGE_WIDTH,
    BW_FAR_BADGE_HEIGHT,
  };
  ln->handle = (BwPoint) { r->x + r->w, r->y + r->h / 2 };
}

static void
place_grip (BwLayoutZone *lz,
            double        zoom)
{
  const BwRect *r = &lz->rect;
  double size = BW_ZONE_GRIP_SIZE / (zoom > 0 ? zoom : 1);

  lz->grip = (BwRect) { r->x + r->w - size / 2, r->y + r->h - size / 2, size, size };
}

/* The header grows with its title from afar: icon, title and baseline by the same factor. */
static void
place_zone (BwLayoutZone *lz,
            double        zoom,
            double        scale)
{
  const BwRect *r = &lz->rect;
  double icon = BW_ZONE_ICON_SIZE * scale;
  double left = BW_ZONE_ICON_LEFT + (BW_ZONE_TITLE_LEFT - BW_ZONE_ICON_LEFT) * scale;

  lz->icon = (BwRect) { r->x + BW_ZONE_ICON_LEFT, r->y + BW_ZONE_ICON_TOP, icon, icon };
  lz->title = (BwRect) {
    r->x + left, r->y + BW_ZONE_ICON_TOP, MAX (1, r->w - left - BW_ZONE_TITLE_RIGHT), icon,
  };
  lz->title_baseline = lz->title.y + BW_ZONE_TITLE_ASCENT * scale;
  lz->title_size = BW_ZONE_TITLE_SIZE * scale;
  place_grip (lz, zoom);
}


static void
place_arrow_head (BwLayoutEdge *le)
{
  double angle = atan2 (le->y2 - le->y1, le->x2 - le->x1);

  le->head[0] = (BwPoint) { le->x2, le->y2 };
  le->head[1] = (BwPoint) {
    le->x2 - BW_ARROW_SIZE * cos (angle - BW_ARROW_ANGLE),
    le->y2 - BW_ARROW_SIZE * sin (angle - BW_ARROW_ANGLE),
  };
  le->head[2] = (BwPoint) {
    le->x2 - BW_ARROW_SIZE * cos (angle + BW_ARROW_ANGLE),
    le->y2 - BW_ARROW_SIZE * sin (angle + BW_ARROW_ANGLE),
  };
}

/* How many zones lie around `zone`. `known` (zone → depth + 1) keeps every depth found, so
 * each zone's walk stops at the first zone answered before: a chain of n nested zones costs
 * n steps in all, not n². */
static guint
zone_depth (BwDocument   *document,
            const BwZone *zone,
            GHashTable   *known)
{
  g_autoptr(GPtrArray) trail = g_ptr_array_new ();
  guint depth = 0;

  /* The loader refuses parent cycles; the bound only guards against a bug elsewhere. */
  while (zone != NULL && trail->len <= bw_document_get_n_zones (document))
    {
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (known, zone));

      if (found > 0)
        {
          depth = found;
          break;
        }
      g_ptr_array_add (trail, (gpointer) zone);
      zone = zone->parent != NULL ? bw_document_lookup_zone (document, zone->parent) : NULL;
    }
  /* `depth` is now the depth + 1 of the zone around the trail's last, 0 for none. */
  for (guint i = trail->len; i-- > 0;)
    g_hash_table_insert (known, g_ptr_array_index (trail, i), GUINT_TO_POINTER (++depth));
  return depth - 1;
}

static int
compare_depth (gconstpointer a,
               gconstpointer b)
{
  const BwLayoutZone *za = a;
  const BwLayoutZone *zb = b;

  return (int) za->depth - (int) zb->depth;
}

/* Where the segment from the box's centre towards (tx, ty) leaves the box. */
static void
clip_to_rect (const BwRect *r,
              double        tx,
              double        ty,
              double       *out_x,
              double       *out_y)
{
  double cx = r->x + r->w / 2;
  double cy = r->y + r->h / 2;
  double dx = tx - cx;
  double dy = ty - cy;
  double sx = dx != 0 ? (r->w / 2) / fabs (dx) : INFINITY;
  double sy = dy != 0 ? (r->h / 2) / fabs (dy) : INFINITY;
  double s = MIN (sx, sy);

  if (!isfinite (s) || s >= 1)
    {
      *out_x = tx;
      *out_y = ty;
      return;
    }
  *out_x = cx + dx * s;
  *out_y = cy + dy * s;
}

/* A zone target seen from a point inside it: end on the nearest border instead of the centre. */
static void
nearest_border (const BwRect *r,
                double        px,
                double        py,
                double       *out_x,
                double       *out_y)
{
  double left = px - r->x;
  double right = r->x + r->w - px;
  double top = py - r->y;
  double bottom = r->y + r->h - py;
  double m = MIN (MIN (left, right), MIN (top, bottom));

  *out_x = px;
  *out_y = py;
  if (m == left)
    *out_x = r->x;
  else if (m == right)
    *out_x = r->x + r->w;
  else if (m == top)
    *out_y = r->y;
  else
    *out_y = r->y + r->h;
}

/* The box of what `id` names, whether it is a zone, and for a node its index + 1 (0 for a
 * zone). */
static gboolean
lookup_rect (BwLayout   *self,
             const char *id,
             BwRect     *out_rect,
             gboolean   *out_is_zone,
             guint      *out_node)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, id));
  const BwLayoutZone *lz;

  *out_node = index;
  if (index > 0)
    {
      *out_rect = g_array_index (self->nodes, BwLayoutNode, index - 1).rect;
      *out_is_zone = FALSE;
      return TRUE;
    }
  lz = bw_layout_lookup_zone (self, id);
  if (lz != NULL)
    {
      *out_rect = lz->rect;
      *out_is_zone = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* The route of `edge` between the boxes of what it joins into `le`, and through `ends` the
 * indices + 1 of the nodes it joins (0 for a zone); FALSE when either end is not laid out. */
static gboolean
route_edge (BwLayout     *self,
            const BwEdge *edge,
            BwLayoutEdge *le,
            guint         ends[2])
{
  BwRect from;
  BwRect to;
  gboolean from_zone;
  gboolean to_zone;
  double fcx, fcy, tcx, tcy;

  if (!lookup_rect (self, edge->from, &from, &from_zone, &ends[0]) ||
      !lookup_rect (self, edge->to, &to, &to_zone, &ends[1]))
    return FALSE;

  *le = (BwLayoutEdge) { edge };
  fcx = from.x + from.w / 2;
  fcy = from.y + from.h / 2;
  tcx = to.x + to.w / 2;
  tcy = to.y + to.h / 2;

  if (to_zone && bw_rect_contains (&to, fcx, fcy))
    {
      /* A service inside the zone it protects: a short stub to the zone's nearest border. */
      double bx, by;

      nearest_border (&to, fcx, fcy, &bx, &by);
      clip_to_rect (&from, bx, by, &le->x1, &le->y1);
      le->x2 = bx;
      le->y2 = by;
    }
  else
    {
      clip_to_rect (&from, tcx, tcy, &le->x1, &le->y1);
      clip_to_rect (&to, fcx, fcy, &le->x2, &le->y2);
    }
  place_arrow_head (le);
  return TRUE;
}

static void
extend_bounds (BwRect       *bounds,
               gboolean     *empty,
               const BwRect *r)
{
  if (*empty)
    {
      *bounds = *r;
      *empty = FALSE;
      return;
    }
  double x0 = MIN (bounds->x, r->x);
  double y0 = MIN (bounds->y, r->y);
  double x1 = MAX (bounds->x + bounds->w, r->x + r->w);
  double y1 = MAX (bounds->y + bounds->h, r->y + r->h);

  bounds->x = x0;
  bounds->y = y0;
  bounds->w = x1 - x0;
  bounds->h = y1 - y0;
}

/* The smallest rectangle holding every zone and node, in the order an update takes them. */
static BwRect
compute_bounds (BwLayout *self)
{
  gboolean empty = TRUE;
  BwRect bounds = { 0, 0, 0, 0 };

  for (guint i = 0; i < self->zones->len; i++)
    extend_bounds (&bounds, &empty, &g_array_index (self->zones, BwLayoutZone, i).rect);
  for (guint i = 0; i < self->nodes->len; i++)
    extend_bounds (&bounds, &empty, &g_array_index (self->nodes, BwLayoutNode, i).rect);
  return bounds;
}

/* Whether end `i` of the edges' ends (two per edge: the node index + 1 of each, 0 for a zone)
 * puts the edge in its node's list: an edge from a node to itself goes there once. */
static gboolean
edge_end_counts (GArray *ends,
                 guint   i)
{
  guint end = g_array_index (ends, guint, i);

  return end > 0 && !(i % 2 == 1 && end == g_array_index (ends, guint, i - 1));
}

void
bw_layout_update (BwLayout *self)
{
  BwDocument *doc = self->document;
  g_autoptr(GHashTable) depths = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *start;

  self->serial++;
  self->geometry_serial++;
  g_array_set_size (self->moves, 0);
  g_array_set_size (self->zones, 0);
  g_array_set_size (self->nodes, 0);
  g_array_set_size (self->edges, 0);
  g_hash_table_remove_all (self->node_index);
  g_hash_table_remove_all (self->zone_index);
  bw_cell_index_clear (self->grid);

  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *zone = bw_document_get_zone (doc, i);
      BwLayoutZone lz = {
        .zone = zone,
        .stencil = self->catalog ? bw_catalog_lookup_stencil (self->catalog, zone->kind) : NULL,
        .rect = { zone->x, zone->y, zone->w, zone->h },
        .depth = zone_depth (doc, zone, depths),
      };

      place_zone (&lz, self->view_zoom, self->title_scale);
      g_array_append_val (self->zones, lz);
    }
  /* Parents paint before children; g_array_sort is a stable merge sort in GLib. */
  g_array_sort (self->zones, compare_depth);
  for (guint i = 0; i < self->zones->len; i++)
    {
      BwLayoutZone *lz = &g_array_index (self->zones, BwLayoutZone, i);

      g_hash_table_insert (self->zone_index, lz->zone->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);
      const double *ratio = self->coverage ? g_hash_table_lookup (self->coverage, node->id) : NULL;
      BwLayoutNode ln = {
        .node = node,
        .stencil = self->catalog ? bw_catalog_lookup_stencil (self->catalog, node->kind) : NULL,
        .rect = { node->x, node->y, BW_NODE_WIDTH, BW_NODE_HEIGHT },
        .coverage = ratio ? *ratio : -1,
      };

      bw_layout_place_node (&ln);
      g_array_append_val (self->nodes, ln);
      g_hash_table_insert (self->node_index, node->id, GUINT_TO_POINTER (i + 1));
      bw_cell_index_add_rect (self->grid, &ln.rect, i);
    }
  self->bounds = compute_bounds (self);

  bw_layout_place_compact_labels (self);

  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      BwLayoutEdge le;
      guint two[2];

      if (!route_edge (self, bw_document_get_edge (doc, i), &le, two))
        continue;
      g_array_append_val (self->edges, le);
      g_array_append_vals (ends, two, 2);
    }

  /* Each node's edges, for a move to take along: counted, then placed. */
  g_array_set_size (self->node_edge_start, 0);
  g_array_set_size (self->node_edge_start, self->nodes->len + 1);
  start = (guint *) self->node_edge_start->data;
  for (guint i = 0; i < ends->len; i++)
    if (edge_end_counts (ends, i))
      start[g_array_index (ends, guint, i)]++;
  for (guint i = 0; i < self->nodes->len; i++)
    start[i + 1] += start[i];
  g_array_set_size (self->node_edges, start[self->nodes->len]);
  {
    g_autofree guint *fill = g_memdup2 (start, sizeof (guint) * self->nodes->len);

    for (guint i = 0; i < ends->len; i++)
      {
        guint end = g_array_index (ends, guint, i);

        if (edge_end_counts (ends, i))
          g_array_index (self->node_edges, guint, fill[end - 1]++) = i / 2;
      }
  }
}

/* A move of node `index` to where the document has it now: its boxes, its place in the
 * spatial index, the labels from afar beside where it was and where it is (they reach
 * halfway to it), its edges' routes and the bounds. */
static void
move_node (BwLayout *self,
           guint     index)
{
  BwLayoutNode *ln = &g_array_index (self->nodes, BwLayoutNode, index);
  BwRect was = ln->rect;
  BwRect b = self->bounds;
  guint n_edges;
  const guint *edges = bw_layout_get_node_edges (self, index, &n_edges);

  self->serial++;
  self->geometry_serial++;
  g_array_append_val (self->moves, index);

  bw_cell_index_remove_rect (self->grid, &was, index);
  ln->rect = (BwRect) { ln->node->x, ln->node->y, BW_NODE_WIDTH, BW_NODE_HEIGHT };
  bw_layout_place_node (ln);
  bw_cell_index_add_rect (self->grid, &ln->rect, index);
  if (self->label_mode != BW_LABEL_FULL)
    {
      bw_layout_place_labels_near (self, &was);
      bw_layout_place_labels_near (self, &ln->rect);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      BwLayoutEdge *le = &g_array_index (self->edges, BwLayoutEdge, edges[i]);
      guint two[2];

      route_edge (self, le->edge, le, two);
    }

  /* The bounds hold unless it left their border or went past it. */
  if (was.x == b.x || was.y == b.y || was.x + was.w == b.x + b.w ||
      was.y + was.h == b.y + b.h || ln->rect.x < b.x || ln->rect.y < b.y ||
      ln->rect.x + ln->rect.w > b.x + b.w || ln->rect.y + ln->rect.h > b.y + b.h)
    self->bounds = compute_bounds (self);
}

/* More moves than this since the last update, and they are forgotten: whoever has not caught
 * up by then does it all anew. */
#define MAX_MOVES 4096

void
bw_layout_update_for (BwLayout       *self,
                      const BwChange *change)
{
  guint index;

  g_return_if_fail (self != NULL && change != NULL);

  index = change->type == BW_CHANGE_MODIFY && change->object == BW_OBJECT_NODE &&
                  change->fields == BW_FIELD_GEOMETRY
              ? GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, change->id))
              : 0;
  if (index == 0 || g_array_index (self->nodes, BwLayoutNode, index - 1).node != change->node)
    {
      bw_layout_update (self);
      return;
    }
  if (self->moves->len >= MAX_MOVES)
    g_array_set_size (self->moves, 0);
  move_node (self, index - 1);
}

gboolean
bw_layout_get_moves_since (BwLayout     *self,
                           guint         since,
                           const guint **nodes,
                           guint        *n_nodes)
{
  guint ahead = self->geometry_serial - since;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The serials from since + 1 on are all moves that are kept. */
  if (ahead > self->moves->len)
    return FALSE;
  *nodes = &g_array_index (self->moves, guint, self->moves->len - ahead);
  *n_nodes = ahead;
  return TRUE;
}

const guint *
bw_layout_get_node_edges (BwLayout *self,
                          guint     index,
                          guint    *n_edges)
{
  const guint *start;

  g_return_val_if_fail (index < self->nodes->len, NULL);

  start = (const guint *) self->node_edge_start->data;
  *n_edges = start[index + 1] - start[index];
  return &g_array_index (self->node_edges, guint, start[index]);
}

guint
bw_layout_get_n_zones (BwLayout *self)
{
  return self->zones->len;
}

const BwLayoutZone *
bw_layout_get_zone (BwLayout *self,
                    guint     index)
{
  g_return_val_if_fail (index < self->zones->len, NULL);
  return &g_array_index (self->zones, BwLayoutZone, index);
}

guint
bw_layout_get_n_nodes (BwLayout *self)
{
  return self->nodes->len;
}

const BwLayoutNode *
bw_layout_get_node (BwLayout *self,
                    guint     index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, BwLayoutNode, index);
}

guint
bw_layout_get_n_edges (BwLayout *self)
{
  return self->edges->len;
}

const BwLayoutEdge *
bw_layout_get_edge (BwLayout *self,
                    guint     index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);
  return &g_array_index (self->edges, BwLayoutEdge, index);
}

const BwLayoutNode *
bw_layout_lookup_node (BwLayout   *self,
                       const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, id));

  return index ? &g_array_index (self->nodes, BwLayoutNode, index - 1) : NULL;
}

const BwLayoutZone *
bw_layout_lookup_zone (BwLayout   *self,
                       const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->zone_index, id));

  return index ? &g_array_index (self->zones, BwLayoutZone, index - 1) : NULL;
}

guint
bw_layout_get_serial (BwLayout *self)
{
  return self->serial;
}

guint
bw_layout_get_geometry_serial (BwLayout *self)
{
  return self->geometry_serial;
}

BwRect
bw_layout_get_bounds (BwLayout *self)
{
  return self->bounds;
}

void
bw_layout_align_node (BwLayout   *self,
                      const char *id,
                      double      tolerance,
                      double     *x,
                      double     *y,
                      double     *guide_x,
                      double     *guide_y)
{
  double cx = *x + BW_NODE_WIDTH / 2;
  double cy = *y + BW_NODE_HEIGHT / 2;
  double best_x = tolerance;
  double best_y = tolerance;

  *guide_x = NAN;
  *guide_y = NAN;
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const BwLayoutNode *other = bw_layout_get_node (self, i);
      double ox = other->rect.x + other->rect.w / 2;
      double oy = other->rect.y + other->rect.h / 2;

      if (g_str_equal (other->node->id, id))
        continue;
      if (fabs (ox - cx) < best_x)
        {
          best_x = fabs (ox - cx);
          *guide_x = ox;
        }
      if (fabs (oy - cy) < best_y)
        {
          best_y = fabs (oy - cy);
          *guide_y = oy;
        }
    }
  if (!isnan (*guide_x))
    *x += *guide_x - cx;
  if (!isnan (*guide_y))
    *y += *guide_y - cy;
}

#define PAGE_MARGIN 24.0
#define OVERLAY_GAP 16.0
#define OVERLAY_MIN_WIDTH 900.0

void
bw_layout_get_page (BwLayout *self,
                    gboolean  with_overlay,
                    BwRect   *page,
                    BwRect   *overlay_rect)
{
  BwRect bounds = self->bounds;

  if (bounds.w <= 0 || bounds.h <= 0)
    bounds = (BwRect) { 0, 0, 640, 240 };

  page->x = bounds.x - PAGE_MARGIN;
  page->y = bounds.y - PAGE_MARGIN;
  page->w = MAX (bounds.w, with_overlay ? OVERLAY_MIN_WIDTH : 0) + 2 * PAGE_MARGIN;
  page->h = bounds.h + 2 * PAGE_MARGIN + (with_overlay ? BW_OVERLAY_HEIGHT + OVERLAY_GAP : 0) +
            BW_LEGEND_ROW_HEIGHT + 2 * BW_LEGEND_PADDING + OVERLAY_GAP;

  if (overlay_rect != NULL)
    *overlay_rect = (BwRect) {
      bounds.x, bounds.y + bounds.h + OVERLAY_GAP, page->w - 2 * PAGE_MARGIN, BW_OVERLAY_HEIGHT,
    };
}

void
bw_layout_get_page_legend (BwLayout *self,
                           gboolean  with_overlay,
                           BwLegend *legend)
{
  BwRect page;
  double legend_h = BW_LEGEND_ROW_HEIGHT + 2 * BW_LEGEND_PADDING;

  bw_layout_get_page (self, with_overlay, &page, NULL);
  bw_layout_get_legend (page.x + PAGE_MARGIN, page.y + page.h - PAGE_MARGIN - legend_h, FALSE,
                        with_overlay, legend);
}

BwRect
bw_layout_get_view_band (double width,
                         double height)
{
  return (BwRect) {
    BW_OVERLAY_VIEW_MARGIN, height - BW_OVERLAY_HEIGHT - BW_OVERLAY_VIEW_MARGIN,
    width - 2 * BW_OVERLAY_VIEW_MARGIN, BW_OVERLAY_HEIGHT,
  };
}

void
bw_layout_get_overlay_cell (const BwRect *band,
                            gboolean      phase_row,
                            guint         index,
                            guint         n,
                            BwLayoutCell *cell)
{
  double inner = band->w - 2 * BW_OVERLAY_PADDING;
  double slot = inner / MAX (n, 1);
  double x = band->x + BW_OVERLAY_PADDING + index * slot;
  double y = band->y + BW_OVERLAY_PADDING;
  double h = BW_TACTIC_ROW_HEIGHT;

  if (phase_row)
    {
      y += BW_TACTIC_ROW_HEIGHT + BW_OVERLAY_ROW_GAP;
      h = BW_PHASE_ROW_HEIGHT;
    }
  cell->box = (BwRect) { x + BW_CELL_GAP / 2, y, slot - BW_CELL_GAP, h };
  cell->text = (BwRect) { x + BW_CELL_TEXT_INSET, y, slot - 2 * BW_CELL_TEXT_INSET, h };
  cell->baseline = y + h / 2 + BW_CELL_ASCENT;
}

double
bw_layout_cell_baseline (const BwLayoutCell *cell,
                         guint               line,
                         guint               n_lines)
{
  return cell->baseline + (line - (MAX (n_lines, 1) - 1) / 2.0) * BW_CELL_LINE_HEIGHT;
}

const char *
bw_layout_hit (BwLayout     *self,
               double        x,
               double        y,
               BwObjectType *out_type)
{
  const guint32 *cell;
  guint n;
  int cx, cy;

  bw_cell_index_cell_at (self->grid, x, y, &cx, &cy);
  cell = bw_cell_index_get (self->grid, cx, cy, &n);
  /* Later nodes paint on top, so search from the end. */
  for (guint i = n; i > 0; i--)
    {
      const BwLayoutNode *ln = bw_layout_get_node (self, cell[i - 1]);

      if (bw_rect_contains (&ln->rect, x, y))
        {
          if (out_type)
            *out_type = BW_OBJECT_NODE;
          return ln->node->id;
        }
    }

  for (guint i = self->zones->len; i > 0; i--)
    {
      const BwLayoutZone *lz = bw_layout_get_zone (self, i - 1);

      if (bw_rect_contains (&lz->rect, x, y))
        {
          if (out_type)
            *out_type = BW_OBJECT_ZONE;
          return lz->zone->id;
        }
    }

  return NULL;
}

GPtrArray *
bw_layout_query_rect (BwLayout     *self,
                      const BwRect *rect,
                      gboolean      nodes_only)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const BwLayoutNode *ln = bw_layout_get_node (self, i);

      if (bw_rect_intersects (&ln->rect, rect))
        g_ptr_array_add (ids, ln->node->id);
    }
  if (!nodes_only)
    {
      for (guint i = 0; i < self->zones->len; i++)
        {
          const BwLayoutZone *lz = bw_layout_get_zone (self, i);

          /* A zone joins a rubber band only when wholly inside it, as in most diagram tools. */
          if (lz->rect.x >= rect->x && lz->rect.y >= rect->y &&
              lz->rect.x + lz->rect.w <= rect->x + rect->w &&
              lz->rect.y + lz->rect.h <= rect->y + rect->h)
            g_ptr_array_add (ids, lz->zone->id);
        }
    }
  return ids;
}

void
bw_layout_set_view_zoom (BwLayout *self,
                         double    zoom)
{
  BwLabelMode mode;
  double label_scale;
  double title_scale;

  g_return_if_fail (self != NULL);

  if ((zoom > 0 ? zoom : 1) != self->view_zoom)
    self->serial++;
  self->view_zoom = zoom > 0 ? zoom : 1;
  for (guint i = 0; i < self->zones->len; i++)
    place_grip (&g_array_index (self->zones, BwLayoutZone, i), self->view_zoom);

  mode = self->view_zoom >= BW_LABEL_MIN_PIXELS / BW_LABEL_SIZE ? BW_LABEL_FULL
         : self->view_zoom >= BW_LABEL_MIN_ZOOM                 ? BW_LABEL_COMPACT
                                                                : BW_LABEL_HIDDEN;
  label_scale = bw_layout_text_scale (BW_LABEL_SIZE, BW_LABEL_MIN_PIXELS, self->view_zoom);
  title_scale =
      bw_layout_text_scale (BW_ZONE_TITLE_SIZE, BW_ZONE_TITLE_MIN_PIXELS, self->view_zoom);
  if (mode == self->label_mode && label_scale == self->label_scale &&
      title_scale == self->title_scale)
    return;
  self->label_mode = mode;
  self->label_scale = label_scale;
  self->badge_scale = bw_layout_text_scale (BW_BADGE_SIZE, BW_LABEL_MIN_PIXELS, self->view_zoom);
  self->title_scale = title_scale;
  for (guint i = 0; i < self->zones->len; i++)
    place_zone (&g_array_index (self->zones, BwLayoutZone, i), self->view_zoom, title_scale);
  for (guint i = 0; i < self->nodes->len && mode == BW_LABEL_FULL; i++)
    bw_layout_place_node (&g_array_index (self->nodes, BwLayoutNode, i));
  bw_layout_place_compact_labels (self);
}

const char *
bw_layout_grip_at (BwLayout   *self,
                   GHashTable *selected,
                   double      x,
                   double      y)
{
  double slack;

  g_return_val_if_fail (self != NULL, NULL);

  /* Half the grip's size around it takes a press too; the innermost first, drawn on top. */
  slack = BW_ZONE_GRIP_SIZE / 2 / self->view_zoom;
  for (guint i = self->zones->len; i > 0 && selected != NULL; i--)
    {
      const BwLayoutZone *lz = &g_array_index (self->zones, BwLayoutZone, i - 1);
      BwRect area = bw_rect_grow (&lz->grip, slack);

      if (g_hash_table_contains (selected, lz->zone->id) && bw_rect_contains (&area, x, y))
        return lz->zone->id;
    }
  return NULL;
}

const char *
bw_layout_handle_at (BwLayout *self,
                     double    x,
                     double    y)
{
  double r;

  g_return_val_if_fail (self != NULL, NULL);

  r = (BW_NODE_HANDLE_RADIUS + BW_NODE_HANDLE_SLACK) / MAX (self->view_zoom, 0.5);
  for (guint i = self->nodes->len; i > 0; i--)
    {
      const BwLayoutNode *ln = &g_array_index (self->nodes, BwLayoutNode, i - 1);
      double dx = x - ln->handle.x, dy = y - ln->handle.y;

      if (dx * dx + dy * dy <= r * r)
        return ln->node->id;
    }
  return NULL;
}
