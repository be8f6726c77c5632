/* bw-engine-links.c: the engine's adjacency — at each node or zone (by serial), the nodes at the
 * other ends of the edges its rules follow. Built in one pass over the edges into one block of
 * lists (no lookup: the edges know their ends), then kept current edge by edge; an incremental
 * edit gives a list an allocation of its own. And the engine's tables by serial. */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"

/* Tables by serial */

void
bw_engine_slots_set (BwEngineSlots *slots,
                     guint          serial,
                     gpointer       value)
{
  if (serial >= slots->n)
    {
      guint n = MAX (serial + 1, slots->n * 2);

      slots->v = g_renew (gpointer, slots->v, n);
      memset (slots->v + slots->n, 0, (n - slots->n) * sizeof (gpointer));
      slots->n = n;
    }
  slots->v[serial] = value;
}

void
bw_engine_slots_forget (BwEngineSlots  *slots,
                        guint           serial,
                        GDestroyNotify  free_func)
{
  if (serial < slots->n && slots->v[serial] != NULL)
    {
      if (free_func != NULL)
        free_func (slots->v[serial]);
      slots->v[serial] = NULL;
    }
}

void
bw_engine_slots_clear (BwEngineSlots  *slots,
                       GDestroyNotify  free_func)
{
  for (guint i = 0; free_func != NULL && i < slots->n; i++)
    if (slots->v[i] != NULL)
      free_func (slots->v[i]);
  g_clear_pointer (&slots->v, g_free);
  slots->n = 0;
}

/* Links */

static void
free_lists (BwEngineLinks *links)
{
  for (guint k = 0; k < BW_N_LINKS; k++)
    if (links->lists[k].cap > 0)
      g_free (links->lists[k].nodes);
}

void
bw_engine_links_clear (BwEngine *self)
{
  for (guint i = 0; i < self->n_links; i++)
    free_lists (&self->links[i]);
  g_clear_pointer (&self->links, g_free);
  g_clear_pointer (&self->link_nodes, g_free);
  self->n_links = 0;
}

/* The links at serial `serial`, made room for. */
static BwEngineLinks *
links_at (BwEngine *self,
          guint     serial)
{
  if (serial >= self->n_links)
    {
      guint n = MAX (serial + 1, self->n_links + self->n_links / 2);

      self->links = g_renew (BwEngineLinks, self->links, n);
      memset (self->links + self->n_links, 0, (n - self->n_links) * sizeof (BwEngineLinks));
      self->n_links = n;
    }
  return &self->links[serial];
}

void
bw_engine_link_add (BwEngine         *self,
                    BwEngineLinkKind  kind,
                    guint             key,
                    const BwNode     *value)
{
  BwEngineNodeList *list = &links_at (self, key)->lists[kind];

  if (list->len == list->cap || list->cap == 0)
    {
      /* Out of the block (cap 0), or full: storage of its own, doubling. */
      guint cap = MAX (4, list->len * 2);
      const BwNode **nodes = g_new (const BwNode *, cap);

      if (list->len > 0)
        memcpy (nodes, list->nodes, list->len * sizeof (const BwNode *));
      if (list->cap > 0)
        g_free (list->nodes);
      list->nodes = nodes;
      list->cap = cap;
    }
  list->nodes[list->len++] = value;
}

/* One edge's entry goes (another edge between the same ends keeps its own); the order of the
 * others is kept. */
void
bw_engine_link_remove (BwEngine         *self,
                       BwEngineLinkKind  kind,
                       guint             key,
                       const BwNode     *value)
{
  BwEngineNodeList *list = key < self->n_links ? &self->links[key].lists[kind] : NULL;

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (list->nodes[i] == value)
      {
        memmove (list->nodes + i, list->nodes + i + 1,
                 (list->len - i - 1) * sizeof (const BwNode *));
        list->len--;
        break;
      }
}

guint
bw_engine_edge_key (const BwEdge     *edge,
                    BwEngineLinkKind  kind)
{
  switch (kind)
    {
    case BW_LINK_PROTECTS_INTO:
      return edge->to_node != NULL ? edge->to_node->serial : edge->to_zone->serial;
    case BW_LINK_FLOW_INTO:
      return edge->to_node->serial;
    case BW_LINK_TELEMETRY_OUT:
    case BW_LINK_FLOW_OUT:
    default:
      return edge->from_node->serial;
    }
}

const BwNode *
bw_engine_edge_value (const BwEdge     *edge,
                      BwEngineLinkKind  kind)
{
  return kind == BW_LINK_PROTECTS_INTO || kind == BW_LINK_FLOW_INTO ? edge->from_node
                                                                    : edge->to_node;
}

/* The links an edge of its kind makes: up to two. */
static guint
edge_links (const BwEdge     *edge,
            BwEngineLinkKind  kinds[2])
{
  switch (edge->kind)
    {
    case BW_EDGE_PROTECTS:
      kinds[0] = BW_LINK_PROTECTS_INTO;
      return 1;
    case BW_EDGE_TELEMETRY:
      kinds[0] = BW_LINK_TELEMETRY_OUT;
      return 1;
    case BW_EDGE_FLOW:
      kinds[0] = BW_LINK_FLOW_INTO;
      kinds[1] = BW_LINK_FLOW_OUT;
      return 2;
    default:
      return 0;
    }
}

void
bw_engine_links_follow_edge (BwEngine     *self,
                             const BwEdge *edge,
                             gboolean      added)
{
  BwEngineLinkKind kinds[2];
  guint n = edge_links (edge, kinds);

  for (guint k = 0; k < n; k++)
    (added ? bw_engine_link_add : bw_engine_link_remove) (
        self, kinds[k], bw_engine_edge_key (edge, kinds[k]), bw_engine_edge_value (edge, kinds[k]));
}

/* Adjacency of the edges that matter, rebuilt after any edge change: O(edges) once, instead
 * of a scan of every edge for every asset. */
void
bw_engine_ensure_edge_index (BwEngine *self)
{
  BwDocument *doc = self->document;
  guint n_edges = bw_document_get_n_edges (doc);
  guint offset = 0, total = 0;

  if (self->edges_indexed)
    return;
  bw_engine_links_clear (self);
  self->n_links = bw_document_get_serial_bound (doc);
  self->links = g_new0 (BwEngineLinks, MAX (self->n_links, 1));

  /* Counted, then each list given its place in the block, then filled in edge order. */
  for (guint i = 0; i < n_edges; i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);
      BwEngineLinkKind kinds[2];
      guint n = edge_links (e, kinds);

      for (guint k = 0; k < n; k++)
        self->links[bw_engine_edge_key (e, kinds[k])].lists[kinds[k]].len++;
      total += n;
    }
  self->link_nodes = g_new (const BwNode *, MAX (total, 1));
  for (guint i = 0; i < self->n_links; i++)
    for (guint k = 0; k < BW_N_LINKS; k++)
      {
        BwEngineNodeList *list = &self->links[i].lists[k];

        list->nodes = self->link_nodes + offset;
        offset += list->len;
        list->len = 0;
      }
  for (guint i = 0; i < n_edges; i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);
      BwEngineLinkKind kinds[2];
      guint n = edge_links (e, kinds);

      for (guint k = 0; k < n; k++)
        {
          BwEngineNodeList *list = &self->links[bw_engine_edge_key (e, kinds[k])].lists[kinds[k]];

          list->nodes[list->len++] = bw_engine_edge_value (e, kinds[k]);
        }
    }
  self->edges_indexed = TRUE;
}
