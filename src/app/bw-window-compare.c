/* bw-window-compare.c: Compare With… and Compare With Saved Version — what the open document
 * changes in coverage against another version of the project. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-diff-dialog.h"
#include "bw-window-private.h"

static BwDiffDialog *
compare (BwWindow   *self,
         GFile      *file,
         const char *before_name,
         const char *after_name)
{
  BwDiffDialog *dialog;

  dialog = bw_diff_dialog_new (GTK_WINDOW (self), bw_project_get_catalog (self->project), file,
                               before_name, bw_project_get_document (self->project), after_name);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

BwDiffDialog *
bw_window_compare_with (BwWindow *self,
                        GFile    *file)
{
  g_return_val_if_fail (BW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return compare (self, file, NULL, bw_project_get_display_name (self->project));
}

static void
compare_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bw_window_compare_with (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkFileChooserNative *chooser = bw_window_chooser_new (BW_WINDOW (widget), _("Compare With"),
                                                         _("_Compare"), NULL,
                                                         &bw_window_project_type);

  g_signal_connect (chooser, "response", G_CALLBACK (compare_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
compare_saved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  GFile *file = bw_project_get_file (self->project);

  if (file == NULL)
    {
      bw_window_toast (self, _("The project has not been saved yet"));
      return;
    }
  compare (self, file, _("Saved Version"), _("Open Document"));
}

void
bw_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL, compare_saved_action);
}
