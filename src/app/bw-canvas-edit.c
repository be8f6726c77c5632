/* bw-canvas-edit.c: the canvas's edits — move, connect, copy and paste — and its own commands —
 * delete, select all, copy, cut, paste, duplicate, nudge, step the focus — as actions of the
 * canvas with their keys beside them. The keys are the
 * canvas's, not the application's, so they never fire while a text field has the focus: there,
 * Delete deletes a character and Ctrl+A selects the text. What a copy holds and what a paste
 * adds is the model's (bw-clipboard); the canvas moves the text to and from the clipboard and
 * selects what was pasted. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-canvas-private.h"
#include "bw-clipboard.h"
#include "bw-edit-rules.h"

static GPtrArray *
selection_ids (BwCanvas *self)
{
  GPtrArray *ids = bw_canvas_get_selection (self);

  g_ptr_array_add (ids, NULL);
  return ids;
}

BwDocument *
bw_canvas_copy_selection (BwCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  if (self->document == NULL)
    return bw_document_new ();
  ids = selection_ids (self);
  return bw_clipboard_copy (self->document, (const char *const *) ids->pdata);
}

gboolean
bw_canvas_paste_document (BwCanvas    *self,
                          BwDocument  *source,
                          double       dx,
                          double       dy,
                          GError     **error)
{
  g_autoptr(GPtrArray) added = NULL;

  if (self->history == NULL)
    return TRUE;
  if ((added = bw_clipboard_paste (self->history, source, dx, dy, error)) == NULL)
    return FALSE;
  if (added->len == 0)
    return TRUE;
  bw_canvas_clear_selection (self);
  g_ptr_array_add (added, NULL);
  bw_selection_add (self->selection, (const char *const *) added->pdata);
  return TRUE;
}

/* The objects a move applies to: selected zones and nodes, minus those inside a moved zone
 * (the history moves a zone's contents with it). */
GPtrArray *
bw_canvas_movable_selection (BwCanvas *self)
{
  g_autoptr(GPtrArray) all = bw_canvas_get_selection (self);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < all->len; i++)
    {
      const char *id = g_ptr_array_index (all, i);
      const BwNode *node = bw_document_lookup_node (self->document, id);
      const BwZone *zone = bw_document_lookup_zone (self->document, id);
      const char *container = node ? node->zone : zone ? zone->parent : NULL;
      gboolean inside_moved = FALSE;

      if (node == NULL && zone == NULL)
        continue;
      for (guint j = 0; container != NULL && j < all->len; j++)
        {
          const char *other = g_ptr_array_index (all, j);

          if (bw_document_lookup_zone (self->document, other) != NULL &&
              bw_document_zone_is_within (self->document, container, other))
            inside_moved = TRUE;
        }
      if (!inside_moved)
        g_ptr_array_add (ids, g_strdup (id));
    }
  return ids;
}

/* A drag or nudge ends: what moved joins the zone it now lies in, in the move's undo step. */
void
bw_canvas_settle_selection (BwCanvas *self,
                            guint     merge_id)
{
  g_autoptr(GPtrArray) ids = bw_canvas_movable_selection (self);
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      const BwZone *zone = bw_document_lookup_zone (self->document, ids->pdata[i]);

      g_ptr_array_add (parents, zone ? g_strdup (zone->parent) : NULL);
    }
  g_ptr_array_add (ids, NULL);
  if (!bw_history_settle (self->history, (const char *const *) ids->pdata, merge_id, &error))
    bw_canvas_emit_error (self, error);
  /* A zone that went into another is said, so that it does not happen unseen. */
  for (guint i = 0; i < parents->len; i++)
    {
      const BwZone *zone = bw_document_lookup_zone (self->document, ids->pdata[i]);

      if (zone != NULL && zone->parent != NULL &&
          g_strcmp0 (zone->parent, parents->pdata[i]) != 0)
        bw_canvas_emit_zone_reparented (self, zone->id, zone->parent);
    }
}

gboolean
bw_canvas_move_selection (BwCanvas  *self,
                          double     dx,
                          double     dy,
                          guint      merge_id,
                          GError   **error)
{
  g_autoptr(GPtrArray) ids = bw_canvas_movable_selection (self);

  if (ids->len == 0)
    return TRUE;
  g_ptr_array_add (ids, NULL);
  if (!bw_history_move (self->history, (const char *const *) ids->pdata, dx, dy, merge_id, error))
    return FALSE;
  /* With a merge_id the re-parenting joins the move's undo step. */
  bw_canvas_settle_selection (self, merge_id);
  return TRUE;
}

char *
bw_canvas_connect (BwCanvas   *self,
                   const char *from,
                   const char *to,
                   GError    **error)
{
  BwEdgeKind kind;

  if (!bw_edit_rules_edge_kind_for (self->catalog, self->document, from, to, &kind, error))
    return NULL;
  return bw_history_connect (self->history, kind, from, to, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);
  g_autoptr(GPtrArray) ids = bw_canvas_get_selection (self);
  g_autoptr(GError) error = NULL;

  if (ids->len == 0 || self->history == NULL)
    return;
  g_ptr_array_add (ids, NULL);
  if (!bw_history_remove (self->history, (const char *const *) ids->pdata, &error))
    bw_canvas_emit_error (self, error);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bw_canvas_select_all (BW_CANVAS (widget));
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  bw_canvas_clear_selection (BW_CANVAS (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;
  ids = selection_ids (self);
  if ((text = bw_clipboard_serialize (self->document, (const char *const *) ids->pdata, NULL)) ==
      NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  if (g_str_equal (action_name, "canvas.cut"))
    gtk_widget_activate_action (widget, "canvas.delete", NULL);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BwCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(BwDocument) pasted = NULL;

  if (text == NULL)
    return;
  if ((pasted = bw_clipboard_parse (text, -1, &error)) == NULL ||
      !bw_canvas_paste_document (self, pasted, BW_CLIPBOARD_OFFSET, BW_CLIPBOARD_OFFSET, &error))
    bw_canvas_emit_error (self, error);
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
  BwCanvas *self = BW_CANVAS (widget);
  g_autoptr(BwDocument) copy = bw_canvas_copy_selection (self);
  g_autoptr(GError) error = NULL;

  if (!bw_canvas_paste_document (self, copy, BW_CLIPBOARD_OFFSET, BW_CLIPBOARD_OFFSET, &error))
    bw_canvas_emit_error (self, error);
}

/* Arrow presses on one selection are one undo step. */
static gboolean
nudge_selection (BwCanvas  *self,
                 double     dx,
                 double     dy,
                 GError   **error)
{
  g_autoptr(GPtrArray) ids = bw_canvas_movable_selection (self);

  if (ids->len == 0)
    return TRUE;
  g_ptr_array_add (ids, NULL);
  return bw_history_nudge (self->history, (const char *const *) ids->pdata, dx, dy, error);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (self->document != NULL && !nudge_selection (self, dx, dy, &error))
    bw_canvas_emit_error (self, error);
}

/* Focuses the next (step 1) or previous (-1) node. Past the last node (before the first),
 * with `leave`, it focuses nothing and returns FALSE: Tab goes on to the next widget. */
static gboolean
focus_step (BwCanvas *self,
            int       step,
            gboolean  leave)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const BwNode *node;
  guint n;
  int index = -1;
  const char *focused = self->tab_left ? NULL : bw_selection_get_focused (self->selection);
  BwRect rect;

  if (self->document == NULL || (n = bw_document_get_n_nodes (self->document)) == 0)
    return FALSE;
  for (guint i = 0; i < n && focused != NULL; i++)
    if (g_str_equal (bw_document_get_node (self->document, i)->id, focused))
      index = (int) i;
  if (leave && index >= 0 && (index + step >= (int) n || index + step < 0))
    {
      self->tab_left = TRUE;
      return FALSE;
    }
  index = index < 0 ? (step > 0 ? 0 : (int) n - 1) : ((index + step) % (int) n + (int) n) % (int) n;
  node = bw_document_get_node (self->document, index);
  bw_canvas_select (self, node->id, FALSE);

  /* Bring the focused node into view. */
  rect = (BwRect) { node->x, node->y, BW_NODE_WIDTH, BW_NODE_HEIGHT };
  bw_viewport_show_rect (self->viewport, &rect, gtk_widget_get_width (widget),
                         bw_canvas_usable_height (self));
  return TRUE;
}

static void
focus_step_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  focus_step (BW_CANVAS (widget), g_str_equal (action_name, "canvas.focus-next") ? 1 : -1, FALSE);
}

/* Tab and Shift+Tab: from node to node, then on out of the canvas to the next widget (the
 * canvas moves the focus itself: Shift+Tab matches two bindings, and the second must not step
 * back into the nodes). */
static gboolean
tab_shortcut (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  int step = g_variant_get_int32 (args);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkDirectionType direction = step > 0 ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD;

  if (focus_step (BW_CANVAS (widget), step, TRUE) || root == NULL)
    return TRUE;
  if (!gtk_widget_child_focus (root, direction))
    {
      /* Past the window's last widget: round to its first. */
      gtk_root_set_focus (GTK_ROOT (root), NULL);
      gtk_widget_child_focus (root, direction);
    }
  return TRUE;
}

/* What needs a selection is enabled only with one, so its key falls through otherwise. */
void
bw_canvas_update_actions (BwCanvas *self)
{
  gboolean any = bw_selection_get_size (self->selection) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.copy", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cut", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.duplicate", any);
  bw_canvas_menu_update_actions (self);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  double          dx,
                  double          dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "canvas.move", "(dd)",
                                       dx * BW_CANVAS_GRID, dy * BW_CANVAS_GRID);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK, "canvas.move", "(dd)",
                                       dx, dy);
}

void
bw_canvas_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);

  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "canvas.select-all", NULL);
  gtk_widget_class_install_action (widget_class, "canvas.clear-selection", NULL,
                                   clear_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.clear-selection",
                                       NULL);

  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "canvas.duplicate", NULL);

  /* Arrows nudge by a grid step, with Shift by one unit. */
  gtk_widget_class_install_action (widget_class, "canvas.move", "(dd)", move_action);
  add_move_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, 0, 1);

  gtk_widget_class_install_action (widget_class, "canvas.focus-next", NULL, focus_step_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, tab_shortcut, "i", 1);
  gtk_widget_class_install_action (widget_class, "canvas.focus-previous", NULL, focus_step_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, tab_shortcut,
                                "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, tab_shortcut, "i", -1);
}
