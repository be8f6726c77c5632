/* bw-window.c: one document window — header bar, canvas, file actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-window.h"

struct _BwWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
};

G_DEFINE_FINAL_TYPE (BwWindow, bw_window, ADW_TYPE_APPLICATION_WINDOW)

static void
bw_window_class_init (BwWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BwWindow, window_title);
}

static void
bw_window_init (BwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BwWindow *
bw_window_new (BwApplication *application)
{
  return g_object_new (BW_TYPE_WINDOW, "application", application, NULL);
}

void
bw_window_open_file (BwWindow *self,
                     GFile    *file)
{
  g_return_if_fail (BW_IS_WINDOW (self));
}
