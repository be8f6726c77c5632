/* bw-arrange.c: automatic layout of a document's zones and nodes.
 *
 * Each zone is a box sized from the inside out: its nodes in a grid of rows at the top, its
 * child zones below them, packed on shelves (tallest first). Boxes are sized children first
 * (zones in reverse breadth-first order, so no recursion however deep the nesting) and then
 * placed parents first. Every order comes from the document's, so the result is the same for
 * the same document. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bw-arrange.h"

typedef struct
{
  const BwZone *zone;     /* NULL for the top level */
  GPtrArray    *zones;    /* Box*, child zones in document order */
  GPtrArray    *nodes;    /* const BwNode*, in arranged order */
  double        w, h;     /* the box's size (the zone's) */
  double        x, y;     /* top-left: relative to the parent's content, then absolute */
  double        content_x, content_y;
  double        nodes_w, nodes_h;
  guint         columns;
} Box;

static void
box_free (Box *box)
{
  g_ptr_array_unref (box->zones);
  g_ptr_array_unref (box->nodes);
  g_free (box);
}

static Box *
box_new (const BwZone *zone)
{
  Box *box = g_new0 (Box, 1);

  box->zone = zone;
  box->zones = g_ptr_array_new ();
  box->nodes = g_ptr_array_new ();
  return box;
}

static BwRole
node_role (BwCatalog    *catalog,
           const BwNode *node)
{
  const BwStencil *stencil = catalog ? bw_catalog_lookup_stencil (catalog, node->kind) : NULL;

  return stencil ? stencil->role : BW_ROLE_ASSET;
}

/* Puts every service that protects a node of the same zone right after that node (the first
 * it protects, in edge order), so a card and its guard sit side by side. */
static void
order_nodes (BwDocument *doc,
             BwCatalog  *catalog,
             GHashTable *zone_of,   /* node id → Box* */
             Box        *box)
{
  g_autoptr(GHashTable) anchor = g_hash_table_new (g_str_hash, g_str_equal); /* service → node */
  g_autoptr(GHashTable) followers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) ordered = g_ptr_array_sized_new (box->nodes->len);

  if (box->nodes->len < 2)
    return;
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);
      const BwNode *from, *to;

      if (e->kind != BW_EDGE_PROTECTS || g_hash_table_contains (anchor, e->from))
        continue;
      from = bw_document_lookup_node (doc, e->from);
      to = bw_document_lookup_node (doc, e->to);
      if (from == NULL || to == NULL || g_hash_table_lookup (zone_of, from->id) != box ||
          g_hash_table_lookup (zone_of, to->id) != box ||
          node_role (catalog, to) == BW_ROLE_SERVICE)
        continue;
      g_hash_table_insert (anchor, from->id, (gpointer) to);
    }
  if (g_hash_table_size (anchor) == 0)
    return;

  for (guint i = 0; i < box->nodes->len; i++)
    {
      const BwNode *n = g_ptr_array_index (box->nodes, i);
      const BwNode *a = g_hash_table_lookup (anchor, n->id);
      GPtrArray *list;

      if (a == NULL)
        continue;
      list = g_hash_table_lookup (followers, a->id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (followers, a->id, list);
        }
      g_ptr_array_add (list, (gpointer) n);
    }
  for (guint i = 0; i < box->nodes->len; i++)
    {
      const BwNode *n = g_ptr_array_index (box->nodes, i);
      GPtrArray *list;

      if (g_hash_table_contains (anchor, n->id))
        continue;
      g_ptr_array_add (ordered, (gpointer) n);
      list = g_hash_table_lookup (followers, n->id);
      for (guint j = 0; list != NULL && j < list->len; j++)
        g_ptr_array_add (ordered, g_ptr_array_index (list, j));
    }
  g_ptr_array_set_size (box->nodes, 0);
  g_ptr_array_extend_and_steal (box->nodes, g_steal_pointer (&ordered));
}

static int
compare_height (gconstpointer a,
                gconstpointer b)
{
  const Box *x = *(const Box *const *) a;
  const Box *y = *(const Box *const *) b;

  /* Stable (g_ptr_array_sort is), so equal heights keep document order. */
  return (x->h < y->h) - (x->h > y->h);
}

/* Sizes `box` from its nodes and its (already sized) child zones, and places them inside it. */
static void
size_box (Box *box)
{
  guint n = box->nodes->len;
  double pad = box->zone ? BW_ARRANGE_PADDING : 0;
  double header = box->zone ? BW_ZONE_HEADER : 0;
  double area = 0, widest = 0, target, x = 0, y = 0, row_h = 0, zones_w = 0, zones_h = 0;
  double top;
  g_autoptr(GPtrArray) shelf = g_ptr_array_copy (box->zones, NULL, NULL);

  box->columns = n == 0 ? 0 : MIN (n, (guint) ceil (sqrt (n * 1.6)));
  if (n > 0)
    {
      guint rows = (n + box->columns - 1) / box->columns;

      box->nodes_w = box->columns * BW_NODE_WIDTH + (box->columns - 1) * BW_ARRANGE_GAP;
      box->nodes_h = rows * BW_NODE_HEIGHT + (rows - 1) * BW_ARRANGE_GAP;
    }

  for (guint i = 0; i < shelf->len; i++)
    {
      Box *c = g_ptr_array_index (shelf, i);

      area += (c->w + BW_ARRANGE_GAP) * (c->h + BW_ARRANGE_GAP);
      widest = MAX (widest, c->w);
    }
  target = MAX (MAX (box->nodes_w, widest), sqrt (area) * (box->zone ? 1.3 : 1.6));
  g_ptr_array_sort (shelf, compare_height);
  top = n > 0 ? box->nodes_h + BW_ARRANGE_GAP : 0;
  for (guint i = 0; i < shelf->len; i++)
    {
      Box *c = g_ptr_array_index (shelf, i);

      if (x > 0 && x + c->w > target)
        {
          y += row_h + BW_ARRANGE_GAP;
          x = 0;
          row_h = 0;
        }
      c->x = x;
      c->y = top + y;
      x += c->w + BW_ARRANGE_GAP;
      row_h = MAX (row_h, c->h);
      zones_w = MAX (zones_w, x - BW_ARRANGE_GAP);
      zones_h = y + row_h;
    }

  box->content_x = pad;
  box->content_y = header + pad;
  box->w = MAX (box->nodes_w, zones_w) + 2 * pad;
  box->h = header + 2 * pad + (shelf->len > 0 ? top + zones_h : box->nodes_h);
  if (box->zone != NULL)
    {
      box->w = MAX (box->w, BW_NODE_WIDTH + 2 * pad);
      box->h = MAX (box->h, header + BW_NODE_HEIGHT / 2 + 2 * pad);
    }
}

static void
emit (GArray     *out,
      const char *id,
      double      x,
      double      y,
      double      w,
      double      h)
{
  BwArrangeItem item = { id, x, y, w, h };

  g_array_append_val (out, item);
}

GArray *
bw_arrange_compute (BwDocument *doc,
                    BwCatalog  *catalog)
{
  guint n_zones = bw_document_get_n_zones (doc);
  g_autoptr(GHashTable) boxes = g_hash_table_new (g_str_hash, g_str_equal); /* zone id → Box* */
  g_autoptr(GHashTable) zone_of = g_hash_table_new (g_str_hash, g_str_equal); /* node → Box* */
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal); /* node → index */
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new (); /* breadth first, parents first */
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (BwArrangeItem),
                                   n_zones + bw_document_get_n_nodes (doc));
  Box *root = box_new (NULL);

  g_ptr_array_add (all, root);
  for (guint i = 0; i < n_zones; i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      Box *box = box_new (z);

      g_ptr_array_add (all, box);
      g_hash_table_insert (boxes, z->id, box);
    }
  for (guint i = 0; i < n_zones; i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      Box *parent = z->parent ? g_hash_table_lookup (boxes, z->parent) : NULL;

      g_ptr_array_add (parent ? parent->zones : root->zones, g_hash_table_lookup (boxes, z->id));
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      Box *box = n->zone ? g_hash_table_lookup (boxes, n->zone) : NULL;

      if (box == NULL)
        box = root;
      g_ptr_array_add (box->nodes, (gpointer) n);
      g_hash_table_insert (zone_of, n->id, box);
    }

  g_ptr_array_add (order, root);
  for (guint i = 0; i < order->len; i++)
    {
      Box *box = g_ptr_array_index (order, i);

      for (guint j = 0; j < box->zones->len; j++)
        g_ptr_array_add (order, g_ptr_array_index (box->zones, j));
    }

  for (guint i = order->len; i > 0; i--)
    {
      Box *box = g_ptr_array_index (order, i - 1);

      order_nodes (doc, catalog, zone_of, box);
      size_box (box);
    }
  for (guint i = 1; i < order->len; i++)
    {
      Box *box = g_ptr_array_index (order, i);
      Box *parent = box->zone->parent ? g_hash_table_lookup (boxes, box->zone->parent) : root;

      box->x += parent->x + parent->content_x;
      box->y += parent->y + parent->content_y;
    }

  for (guint i = 0; i < n_zones; i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      Box *box = g_hash_table_lookup (boxes, z->id);

      emit (out, z->id, box->x, box->y, box->w, box->h);
    }
  for (guint i = 0; i < all->len; i++)
    {
      Box *box = g_ptr_array_index (all, i);

      for (guint j = 0; j < box->nodes->len; j++)
        {
          const BwNode *n = g_ptr_array_index (box->nodes, j);

          g_hash_table_insert (slots, n->id, GUINT_TO_POINTER (j));
        }
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      Box *box = n->zone ? g_hash_table_lookup (boxes, n->zone) : NULL;
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slots, n->id));

      if (box == NULL)
        box = root;
      emit (out, n->id,
            box->x + box->content_x + (slot % box->columns) * (BW_NODE_WIDTH + BW_ARRANGE_GAP),
            box->y + box->content_y + (slot / box->columns) * (BW_NODE_HEIGHT + BW_ARRANGE_GAP),
            BW_NODE_WIDTH, BW_NODE_HEIGHT);
    }
  return out;
}

void
bw_arrange_apply (BwDocument *doc,
                  BwCatalog  *catalog)
{
  g_autoptr(GArray) items = bw_arrange_compute (doc, catalog);

  for (guint i = 0; i < items->len; i++)
    {
      BwArrangeItem *it = &g_array_index (items, BwArrangeItem, i);

      bw_document_set_geometry (doc, it->id, it->x, it->y, it->w, it->h, NULL);
    }
}

gboolean
bw_arrange_history (BwHistory  *history,
                    BwCatalog  *catalog,
                    GError    **error)
{
  BwDocument *doc = bw_history_get_document (history);
  g_autoptr(GArray) items = bw_arrange_compute (doc, catalog);
  gboolean ok = TRUE;

  /* Each item is placed on its own (placing a zone leaves its contents alone), so the order
   * does not matter; the group makes them one step. */
  bw_history_begin_group (history, _("Arrange"));
  for (guint i = 0; ok && i < items->len; i++)
    {
      BwArrangeItem *it = &g_array_index (items, BwArrangeItem, i);
      const BwZone *z = bw_document_lookup_zone (doc, it->id);
      const BwNode *n = bw_document_lookup_node (doc, it->id);

      if ((z != NULL && (z->x != it->x || z->y != it->y || z->w != it->w || z->h != it->h)) ||
          (n != NULL && (n->x != it->x || n->y != it->y)))
        ok = bw_history_set_geometry (history, it->id, it->x, it->y, it->w, it->h, 0, error);
    }
  bw_history_end_group (history);
  return ok;
}
