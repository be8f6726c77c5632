/* test-window-compare.c: the window's Compare — the dialog opened from the menu's actions, its
 * rows the same as `bulwark diff`, computed on a worker thread while the window stays live; and
 * Export → Coverage as CSV…, the same bytes as `analyze --format csv`. */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-application.h"
#include "bw-diff.h"
#include "bw-diff-dialog.h"
#include "bw-document-io.h"
#include "bw-history.h"
#include "bw-report-csv.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static void
wait_for (BwDiffDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (bw_diff_dialog_get_computing (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bw_diff_dialog_get_computing (dialog));
  bw_test_window_iterate (100);
}

/* The Compare dialog among the application's windows. */
static BwDiffDialog *
find_dialog (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BW_IS_DIFF_DIALOG (l->data))
      return l->data;
  {
    g_autoptr(GListModel) toplevels = G_LIST_MODEL (g_object_ref (gtk_window_get_toplevels ()));

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (BW_IS_DIFF_DIALOG (w))
          return BW_DIFF_DIALOG (w);
      }
  }
  return NULL;
}

static char *
copy_sample (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *text = bw_test_read_file (sample, NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "bulwark-test-compare.bulwark", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_compare_saved (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);
  BwProject *project;
  BwDocument *doc;
  BwDiffDialog *dialog;
  BwDiff *diff;
  const char *service = NULL;

  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (200);
  project = bw_window_get_project (window);
  doc = bw_project_get_document (project);

  /* Unchanged: nothing differs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  wait_for (dialog);
  diff = bw_diff_dialog_get_diff (dialog);
  g_assert_nonnull (diff);
  g_assert_cmpuint (bw_diff_get_n_techniques (diff), ==, 0);
  g_assert_false (bw_diff_is_regression (diff));
  gtk_window_destroy (GTK_WINDOW (dialog));
  bw_test_window_iterate (50);

  /* Delete Defender for Endpoint, through the history as the canvas does. */
  for (guint i = 0; i < bw_document_get_n_nodes (doc) && service == NULL; i++)
    {
      const BwNode *node = bw_document_get_node (doc, i);

      if (g_str_has_prefix (node->kind, "sec.defender-for-endpoint"))
        service = node->id;
    }
  g_assert_nonnull (service);
  {
    g_autofree char *id = g_strdup (service);
    const char *ids[] = { id, NULL };

    g_assert_true (bw_history_remove (bw_project_get_history (project), ids, &error));
    g_assert_no_error (error);
  }
  bw_test_window_iterate (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for (dialog);
  diff = bw_diff_dialog_get_diff (dialog);
  g_assert_nonnull (diff);
  g_assert_null (bw_diff_dialog_get_error (dialog));
  g_assert_cmpuint (bw_diff_get_n_techniques (diff), >, 0);
  g_assert_true (bw_diff_is_regression (diff));
  g_assert_cmpuint (bw_diff_get_services_removed (diff)->len, ==, 1);
  /* One row per changed technique; the same figures as the command line computes. */
  g_assert_cmpuint (g_list_model_get_n_items (bw_diff_dialog_get_techniques (dialog)), ==,
                    bw_diff_get_n_techniques (diff));
  g_assert_cmpuint (g_list_model_get_n_items (bw_diff_dialog_get_areas (dialog)), >, 0);
  {
    g_autoptr(BwDocument) saved = bw_document_load_from_file (path, &error);
    g_autoptr(BwDiff) expected = bw_diff_compute (bw_project_get_catalog (project), saved, doc);
    g_autofree char *a = bw_diff_to_json (expected, NULL);
    g_autofree char *b = bw_diff_to_json (diff, NULL);

    g_assert_cmpstr (a, ==, b);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  bw_test_window_iterate (50);

  /* Compare With… another file that does not load: the dialog says why. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/other.bulwark");

    dialog = bw_window_compare_with (window, missing);
    wait_for (dialog);
    g_assert_null (bw_diff_dialog_get_diff (dialog));
    g_assert_nonnull (bw_diff_dialog_get_error (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Closing while the worker runs is safe. */
  dialog = bw_window_compare_with (window, file);
  gtk_window_destroy (GTK_WINDOW (dialog));
  bw_test_window_iterate (500);

  bw_test_window_destroy (window);
  g_unlink (path);
}

static void
test_compare_untitled (void)
{
  BwWindow *window = bw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (100);
  /* No file yet: a toast, and no dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  bw_test_window_iterate (100);
  g_assert_null (find_dialog ());
  bw_test_window_destroy (window);
}

static void
csv_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (bw_window_export_csv_finish (BW_WINDOW (source), result, error));
}

static void
test_export_csv (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "bulwark-test-compare.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_window_new (app);
  BwProject *project;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (100);
  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  g_unlink (out);
  bw_window_export_csv_async (window, target, csv_done_cb, &error);
  while (!g_file_test (out, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  bw_test_window_iterate (100);
  g_assert_no_error (error);
  written = bw_test_read_file (out, NULL);
  project = bw_window_get_project (window);
  expected = bw_report_csv_per_asset (bw_project_get_catalog (project),
                                      bw_project_get_document (project), NULL);
  g_assert_cmpstr (written, ==, expected);
  g_unlink (out);
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/window-compare/saved", test_compare_saved);
  g_test_add_func ("/window-compare/untitled", test_compare_untitled);
  g_test_add_func ("/window-compare/export-csv", test_export_csv);

  return bw_test_window_run (&app);
}
