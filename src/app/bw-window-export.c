/* bw-window-export.c: the window's Export menu — the diagram as SVG, PNG or PDF, coverage as
 * an ATT&CK Navigator layer and the stakeholder report as HTML or PDF, written through a file
 * chooser; the report on a worker thread, from a copy of the document. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-document-io.h"
#include "bw-export.h"
#include "bw-report-doc.h"
#include "bw-threat-layer.h"
#include "bw-window-private.h"

typedef struct
{
  BwWindow *window;
  char     *format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->window);
  g_free (data->format);
  g_free (data);
}

/* What an export on the worker thread owns: its own copy of the document (the report's tiers
 * change and restore its licence), so the window goes on editing while it runs. */
typedef struct
{
  BwCatalog  *catalog;
  BwDocument *document;
  char       *format;
  char       *path;
  gboolean    with_overlay;
} WorkData;

static void
work_data_free (WorkData *data)
{
  g_clear_object (&data->catalog);
  g_clear_object (&data->document);
  g_free (data->format);
  g_free (data->path);
  g_free (data);
}

static gboolean
is_html_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm");
}

/* The report: HTML when the name says so, else a PDF on A4. */
static gboolean
write_report (WorkData      *data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(BwReportDoc) report = bw_report_doc_new (data->catalog, data->document, NULL,
                                                     cancellable, error);

  if (report == NULL)
    return FALSE;
  if (is_html_path (data->path))
    return bw_report_write_html (report, data->path, error);
  return bw_report_write_pdf (report, BW_PAPER_A4, data->path, error);
}

/* A diagram or the layer, from an engine of the copy's own (a full computation equals the
 * window's incremental one). */
static gboolean
write_export (WorkData  *data,
              GError   **error)
{
  g_autoptr(BwEngine) engine = bw_engine_new (data->catalog);
  g_autoptr(BwExportJob) job = NULL;
  BwExportFormat kind;

  /* An unknown name writes a PDF, as the menu always did. */
  if (!bw_export_format_from_string (data->format, &kind))
    kind = BW_EXPORT_PDF;
  bw_engine_set_document (engine, data->document);
  job = bw_export_job_new (engine, data->document, data->with_overlay);
  return bw_export_job_write (job, kind, FALSE, kind == BW_EXPORT_PNG ? 2 : 1, data->path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WorkData *data = task_data;
  GError *error = NULL;
  gboolean done = g_str_equal (data->format, "report") ? write_report (data, cancellable, &error)
                                                       : write_export (data, &error);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BwWindow *self = BW_WINDOW (source);
  WorkData *data = g_task_get_task_data (G_TASK (result));
  gboolean report = g_str_equal (data->format, "report");
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    bw_window_show_error (self, report ? _("Could Not Write the Report") : _("Could Not Export"),
                          error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (data->path);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      bw_window_toast (self, message);
    }
  if (report)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", TRUE);
}

static GTask *
export_task_new (BwWindow            *self,
                 const char          *format,
                 const char          *path,
                 GAsyncReadyCallback  callback)
{
  WorkData *data = g_new0 (WorkData, 1);
  GTask *task = g_task_new (self, NULL, callback, NULL);

  data->catalog = g_object_ref (bw_project_get_catalog (self->project));
  data->document = bw_document_copy (bw_project_get_document (self->project));
  data->format = g_strdup (format);
  data->path = g_strdup (path);
  data->with_overlay = g_settings_get_boolean (self->settings, "show-overlay");
  g_task_set_task_data (task, data, (GDestroyNotify) work_data_free);
  return task;
}

/* Exports on the worker thread, so a large diagram or the report leaves the window responsive. */
static void
export_async (BwWindow   *self,
              const char *format,
              const char *path)
{
  g_autoptr(GTask) task = export_task_new (self, format, path, export_done_cb);

  if (g_str_equal (format, "report"))
    {
      /* One at a time: a second would race the first for the file. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", FALSE);
      bw_window_toast (self, _("Writing the report…"));
    }
  g_task_run_in_thread (task, export_thread);
}

/* The menu's worker, waited for (scripts and tests). */
gboolean
bw_window_export_to (BwWindow    *self,
                     const char  *format,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GTask) task = NULL;

  if (bw_project_get_engine (self->project) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The ATT&CK catalog is not loaded"));
      return FALSE;
    }
  task = export_task_new (self, format, path, NULL);
  g_task_run_in_thread_sync (task, export_thread);
  return g_task_propagate_boolean (task, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        bw_window_show_error (data->window, _("Could Not Export"), _("Only local files can be written"));
      else
        export_async (data->window, data->format, path);
    }
  g_object_unref (dialog);
  export_data_free (data);
}

/* The Export chooser for `format`, named after the project and opened in its folder (a new
 * project's: the chooser's own default); NULL for an unknown format. */
GtkFileChooserNative *
bw_window_export_chooser_new (BwWindow   *self,
                              const char *format)
{
  static const struct
  {
    const char   *format;
    const char   *name_suffix;
    BwChooserType type;
  } formats[] = {
    { "svg", ".svg", { N_("SVG Images"), "image/svg+xml", { "svg" } } },
    { "png", ".png", { N_("PNG Images"), "image/png", { "png" } } },
    { "pdf", ".pdf", { N_("PDF Documents"), "application/pdf", { "pdf" } } },
    { "layer", "-layer.json", { N_("ATT&CK Navigator Layers"), "application/json", { "json" } } },
    { "report", "-report.pdf", { N_("PDF Documents"), "application/pdf", { "pdf" } } },
  };
  /* The report is a PDF, or an HTML page when the name ends so. */
  static const BwChooserType html = { N_("HTML Pages"), "text/html", { "html" } };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileChooserNative *chooser;

      if (!g_str_equal (formats[i].format, format))
        continue;
      chooser = bw_window_chooser_new (self, _("Export"), _("_Export"), formats[i].name_suffix,
                                       &formats[i].type);
      if (g_str_equal (format, "report"))
        bw_window_chooser_add_filter (chooser, &html);
      return chooser;
    }
  return NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwWindow *self = BW_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser = bw_window_export_chooser_new (self, format);
  ExportData *data;

  if (chooser == NULL)
    return;
  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->format = g_strdup (format);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GVariant) format = g_variant_ref_sink (g_variant_new_string ("report"));

  export_action (widget, "win.export", format);
}

gboolean
bw_window_import_threat_layer (BwWindow    *self,
                               const char  *path,
                               GError     **error)
{
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) focus = NULL;
  g_autofree char *message = NULL;

  focus = bw_threat_layer_read_file (bw_project_get_catalog (self->project), path, &unknown, error);
  if (focus == NULL)
    return FALSE;
  if (!bw_history_set_threat_techniques (bw_project_get_history (self->project),
                                         (const char *const *) focus, error))
    return FALSE;
  message = g_strdup_printf (ngettext ("Threat focus: %u technique from the layer",
                                       "Threat focus: %u techniques from the layer",
                                       g_strv_length (focus)),
                             g_strv_length (focus));
  bw_window_toast (self, message);
  return TRUE;
}

static void
import_layer_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          BwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !bw_window_import_threat_layer (self, path, &error))
        bw_window_show_error (self, _("Could Not Import the Layer"),
                              error ? error->message : _("Only local files can be read"));
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_layer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  static const BwChooserType type = { N_("ATT&CK Navigator Layers"), "application/json",
                                      { "json" } };
  GtkFileChooserNative *chooser = bw_window_chooser_new (BW_WINDOW (widget),
                                                         _("Import a Threat Layer"),
                                                         _("_Import"), NULL, &type);

  g_signal_connect (chooser, "response", G_CALLBACK (import_layer_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bw_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-threat-layer", NULL, import_layer_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  /* The report's own name for the same action, so it can be disabled while one is written. */
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
}
