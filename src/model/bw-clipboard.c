/* bw-clipboard.c: copy and paste of part of a document, for the canvas and its tests. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-clipboard.h"
#include "bw-document-io.h"
#include "bw-edit-rules.h"

/* The ids taken: those asked for, and every zone inside a taken zone. Nodes inside taken
 * zones are added as the nodes are copied. */
static GHashTable *
taken_set (BwDocument        *doc,
           const char *const *ids)
{
  GHashTable *taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const BwZone *zone = bw_document_lookup_zone (doc, ids[i]);
      const BwNode *node = zone ? NULL : bw_document_lookup_node (doc, ids[i]);

      /* Keys are the document's own strings: they outlive the set. */
      if (zone != NULL)
        g_hash_table_add (taken, zone->id);
      else if (node != NULL)
        g_hash_table_add (taken, node->id);
    }
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);
      GHashTableIter iter;
      const char *id;

      g_hash_table_iter_init (&iter, taken);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        if (bw_document_lookup_zone (doc, id) && bw_document_zone_is_within (doc, z->id, id))
          {
            g_hash_table_add (taken, z->id);
            break;
          }
    }
  return taken;
}

BwDocument *
bw_clipboard_copy (BwDocument        *doc,
                   const char *const *ids)
{
  g_autoptr(GHashTable) taken = NULL;
  BwDocument *copy = bw_document_new ();

  g_return_val_if_fail (BW_IS_DOCUMENT (doc), copy);

  taken = taken_set (doc, ids);
  /* Zones in document order keep parents before children only if the file had them so:
   * add them parentless first, then link the parents that came along. */
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);

      if (g_hash_table_contains (taken, z->id))
        bw_document_add_zone (copy, z->id, z->kind, z->label, NULL, z->x, z->y, z->w, z->h, NULL);
    }
  for (guint i = 0; i < bw_document_get_n_zones (doc); i++)
    {
      const BwZone *z = bw_document_get_zone (doc, i);

      if (g_hash_table_contains (taken, z->id) && z->parent &&
          g_hash_table_contains (taken, z->parent))
        bw_document_set_parent (copy, z->id, z->parent, NULL);
    }
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      gboolean inside = n->zone && g_hash_table_contains (taken, n->zone);

      if (g_hash_table_contains (taken, n->id) || inside)
        {
          g_hash_table_add (taken, n->id);
          bw_document_add_node (copy, n->id, n->kind, n->label, inside ? n->zone : NULL, n->x, n->y,
                                n->props, NULL);
        }
    }
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);

      if (g_hash_table_contains (taken, e->from) && g_hash_table_contains (taken, e->to))
        bw_document_add_edge (copy, e->id, e->kind, e->from, e->to, NULL);
    }
  return copy;
}

char *
bw_clipboard_serialize (BwDocument        *document,
                        const char *const *ids,
                        gsize             *out_length)
{
  g_autoptr(BwDocument) copy = bw_clipboard_copy (document, ids);

  if (bw_document_get_n_zones (copy) == 0 && bw_document_get_n_nodes (copy) == 0)
    return NULL;
  return bw_document_to_data (copy, out_length);
}

BwDocument *
bw_clipboard_parse (const char  *text,
                    gssize       length,
                    GError     **error)
{
  BwDocument *doc;

  g_return_val_if_fail (text != NULL, NULL);

  /* What the parser says about someone's text on the clipboard helps nobody. */
  if ((doc = bw_document_load_from_data (text, length, NULL)) == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The clipboard holds no Bulwark objects"));
  return doc;
}

/* The commands of one paste, inside the history's group. `ids` maps source ids to new ones. */
static gboolean
paste_records (BwHistory   *history,
               BwDocument  *source,
               double       dx,
               double       dy,
               GHashTable  *ids,
               GPtrArray   *added,
               GError     **error)
{
  g_autoptr(GPtrArray) loose = g_ptr_array_new ();

  for (guint i = 0; i < bw_document_get_n_zones (source); i++)
    {
      const BwZone *z = bw_document_get_zone (source, i);
      char *id = bw_history_add_zone (history, z->kind, z->label, NULL, z->x + dx, z->y + dy,
                                      z->w, z->h, error);

      if (id == NULL)
        return FALSE;
      g_hash_table_insert (ids, z->id, id);
      g_ptr_array_add (added, g_strdup (id));
    }
  for (guint i = 0; i < bw_document_get_n_zones (source); i++)
    {
      const BwZone *z = bw_document_get_zone (source, i);

      if (z->parent != NULL &&
          !bw_history_set_parent (history, g_hash_table_lookup (ids, z->id),
                                  g_hash_table_lookup (ids, z->parent), 0, error))
        return FALSE;
    }
  for (guint i = 0; i < bw_document_get_n_nodes (source); i++)
    {
      const BwNode *n = bw_document_get_node (source, i);
      const char *zone = n->zone ? g_hash_table_lookup (ids, n->zone) : NULL;
      char *id = bw_history_add_node_full (history, n->kind, n->label, zone, n->x + dx, n->y + dy,
                                           n->props, error);

      if (id == NULL)
        return FALSE;
      g_hash_table_insert (ids, n->id, id);
      g_ptr_array_add (added, g_strdup (id));
      if (n->zone == NULL)
        g_ptr_array_add (loose, id);
    }
  for (guint i = 0; i < bw_document_get_n_edges (source); i++)
    {
      const BwEdge *e = bw_document_get_edge (source, i);
      g_autofree char *id = bw_history_connect (history, e->kind,
                                                g_hash_table_lookup (ids, e->from),
                                                g_hash_table_lookup (ids, e->to), error);

      if (id == NULL)
        return FALSE;
    }
  /* A zone that came without its parent joins the zone it lands in, beside its original. */
  for (guint i = 0; i < bw_document_get_n_zones (source); i++)
    {
      const BwZone *z = bw_document_get_zone (source, i);
      const char *id = g_hash_table_lookup (ids, z->id);

      if (z->parent == NULL &&
          !bw_history_set_parent (history, id,
                                  bw_edit_rules_zone_for_copy (bw_history_get_document (history),
                                                               id, z->id),
                                  0, error))
        return FALSE;
    }
  /* A node that came without its zone joins the zone it lands in, as a dropped one does. */
  g_ptr_array_add (loose, NULL);
  return bw_history_settle (history, (const char *const *) loose->pdata, 0, error);
}

GPtrArray *
bw_clipboard_paste (BwHistory   *history,
                    BwDocument  *source,
                    double       dx,
                    double       dy,
                    GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  g_return_val_if_fail (BW_IS_HISTORY (history), NULL);
  g_return_val_if_fail (BW_IS_DOCUMENT (source), NULL);

  if (bw_document_get_n_zones (source) == 0 && bw_document_get_n_nodes (source) == 0)
    return g_steal_pointer (&added);

  bw_history_begin_group (history, _("Paste"));
  ok = paste_records (history, source, dx, dy, ids, added, error);
  bw_history_end_group (history);
  if (!ok)
    {
      /* Take back the part that went in; when nothing did, the group left no step, and an
       * undo would take back the edit before. */
      if (added->len > 0)
        bw_history_undo (history);
      return NULL;
    }
  return g_steal_pointer (&added);
}
