/* bw-preferences-window.c: the preferences — default gap threshold, grid, overlay (bound to
 * GSettings); importing an ATT&CK release or mappings on a worker thread, and going back to the
 * shipped ATT&CK catalog. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-catalog-import.h"
#include "bw-catalog.h"
#include "bw-preferences-window.h"

static GtkWidget *
switch_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_settings_bind (settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

static void
threshold_changed_cb (GtkSpinButton *spin,
                      GSettings     *settings)
{
  g_settings_set_double (settings, "gap-threshold", gtk_spin_button_get_value (spin) / 100);
}

static void
describe_catalog (GtkWidget *group,
                  BwCatalog *catalog)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (catalog != NULL)
    text = g_strdup_printf (_("In use: ATT&CK %s, %u tactics, %u techniques, %u capabilities"),
                            bw_catalog_get_attack_version (catalog), bw_catalog_get_n_tactics (catalog),
                            bw_catalog_get_n_techniques (catalog), bw_catalog_get_n_capabilities (catalog));
  escaped = text ? g_markup_escape_text (text, -1) : NULL;
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
}

static void
reset_catalog_cb (GtkButton *button,
                  GtkWidget *window)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "forget-catalog", NULL);
  describe_catalog (g_object_get_data (G_OBJECT (window), "bw-data-group"),
                    bw_application_get_catalog (BW_APPLICATION (app)));
  if (bw_catalog_get_fallback_reason (bw_application_get_catalog (BW_APPLICATION (app))) == NULL &&
      !bw_catalog_user_catalog_exists ())
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window),
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
  g_autoptr(BwCatalogImport) import = job->mappings
                                        ? bw_catalog_import_mappings (job->path, NULL, NULL, FALSE, &error)
                                        : bw_catalog_import_attack (job->path, NULL, &error);

  if (import == NULL || !bw_catalog_import_install (import, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&import), (GDestroyNotify) bw_catalog_import_free);
}

/* What an import did, in plain text for the summary dialog. */
static char *
import_summary (BwCatalogImport *import)
{
  BwCatalog *catalog = import->catalog;
  GString *text = g_string_new (NULL);
  guint n_warnings = bw_catalog_get_n_warnings (catalog);

  g_string_append_printf (text, _("ATT&CK %s: %u tactics, %u techniques, %u groups."),
                          bw_catalog_get_attack_version (catalog), bw_catalog_get_n_tactics (catalog),
                          bw_catalog_get_n_techniques (catalog), bw_catalog_get_n_groups (catalog));
  g_string_append_c (text, '\n');
  if (import->is_attack)
    g_string_append_printf (text, _("Mapping entries carried from ATT&CK %s: %u, of which %u to another "
                                    "technique; %u left out, their technique gone."),
                            import->from_version, import->entries - import->gone, import->carried, import->gone);
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
set_importing (GtkWidget *window,
               gboolean   importing)
{
  GtkWidget *progress = g_object_get_data (G_OBJECT (window), "bw-import-progress");
  guint *pulse = g_object_get_data (G_OBJECT (window), "bw-import-pulse");

  gtk_widget_set_visible (progress, importing);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (window), "bw-import-attack"), !importing);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (window), "bw-import-mappings"), !importing);
  if (!importing)
    g_clear_handle_id (pulse, g_source_remove);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GtkWidget *window = GTK_WIDGET (source);
  /* The preferences may have been closed meanwhile: the summary goes to the project window. */
  GtkWindow *parent = gtk_widget_get_visible (window)
                        ? GTK_WINDOW (window)
                        : gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalogImport) import = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *summary = NULL;
  GtkWidget *dialog;

  set_importing (window, FALSE);
  if (import == NULL)
    {
      summary = g_strdup (error->message);
      dialog = adw_message_dialog_new (parent, _("Import Refused"), summary);
    }
  else
    {
      /* Every open project is recomputed with the new catalog at once. */
      bw_application_set_catalog (BW_APPLICATION (g_application_get_default ()), import->catalog);
      describe_catalog (g_object_get_data (G_OBJECT (window), "bw-data-group"), import->catalog);
      summary = import_summary (import);
      dialog = adw_message_dialog_new (parent,
                                       import->is_attack ? _("ATT&CK Release Imported") : _("Mappings Imported"),
                                       summary);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_set_data_full (G_OBJECT (window), "bw-import-summary", g_steal_pointer (&summary), g_free);
}

static gboolean
pulse_cb (gpointer data)
{
  gtk_progress_bar_pulse (data);
  return G_SOURCE_CONTINUE;
}

void
bw_preferences_window_import (GtkWidget  *window,
                              const char *path,
                              gboolean    mappings)
{
  g_autoptr(GTask) task = g_task_new (window, NULL, import_done_cb, NULL);
  ImportJob *job = g_new0 (ImportJob, 1);
  GtkWidget *progress = g_object_get_data (G_OBJECT (window), "bw-import-progress");
  guint *pulse = g_object_get_data (G_OBJECT (window), "bw-import-pulse");

  job->path = g_strdup (path);
  job->mappings = mappings;
  g_object_set_data (G_OBJECT (window), "bw-import-summary", NULL);
  set_importing (window, TRUE);
  *pulse = g_timeout_add (100, pulse_cb, progress);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GtkWidget       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        bw_preferences_window_import (window, path,
                                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "bw-mappings")));
    }
  g_object_unref (chooser);
}

static void
choose_file (GtkWidget *window,
             gboolean   mappings)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (mappings ? _("Import Mappings") : _("Import an ATT&CK Release"),
                                         GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, mappings ? _("Mappings Explorer Files") : _("ATT&CK STIX Bundles (2.0 or 2.1)"));
  gtk_file_filter_add_suffix (filter, "json");
  if (!mappings)
    gtk_file_filter_add_pattern (filter, "*.json.xz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "bw-mappings", GINT_TO_POINTER (mappings));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_attack_cb (GtkButton *button,
                  GtkWidget *window)
{
  choose_file (window, FALSE);
}

static void
import_mappings_cb (GtkButton *button,
                    GtkWidget *window)
{
  choose_file (window, TRUE);
}

static GtkWidget *
button_row (const char *title,
            const char *subtitle,
            const char *label,
            GCallback   callback,
            GtkWidget  *window,
            GtkWidget **out_button)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  /* Plain text: "ATT&CK" is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, window);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  *out_button = button;
  return row;
}

/* The ATT&CK Data group: what is in use, imports, and the catalog's warnings. */
static void
add_data_group (GtkWidget *window,
                GtkWidget *page)
{
  BwCatalog *catalog = bw_application_get_catalog (BW_APPLICATION (g_application_get_default ()));
  GtkWidget *data = adw_preferences_group_new ();
  GtkWidget *progress = gtk_progress_bar_new ();
  GtkWidget *reset_row = adw_action_row_new ();
  GtkWidget *reset = gtk_button_new_with_label (_("Forget"));
  GtkWidget *attack_button;
  GtkWidget *mappings_button;

  g_autofree char *title = g_markup_escape_text (_("ATT&CK Data"), -1);

  /* Group titles and descriptions are markup in libadwaita 1.2. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (data), title);
  describe_catalog (data, catalog);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (data),
                             button_row (_("ATT&CK Release"),
                                         _("An official Enterprise ATT&CK STIX 2.0 or 2.1 bundle (.json or "
                                           ".json.xz); the mappings are carried to it"),
                                         _("_Import ATT&CK Release…"), G_CALLBACK (import_attack_cb), window,
                                         &attack_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (data),
                             button_row (_("Mappings"),
                                         _("A Mappings Explorer file; its capabilities replace those of the same id"),
                                         _("Import _Mappings…"), G_CALLBACK (import_mappings_cb), window,
                                         &mappings_button));
  gtk_widget_set_visible (progress, FALSE);
  gtk_widget_set_margin_top (progress, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (data), progress);
  /* Held, so an import that ends after the window closed finds them. */
  g_object_set_data_full (G_OBJECT (window), "bw-import-progress", g_object_ref (progress), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "bw-import-attack", g_object_ref (attack_button), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "bw-import-mappings", g_object_ref (mappings_button), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "bw-data-group", g_object_ref (data), g_object_unref);
  g_object_set_data_full (G_OBJECT (window), "bw-import-pulse", g_new0 (guint, 1), g_free);

  if (catalog != NULL && bw_catalog_get_n_warnings (catalog) > 0)
    {
      GtkWidget *warnings = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf (ngettext ("%u warning", "%u warnings", bw_catalog_get_n_warnings (catalog)),
                                                bw_catalog_get_n_warnings (catalog));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (warnings), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (warnings),
                                     _("What the catalog in use loaded differently from its files"));
      for (guint i = 0; i < bw_catalog_get_n_warnings (catalog); i++)
        {
          GtkWidget *row = adw_action_row_new ();

          /* The warnings quote file contents: never markup. */
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bw_catalog_get_warning (catalog, i));
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (warnings), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (data), warnings);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reset_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reset_row), _("Imported Catalog"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (reset_row),
                               _("Forget imported ATT&CK data and mappings and use the shipped catalog"));
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "destructive-action");
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_catalog_cb), window);
  adw_action_row_add_suffix (ADW_ACTION_ROW (reset_row), reset);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (data), reset_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (data));
}

GtkWidget *
bw_preferences_window_new (GSettings *settings)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *coverage = adw_preferences_group_new ();
  GtkWidget *canvas = adw_preferences_group_new ();
  GtkWidget *threshold_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);

  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (coverage), _("Coverage"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (threshold_row), _("Kill-Chain Gap Threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (threshold_row),
                               _("New projects mark a phase as a gap below this coverage, in percent"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* The setting is a ratio; the spin button shows percent. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), g_settings_get_double (settings, "gap-threshold") * 100);
  g_signal_connect (spin, "value-changed", G_CALLBACK (threshold_changed_cb), settings);
  adw_action_row_add_suffix (ADW_ACTION_ROW (threshold_row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (coverage), threshold_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (coverage),
                             switch_row (settings, "show-overlay", _("Coverage Strip"),
                                         _("Show the tactic strip and kill-chain row on the canvas and in exports")));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (canvas), _("Canvas"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (canvas),
                             switch_row (settings, "show-grid", _("Grid"), _("Draw the dot grid")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (canvas),
                             switch_row (settings, "snap-to-grid", _("Snap to Grid"),
                                         _("Place and move objects in grid steps")));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (coverage));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (canvas));
  add_data_group (window, page);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return window;
}
