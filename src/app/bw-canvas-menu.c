/* bw-canvas-menu.c: what the canvas offers beyond its keys — the context menu (right click,
 * the Menu key or Shift+F10) on a node, zone, edge or the empty canvas; renaming in place
 * (double click or F2) in a small popover over the label; "Connect To…" (Ctrl+L), which picks
 * the target by name; "Move to Zone"; and the connect handle's tooltip. The popovers are
 * children of the canvas, presented on each allocation. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-canvas-private.h"
#include "bw-connect-popover.h"
#include "bw-edit-rules.h"

/* Where an object lies on screen, widget coordinates: a node's card, a zone's header, an edge's
 * middle; the whole canvas's middle for anything else. */
static GdkRectangle
object_rect (BwCanvas   *self,
             const char *id,
             gboolean    label)
{
  const BwLayoutNode *ln = id && self->layout ? bw_layout_lookup_node (self->layout, id) : NULL;
  const BwLayoutZone *lz = id && self->layout ? bw_layout_lookup_zone (self->layout, id) : NULL;
  BwRect r = { 0 };
  double x1, y1, x2, y2;

  if (ln != NULL)
    r = label ? ln->label : ln->rect;
  else if (lz != NULL)
    r = lz->title;
  else
    {
      for (guint i = 0; id && self->layout && i < bw_layout_get_n_edges (self->layout); i++)
        {
          const BwLayoutEdge *le = bw_layout_get_edge (self->layout, i);

          if (g_str_equal (le->edge->id, id))
            r = (BwRect) { (le->x1 + le->x2) / 2, (le->y1 + le->y2) / 2, 0, 0 };
        }
      if (r.w == 0 && r.x == 0 && r.y == 0)
        return (GdkRectangle) { gtk_widget_get_width (GTK_WIDGET (self)) / 2,
                                (int) bw_canvas_usable_height (self) / 2, 1, 1 };
    }
  bw_canvas_diagram_to_widget (self, r.x, r.y, &x1, &y1);
  bw_canvas_diagram_to_widget (self, r.x + r.w, r.y + r.h, &x2, &y2);
  return (GdkRectangle) { (int) x1, (int) y1, MAX (1, (int) (x2 - x1)), MAX (1, (int) (y2 - y1)) };
}

/* Shows `popover` (a child of the canvas from now on, replacing `*slot`) pointing at `rect`. */
static void
popup (BwCanvas           *self,
       GtkWidget         **slot,
       GtkWidget          *popover,
       const GdkRectangle *rect)
{
  if (*slot != NULL)
    gtk_widget_unparent (*slot);
  *slot = popover;
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), rect);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
bw_canvas_menu_present (BwCanvas *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

void
bw_canvas_menu_dispose (BwCanvas *self)
{
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_pointer (&self->connect_popover, gtk_widget_unparent);
  g_clear_pointer (&self->rename_id, g_free);
}

/* The one selected id, or NULL. */
static const char *
single_selected (BwCanvas *self)
{
  GHashTable *set = bw_selection_get_set (self->selection);
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (set) != 1)
    return NULL;
  g_hash_table_iter_init (&iter, set);
  g_hash_table_iter_next (&iter, &key, NULL);
  return key;
}

static gboolean
any_node_selected (BwCanvas *self)
{
  GHashTableIter iter;
  gpointer key;

  if (self->document == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, bw_selection_get_set (self->selection));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (bw_document_lookup_node (self->document, key) != NULL)
      return TRUE;
  return FALSE;
}

void
bw_canvas_menu_update_actions (BwCanvas *self)
{
  const char *one = single_selected (self);
  gboolean node = one && self->document && bw_document_lookup_node (self->document, one);
  gboolean zone = one && self->document && bw_document_lookup_zone (self->document, one);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.rename", node || zone);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.connect-to", node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.move-to-zone",
                                 any_node_selected (self));
  /* A new selection: Tab starts from it again (bw-canvas-edit.c). */
  self->tab_left = FALSE;
}

/* Renaming in place */

static void
rename_activate_cb (BwCanvas *self,
                    GtkEntry *entry)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  const char *id = self->rename_id;

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  if (id == NULL || self->document == NULL || *label == '\0' ||
      g_strcmp0 (label, bw_document_get_label (self->document, id)) == 0)
    return;
  if (!bw_history_set_label (self->history, id, label, &error))
    bw_canvas_emit_error (self, error);
}

static void
popover_closed_cb (BwCanvas *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
bw_canvas_rename (BwCanvas   *self,
                  const char *id)
{
  GtkWidget *popover;
  GtkWidget *entry;
  GdkRectangle rect;

  g_return_if_fail (BW_IS_CANVAS (self));
  if (id == NULL || self->document == NULL ||
      (bw_document_lookup_node (self->document, id) == NULL &&
       bw_document_lookup_zone (self->document, id) == NULL))
    return;

  g_free (self->rename_id);
  self->rename_id = g_strdup (id);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), bw_document_get_label (self->document, id));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (rename_activate_cb), self);
  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "bw-rename");
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);
  rect = object_rect (self, id, TRUE);
  popup (self, &self->rename_popover, popover, &rect);
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);

  bw_canvas_rename (self, single_selected (self));
}

/* Connect To… */

void
bw_canvas_connect_to (BwCanvas   *self,
                      const char *source)
{
  GtkWidget *popover;
  GdkRectangle rect;

  g_return_if_fail (BW_IS_CANVAS (self));
  if (source == NULL || self->document == NULL ||
      bw_document_lookup_node (self->document, source) == NULL)
    return;
  popover = bw_connect_popover_new (self, source);
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);
  rect = object_rect (self, source, FALSE);
  popup (self, &self->connect_popover, popover, &rect);
}

static void
connect_to_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);

  bw_canvas_connect_to (self, single_selected (self));
}

/* Move to Zone: each selected node to the free space of the zone ("": the top level), nearest
 * to the zone's top left, the zone growing when full; one undo step. */
static void
move_to_zone_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  const BwZone *zone = *target ? bw_document_lookup_zone (self->document, target) : NULL;
  g_autoptr(GPtrArray) ids = bw_canvas_get_selection (self);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || (*target && zone == NULL))
    return;
  bw_history_begin_group (self->history, _("Move to Zone"));
  for (guint i = 0; i < ids->len && error == NULL; i++)
    {
      const BwNode *node = bw_document_lookup_node (self->document, ids->pdata[i]);
      double x, y, grow = 0;

      if (node == NULL || g_strcmp0 (node->zone, zone ? zone->id : NULL) == 0)
        continue;
      x = zone ? zone->x : node->x;
      y = zone ? zone->y : node->y;
      bw_edit_rules_place_node (self->document, zone ? zone->id : NULL, NULL, BW_NODE_WIDTH,
                                BW_NODE_HEIGHT, &x, &y, &grow);
      if (grow > 0)
        bw_history_resize (self->history, zone->id, zone->x, zone->y, zone->w, grow, 0, NULL);
      if (bw_history_set_geometry (self->history, node->id, x, y, BW_NODE_WIDTH, BW_NODE_HEIGHT,
                                   0, &error))
        bw_history_set_parent (self->history, node->id, zone ? zone->id : NULL, 0, &error);
    }
  bw_history_end_group (self->history);
  if (error != NULL)
    bw_canvas_emit_error (self, error);
}

/* The context menu */

static GMenuItem *
item (const char *label,
      const char *action,
      const char *accel)
{
  GMenuItem *menu_item = g_menu_item_new (label, action);

  if (accel != NULL)
    g_menu_item_set_attribute (menu_item, "accel", "s", accel);
  return menu_item;
}

static void
append (GMenu      *menu,
        const char *label,
        const char *action,
        const char *accel)
{
  g_autoptr(GMenuItem) menu_item = item (label, action, accel);

  g_menu_append_item (menu, menu_item);
}

/* Zones the selected node could move to: every zone but its own, and the top level. */
static GMenu *
zones_menu (BwCanvas     *self,
            const BwNode *node)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < bw_document_get_n_zones (self->document); i++)
    {
      const BwZone *zone = bw_document_get_zone (self->document, i);
      g_autoptr(GString) label = g_string_new (zone->label);
      g_autoptr(GMenuItem) menu_item = NULL;

      if (g_strcmp0 (zone->id, node->zone) == 0)
        continue;
      /* A menu's label takes "_" as a mnemonic. */
      g_string_replace (label, "_", "__", 0);
      menu_item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target (menu_item, "canvas.move-to-zone", "s", zone->id);
      g_menu_append_item (menu, menu_item);
    }
  if (node->zone != NULL)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (_("_Outside Any Zone"), NULL);

      g_menu_item_set_action_and_target (menu_item, "canvas.move-to-zone", "s", "");
      g_menu_append_item (menu, menu_item);
    }
  return menu;
}

GMenuModel *
bw_canvas_build_context_menu (BwCanvas   *self,
                              const char *id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) last = g_menu_new ();
  const BwNode *node = id && self->document ? bw_document_lookup_node (self->document, id) : NULL;
  const BwZone *zone = id && self->document ? bw_document_lookup_zone (self->document, id) : NULL;

  g_return_val_if_fail (BW_IS_CANVAS (self), G_MENU_MODEL (menu));

  if (id == NULL)
    {
      append (first, _("_Paste"), "canvas.paste", "<Control>v");
      append (first, _("_Add…"), "win.find", "<Control>f");
      append (edit, _("Select _All"), "canvas.select-all", "<Control>a");
      append (edit, _("_Fit to Window"), "win.zoom-fit", "<Control>1");
    }
  else
    {
      if (node != NULL || zone != NULL)
        append (first, _("_Rename…"), "canvas.rename", "F2");
      if (node != NULL)
        {
          g_autoptr(GMenu) zones = zones_menu (self, node);

          append (first, _("_Connect To…"), "canvas.connect-to", "<Control>l");
          if (g_menu_model_get_n_items (G_MENU_MODEL (zones)) > 0)
            g_menu_append_submenu (first, _("_Move to Zone"), G_MENU_MODEL (zones));
        }
      /* A node's or zone's figures are in the Inspector; an edge's kind is set there. */
      if (node != NULL || zone != NULL)
        append (first, _("Show _Coverage"), "win.show-inspector", NULL);
      else
        append (first, _("Show in _Inspector"), "win.show-inspector", NULL);
      if (node != NULL || zone != NULL)
        {
          append (edit, _("Cu_t"), "canvas.cut", "<Control>x");
          append (edit, _("_Copy"), "canvas.copy", "<Control>c");
          append (edit, _("_Duplicate"), "canvas.duplicate", "<Control>d");
        }
      append (last, _("_Delete"), "canvas.delete", "Delete");
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (g_menu_model_get_n_items (G_MENU_MODEL (last)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
  return G_MENU_MODEL (menu);
}

void
bw_canvas_popup_context_menu (BwCanvas   *self,
                              const char *id,
                              double      wx,
                              double      wy)
{
  g_autoptr(GMenuModel) model = bw_canvas_build_context_menu (self, id);
  GtkWidget *menu = gtk_popover_menu_new_from_model (model);
  GdkRectangle rect = { (int) wx, (int) wy, 1, 1 };

  g_return_if_fail (BW_IS_CANVAS (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_popover_set_position (GTK_POPOVER (menu), GTK_POS_BOTTOM);
  popup (self, &self->context_menu, menu, &rect);
}

/* From the keyboard: the menu of the focused or selected object, under it. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwCanvas *self = BW_CANVAS (widget);
  const char *focused = bw_selection_get_focused (self->selection);
  const char *id = focused && bw_selection_contains (self->selection, focused)
                       ? focused
                       : single_selected (self);
  GdkRectangle rect = object_rect (self, id, FALSE);

  bw_canvas_popup_context_menu (self, id, rect.x + rect.width / 2.0, rect.y + rect.height);
}

/* The pointer: a right click selects what it is on (unless it is selected already) and opens
 * its menu; a double click on a node or zone renames it (released_cb). */
static void
pressed_cb (BwCanvas        *self,
            int              n_press,
            double           wx,
            double           wy,
            GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  BwObjectType type = BW_OBJECT_DOCUMENT;
  const char *id;
  double x, y;

  if (self->document == NULL || bw_canvas_strip_contains (self, wx, wy))
    return;
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  id = bw_canvas_hit (self, x, y, &type);
  if (button == GDK_BUTTON_SECONDARY && n_press == 1)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      if (id == NULL)
        bw_canvas_clear_selection (self);
      else if (!bw_selection_contains (self->selection, id))
        bw_canvas_select (self, id, FALSE);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      bw_canvas_popup_context_menu (self, id, wx, wy);
    }
}

/* On release: opened on the press, the popover would lose the keyboard to the release. */
static void
released_cb (BwCanvas        *self,
             int              n_press,
             double           wx,
             double           wy,
             GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  BwObjectType type = BW_OBJECT_DOCUMENT;
  const char *id;
  double x, y;

  if (button != GDK_BUTTON_PRIMARY || n_press != 2 || self->document == NULL ||
      bw_canvas_strip_contains (self, wx, wy))
    return;
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  id = bw_canvas_hit (self, x, y, &type);
  if (id != NULL && (type == BW_OBJECT_NODE || type == BW_OBJECT_ZONE))
    {
      bw_canvas_select (self, id, FALSE);
      bw_canvas_rename (self, id);
    }
}

char *
bw_canvas_get_handle_text (BwCanvas *self,
                           double    wx,
                           double    wy)
{
  double x, y;

  g_return_val_if_fail (BW_IS_CANVAS (self), NULL);

  if (self->layout == NULL || self->drag_mode != DRAG_NONE)
    return NULL;
  bw_canvas_widget_to_diagram (self, wx, wy, &x, &y);
  if (bw_layout_handle_at (self->layout, x, y) == NULL)
    return NULL;
  return g_strdup (_("Drag to connect to another node, or press Ctrl+L to pick it by name"));
}

void
bw_canvas_menu_init (BwCanvas *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

}

void
bw_canvas_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
  gtk_widget_class_install_action (widget_class, "canvas.connect-to", NULL, connect_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "canvas.connect-to", NULL);
  gtk_widget_class_install_action (widget_class, "canvas.move-to-zone", "s", move_to_zone_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL,
                                   context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "canvas.context-menu", NULL);
}
