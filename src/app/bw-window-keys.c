/* bw-window-keys.c: moving about the window from the keyboard — F6 and Shift+F6 go from pane to
 * pane (palette, canvas, side panel), Ctrl+F puts the focus in the palette's search — and the
 * side panel's page: a selection on the canvas shows the Inspector, unless the user pinned the
 * page they are on (the pin is kept in GSettings) — and the shortcuts window (Ctrl+?). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-palette.h"
#include "bw-window-private.h"

enum
{
  PANE_PALETTE,
  PANE_CANVAS,
  PANE_SIDE,
  N_PANES
};

static GtkWidget *
side_box (BwWindow *self)
{
  return gtk_widget_get_parent (GTK_WIDGET (self->side_stack));
}

static gboolean
pane_shown (BwWindow *self,
            int       pane)
{
  switch (pane)
    {
    case PANE_PALETTE:
      return gtk_toggle_button_get_active (self->palette_button);
    case PANE_SIDE:
      return gtk_toggle_button_get_active (self->sidebar_button);
    default:
      return gtk_widget_get_sensitive (GTK_WIDGET (self->canvas));
    }
}

/* The pane holding the focus, or -1. */
static int
focused_pane (BwWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return -1;
  if (focus == GTK_WIDGET (self->canvas))
    return PANE_CANVAS;
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->palette_box)))
    return PANE_PALETTE;
  if (gtk_widget_is_ancestor (focus, side_box (self)))
    return PANE_SIDE;
  return -1;
}

static gboolean
focus_pane (BwWindow *self,
            int       pane)
{
  switch (pane)
    {
    case PANE_PALETTE:
      bw_palette_focus_search (BW_PALETTE (self->palette));
      return TRUE;
    case PANE_SIDE:
      return gtk_widget_child_focus (side_box (self), GTK_DIR_TAB_FORWARD);
    default:
      return gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

void
bw_window_focus_pane (BwWindow *self,
                      int       step)
{
  int pane = focused_pane (self);

  /* From outside any pane (the header bar), F6 starts on the canvas. */
  if (pane < 0)
    pane = step > 0 ? PANE_PALETTE : PANE_SIDE;
  for (int i = 0; i < N_PANES; i++)
    {
      pane = ((pane + step) % N_PANES + N_PANES) % N_PANES;
      if (pane_shown (self, pane) && focus_pane (self, pane))
        return;
    }
}

static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bw_window_focus_pane (BW_WINDOW (widget), g_str_equal (action_name, "win.focus-next-pane")
                                               ? 1 : -1);
}

/* Ctrl+F: the palette's search, the palette shown first when hidden. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);

  gtk_toggle_button_set_active (self->palette_button, TRUE);
  bw_palette_focus_search (BW_PALETTE (self->palette));
}

/* "Show Coverage" in the canvas's context menu: the selection's figures in the Inspector, the
 * side panel shown first, whatever page was pinned. */
static void
show_inspector_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "inspector");
}

/* A selection made on the canvas (it has the focus: a click, Tab) shows the Inspector unless
 * the page is pinned; one made elsewhere (the Advisor's Apply) leaves the page alone. */
void
bw_window_keys_selection_changed (BwWindow *self,
                                  guint     n_selected)
{
  if (n_selected == 0 || gtk_toggle_button_get_active (self->sidebar_pin) ||
      !gtk_widget_is_focus (GTK_WIDGET (self->canvas)))
    return;
  adw_view_stack_set_visible_child_name (self->side_stack, "inspector");
}

/* Built the first time it is asked for. GTK would build it for every window as the window
 * joins the application, before it maps, were it at gtk/help-overlay.ui under the resource
 * base path (the resource is named help-overlay.ui instead). */
GtkShortcutsWindow *
bw_window_get_help_overlay (BwWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/help-overlay.ui");
      gtk_application_window_set_help_overlay (
          window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  return gtk_application_window_get_help_overlay (window);
}

/* In the window's own action group, where GTK would put its "show-help-overlay": GTK leaves
 * one that is there alone. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      BwWindow      *self)
{
  gtk_window_present (GTK_WINDOW (bw_window_get_help_overlay (self)));
}

void
bw_window_keys_init (BwWindow *self)
{
  g_autoptr(GSimpleAction) help_overlay = g_simple_action_new ("show-help-overlay", NULL);

  g_settings_bind (self->settings, "sidebar-pinned", self->sidebar_pin, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (help_overlay, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay));
}

void
bw_window_keys_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BwWindow, sidebar_pin);

  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", NULL, focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-pane", NULL,
                                   focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-inspector", NULL,
                                   show_inspector_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK,
                                       "win.focus-previous-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find",
                                       NULL);
}
