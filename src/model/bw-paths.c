/* bw-paths.c: breadth-first reachability over flow edges; each path shares the one before it. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-private.h"
#include "bw-paths.h"

void
bw_attack_path_free (BwAttackPath *self)
{
  if (self == NULL)
    return;
  g_free (self->asset);
  g_free (self->weakest);
  g_free (self->entry);
  g_free (self);
}

GPtrArray *
bw_attack_path_get_hops (const BwAttackPath *self)
{
  GPtrArray *hops = g_ptr_array_sized_new (self->n_hops);
  guint k = self->n_hops;

  g_ptr_array_set_size (hops, self->n_hops);
  for (const BwAttackPath *p = self; p != NULL; p = p->via)
    hops->pdata[--k] = p->asset;
  g_assert (k == 1);
  hops->pdata[0] = self->entry;
  return hops;
}

double
bw_asset_ratio (const BwReportAsset *asset)
{
  if (asset->applicable == 0)
    return 1;
  return (asset->covered + 0.5 * asset->partial) / asset->applicable;
}

static gboolean
is_asset (BwCatalog    *catalog,
          const BwNode *node)
{
  const BwStencil *s = node != NULL ? bw_catalog_lookup_stencil (catalog, node->kind) : NULL;

  return s != NULL && s->role == BW_ROLE_ASSET;
}

GPtrArray *
bw_attack_paths (BwCatalog   *catalog,
                 BwDocument  *document,
                 BwReport    *report,
                 const char  *entry,
                 GError     **error)
{
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_ptr_array_unref);
  /* reached asset → its path (the entry → NULL) */
  g_autoptr(GHashTable) path_to = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) figures = g_hash_table_new (g_str_hash, g_str_equal);
  /* the paths with an asset that has figures after the entry */
  g_autoptr(GHashTable) known = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  GPtrArray *out;

  if (!is_asset (catalog, bw_document_lookup_node (document, entry)))
    {
      g_set_error (error, BW_DOCUMENT_EDIT_ERROR, BW_DOCUMENT_EDIT_ERROR_NOT_FOUND,
                   _("No asset “%s” to start from"), entry);
      return NULL;
    }

  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    {
      const BwReportAsset *a = bw_report_get_asset (report, i);

      g_hash_table_insert (figures, (gpointer) a->id, (gpointer) a);
    }
  /* Successors in edge order, so ties between equally near assets follow the document. */
  for (guint i = 0; i < bw_document_get_n_edges (document); i++)
    {
      const BwEdge *e = bw_document_get_edge (document, i);
      GPtrArray *list;

      if (e->kind != BW_EDGE_FLOW)
        continue;
      if ((list = g_hash_table_lookup (next, e->from)) == NULL)
        g_hash_table_insert (next, e->from, (list = g_ptr_array_new ()));
      g_ptr_array_add (list, e->to);
    }

  g_hash_table_insert (path_to, (gpointer) entry, NULL);
  g_ptr_array_add (queue, (gpointer) entry);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_attack_path_free);
  for (guint head = 0; head < queue->len; head++)
    {
      const char *at = g_ptr_array_index (queue, head);
      const BwAttackPath *via = g_hash_table_lookup (path_to, at);
      GPtrArray *list = g_hash_table_lookup (next, at);

      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          const char *to = g_ptr_array_index (list, k);
          const BwReportAsset *a;
          BwAttackPath *path;
          gboolean found = FALSE;

          if (g_hash_table_contains (path_to, to) ||
              !is_asset (catalog, bw_document_lookup_node (document, to)))
            continue;

          path = g_new0 (BwAttackPath, 1);
          path->asset = g_strdup (to);
          path->entry = g_strdup (entry);
          path->via = via;
          path->n_hops = via != NULL ? via->n_hops + 1 : 2;
          /* The entry is already lost; the weakest point is one of the steps after it: the
           * weakest before this step, unless this one is weaker still. */
          if (via != NULL && g_hash_table_contains (known, via))
            {
              path->weakest = g_strdup (via->weakest);
              path->weakest_ratio = via->weakest_ratio;
              path->weakest_gaps = via->weakest_gaps;
              found = TRUE;
            }
          if ((a = g_hash_table_lookup (figures, to)) != NULL &&
              (!found || bw_asset_ratio (a) < path->weakest_ratio))
            {
              g_free (path->weakest);
              path->weakest = g_strdup (to);
              path->weakest_ratio = bw_asset_ratio (a);
              path->weakest_gaps = a->gap;
              found = TRUE;
            }
          if (found)
            g_hash_table_add (known, path);
          else
            {
              path->weakest = g_strdup (to);
              path->weakest_ratio = 1;
            }
          g_hash_table_insert (path_to, (gpointer) to, path);
          g_ptr_array_add (queue, (gpointer) to);
          g_ptr_array_add (out, path);
        }
    }
  return out;
}
