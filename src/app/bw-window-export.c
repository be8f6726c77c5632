/* bw-window-export.c: the window's Export menu — the diagram as SVG, PNG or PDF and coverage as
 * an ATT&CK Navigator layer, written through a file chooser. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-export.h"
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

gboolean
bw_window_export_to (BwWindow    *self,
                     const char  *format,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(BwExportJob) job = NULL;
  BwExportFormat kind;

  if (bw_project_get_engine (self->project) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The ATT&CK catalog is not loaded"));
      return FALSE;
    }
  /* An unknown name writes a PDF, as the menu always did. */
  if (!bw_export_format_from_string (format, &kind))
    kind = BW_EXPORT_PDF;
  job = bw_export_job_new (bw_project_get_engine (self->project),
                           bw_project_get_document (self->project),
                           g_settings_get_boolean (self->settings, "show-overlay"));
  return bw_export_job_write (job, kind, FALSE, kind == BW_EXPORT_PNG ? 2 : 1, path, error);
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
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        bw_window_show_error (data->window, _("Could Not Export"), _("Only local files can be written"));
      else if (!bw_window_export_to (data->window, data->format, path, &error))
        bw_window_show_error (data->window, _("Could Not Export"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

          bw_window_toast (data->window, message);
        }
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
    const char *format;
    const char *extension;
    const char *mime;
    const char *filter_name;
  } formats[] = {
    { "svg", "svg", "image/svg+xml", N_("SVG Images") },
    { "png", "png", "image/png", N_("PNG Images") },
    { "pdf", "pdf", "application/pdf", N_("PDF Documents") },
    { "layer", "json", "application/json", N_("ATT&CK Navigator Layers") },
  };
  GFile *project_file = bw_project_get_file (self->project);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileChooserNative *chooser;
      GtkFileFilter *filter;
      g_autofree char *base = NULL;
      g_autofree char *name = NULL;

      if (!g_str_equal (formats[i].format, format))
        continue;

      chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                             _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(formats[i].filter_name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime);
      gtk_file_filter_add_suffix (filter, formats[i].extension);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

      if (project_file != NULL)
        {
          g_autofree char *file_name = g_file_get_basename (project_file);
          g_autoptr(GFile) folder = g_file_get_parent (project_file);

          base = g_str_has_suffix (file_name, ".bulwark")
                   ? g_strndup (file_name, strlen (file_name) - strlen (".bulwark"))
                   : g_strdup (file_name);
          /* Beside the project, not in the directory the process started in. */
          if (folder != NULL)
            gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
      else
        base = g_strdup (_("estate"));
      name = g_strdup_printf ("%s%s.%s", base, g_str_equal (format, "layer") ? "-layer" : "",
                              formats[i].extension);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
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
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Threat Layer"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("ATT&CK Navigator Layers"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_layer_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bw_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-threat-layer", NULL, import_layer_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
}
