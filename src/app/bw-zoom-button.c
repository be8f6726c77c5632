/* bw-zoom-button.c: the zoom indicator over the canvas, as GNOME's viewers have one — a button
 * showing the zoom ("40%") whose menu fits the diagram, shows it at 100 %, zooms in or out
 * (the window's zoom actions) and shows or hides the canvas's legend. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bw-zoom-button.h"

struct _BwZoomButton
{
  GtkWidget     parent_instance;

  GtkWidget    *button;
  GMenu        *menu;
  GSimpleActionGroup *actions;
  BwCanvas     *canvas;
  GSignalGroup *viewport_signals;
  char         *label;
};

G_DEFINE_FINAL_TYPE (BwZoomButton, bw_zoom_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (BwZoomButton *self)
{
  double zoom = self->canvas ? bw_canvas_get_zoom (self->canvas) : 1;

  g_free (self->label);
  /* TRANSLATORS: the canvas's zoom, as a percentage ("40%"). */
  self->label = g_strdup_printf (_("%.0f%%"), round (zoom * 100));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), self->label);
}

static void
legend_change_state (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  BwZoomButton *self = user_data;

  g_simple_action_set_state (action, state);
  if (self->canvas != NULL)
    bw_canvas_set_show_legend (self->canvas, g_variant_get_boolean (state));
}

BwCanvas *
bw_zoom_button_get_canvas (BwZoomButton *self)
{
  g_return_val_if_fail (BW_IS_ZOOM_BUTTON (self), NULL);

  return self->canvas;
}

void
bw_zoom_button_set_canvas (BwZoomButton *self,
                           BwCanvas     *canvas)
{
  GAction *legend;

  g_return_if_fail (BW_IS_ZOOM_BUTTON (self));
  g_return_if_fail (canvas == NULL || BW_IS_CANVAS (canvas));

  if (!g_set_object (&self->canvas, canvas))
    return;
  g_signal_group_set_target (self->viewport_signals,
                             canvas ? bw_canvas_get_viewport (canvas) : NULL);
  legend = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "legend");
  g_simple_action_set_state (G_SIMPLE_ACTION (legend),
                             g_variant_new_boolean (canvas && bw_canvas_get_show_legend (canvas)));
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

const char *
bw_zoom_button_get_label (BwZoomButton *self)
{
  g_return_val_if_fail (BW_IS_ZOOM_BUTTON (self), NULL);

  return self->label;
}

GMenuModel *
bw_zoom_button_get_menu (BwZoomButton *self)
{
  g_return_val_if_fail (BW_IS_ZOOM_BUTTON (self), NULL);

  return G_MENU_MODEL (self->menu);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

static GMenu *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();
  g_autoptr(GMenu) steps = g_menu_new ();
  g_autoptr(GMenu) legend = g_menu_new ();

  append_item (view, _("Zoom to _Fit"), "win.zoom-fit", "<Control>1");
  append_item (view, _("_Original Size (100 %)"), "win.zoom-reset", "<Control>0");
  append_item (steps, _("Zoom _In"), "win.zoom-in", "<Control>plus");
  append_item (steps, _("Zoom O_ut"), "win.zoom-out", "<Control>minus");
  append_item (legend, _("Show _Legend"), "zoom.legend", NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (steps));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (legend));
  return menu;
}

/* The popover is made as the menu first opens: given the model, the button would make it at
 * once, with a button and more for every item, before the window first shows. */
static void
create_popup (GtkMenuButton *button,
              gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

static void
bw_zoom_button_dispose (GObject *object)
{
  BwZoomButton *self = BW_ZOOM_BUTTON (object);

  if (self->viewport_signals != NULL)
    g_signal_group_set_target (self->viewport_signals, NULL);
  g_clear_object (&self->viewport_signals);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (bw_zoom_button_parent_class)->dispose (object);
}

static void
bw_zoom_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BwZoomButton *self = BW_ZOOM_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_zoom_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BwZoomButton *self = BW_ZOOM_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      bw_zoom_button_set_canvas (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_zoom_button_class_init (BwZoomButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_zoom_button_dispose;
  object_class->get_property = bw_zoom_button_get_property;
  object_class->set_property = bw_zoom_button_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, BW_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bwzoombutton");
}

static void
bw_zoom_button_init (BwZoomButton *self)
{
  static const GActionEntry entries[] = {
    { "legend", NULL, NULL, "true", legend_change_state },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "zoom", G_ACTION_GROUP (self->actions));

  self->menu = build_menu ();
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popup,
                                         self->menu, NULL);
  gtk_menu_button_set_direction (GTK_MENU_BUTTON (self->button), GTK_ARROW_DOWN);
  gtk_widget_set_tooltip_text (self->button, _("Zoom"));
  gtk_widget_add_css_class (self->button, "osd");
  gtk_widget_add_css_class (self->button, "zoom-indicator");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  self->viewport_signals = g_signal_group_new (BW_TYPE_VIEWPORT);
  g_signal_group_connect_swapped (self->viewport_signals, "notify::zoom",
                                  G_CALLBACK (update_label), self);
  update_label (self);
}

GtkWidget *
bw_zoom_button_new (void)
{
  return g_object_new (BW_TYPE_ZOOM_BUTTON, NULL);
}
