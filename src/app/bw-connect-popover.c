/* bw-connect-popover.c: "Connect To…": a search entry over a list of the diagram's other nodes,
 * filtered by label as the user types; Enter connects to the first node listed, a click or
 * Enter on a row to that one. The connection is made as a drag from the handle makes it
 * (bw_canvas_connect: the edge kind is the one the two ends' roles call for, one undo step);
 * a refusal goes to the canvas's error signal, which the window shows as a toast. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-canvas-private.h"
#include "bw-connect-popover.h"

struct _BwConnectPopover
{
  GtkPopover      parent_instance;

  BwCanvas       *canvas;   /* not owned: the popover lives inside it */
  char           *source;
  char           *text;     /* case-folded filter text */
  GtkSearchEntry *entry;
  GtkListBox     *list;
  GtkLabel       *empty;
};

G_DEFINE_FINAL_TYPE (BwConnectPopover, bw_connect_popover, GTK_TYPE_POPOVER)

static const char *
row_id (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "bw-node-id");
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  BwConnectPopover *self = user_data;
  const char *folded = g_object_get_data (G_OBJECT (row), "bw-folded");

  return self->text == NULL || *self->text == '\0' || strstr (folded, self->text) != NULL;
}

/* The row Enter connects to is shown selected. */
static void
select_first (BwConnectPopover *self)
{
  GtkListBoxRow *first = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL && first == NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_func (GTK_LIST_BOX_ROW (row), self))
      first = GTK_LIST_BOX_ROW (row);
  gtk_list_box_select_row (self->list, first);
}

static void
update_empty (BwConnectPopover *self)
{
  g_autoptr(GPtrArray) visible = bw_connect_popover_get_visible (self);

  gtk_widget_set_visible (GTK_WIDGET (self->empty), visible->len == 0);
  select_first (self);
}

void
bw_connect_popover_set_filter (BwConnectPopover *self,
                               const char       *text)
{
  g_return_if_fail (BW_IS_CONNECT_POPOVER (self));

  g_free (self->text);
  self->text = text ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (self->list);
  update_empty (self);
}


GPtrArray *
bw_connect_popover_get_visible (BwConnectPopover *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (BW_IS_CONNECT_POPOVER (self), ids);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_func (GTK_LIST_BOX_ROW (row), self))
      g_ptr_array_add (ids, g_strdup (row_id (GTK_LIST_BOX_ROW (row))));
  return ids;
}

const char *
bw_connect_popover_get_source (BwConnectPopover *self)
{
  g_return_val_if_fail (BW_IS_CONNECT_POPOVER (self), NULL);
  return self->source;
}

static char *
connect_to (BwConnectPopover *self,
            const char       *target)
{
  g_autoptr(GError) error = NULL;
  char *id;

  gtk_popover_popdown (GTK_POPOVER (self));
  if (target == NULL || self->canvas == NULL || self->canvas->document == NULL)
    return NULL;
  id = bw_canvas_connect (self->canvas, self->source, target, &error);
  if (id == NULL)
    bw_canvas_emit_error (self->canvas, error);
  else
    bw_canvas_select (self->canvas, id, FALSE);
  return id;
}

char *
bw_connect_popover_activate (BwConnectPopover *self)
{
  g_autoptr(GPtrArray) visible = NULL;

  g_return_val_if_fail (BW_IS_CONNECT_POPOVER (self), NULL);

  visible = bw_connect_popover_get_visible (self);
  if (visible->len == 0)
    return NULL;
  return connect_to (self, g_ptr_array_index (visible, 0));
}

static void
search_changed_cb (BwConnectPopover *self,
                   GtkSearchEntry   *entry)
{
  bw_connect_popover_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (BwConnectPopover *self,
                    GtkSearchEntry   *entry)
{
  /* The text may be newer than the last (delayed) search-changed. */
  bw_connect_popover_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_free (bw_connect_popover_activate (self));
}

static void
stop_search_cb (BwConnectPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
row_activated_cb (BwConnectPopover *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  g_free (connect_to (self, row_id (row)));
}

static gboolean
entry_key_cb (BwConnectPopover *self,
              guint             keyval,
              guint             keycode,
              GdkModifierType   state)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL && (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down);
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_func (GTK_LIST_BOX_ROW (row), self))
      return gtk_widget_grab_focus (row);
  return FALSE;
}

/* One row: the node's label, and its kind's name under it. */
static GtkWidget *
node_row (BwConnectPopover *self,
          const BwNode     *node)
{
  const BwStencil *stencil =
      self->canvas->catalog ? bw_catalog_lookup_stencil (self->canvas->catalog, node->kind) : NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (node->label);
  const BwZone *zone = node->zone ? bw_document_lookup_zone (self->canvas->document, node->zone)
                                   : NULL;
  g_autofree char *about = NULL;
  GtkWidget *kind;

  /* Its kind and zone tell apart two nodes of the same name. */
  about = zone ? g_strdup_printf (C_("kind and zone", "%s · %s"),
                                  stencil ? stencil->name : node->kind, zone->label)
               : g_strdup (stencil ? stencil->name : node->kind);
  kind = gtk_label_new (about);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "bw-node-id", g_strdup (node->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "bw-folded", g_utf8_casefold (node->label, -1), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  node->label, -1);
  return row;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const BwNode *na = *(const BwNode *const *) a;
  const BwNode *nb = *(const BwNode *const *) b;

  return g_utf8_collate (na->label, nb->label);
}

static void
fill (BwConnectPopover *self)
{
  BwDocument *document = self->canvas->document;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (guint i = 0; document != NULL && i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *node = bw_document_get_node (document, i);

      if (g_strcmp0 (node->id, self->source) != 0)
        g_ptr_array_add (nodes, (gpointer) node);
    }
  g_ptr_array_sort (nodes, compare_labels);
  for (guint i = 0; i < nodes->len; i++)
    gtk_list_box_append (self->list, node_row (self, g_ptr_array_index (nodes, i)));
  update_empty (self);
}

static void
bw_connect_popover_finalize (GObject *object)
{
  BwConnectPopover *self = BW_CONNECT_POPOVER (object);

  g_free (self->source);
  g_free (self->text);
  G_OBJECT_CLASS (bw_connect_popover_parent_class)->finalize (object);
}

static void
bw_connect_popover_class_init (BwConnectPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bw_connect_popover_finalize;
}

static void
bw_connect_popover_init (BwConnectPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *controller;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  g_object_set_data (G_OBJECT (self), "bw-heading", heading);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_search_delay (self->entry, 50);
  g_object_set (self->entry, "placeholder-text", _("Type a node’s name"), NULL);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, 300, -1);

  self->empty = GTK_LABEL (gtk_label_new (_("No node has that name")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self), NULL);
  /* Typing in the list goes on in the entry; Down from the entry goes into the list. */
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self->list));
  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);
}

GtkWidget *
bw_connect_popover_new (BwCanvas   *canvas,
                        const char *source)
{
  BwConnectPopover *self = g_object_new (BW_TYPE_CONNECT_POPOVER, NULL);
  GtkWidget *heading = g_object_get_data (G_OBJECT (self), "bw-heading");
  g_autofree char *title = NULL;

  g_return_val_if_fail (BW_IS_CANVAS (canvas), NULL);

  self->canvas = canvas;
  self->source = g_strdup (source);
  /* The heading is plain text: a label may hold “&” or “<”. */
  title = g_strdup_printf (_("Connect “%s” To"),
                           canvas->document ? bw_document_get_label (canvas->document, source)
                                            : source);
  gtk_label_set_text (GTK_LABEL (heading), title);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}
