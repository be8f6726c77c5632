/* bw-palette.c: the stencil palette — every stencil of the catalog with its icon, grouped by
 * family, filtered by a search entry; rows are drag sources and can be activated. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-palette.h"

struct _BwPalette
{
  GtkWidget       parent_instance;

  BwCatalog      *catalog;
  GtkSearchEntry *search;
  GtkListBox     *list;
  char           *filter;  /* case-folded search text */
};

G_DEFINE_FINAL_TYPE (BwPalette, bw_palette, GTK_TYPE_WIDGET)

enum
{
  STENCIL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const BwStencil *
row_stencil (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "bw-stencil");
}

static const BwFamily *
family_of (BwPalette       *self,
           const BwStencil *stencil)
{
  for (guint i = 0; i < bw_catalog_get_n_families (self->catalog); i++)
    {
      const BwFamily *family = bw_catalog_get_family (self->catalog, i);

      if (g_str_equal (family->id, stencil->family))
        return family;
    }
  return NULL;
}

static guint
family_rank (BwPalette       *self,
             const BwStencil *stencil)
{
  for (guint i = 0; i < bw_catalog_get_n_families (self->catalog); i++)
    if (g_str_equal (bw_catalog_get_family (self->catalog, i)->id, stencil->family))
      return i;
  return G_MAXUINT;
}

static int
sort_func (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  BwPalette *self = user_data;
  const BwStencil *sa = row_stencil (a);
  const BwStencil *sb = row_stencil (b);
  guint ra = family_rank (self, sa);
  guint rb = family_rank (self, sb);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_utf8_collate (sa->name, sb->name);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  BwPalette *self = user_data;
  const BwStencil *stencil = row_stencil (row);
  g_autofree char *name = NULL;
  const BwFamily *family;
  g_autofree char *family_name = NULL;

  if (self->filter == NULL || *self->filter == '\0')
    return TRUE;

  name = g_utf8_casefold (stencil->name, -1);
  if (strstr (name, self->filter) != NULL || strstr (stencil->id, self->filter) != NULL)
    return TRUE;
  family = family_of (self, stencil);
  family_name = family ? g_utf8_casefold (family->name, -1) : NULL;
  return family_name != NULL && strstr (family_name, self->filter) != NULL;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  BwPalette *self = user_data;
  const BwStencil *stencil = row_stencil (row);
  GtkWidget *header;
  const BwFamily *family;

  if (before != NULL && g_str_equal (row_stencil (before)->family, stencil->family))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  family = family_of (self, stencil);
  header = gtk_label_new (family ? _(family->name) : stencil->family);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "palette-heading");
  gtk_list_box_row_set_header (row, header);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListBoxRow *row)
{
  const BwStencil *stencil = row_stencil (row);

  return gdk_content_provider_new_typed (G_TYPE_STRING, stencil->id);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkListBoxRow *row)
{
  const BwStencil *stencil = row_stencil (row);
  g_autofree char *icon_name = g_strdup_printf ("%s-symbolic", stencil->icon);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (row)));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 32,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (row)),
                                     GTK_TEXT_DIR_NONE, 0);
  gtk_drag_source_set_icon (source, GDK_PAINTABLE (icon), 16, 16);
}

static GtkWidget *
make_row (BwPalette       *self,
          const BwStencil *stencil)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  g_autofree char *icon_name = g_strdup_printf ("%s-symbolic", stencil->icon);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (stencil->name);
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *tooltip = NULL;

  g_object_set_data (G_OBJECT (row), "bw-stencil", (gpointer) stencil);
  gtk_widget_add_css_class (image, "palette-icon");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (stencil->role == BW_ROLE_SERVICE && g_strv_length (stencil->capabilities) == 0)
    tooltip = g_strdup_printf (_("%s — adds no mapped ATT&CK coverage"), stencil->name);
  else
    tooltip = g_strdup (stencil->name);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  stencil->name, -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  return row;
}

static void
row_activated_cb (BwPalette     *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  g_signal_emit (self, signals[STENCIL_ACTIVATED], 0, row_stencil (row)->id);
}

void
bw_palette_set_filter (BwPalette  *self,
                       const char *text)
{
  g_free (self->filter);
  self->filter = text ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (self->list);
}

static void
search_changed_cb (BwPalette      *self,
                   GtkSearchEntry *entry)
{
  bw_palette_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (BwPalette      *self,
                    GtkSearchEntry *entry)
{
  /* Enter in the search entry places the first match. */
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)) && filter_func (row, self))
        {
          g_signal_emit (self, signals[STENCIL_ACTIVATED], 0, row_stencil (row)->id);
          break;
        }
    }
}

GPtrArray *
bw_palette_get_visible (BwPalette *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (filter_func (row, self))
        g_ptr_array_add (ids, row_stencil (row)->id);
    }
  return ids;
}

static void
bw_palette_dispose (GObject *object)
{
  BwPalette *self = BW_PALETTE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (bw_palette_parent_class)->dispose (object);
}

static void
bw_palette_class_init (BwPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_palette_dispose;

  signals[STENCIL_ACTIVATED] = g_signal_new ("stencil-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwpalette");
}

static void
bw_palette_init (BwPalette *self)
{
  GtkWidget *scrolled;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search stencils"), NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search), 8);
  gtk_widget_set_parent (GTK_WIDGET (self->search), GTK_WIDGET (self));
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stencils"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
}

GtkWidget *
bw_palette_new (BwCatalog *catalog)
{
  BwPalette *self = g_object_new (BW_TYPE_PALETTE, NULL);

  self->catalog = catalog ? g_object_ref (catalog) : NULL;
  if (catalog != NULL)
    {
      for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
        gtk_list_box_append (self->list, make_row (self, bw_catalog_get_stencil (catalog, i)));
      gtk_list_box_set_sort_func (self->list, sort_func, self, NULL);
      gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
      gtk_list_box_set_header_func (self->list, header_func, self, NULL);
    }
  return GTK_WIDGET (self);
}
