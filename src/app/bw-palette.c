/* bw-palette.c: the stencil palette (ui/bw-palette.ui) — every stencil of the catalog as a
 * BwPaletteRow, grouped by family and filtered by a search entry. The rows are made by the list
 * box from a model: the stencil ids, sorted by family and name, then filtered by the search. The
 * catalog is the project's: when the project takes another, the ids are replaced. Before its
 * window first shows, the list box holds only the rows a screen can show; the rest are made
 * once the first frame is drawn. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-palette.h"
#include "bw-palette-row.h"
#include "bw-widgets.h"

struct _BwPalette
{
  GtkWidget           parent_instance;

  BwProject          *project;
  GSignalGroup       *project_signals;
  BwCatalog          *catalog;  /* the project's, as last taken up */
  GtkStringList      *ids;      /* its stencil ids, in catalog order */
  GtkFilterListModel *visible;  /* of GtkStringObject: stencil ids, as the list shows them */
  GtkSliceListModel  *shown;    /* the first of them, or all: what the list box has rows for */
  gulong              painted;  /* after-paint handler that lets the list box have them all */
  GtkFilter          *filter;
  char               *text;     /* case-folded search text */

  GtkSearchEntry     *search;
  GtkWidget          *scrolled;
  GtkListBox         *list;
};

G_DEFINE_FINAL_TYPE (BwPalette, bw_palette, GTK_TYPE_WIDGET)

enum
{
  STENCIL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BwStencil *
item_stencil (BwPalette *self,
              gpointer   item)
{
  return bw_catalog_lookup_stencil (self->catalog, gtk_string_object_get_string (item));
}

static const BwStencil *
row_stencil (GtkListBoxRow *row)
{
  return bw_palette_row_get_stencil (BW_PALETTE_ROW (row));
}

/* The family's position in the catalog (the palette's group order) and the family itself. */
static const BwFamily *
family_of (BwPalette       *self,
           const BwStencil *stencil,
           guint           *rank)
{
  for (guint i = 0; i < bw_catalog_get_n_families (self->catalog); i++)
    {
      const BwFamily *family = bw_catalog_get_family (self->catalog, i);

      if (g_str_equal (family->id, stencil->family))
        {
          if (rank != NULL)
            *rank = i;
          return family;
        }
    }
  if (rank != NULL)
    *rank = G_MAXUINT;
  return NULL;
}

static int
compare_stencils (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  BwPalette *self = user_data;
  const BwStencil *sa = item_stencil (self, (gpointer) a);
  const BwStencil *sb = item_stencil (self, (gpointer) b);
  guint ra;
  guint rb;

  family_of (self, sa, &ra);
  family_of (self, sb, &rb);
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return g_utf8_collate (sa->name, sb->name);
}

/* A stencil matches the search by its name, its id or its family's name. */
static gboolean
matches (gpointer item,
         gpointer user_data)
{
  BwPalette *self = user_data;
  const BwStencil *stencil = item_stencil (self, item);
  g_autofree char *name = NULL;
  const BwFamily *family;
  g_autofree char *family_name = NULL;

  if (self->text == NULL || *self->text == '\0')
    return TRUE;

  name = g_utf8_casefold (stencil->name, -1);
  if (strstr (name, self->text) != NULL || strstr (stencil->id, self->text) != NULL)
    return TRUE;
  family = family_of (self, stencil, NULL);
  family_name = family ? g_utf8_casefold (family->name, -1) : NULL;
  return family_name != NULL && strstr (family_name, self->text) != NULL;
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

  family = family_of (self, stencil, NULL);
  header = gtk_label_new (family ? _(family->name) : stencil->family);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "palette-heading");
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BwPalette *self = user_data;

  return bw_palette_row_new (self->catalog, item_stencil (self, item));
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
  g_return_if_fail (BW_IS_PALETTE (self));

  g_free (self->text);
  self->text = text ? g_utf8_casefold (text, -1) : NULL;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
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
  g_autoptr(GtkStringObject) first = NULL;

  /* Enter in the search entry places the first match. */
  first = g_list_model_get_item (G_LIST_MODEL (self->visible), 0);
  if (first != NULL)
    g_signal_emit (self, signals[STENCIL_ACTIVATED], 0, item_stencil (self, first)->id);
}

void
bw_palette_focus_search (BwPalette *self)
{
  g_return_if_fail (BW_IS_PALETTE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search));
  gtk_editable_select_region (GTK_EDITABLE (self->search), 0, -1);
}

GPtrArray *
bw_palette_get_visible (BwPalette *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (BW_IS_PALETTE (self), ids);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->visible));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->visible), i);

      g_ptr_array_add (ids, item_stencil (self, item)->id);
    }
  return ids;
}

/* The rows a screen can show: a row is more than 28 pixels high. */
static guint
rows_on_screen (BwPalette *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, (guint) geometry.height);
    }
  return height > 0 ? height / 28 + 1 : G_MAXUINT;
}

static void
show_all_rows (BwPalette *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->painted != 0 && clock != NULL)
    g_signal_handler_disconnect (clock, self->painted);
  self->painted = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

static void
after_paint_cb (GdkFrameClock *clock,
                BwPalette     *self)
{
  show_all_rows (self);
}

/* Rows hidden below the first screen need not hold up the window's first frame: until it is
 * drawn, only those a screen can show are made (and styled and measured). */
static void
bw_palette_map (GtkWidget *widget)
{
  BwPalette *self = BW_PALETTE (widget);

  GTK_WIDGET_CLASS (bw_palette_parent_class)->map (widget);
  if (gtk_slice_list_model_get_size (self->shown) != G_MAXUINT && self->painted == 0)
    self->painted = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                      G_CALLBACK (after_paint_cb), self);
}

static void
bw_palette_unmap (GtkWidget *widget)
{
  show_all_rows (BW_PALETTE (widget));
  GTK_WIDGET_CLASS (bw_palette_parent_class)->unmap (widget);
}

static void
bw_palette_dispose (GObject *object)
{
  BwPalette *self = BW_PALETTE (object);

  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_PALETTE);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->ids);
  g_clear_object (&self->visible);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (bw_palette_parent_class)->dispose (object);
}

/* The rows are made for one catalog, and the list box asks about them as they go: they go
 * while it is still the palette's. */
static void
follow_catalog (BwPalette *self)
{
  BwCatalog *catalog = self->project ? bw_project_get_catalog (self->project) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (catalog == self->catalog)
    return;
  /* In a window that has not shown yet, the first screen's rows now, the rest after its first
   * frame (bw_palette_map). */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_slice_list_model_set_size (self->shown, rows_on_screen (self));
  bw_string_list_replace (self->ids, NULL);
  g_set_object (&self->catalog, catalog);
  for (guint i = 0; catalog != NULL && i < bw_catalog_get_n_stencils (catalog); i++)
    g_ptr_array_add (ids, bw_catalog_get_stencil (catalog, i)->id);
  g_ptr_array_add (ids, NULL);
  bw_string_list_replace (self->ids, (const char *const *) ids->pdata);
}

static void
project_catalog_cb (BwPalette  *self,
                    GParamSpec *pspec,
                    BwProject  *project)
{
  follow_catalog (self);
}

BwProject *
bw_palette_get_project (BwPalette *self)
{
  g_return_val_if_fail (BW_IS_PALETTE (self), NULL);

  return self->project;
}

void
bw_palette_set_project (BwPalette *self,
                        BwProject *project)
{
  g_return_if_fail (BW_IS_PALETTE (self));
  g_return_if_fail (project == NULL || BW_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  g_signal_group_set_target (self->project_signals, project);
  follow_catalog (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
bw_palette_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BwPalette *self = BW_PALETTE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_palette_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BwPalette *self = BW_PALETTE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      bw_palette_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_palette_class_init (BwPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_palette_dispose;
  object_class->get_property = bw_palette_get_property;
  object_class->set_property = bw_palette_set_property;
  widget_class->map = bw_palette_map;
  widget_class->unmap = bw_palette_unmap;

  signals[STENCIL_ACTIVATED] = g_signal_new ("stencil-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, BW_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bwpalette");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, BwPalette, search);
  gtk_widget_class_bind_template_child (widget_class, BwPalette, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BwPalette, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

/* The catalog's stencil ids in palette order, filtered by the search text. */
static void
bw_palette_init (BwPalette *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ids = gtk_string_list_new (NULL);
  sorted =
      gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->ids)),
                               GTK_SORTER (gtk_custom_sorter_new (compare_stencils, self, NULL)));
  self->filter = GTK_FILTER (gtk_custom_filter_new (matches, self, NULL));
  self->visible = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (self->filter));
  self->shown =
      gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->visible)), 0, G_MAXUINT);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);

  self->project_signals = g_signal_group_new (BW_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::catalog",
                                  G_CALLBACK (project_catalog_cb), self);
}

GtkWidget *
bw_palette_new (void)
{
  return g_object_new (BW_TYPE_PALETTE, NULL);
}
