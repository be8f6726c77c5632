/* bw-window-azure.c: Import Azure Inventory… (a new unsaved project from what Azure's tools
 * print, with the import's report) and Arrange (the automatic layout, as one undo step). */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-arrange.h"
#include "bw-azure-import.h"
#include "bw-file.h"
#include "bw-window-private.h"

static void
show_report (BwWindow            *window,
             const BwAzureReport *report)
{
  g_autofree char *body = bw_azure_report_describe (report);
  GtkWidget *dialog;

  g_strchomp (body);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Azure Inventory Imported"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

BwWindow *
bw_window_import_azure (BwWindow    *self,
                        const char  *path,
                        gboolean     show,
                        GError     **error)
{
  g_autoptr(BwAzureReport) report = NULL;
  g_autoptr(BwDocument) doc = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base = NULL;
  BwWindow *target = self;
  BwProject *project;
  char *dot;
  gsize length;

  if (!bw_file_get_contents (path, &data, &length, error))
    return NULL;
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  doc = bw_azure_import (data, length, bw_project_get_catalog (self->project), base, &report,
                         error);
  if (doc == NULL)
    return NULL;

  /* Like opening a file: this window when it holds nothing of value, else a new one. */
  if (!bw_project_is_pristine (self->project))
    target = bw_window_new (BW_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  project = target->project;
  bw_project_set_document (project, doc, NULL);
  /* Nothing of it is on disk yet: closing asks to save it. */
  bw_history_clear (bw_project_get_history (project));
  gtk_window_present (GTK_WINDOW (target));
  if (show)
    show_report (target, report);
  return target;
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || bw_window_import_azure (self, path, TRUE, &error) == NULL)
        bw_window_show_error (self, _("Could Not Import the Inventory"),
                              error ? error->message : _("Only local files can be read"));
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const BwChooserType type = { N_("Azure Inventories (JSON)"), "application/json",
                                      { "json" } };
  GtkFileChooserNative *chooser = bw_window_chooser_new (BW_WINDOW (widget),
                                                         _("Import an Azure Inventory"),
                                                         _("_Import"), NULL, &type);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
arrange_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!bw_arrange_history (bw_project_get_history (self->project),
                           bw_project_get_catalog (self->project), &error))
    bw_window_show_error (self, _("Could Not Arrange the Diagram"), error->message);
}

void
bw_window_azure_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-azure", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.arrange", NULL, arrange_action);
}
