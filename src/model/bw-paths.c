/* bw-paths.c: breadth-first reachability over flow edges. */
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
  g_ptr_array_unref (self->hops);
  g_free (self->weakest);
  g_free (self);
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
  g_autoptr(GHashTable) parent = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) figures = g_hash_table_new (g_str_hash, g_str_equal);
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

  g_hash_table_insert (parent, (gpointer) entry, NULL);
  g_ptr_array_add (queue, (gpointer) entry);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_attack_path_free);
  for (guint head = 0; head < queue->len; head++)
    {
      const char *at = g_ptr_array_index (queue, head);
      GPtrArray *list = g_hash_table_lookup (next, at);

      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          const char *to = g_ptr_array_index (list, k);
          BwAttackPath *path;
          g_autoptr(GPtrArray) reversed = g_ptr_array_new ();

          if (g_hash_table_contains (parent, to) ||
              !is_asset (catalog, bw_document_lookup_node (document, to)))
            continue;
          g_hash_table_insert (parent, (gpointer) to, (gpointer) at);
          g_ptr_array_add (queue, (gpointer) to);

          path = g_new0 (BwAttackPath, 1);
          path->asset = g_strdup (to);
          path->hops = g_ptr_array_new_with_free_func (g_free);
          for (const char *p = to; p != NULL; p = g_hash_table_lookup (parent, p))
            g_ptr_array_add (reversed, (gpointer) p);
          path->weakest_ratio = G_MAXDOUBLE;
          for (guint r = reversed->len; r-- > 0;)
            {
              const char *hop = g_ptr_array_index (reversed, r);
              const BwReportAsset *a = g_hash_table_lookup (figures, hop);

              g_ptr_array_add (path->hops, g_strdup (hop));
              /* The entry is already lost; the weakest point is one of the steps after it. */
              if (r + 1 < reversed->len && a != NULL && bw_asset_ratio (a) < path->weakest_ratio)
                {
                  g_free (path->weakest);
                  path->weakest = g_strdup (hop);
                  path->weakest_ratio = bw_asset_ratio (a);
                  path->weakest_gaps = a->gap;
                }
            }
          if (path->weakest == NULL)
            {
              path->weakest = g_strdup (to);
              path->weakest_ratio = 1;
            }
          g_ptr_array_add (out, path);
        }
    }
  return out;
}
