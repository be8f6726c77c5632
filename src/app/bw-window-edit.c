/* bw-window-edit.c: copy, cut, paste and duplicate. The clipboard carries a small Bulwark
 * project holding the selection, so pasting into another window — or a text editor — works. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-io.h"
#include "bw-window-private.h"

#define PASTE_OFFSET 32.0

/* A new document with the selected zones and nodes, everything inside selected zones, and the
 * edges whose two ends are both taken. */
BwDocument *
bw_window_copy_selection (BwWindow *self)
{
  g_autoptr(GPtrArray) selection = bw_canvas_get_selection (self->canvas);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  BwDocument *doc = self->document;
  BwDocument *copy = bw_document_new ();

  for (guint i = 0; i < selection->len; i++)
    g_hash_table_add (taken, g_ptr_array_index (selection, i));
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

      if (g_hash_table_contains (taken, z->id) && z->parent && g_hash_table_contains (taken, z->parent))
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

/* Adds everything in `source` to the window's document as one undoable step, with fresh ids,
 * shifted by (dx, dy), into `into` where it had no zone of its own; selects what was added. */
gboolean
bw_window_paste_document (BwWindow    *self,
                          BwDocument  *source,
                          double       dx,
                          double       dy,
                          GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean ok = TRUE;

  if (bw_document_get_n_zones (source) == 0 && bw_document_get_n_nodes (source) == 0)
    return TRUE;

  bw_history_begin_group (self->history, _("Paste"));
  for (guint i = 0; ok && i < bw_document_get_n_zones (source); i++)
    {
      const BwZone *z = bw_document_get_zone (source, i);
      char *id = bw_history_add_zone (self->history, z->kind, z->label, NULL, z->x + dx, z->y + dy,
                                      z->w, z->h, error);

      ok = id != NULL;
      if (ok)
        g_hash_table_insert (ids, z->id, id);
    }
  for (guint i = 0; ok && i < bw_document_get_n_zones (source); i++)
    {
      const BwZone *z = bw_document_get_zone (source, i);

      if (z->parent != NULL)
        ok = bw_history_set_parent (self->history, g_hash_table_lookup (ids, z->id),
                                    g_hash_table_lookup (ids, z->parent), 0, error);
    }
  for (guint i = 0; ok && i < bw_document_get_n_nodes (source); i++)
    {
      const BwNode *n = bw_document_get_node (source, i);
      const char *zone = n->zone ? g_hash_table_lookup (ids, n->zone) : NULL;
      char *id = bw_history_add_node_full (self->history, n->kind, n->label, zone, n->x + dx,
                                           n->y + dy, n->props, error);

      ok = id != NULL;
      if (ok)
        g_hash_table_insert (ids, n->id, id);
    }
  for (guint i = 0; ok && i < bw_document_get_n_edges (source); i++)
    {
      const BwEdge *e = bw_document_get_edge (source, i);
      char *id = bw_history_connect (self->history, e->kind, g_hash_table_lookup (ids, e->from),
                                     g_hash_table_lookup (ids, e->to), error);

      ok = id != NULL;
      g_free (id);
    }
  bw_history_end_group (self->history);

  if (!ok)
    {
      /* Take back the part that went in. */
      bw_history_undo (self->history);
      return FALSE;
    }

  bw_canvas_clear_selection (self->canvas);
  {
    GHashTableIter iter;
    const char *new_id;

    g_hash_table_iter_init (&iter, ids);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &new_id))
      bw_canvas_select (self->canvas, new_id, TRUE);
  }
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  g_autoptr(BwDocument) copy = bw_window_copy_selection (self);
  g_autofree char *text = NULL;

  if (bw_document_get_n_zones (copy) == 0 && bw_document_get_n_nodes (copy) == 0)
    return;
  text = bw_document_to_data (copy, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  if (g_str_equal (action_name, "win.cut"))
    gtk_widget_activate_action (widget, "win.delete", NULL);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(BwDocument) pasted = NULL;

  if (text == NULL)
    return;
  pasted = bw_document_load_from_data (text, -1, &error);
  if (pasted == NULL)
    {
      bw_window_toast (self, _("The clipboard holds no Bulwark objects"));
      return;
    }
  if (!bw_window_paste_document (self, pasted, PASTE_OFFSET, PASTE_OFFSET, &error))
    bw_window_toast (self, error->message);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_text_cb,
                                 g_object_ref (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  g_autoptr(BwDocument) copy = bw_window_copy_selection (self);
  g_autoptr(GError) error = NULL;

  if (!bw_window_paste_document (self, copy, PASTE_OFFSET, PASTE_OFFSET, &error))
    bw_window_toast (self, error->message);
}

void
bw_window_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.cut", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
}
