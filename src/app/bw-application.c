/* bw-application.c: application-wide actions, windows per file, and start-up. */
#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "bw-application.h"
#include "bw-catalog.h"
#include "bw-preferences-window.h"
#include "bw-window-private.h"

#define MAX_RECENT 10

/* Generated from ui/bulwark.gresource.xml; referencing it keeps the templates linked in. */
extern GResource *bw_app_get_resource (void);

struct _BwApplication
{
  AdwApplication parent_instance;

  BwCatalog *catalog;
  GError    *catalog_error;
  GThread   *catalog_thread; /* reading it, from bw_application_load_catalog_in_background */
  GSettings *settings;
  guint      release_id;     /* bw_application_release_memory_later's */
};

/* What the catalog thread read. */
typedef struct
{
  BwCatalog *catalog;
  GError    *error;
} CatalogLoad;

G_DEFINE_FINAL_TYPE (BwApplication, bw_application, ADW_TYPE_APPLICATION)

/* Recovered work goes to the window that has its file open (or is loading it), else to a window
 * that holds nothing yet: never a second window on one file. */
static BwWindow *
window_for_recovery (BwApplication    *self,
                     const BwRecovery *recovery,
                     gboolean         *created)
{
  g_autoptr(GFile) original = NULL;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (recovery->original_path != NULL && *recovery->original_path != '\0')
    original = g_file_new_for_path (recovery->original_path);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      BwProject *project;
      GFile *file;

      if (!BW_IS_WINDOW (l->data))
        continue;
      project = bw_window_get_project (l->data);
      file = bw_project_get_file (project);
      if (original == NULL || bw_project_get_modified (project))
        continue;
      if ((file != NULL && g_file_equal (file, original)) ||
          (file == NULL && bw_window_is_loading_file (l->data, original)))
        return l->data;
    }
  if (BW_IS_WINDOW (active) && bw_project_is_pristine (bw_window_get_project (BW_WINDOW (active))))
    return BW_WINDOW (active);
  *created = TRUE;
  return bw_window_new (self);
}

GtkWindow *
bw_application_restore (BwApplication     *self,
                        const BwRecovery  *recovery,
                        GError           **error)
{
  gboolean created = FALSE;
  BwWindow *window = window_for_recovery (self, recovery, &created);

  if (!bw_project_restore (bw_window_get_project (window), recovery, error))
    {
      if (created)
        gtk_window_destroy (GTK_WINDOW (window));
      return NULL;
    }
  return GTK_WINDOW (window);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BwApplication    *self)
{
  GPtrArray *orphans = g_object_get_data (G_OBJECT (dialog), "bw-orphans");

  for (guint i = 0; i < orphans->len; i++)
    {
      const BwRecovery *recovery = g_ptr_array_index (orphans, i);

      if (g_str_equal (response, "restore"))
        {
          g_autoptr(GError) error = NULL;
          GtkWindow *window = bw_application_restore (self, recovery, &error);

          if (window == NULL)
            {
              GtkWidget *alert;

              /* Said once: a damaged copy has been moved aside and is not offered again. */
              alert = adw_message_dialog_new (
                  gtk_application_get_active_window (GTK_APPLICATION (self)),
                  _("Could Not Restore Unsaved Work"), error->message);
              adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
              gtk_window_present (GTK_WINDOW (alert));
              continue;
            }
          gtk_window_present (GTK_WINDOW (window));
        }
      bw_recovery_delete (recovery);
    }
}

/* Copies left by a session that crashed or was killed: offer them back. */
static gboolean
offer_recovery (BwApplication *self,
                GtkWindow     *parent)
{
  g_autoptr(GPtrArray) orphans = bw_journal_list_orphans (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (orphans->len == 0)
    return FALSE;

  for (guint i = 0; i < orphans->len; i++)
    {
      const BwRecovery *recovery = g_ptr_array_index (orphans, i);
      g_autoptr(GDateTime)
          when = g_date_time_new_from_unix_local (recovery->modified / G_USEC_PER_SEC);
      g_autofree char *time = g_date_time_format (when, "%x %X");
      g_autofree char *name =
          recovery->original_path
              ? g_path_get_basename (recovery->original_path)
              : g_strdup (*recovery->title ? recovery->title : _("Untitled Estate"));

      g_string_append_printf (body, "• %s — %s\n", name, time);
    }
  dialog = adw_message_dialog_new (parent,
                                   ngettext ("Restore Unsaved Work?", "Restore Unsaved Work?",
                                             orphans->len),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Bulwark did not close properly. These projects had changes "
                                    "that were not saved:\n\n%s"),
                                  body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "bw-orphans", g_ptr_array_ref (orphans),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
bw_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      BwApplication *self = BW_APPLICATION (app);
      g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

      window = GTK_WINDOW (bw_window_new (self));
      /* On first start, show the reference estate rather than an empty canvas. */
      if (recent[0] == NULL)
        bw_window_open_sample (BW_WINDOW (window));
      gtk_window_present (window);
      offer_recovery (self, window);
      return;
    }
  gtk_window_present (window);
}

static gboolean offer_recovery (BwApplication *self,
                                GtkWindow     *parent);

void
bw_application_open_file (BwApplication *self,
                          GFile         *file,
                          GtkWindow     *window)
{
  if (window == NULL)
    window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Reuse the window only when it holds nothing of value. */
  if (!BW_IS_WINDOW (window) ||
      !bw_project_is_pristine (bw_window_get_project (BW_WINDOW (window))))
    window = GTK_WINDOW (bw_window_new (self));
  bw_window_open_file (BW_WINDOW (window), file);
  gtk_window_present (window);
}

static void
bw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BwApplication *self = BW_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    bw_application_open_file (self, files[i], NULL);
  offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it ask about unsaved changes. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  BwWindow *window = bw_window_new (BW_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BwApplication *self = BW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Bulwark developers", NULL };
  AdwAboutWindow *about;
  g_autofree char *data_version = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *mitre_copyright = NULL;
  g_autofree char *mitre_license = NULL;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Bulwark"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_developer_name (about, _("The Bulwark developers"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (about, developers);
  /* The comments and the legal texts are markup; "ATT&CK" is not. */
  comments = g_markup_escape_text (_("Draw your hybrid estate, place the Microsoft security "
                                     "services that guard it, and see live how much of "
                                     "MITRE ATT&CK each tactic covers."), -1);
  adw_about_window_set_comments (about, comments);
  if (self->catalog != NULL)
    {
      data_version = g_strdup_printf (_("ATT&CK %s"), bw_catalog_get_attack_version (self->catalog));
      adw_about_window_set_debug_info (about, data_version);
    }
  mitre_copyright = g_markup_escape_text ("© 2025 The MITRE Corporation. This work is reproduced "
                                          "and distributed with the permission of The MITRE "
                                          "Corporation.", -1);
  mitre_license = g_markup_escape_text (_("The MITRE Corporation grants a non-exclusive, "
                                          "royalty-free license to use ATT&CK® for research, "
                                          "development, and commercial purposes, provided MITRE’s "
                                          "copyright designation and the license are reproduced. "
                                          "ATT&CK is provided “as is”, and using it does not "
                                          "guarantee full defensive coverage."), -1);
  adw_about_window_add_legal_section (about, "MITRE ATT&CK®", mitre_copyright, GTK_LICENSE_CUSTOM,
                                      mitre_license);
  adw_about_window_add_legal_section (about, _("Mappings Explorer"),
                                      _("Azure and Microsoft 365 capability mappings © Center for "
                                        "Threat-Informed Defense"),
                                      GTK_LICENSE_APACHE_2_0, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The manual as HTML, where a distribution installs it beside the Mallard pages, or NULL. */
static char *
find_help_html (void)
{
  const char *const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *help = g_build_filename (dirs[i], "help", "C", "bulwark", "index.html", NULL);
      g_autofree char *doc = g_build_filename (dirs[i], "doc", "bulwark", "html", "index.html", NULL);

      if (g_file_test (help, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&help);
      if (g_file_test (doc, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&doc);
    }
  return NULL;
}

/* No help browser for help: URIs (yelp is not installed): the HTML manual, else say what to
 * install. */
static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BwApplication) self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if ((html = find_help_html ()) != NULL)
    {
      g_autofree char *uri = g_filename_to_uri (html, NULL, NULL);

      gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
      return;
    }
  dialog = adw_message_dialog_new (parent, _("Help Is Not Available"),
                                   _("The manual opens in the GNOME help browser, which is not "
                                     "installed. Install the “yelp” package, then press F1 "
                                     "again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (parent, "help:bulwark", GDK_CURRENT_TIME, NULL, help_shown_cb,
                     g_object_ref (user_data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BwApplication *self = BW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *prefs = bw_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
forget_catalog_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  BwApplication *self = BW_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCatalog) catalog = NULL;

  if (!bw_catalog_reset_user_catalog (&error) ||
      (catalog = bw_catalog_load_default (&error)) == NULL)
    {
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The Imported Catalog Stays"), error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  bw_application_set_catalog (self, catalog);
}

static const GActionEntry app_actions[] = {
  { "forget-catalog", forget_catalog_activated },
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
  { "help", help_activated },
  { "preferences", preferences_activated },
};

BwCatalog *
bw_application_get_catalog (BwApplication *self)
{
  return self->catalog;
}

const GError *
bw_application_get_catalog_error (BwApplication *self)
{
  return self->catalog_error;
}

void
bw_application_set_catalog (BwApplication *self,
                            BwCatalog     *catalog)
{
  g_return_if_fail (BW_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  g_clear_error (&self->catalog_error);
  /* Every open project is computed again with it, now. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BW_IS_WINDOW (l->data))
      bw_project_set_catalog (bw_window_get_project (l->data), catalog);
}

static gboolean
add_to_desktop_recent (gpointer data)
{
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), data);
  return G_SOURCE_REMOVE;
}

void
bw_application_add_recent (BwApplication *self,
                           GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (!g_str_equal (old[i], uri))
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) recent);
  /* The desktop's list of recent files is read whole on its first use, on the main thread, and
   * a long one takes a while: it can wait until the window has shown the file. */
  g_idle_add_full (G_PRIORITY_LOW, add_to_desktop_recent, g_steal_pointer (&uri), g_free);
}

static gpointer
load_catalog_thread (gpointer data)
{
  CatalogLoad *load = g_new0 (CatalogLoad, 1);

  load->catalog = bw_catalog_load_default (&load->error);
  return load;
}

void
bw_application_load_catalog_in_background (BwApplication *self)
{
  g_return_if_fail (BW_IS_APPLICATION (self));
  g_return_if_fail (self->catalog_thread == NULL && self->catalog == NULL);

  self->catalog_thread = g_thread_new ("bw-catalog", load_catalog_thread, NULL);
}

/* The catalog read in the background, once it is in. */
static void
join_catalog (BwApplication *self)
{
  CatalogLoad *load;

  if (self->catalog_thread == NULL)
    return;
  load = g_thread_join (g_steal_pointer (&self->catalog_thread));
  g_set_object (&self->catalog, load->catalog);
  g_clear_object (&load->catalog);
  g_clear_error (&self->catalog_error);
  self->catalog_error = load->error;
  g_free (load);
}

/* Memory freed by the work of a start, an open or a computation goes back to the system once
 * that work is done: glibc keeps what a thread frees in that thread's arena for the life of the
 * process (reading the catalog leaves about 2 MB there, reading a project and working out its
 * advice more). */
gboolean
bw_application_release_memory (BwApplication *self)
{
  g_return_val_if_fail (BW_IS_APPLICATION (self), FALSE);

  g_clear_handle_id (&self->release_id, g_source_remove);
#ifdef HAVE_MALLOC_TRIM
  return malloc_trim (0) != 0;
#else
  return FALSE;
#endif
}

static gboolean
release_memory_cb (gpointer data)
{
  BwApplication *self = data;

  self->release_id = 0;
  bw_application_release_memory (self);
  return G_SOURCE_REMOVE;
}

void
bw_application_release_memory_later (BwApplication *self)
{
  g_return_if_fail (BW_IS_APPLICATION (self));

  /* A second after the last of a burst of work. */
  g_clear_handle_id (&self->release_id, g_source_remove);
  self->release_id = g_timeout_add_full (G_PRIORITY_LOW, 1000, release_memory_cb, self, NULL);
}

/* The icon theme reads the indexes of its folders on its first lookup, about 9 ms before the
 * window can map. This thread makes that lookup while the window is being built: GTK's icon
 * theme, once made on the main thread, takes lookups from any thread under its own lock. */
static gpointer
load_icon_theme_thread (gpointer data)
{
  g_autoptr(GtkIconTheme) theme = data;
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, "window-close-symbolic",
                                                                 NULL, 16, 1, GTK_TEXT_DIR_NONE,
                                                                 0);

  return NULL;
}

static void
bw_application_startup (GApplication *app)
{
  BwApplication *self = BW_APPLICATION (app);

  /* Only the application's own keys: the window's and the canvas's are bound beside their
   * actions (bw-window.c, bw-canvas-edit.c), so they reach only the widgets they belong to. */
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
  };

  const char *icons = g_getenv ("BW_ICON_DIR");
  GdkDisplay *display;

  G_APPLICATION_CLASS (bw_application_parent_class)->startup (app);

  /* Run from the build tree (build-aux/run.sh), the application's icon is not installed: the
   * tree's own icon folder is searched too. */
  display = gdk_display_get_default ();
  if (icons != NULL && *icons != '\0' && display != NULL)
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), icons);
  if (display != NULL)
    g_thread_unref (g_thread_new ("bw-icons", load_icon_theme_thread,
                                  g_object_ref (gtk_icon_theme_get_for_display (display))));

  self->settings = g_settings_new (APPLICATION_ID);
  if (self->catalog_thread != NULL)
    join_catalog (self);
  else
    self->catalog = bw_catalog_load_default (&self->catalog_error);
  bw_application_release_memory_later (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
bw_application_dispose (GObject *object)
{
  BwApplication *self = BW_APPLICATION (object);

  join_catalog (self);
  g_clear_handle_id (&self->release_id, g_source_remove);
  g_clear_object (&self->catalog);
  g_clear_error (&self->catalog_error);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bw_application_parent_class)->dispose (object);
}

/* A window closed: what its document took goes back too, while other windows stay open. */
static void
bw_application_window_removed (GtkApplication *app,
                               GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (bw_application_parent_class)->window_removed (app, window);
  if (gtk_application_get_windows (app) != NULL)
    bw_application_release_memory_later (BW_APPLICATION (app));
}

static void
bw_application_class_init (BwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bw_application_dispose;
  (void) bw_app_get_resource ();

  app_class->activate = bw_application_activate;
  app_class->open = bw_application_open;
  app_class->startup = bw_application_startup;
  GTK_APPLICATION_CLASS (klass)->window_removed = bw_application_window_removed;
}

static void
bw_application_init (BwApplication *self)
{
}

BwApplication *
bw_application_new (void)
{
  return g_object_new (BW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
