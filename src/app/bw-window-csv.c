/* bw-window-csv.c: Export → Coverage as CSV… — the same file as `bulwark analyze --format csv`,
 * written on a worker thread from a copy of the document. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-io.h"
#include "bw-report-csv.h"
#include "bw-window-private.h"

typedef struct
{
  BwCatalog  *catalog;
  BwDocument *document;
  GFile      *file;
} CsvData;

static void
csv_data_free (gpointer data)
{
  CsvData *d = data;

  g_clear_object (&d->catalog);
  g_clear_object (&d->document);
  g_clear_object (&d->file);
  g_free (d);
}

static void
csv_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  CsvData *d = task_data;
  g_autofree char *path = g_file_get_path (d->file);
  g_autofree char *csv = NULL;
  GError *error = NULL;
  gsize length;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Only local files can be written"));
      return;
    }
  csv = bw_report_csv_per_asset (d->catalog, d->document, &length);
  /* Written beside and renamed: a failed export leaves the previous file whole. */
  if (!g_file_set_contents (path, csv, length, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
bw_window_export_csv_async (BwWindow            *self,
                            GFile               *file,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  CsvData *data = g_new0 (CsvData, 1);

  data->catalog = g_object_ref (bw_project_get_catalog (self->project));
  data->document = bw_document_copy (bw_project_get_document (self->project));
  data->file = g_object_ref (file);
  g_task_set_source_tag (task, BW_SOURCE_TAG (bw_window_export_csv_async));
  g_task_set_task_data (task, data, csv_data_free);
  g_task_run_in_thread (task, csv_thread);
}

gboolean
bw_window_export_csv_finish (BwWindow      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BwWindow *self = BW_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!bw_window_export_csv_finish (self, result, &error))
    bw_window_show_error (self, _("Could Not Export"), error->message);
  else
    bw_window_toast (self, _("Coverage exported as CSV"));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    BwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bw_window_export_csv_async (self, file, export_done_cb, NULL);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  static const BwChooserType type = { N_("CSV Files"), "text/csv", { "csv" } };
  BwWindow *self = BW_WINDOW (widget);
  GtkFileChooserNative *chooser = bw_window_chooser_new (self, _("Export Coverage as CSV"),
                                                         _("_Export"), ".csv", &type);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bw_window_csv_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
}
