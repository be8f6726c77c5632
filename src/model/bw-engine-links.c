/* bw-engine-links.c: the engine's adjacency — at each node or zone, the ids at the other ends of
 * the edges its rules follow. Built in one pass over the edges into one block of lists (two
 * allocations, whatever the size), then kept current edge by edge; an incremental edit gives
 * a list an allocation of its own. */
#include "config.h"

#include <string.h>

#include "bw-engine-private.h"

/* The lists that were given their own storage, and the keys added since the last build. */
static void
free_lists (BwEngineLinks *links)
{
  for (guint k = 0; k < BW_N_LINKS; k++)
    if (links->lists[k].cap > 0)
      g_free (links->lists[k].ids);
}

void
bw_engine_links_clear (BwEngine *self)
{
  g_hash_table_remove_all (self->links);
  g_string_chunk_clear (self->link_keys);
  for (guint i = 0; i < self->n_link_slab; i++)
    free_lists (&self->link_slab[i]);
  g_clear_pointer (&self->link_slab, g_free);
  g_clear_pointer (&self->link_ids, g_free);
  self->n_link_slab = 0;
  for (guint i = 0; i < self->link_extra->len; i++)
    free_lists (g_ptr_array_index (self->link_extra, i));
  g_ptr_array_set_size (self->link_extra, 0);
}

void
bw_engine_link_add (BwEngine         *self,
                    BwEngineLinkKind  kind,
                    const char       *key,
                    const char       *value)
{
  BwEngineLinks *links = g_hash_table_lookup (self->links, key);
  BwEngineIds *list;

  if (links == NULL)
    {
      links = g_new0 (BwEngineLinks, 1);
      g_ptr_array_add (self->link_extra, links);
      g_hash_table_insert (self->links, g_string_chunk_insert (self->link_keys, key), links);
    }
  list = &links->lists[kind];
  if (list->len == list->cap || list->cap == 0)
    {
      /* Out of the block (cap 0), or full: storage of its own, doubling. */
      guint cap = MAX (4, list->len * 2);
      const char **ids = g_new (const char *, cap);

      if (list->len > 0)
        memcpy (ids, list->ids, list->len * sizeof (const char *));
      if (list->cap > 0)
        g_free (list->ids);
      list->ids = ids;
      list->cap = cap;
    }
  list->ids[list->len++] = value;
}

/* `value` is the very string the edge holds, so identity finds it; the order of the others is
 * kept. */
void
bw_engine_link_remove (BwEngine         *self,
                       BwEngineLinkKind  kind,
                       const char       *key,
                       const char       *value)
{
  BwEngineLinks *links = g_hash_table_lookup (self->links, key);
  BwEngineIds *list = links != NULL ? &links->lists[kind] : NULL;

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (list->ids[i] == value)
      {
        memmove (list->ids + i, list->ids + i + 1, (list->len - i - 1) * sizeof (const char *));
        list->len--;
        break;
      }
}

typedef struct
{
  guint            key;   /* index into the block */
  BwEngineLinkKind kind;
  const char      *value;
} LinkEnd;

static void
add_end (BwEngine   *self,
         GArray     *ends,
         const char *key,
         BwEngineLinkKind kind,
         const char *value)
{
  gpointer found = g_hash_table_lookup (self->links, key);
  guint index;

  /* While the block is built the table holds each key's index + 1. */
  if (found == NULL)
    {
      index = self->n_link_slab++;
      g_hash_table_insert (self->links, g_string_chunk_insert (self->link_keys, key),
                           GUINT_TO_POINTER (index + 1));
    }
  else
    index = GPOINTER_TO_UINT (found) - 1;
  g_array_append_vals (ends, &(LinkEnd) { index, kind, value }, 1);
}

/* Adjacency of the edges that matter, rebuilt after any edge change: O(edges) once, instead
 * of a scan of every edge for every asset. */
void
bw_engine_ensure_edge_index (BwEngine *self)
{
  BwDocument *doc = self->document;
  guint n_edges = bw_document_get_n_edges (doc);
  g_autoptr(GArray) ends = NULL;
  GHashTableIter iter;
  gpointer value;
  guint offset = 0;

  if (self->edges_indexed)
    return;
  bw_engine_links_clear (self);
  ends = g_array_sized_new (FALSE, FALSE, sizeof (LinkEnd), n_edges + n_edges / 4);
  for (guint i = 0; i < n_edges; i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (e->kind == BW_EDGE_PROTECTS)
        add_end (self, ends, e->to, BW_LINK_PROTECTS_INTO, e->from);
      else if (e->kind == BW_EDGE_TELEMETRY)
        add_end (self, ends, e->from, BW_LINK_TELEMETRY_OUT, e->to);
      else if (e->kind == BW_EDGE_FLOW)
        {
          add_end (self, ends, e->to, BW_LINK_FLOW_INTO, e->from);
          add_end (self, ends, e->from, BW_LINK_FLOW_OUT, e->to);
        }
    }

  /* Counted, then each list given its place in the block, then filled in edge order. */
  self->link_slab = g_new0 (BwEngineLinks, MAX (self->n_link_slab, 1));
  self->link_ids = g_new (const char *, MAX (ends->len, 1));
  for (guint i = 0; i < ends->len; i++)
    {
      const LinkEnd *end = &g_array_index (ends, LinkEnd, i);

      self->link_slab[end->key].lists[end->kind].len++;
    }
  for (guint i = 0; i < self->n_link_slab; i++)
    for (guint k = 0; k < BW_N_LINKS; k++)
      {
        BwEngineIds *list = &self->link_slab[i].lists[k];

        list->ids = self->link_ids + offset;
        offset += list->len;
        list->len = 0;
      }
  for (guint i = 0; i < ends->len; i++)
    {
      const LinkEnd *end = &g_array_index (ends, LinkEnd, i);
      BwEngineIds *list = &self->link_slab[end->key].lists[end->kind];

      list->ids[list->len++] = end->value;
    }
  g_hash_table_iter_init (&iter, self->links);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_iter_replace (&iter, &self->link_slab[GPOINTER_TO_UINT (value) - 1]);
  self->edges_indexed = TRUE;
}
