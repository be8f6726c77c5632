/* bw-window-state.c: keeps the window's size and maximised state in GSettings, and offers the
 * recently used projects in the primary menu. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-window-private.h"

void
bw_window_save_state (BwWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
recent_changed_cb (BwWindow   *self,
                   const char *key,
                   GSettings  *settings)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-files");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  bw_application_open_file (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file,
                            GTK_WINDOW (self));
}

void
bw_window_state_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BwWindow, recent_section);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

void
bw_window_restore_state (BwWindow *self)
{
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (recent_changed_cb),
                           self, G_CONNECT_SWAPPED);
  recent_changed_cb (self, NULL, self->settings);

  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
