/* bw-palette-row.c: a palette row (ui/bw-palette-row.ui). Its drag source offers the stencil id
 * as a string, which the canvas's drop target places. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-palette-row.h"
#include "bw-painter.h"

struct _BwPaletteRow
{
  GtkListBoxRow    parent_instance;

  BwCatalog       *catalog;
  const BwStencil *stencil;

  GtkImage        *icon;
  GtkLabel        *label;
};

G_DEFINE_FINAL_TYPE (BwPaletteRow, bw_palette_row, GTK_TYPE_LIST_BOX_ROW)

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 BwPaletteRow  *self)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, self->stencil->id);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               BwPaletteRow  *self)
{
  g_autofree char *icon_name = bw_stencil_icon_name (self->stencil->icon);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 32,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     GTK_TEXT_DIR_NONE, 0);
  gtk_drag_source_set_icon (source, GDK_PAINTABLE (icon), 16, 16);
}

/* The tooltip is made when asked for: setting a tooltip's text asks the display where the
 * pointer is, a round trip to the X server for each of the palette's rows at start. */
static gboolean
query_tooltip_cb (BwPaletteRow *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autofree char *text = NULL;

  if (self->stencil == NULL)
    return FALSE;
  if (self->stencil->role == BW_ROLE_SERVICE && g_strv_length (self->stencil->capabilities) == 0)
    text = g_strdup_printf (_("%s — adds no mapped ATT&CK coverage"), self->stencil->name);
  else
    text = g_strdup (self->stencil->name);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
bw_palette_row_dispose (GObject *object)
{
  BwPaletteRow *self = BW_PALETTE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_PALETTE_ROW);
  self->stencil = NULL;
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (bw_palette_row_parent_class)->dispose (object);
}

static void
bw_palette_row_class_init (BwPaletteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_palette_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-palette-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BwPaletteRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BwPaletteRow, label);
  gtk_widget_class_bind_template_callback (widget_class, drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
}

static void
bw_palette_row_init (BwPaletteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bw_palette_row_new (BwCatalog       *catalog,
                    const BwStencil *stencil)
{
  BwPaletteRow *self = g_object_new (BW_TYPE_PALETTE_ROW, NULL);
  g_autofree char *icon_name = bw_stencil_icon_name (stencil->icon);

  self->catalog = g_object_ref (catalog);
  self->stencil = stencil;
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->label, stencil->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  stencil->name, -1);
  return GTK_WIDGET (self);
}

const BwStencil *
bw_palette_row_get_stencil (BwPaletteRow *self)
{
  g_return_val_if_fail (BW_IS_PALETTE_ROW (self), NULL);

  return self->stencil;
}
