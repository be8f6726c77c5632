/* bw-window-title.c: the header's title — the file's name, its folder or the project's title
 * beneath — is a button whose popover sets the project's title, as one undo step. */
#include "config.h"

#include "bw-window-private.h"

static void
title_popover_show_cb (GtkPopover *popover,
                       BwWindow   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), bw_project_get_title (self->project));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
title_entry_activate_cb (GtkEntry *entry,
                         BwWindow *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (title, bw_project_get_title (self->project)) != 0 &&
      !bw_history_set_title (bw_project_get_history (self->project), title, &error))
    bw_window_toast (self, error->message);
  gtk_menu_button_popdown (self->title_button);
}

void
bw_window_title_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BwWindow, title_button);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, title_entry);
  gtk_widget_class_bind_template_callback (widget_class, title_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_entry_activate_cb);
}
