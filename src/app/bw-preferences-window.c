/* bw-preferences-window.c: the preferences (ui/bw-preferences-window.ui) — default gap
 * threshold, grid, overlay (bound to GSettings); importing an ATT&CK release or mappings on a
 * worker thread, and going back to the shipped ATT&CK catalog. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-catalog-import.h"
#include "bw-catalog.h"
#include "bw-preferences-window.h"

struct _BwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  guint                 pulse;

  GtkAdjustment        *threshold;
  GtkWidget            *overlay_switch;
  GtkWidget            *grid_switch;
  GtkWidget            *snap_switch;
  AdwPreferencesGroup  *data_group;
  AdwActionRow         *attack_row;
  AdwActionRow         *mappings_row;
  AdwActionRow         *forget_row;
  GtkWidget            *import_attack;
  GtkWidget            *import_mappings;
  GtkProgressBar       *progress;
  AdwExpanderRow       *warnings;
};

G_DEFINE_FINAL_TYPE (BwPreferencesWindow, bw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BwCatalog *
catalog_in_use (void)
{
  return bw_application_get_catalog (BW_APPLICATION (g_application_get_default ()));
}

static void
describe_catalog (BwPreferencesWindow *self,
                  BwCatalog           *catalog)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  /* Gone with the window: an import can end after it closed. */
  if (self->data_group == NULL)
    return;
  if (catalog != NULL)
    text = g_strdup_printf (
        _("In use: ATT&CK %s, %u tactics, %u techniques, %u capabilities"),
        bw_catalog_get_attack_version (catalog), bw_catalog_get_n_tactics (catalog),
        bw_catalog_get_n_techniques (catalog), bw_catalog_get_n_capabilities (catalog));
  escaped = text ? g_markup_escape_text (text, -1) : NULL;
  adw_preferences_group_set_description (self->data_group, escaped);
}

/* The catalog's load warnings, in an expander shown only when there are some. */
static void
list_warnings (BwPreferencesWindow *self,
               BwCatalog           *catalog)
{
  guint n = catalog ? bw_catalog_get_n_warnings (catalog) : 0;
  g_autofree char *title = g_strdup_printf (ngettext ("%u warning", "%u warnings", n), n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warnings), title);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      /* The warnings quote file contents: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     bw_catalog_get_warning (catalog, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->warnings, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings), n > 0);
}

/* Plain text: "ATT&CK" is not markup. */
static void
set_plain_text (AdwActionRow *row,
                const char   *title,
                const char   *subtitle)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
}

static void
reset_catalog_cb (BwPreferencesWindow *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "forget-catalog", NULL);
  describe_catalog (self, catalog_in_use ());
  if (bw_catalog_get_fallback_reason (catalog_in_use ()) == NULL &&
      !bw_catalog_user_catalog_exists ())
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("The shipped ATT&CK catalog is in use")));
}

/* Importing, on a worker thread, as `bulwark import-stix` and `import-mappings` do. */

typedef struct
{
  char     *path;
  gboolean  mappings;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalogImport)
      import = job->mappings ? bw_catalog_import_mappings (job->path, NULL, NULL, FALSE, &error)
                             : bw_catalog_import_attack (job->path, NULL, &error);

  if (import == NULL || !bw_catalog_import_install (import, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&import),
                           (GDestroyNotify) bw_catalog_import_free);
}

/* What an import did, in plain text for the summary dialog. */
static char *
import_summary (BwCatalogImport *import)
{
  BwCatalog *catalog = import->catalog;
  GString *text = g_string_new (NULL);
  guint n_warnings = bw_catalog_get_n_warnings (catalog);

  g_string_append_printf (text, _("ATT&CK %s: %u tactics, %u techniques, %u groups."),
                          bw_catalog_get_attack_version (catalog),
                          bw_catalog_get_n_tactics (catalog), bw_catalog_get_n_techniques (catalog),
                          bw_catalog_get_n_groups (catalog));
  g_string_append_c (text, '\n');
  if (import->is_attack)
    g_string_append_printf (text,
                            _("Mapping entries carried from ATT&CK %s: %u, of which %u to another "
                               "technique; %u left out, their technique gone."),
                            import->from_version, import->entries - import->gone, import->carried,
                            import->gone);
  else
    g_string_append_printf (text, _("%u capabilities, %u mapping entries; %u technique ids carried "
                                    "through revoked-by, %u unknown ids left out."),
                            import->mappings.capabilities, import->mappings.entries,
                            import->mappings.redirected, g_strv_length (import->stale));
  g_string_append_c (text, '\n');
  if (n_warnings == 0)
    g_string_append (text, _("No warnings."));
  else
    g_string_append_printf (text, ngettext ("%u warning:", "%u warnings:", n_warnings), n_warnings);
  for (guint i = 0; i < n_warnings && i < 8; i++)
    g_string_append_printf (text, "\n• %s", bw_catalog_get_warning (catalog, i));
  if (n_warnings > 8)
    g_string_append_printf (text, "\n• …");
  return g_string_free (text, FALSE);
}

static void
set_importing (BwPreferencesWindow *self,
               gboolean             importing)
{
  if (!importing)
    g_clear_handle_id (&self->pulse, g_source_remove);
  /* Gone with the window: an import can end after it closed. */
  if (self->progress == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), importing);
  gtk_widget_set_sensitive (self->import_attack, !importing);
  gtk_widget_set_sensitive (self->import_mappings, !importing);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  BwPreferencesWindow *self = BW_PREFERENCES_WINDOW (source);
  /* The preferences may have been closed meanwhile: the summary goes to the project window. */
  GtkWindow *parent =
      gtk_widget_get_visible (GTK_WIDGET (self))
          ? GTK_WINDOW (self)
          : gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalogImport) import = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *summary = NULL;
  GtkWidget *dialog;

  set_importing (self, FALSE);
  if (import == NULL)
    {
      summary = g_strdup (error->message);
      dialog = adw_message_dialog_new (parent, _("Import Refused"), summary);
    }
  else
    {
      /* Every open project is recomputed with the new catalog at once. */
      bw_application_set_catalog (BW_APPLICATION (g_application_get_default ()), import->catalog);
      describe_catalog (self, import->catalog);
      summary = import_summary (import);
      dialog = adw_message_dialog_new (parent,
                                       import->is_attack ? _("ATT&CK Release Imported") : _("Mappings Imported"),
                                       summary);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  /* What the summary said, for the tests to read. */
  g_object_set_data_full (G_OBJECT (self), "bw-import-summary", g_steal_pointer (&summary), g_free);
}

static gboolean
pulse_cb (gpointer data)
{
  BwPreferencesWindow *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

void
bw_preferences_window_import (GtkWidget  *window,
                              const char *path,
                              gboolean    mappings)
{
  BwPreferencesWindow *self = BW_PREFERENCES_WINDOW (window);
  g_autoptr(GTask) task = g_task_new (self, NULL, import_done_cb, NULL);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->path = g_strdup (path);
  job->mappings = mappings;
  g_object_set_data (G_OBJECT (self), "bw-import-summary", NULL);
  set_importing (self, TRUE);
  g_clear_handle_id (&self->pulse, g_source_remove);
  self->pulse = g_timeout_add (100, pulse_cb, self);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     BwPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        bw_preferences_window_import (GTK_WIDGET (self), path,
                                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "bw-mappings")));
    }
  g_object_unref (chooser);
}

static void
choose_file (BwPreferencesWindow *self,
             gboolean             mappings)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (mappings ? _("Import Mappings") : _("Import an ATT&CK Release"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, mappings ? _("Mappings Explorer Files") : _("ATT&CK STIX Bundles (2.0 or 2.1)"));
  gtk_file_filter_add_suffix (filter, "json");
  if (!mappings)
    gtk_file_filter_add_pattern (filter, "*.json.xz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "bw-mappings", GINT_TO_POINTER (mappings));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_attack_cb (BwPreferencesWindow *self)
{
  choose_file (self, FALSE);
}

static void
import_mappings_cb (BwPreferencesWindow *self)
{
  choose_file (self, TRUE);
}

/* The setting is a ratio; the spin button shows percent. */
static gboolean
ratio_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
percent_to_ratio (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
bw_preferences_window_constructed (GObject *object)
{
  BwPreferencesWindow *self = BW_PREFERENCES_WINDOW (object);
  BwCatalog *catalog = catalog_in_use ();
  g_autofree char *title = g_markup_escape_text (_("ATT&CK Data"), -1);

  G_OBJECT_CLASS (bw_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "gap-threshold", self->threshold, "value",
                                G_SETTINGS_BIND_DEFAULT, ratio_to_percent, percent_to_ratio, NULL,
                                NULL);
  g_settings_bind (self->settings, "show-overlay", self->overlay_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-grid", self->grid_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-grid", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* Group titles and descriptions are markup in libadwaita 1.2. */
  adw_preferences_group_set_title (self->data_group, title);
  set_plain_text (self->attack_row, _("ATT&CK Release"),
                  _("An official Enterprise ATT&CK STIX 2.0 or 2.1 bundle (.json or .json.xz); the "
                    "mappings are carried to it"));
  set_plain_text (self->mappings_row, _("Mappings"),
                  _("A Mappings Explorer file; its capabilities replace those of the same id"));
  set_plain_text (self->forget_row, _("Imported Catalog"),
                  _("Forget imported ATT&CK data and mappings and use the shipped catalog"));
  describe_catalog (self, catalog);
  list_warnings (self, catalog);
}

static void
bw_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BwPreferencesWindow *self = BW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bw_preferences_window_dispose (GObject *object)
{
  BwPreferencesWindow *self = BW_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->pulse, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bw_preferences_window_parent_class)->dispose (object);
}

static void
bw_preferences_window_class_init (BwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bw_preferences_window_constructed;
  object_class->set_property = bw_preferences_window_set_property;
  object_class->dispose = bw_preferences_window_dispose;

  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, threshold);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, overlay_switch);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, grid_switch);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, data_group);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, attack_row);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, mappings_row);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, forget_row);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, import_attack);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, import_mappings);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, BwPreferencesWindow, warnings);
  gtk_widget_class_bind_template_callback (widget_class, import_attack_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_mappings_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_catalog_cb);
}

static void
bw_preferences_window_init (BwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* For the tests, which watch the import from outside. */
  g_object_set_data_full (G_OBJECT (self), "bw-import-progress", g_object_ref (self->progress),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (self), "bw-data-group", g_object_ref (self->data_group),
                          g_object_unref);
}

GtkWidget *
bw_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BW_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
