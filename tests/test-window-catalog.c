/* test-window-catalog.c: the window and the catalog under a display — a user catalog damaged
 * on disk gives the shipped one with a banner and a full palette, "Forget the imported catalog"
 * goes back at once; importing a release from Preferences recomputes the open project, and a
 * refused import changes nothing. */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-application.h"
#include "bw-catalog-banner.h"
#include "bw-catalog-private.h"
#include "bw-document-io.h"
#include "bw-palette.h"
#include "bw-preferences-window.h"
#include "bw-report.h"
#include "bw-test-bundle.h"
#include "bw-test-util.h"
#include "bw-test-window.h"
#include "bw-window-private.h"

static BwApplication *app;
static char *home;
static char *work;

static guint
palette_size (BwWindow *window)
{
  g_autoptr(GPtrArray) visible = bw_palette_get_visible (BW_PALETTE (window->palette));

  return visible->len;
}

static void
test_damaged_falls_back (void)
{
  BwWindow *window = bw_test_window_new (app);
  BwCatalogBanner *banner = BW_CATALOG_BANNER (window->catalog_banner);
  g_autofree char *dir = bw_catalog_user_dir ();
  GtkWidget *prefs;

  /* The shipped catalog answers: a full palette, live figures, and a banner saying why. */
  g_assert_nonnull (bw_test_window_catalog (window));
  g_assert_nonnull (bw_catalog_get_fallback_reason (bw_test_window_catalog (window)));
  g_assert_cmpuint (palette_size (window), ==,
                    bw_catalog_get_n_stencils (bw_test_window_catalog (window)));
  g_assert_cmpuint (palette_size (window), >, 50);
  g_assert_nonnull (bw_test_window_engine (window));
  g_assert_true (bw_catalog_banner_get_revealed (banner));
  g_assert_nonnull (strstr (bw_catalog_banner_get_message (banner), "The imported ATT&CK catalog does not load (mappings.json: "));
  g_assert_nonnull (strstr (bw_catalog_banner_get_message (banner), "ATT&CK 18.1, is in use"));
  g_assert_true (gtk_widget_get_mapped (window->catalog_banner));

  /* Preferences open on it (its rows take ATT&CK names as plain text). */
  prefs = bw_preferences_window_new (window->settings);
  gtk_window_present (GTK_WINDOW (prefs));
  bw_test_window_iterate (100);
  bw_test_window_destroy (prefs);

  /* "Forget the imported catalog": gone from disk, the banner with it, the palette still full. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "forget-catalog", NULL);
  bw_test_window_iterate (100);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_null (bw_catalog_get_fallback_reason (bw_test_window_catalog (window)));
  g_assert_true (bw_test_window_catalog (window) == bw_application_get_catalog (app));
  g_assert_false (bw_catalog_banner_get_revealed (banner));
  g_assert_cmpuint (palette_size (window), ==,
                    bw_catalog_get_n_stencils (bw_test_window_catalog (window)));
  bw_test_window_destroy (window);
}

static const char *
wait_for_summary (GtkWidget *prefs)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  const char *summary = NULL;

  while ((summary = g_object_get_data (G_OBJECT (prefs), "bw-import-summary")) == NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (summary);
  g_test_message ("%s", summary);
  return summary;
}

static void
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  bw_test_window_iterate (50);
}

/* With the 19.0 catalog in use: a project analysed with 18.1 says so when opened, keeps its
 * bytes when saved unchanged, and records 19.0 when a change is saved. */
static void
test_release_on_save (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *path = g_build_filename (work, "estate.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = bw_test_read_file (sample, NULL);
  g_autofree char *unchanged = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);
  BwCatalogBanner *banner = BW_CATALOG_BANNER (window->catalog_banner);

  /* A new project is analysed with the release in use. */
  g_assert_cmpstr (bw_document_get_attack_version (bw_test_window_document (window)), ==, "19.0");
  g_assert_false (bw_catalog_banner_get_revealed (banner));

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (100);
  g_assert_true (bw_catalog_banner_get_revealed (banner));
  g_assert_cmpstr (bw_catalog_banner_get_message (banner), ==, "Analysed with ATT&CK 18.1, now 19.0 — figures recomputed");

  g_assert_true (bw_window_save_to (window, file, &error));
  unchanged = bw_test_read_file (path, NULL);
  g_assert_cmpstr (unchanged, ==, contents);
  g_assert_true (bw_catalog_banner_get_revealed (banner));

  id = bw_canvas_place_stencil (bw_window_get_canvas (window), "azure.vm", 5000, 5000, &error);
  g_assert_no_error (error);
  bw_test_window_iterate (50);
  g_assert_true (bw_window_save_to (window, file, &error));
  changed = bw_test_read_file (path, NULL);
  g_assert_nonnull (strstr (changed, "\"catalog\": {\n    \"attack\": \"19.0\"\n  }"));
  g_assert_false (bw_catalog_banner_get_revealed (banner));
  g_unlink (path);
  bw_test_window_destroy (window);
}

static void
test_import_from_preferences (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autofree char *bundle = bw_test_write_bundle (work, TRUE);
  g_autofree char *bad = g_build_filename (work, "bad-19.0.json", NULL);
  g_autofree char *text = bw_test_read_file (bundle, NULL);
  g_autoptr(GString) duplicated = g_string_new (text);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);
  GtkWidget *prefs;
  BwCatalog *imported;
  BwReport *report;
  const char *summary;

  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (200);
  g_assert_cmpuint (bw_catalog_get_n_tactics (bw_test_window_catalog (window)), ==, 14);

  prefs = bw_preferences_window_new (window->settings);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  bw_test_window_iterate (100);
  bw_preferences_window_import (prefs, bundle, FALSE);
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (prefs), "bw-import-progress")));
  summary = wait_for_summary (prefs);
  g_assert_nonnull (strstr (summary, "ATT&CK 19.0: 15 tactics, 8 techniques, 1 groups."));
  g_assert_nonnull (strstr (summary, "Mapping entries carried from ATT&CK 18.1:"));
  g_assert_nonnull (strstr (summary, "warnings:"));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (prefs), "bw-import-progress")));
  /* Shown as text: the "&" went through markup escaped. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (g_object_get_data (G_OBJECT (prefs), "bw-data-group")),
                            "In use: ATT&CK 19.0, 15 tactics, 8 techniques,"));
  bw_test_window_iterate (200);

  /* The open project was recomputed with the new release at once. */
  imported = bw_application_get_catalog (app);
  g_assert_cmpstr (bw_catalog_get_attack_version (imported), ==, "19.0");
  g_assert_true (bw_test_window_catalog (window) == imported);
  report = bw_engine_get_report (bw_test_window_engine (window));
  g_assert_nonnull (report);
  g_assert_cmpstr (bw_report_get_attack_version (report), ==, "19.0");
  g_assert_cmpuint (bw_catalog_get_n_tactics (bw_test_window_catalog (window)), ==, 15);
  g_assert_cmpuint (palette_size (window), ==, bw_catalog_get_n_stencils (imported));
  /* The project was analysed with 18.1: the window says so. */
  g_assert_true (bw_catalog_banner_get_revealed (BW_CATALOG_BANNER (window->catalog_banner)));
  g_assert_cmpstr (bw_catalog_banner_get_message (BW_CATALOG_BANNER (window->catalog_banner)), ==,
                   "Analysed with ATT&CK 18.1, now 19.0 — figures recomputed");
  close_dialogs ();
  bw_test_window_destroy (prefs);
  test_release_on_save ();

  /* A bundle whose release does not load: refused with the reason, nothing changes. */
  g_assert_cmpuint (g_string_replace (duplicated, "\"T1685\"", "\"T1027\"", 0), >, 0);
  g_assert_true (g_file_set_contents (bad, duplicated->str, -1, NULL));
  prefs = bw_preferences_window_new (window->settings);
  gtk_window_present (GTK_WINDOW (prefs));
  bw_test_window_iterate (100);
  bw_preferences_window_import (prefs, bad, FALSE);
  summary = wait_for_summary (prefs);
  g_assert_nonnull (strstr (summary, "duplicate id “T1027”"));
  bw_test_window_iterate (100);
  g_assert_true (bw_application_get_catalog (app) == imported);
  g_assert_true (bw_test_window_catalog (window) == imported);
  close_dialogs ();
  bw_test_window_destroy (prefs);
  bw_test_window_destroy (window);
}


int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *mappings = NULL;
  int status;

  /* A user catalog whose mappings.json was cut short on disk, before the application starts. */
  home = g_dir_make_tmp ("bulwark-xdg-XXXXXX", NULL);
  work = g_dir_make_tmp ("bulwark-in-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  dir = g_build_filename (home, "bulwark", "catalog", NULL);
  mappings = g_build_filename (dir, "mappings.json", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (mappings, "{\"capabilities\": [", -1, NULL));

  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    {
      bw_test_remove_tree (home);
      bw_test_remove_tree (work);
      return BW_TEST_SKIP;
    }

  g_test_add_func ("/window-catalog/damaged-falls-back", test_damaged_falls_back);
  g_test_add_func ("/window-catalog/import-from-preferences", test_import_from_preferences);

  status = bw_test_window_run (&app);
  bw_test_remove_tree (home);
  bw_test_remove_tree (work);
  return status;
}
