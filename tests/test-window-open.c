/* test-window-open.c: opening a large project in the window — the first report is computed off
 * the main thread while the Coverage panel shows a spinner and the window takes no edits; then
 * the panel shows the same figures a full recompute gives, and editing resumes. Closing the
 * window or opening another file meanwhile is clean. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bw-coverage-view.h"
#include "bw-document-io.h"
#include "bw-tactic-row.h"
#include "bw-test-estate.h"
#include "bw-test-util.h"
#include "bw-test-window.h"
#include "bw-window-private.h"

#define N_NODES 20000

static BwApplication *app;
static char *large_path; /* a generated estate of about N_NODES nodes */

static BwCoverageView *
coverage (BwWindow *window)
{
  return BW_COVERAGE_VIEW (window->coverage);
}

static void
wait_loaded (BwWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (bw_project_get_loading (bw_window_get_project (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bw_project_get_loading (bw_window_get_project (window)));
}

/* The header bar's button for `action` (win.undo), whose sensitivity is the action's state. */
static GtkWidget *
action_button (BwWindow   *window,
               const char *action)
{
  g_autoptr(GPtrArray) buttons = bw_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];
  g_assert_not_reached ();
}

/* What takes edits in the window: all of it at once, on or off. */
static void
assert_editable (BwWindow *window,
                 gboolean  editable)
{
  GtkWidget *editors[] = { GTK_WIDGET (window->canvas), GTK_WIDGET (window->palette_box),
                           GTK_WIDGET (window->title_button), window->inspector,
                           window->advisor };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    g_assert_cmpint (gtk_widget_get_sensitive (editors[i]), ==, editable);
}

/* The window's live report equals a full, synchronous recompute of its document. */
static void
assert_live_report (BwWindow *window)
{
  bw_test_assert_report_current (bw_test_window_catalog (window), bw_test_window_document (window),
                                 bw_engine_get_report (bw_test_window_engine (window)));
}

/* Each tactic row of the Coverage panel shows the figures of a full recompute. */
static void
assert_panel_figures (BwWindow *window)
{
  BwCatalog *catalog = bw_test_window_catalog (window);
  g_autoptr(BwReport) full = bw_engine_compute (catalog, bw_test_window_document (window));
  g_autoptr(GPtrArray) rows = bw_test_find_all (window->coverage, BW_TYPE_TACTIC_ROW);

  g_assert_cmpuint (rows->len, ==, bw_catalog_get_n_tactics (catalog));
  for (guint i = 0; i < rows->len; i++)
    {
      guint index = bw_tactic_row_get_index (rows->pdata[i]);
      const BwReportFigures *f = bw_report_get_tactic (full, index);
      g_autoptr(GPtrArray) bars = bw_test_find_all (rows->pdata[i], GTK_TYPE_LEVEL_BAR);
      g_autoptr(GPtrArray) labels = bw_test_find_all (rows->pdata[i], GTK_TYPE_LABEL);
      g_autofree char *counts = g_strdup_printf ("%u covered · %u partial · %u gaps · %u applicable",
                                                 f->covered, f->partial, f->gap, f->applicable);
      gboolean shown = FALSE;

      g_assert_cmpuint (bars->len, ==, 1);
      g_assert_cmpfloat (gtk_level_bar_get_value (bars->pdata[0]), ==,
                         f->applicable > 0 ? f->ratio : 0);
      for (guint k = 0; k < labels->len; k++)
        shown |= g_strcmp0 (gtk_label_get_text (labels->pdata[k]), counts) == 0;
      g_assert_true (shown);
    }
}

/* While the file is read and computed, a spinner stands in for the figures and nothing edits the
 * document about to go; then the figures are a full recompute's and edits go to the new one. */
static void
test_progress_then_figures (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  BwWindow *window = bw_test_window_new (app);
  GtkWidget *undo = action_button (window, "win.undo");
  g_autoptr(GPtrArray) spinners = bw_test_find_all (window->coverage, GTK_TYPE_SPINNER);
  g_autofree char *added = NULL;
  const char *removed[2] = { NULL, NULL };
  guint n_nodes;

  adw_view_stack_set_visible_child_name (window->side_stack, "coverage");
  /* At once, rather than after the delay that spares a small project a flash. */
  bw_coverage_view_set_progress_delay (coverage (window), 0);
  g_assert_cmpuint (spinners->len, ==, 1);
  added = bw_history_add_node (bw_test_window_history (window), "azure.vm", "VM", NULL, 0, 0,
                               NULL);
  g_assert_nonnull (added);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (bw_coverage_view_is_computing (coverage (window)));

  bw_window_open_file (window, file);
  g_assert_true (bw_coverage_view_is_computing (coverage (window)));
  g_assert_true (gtk_spinner_get_spinning (spinners->pdata[0]));
  g_assert_true (gtk_widget_get_mapped (spinners->pdata[0]));
  /* Held: the widgets that edit take no input, and undo is off. */
  assert_editable (window, FALSE);
  g_assert_false (gtk_widget_get_sensitive (undo));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, 1);

  wait_loaded (window);
  g_assert_false (bw_coverage_view_is_computing (coverage (window)));
  g_assert_false (gtk_spinner_get_spinning (spinners->pdata[0]));
  n_nodes = bw_document_get_n_nodes (bw_test_window_document (window));
  g_assert_cmpuint (n_nodes, >, N_NODES / 2);
  assert_live_report (window);
  assert_panel_figures (window);

  /* Edits go to the new document, with a history of its own, and the figures follow. */
  assert_editable (window, TRUE);
  g_assert_false (gtk_widget_get_sensitive (undo));
  removed[0] = bw_test_window_first_service (window);
  g_assert_true (bw_history_remove (bw_test_window_history (window), removed, NULL));
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), <, n_nodes);
  bw_test_window_iterate (50);
  assert_live_report (window);
  assert_panel_figures (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, n_nodes);
  bw_test_window_iterate (50);
  assert_live_report (window);
  bw_test_window_destroy (window);
}

/* The resident set of this process, in KiB. */
static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return strtol (line + 6, NULL, 10);
}

/* What releasing the memory freed but held gives back now, in KiB. */
static long
released_now (void)
{
  long before = resident_kib ();

  bw_application_release_memory (app);
  return before - resident_kib ();
}

/* What the load's threads freed goes back to the system a moment after the file is in, with
 * the window still open, and what a window held a moment after it closes: once it has, a
 * release finds next to nothing left to give back, while one at the moment the file is in
 * gives back megabytes. */
static void
test_memory_back (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  BwWindow *window = bw_test_window_new (app);
  BwWindow *other;
  long at_once, later;

  bw_window_open_file (window, file);
  wait_loaded (window);
  at_once = released_now ();
  bw_test_window_destroy (window);

  window = bw_test_window_new (app);
  bw_window_open_file (window, file);
  wait_loaded (window);
  /* The release comes a second after the last work (the load, then the advice). */
  bw_test_window_iterate (3000);
  later = released_now ();
  g_test_message ("released at once: %ld KiB; left to release a moment later: %ld KiB",
                  at_once, later);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), >, 10000);
  g_assert_cmpint (at_once, >, 1024);
  g_assert_cmpint (later, <, at_once / 4);

  /* Closed while another window stays: what its 20,000 nodes took goes back as well. */
  other = bw_test_window_new (app);
  bw_test_window_iterate (2500);
  bw_test_window_destroy (window);
  bw_test_window_iterate (2500);
  later = released_now ();
  g_test_message ("left to release a moment after the window closed: %ld KiB", later);
  g_assert_cmpint (later, <, at_once / 4);
  bw_test_window_destroy (other);
}

/* A small project opens without the spinner: it would only flash. */
static void
test_small_without_spinner (void)
{
  g_autofree char *small = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (small);
  BwWindow *window = bw_test_window_new (app);

  bw_window_open_file (window, file);
  g_assert_false (bw_coverage_view_is_computing (coverage (window)));
  assert_editable (window, FALSE);
  wait_loaded (window);
  g_assert_false (bw_coverage_view_is_computing (coverage (window)));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, 2);
  assert_editable (window, TRUE);
  assert_live_report (window);
  bw_test_window_destroy (window);
}

static guint
n_message_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += ADW_IS_MESSAGE_DIALOG (l->data);
  return n;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Closed while the file is still read and computed: the load is cancelled and dropped without a
 * word, and the window and its project go once it ends. */
static void
test_close_while_computing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  BwWindow *window = bw_test_window_new (app);
  BwProject *project = bw_window_get_project (window);
  guint n_dialogs = n_message_dialogs ();
  guint n_documents = 0;
  gint64 deadline;

  g_signal_connect (project, "notify::document", G_CALLBACK (count_cb), &n_documents);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  bw_window_open_file (window, file);
  g_assert_true (bw_project_get_loading (project));
  bw_test_window_destroy (window);

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((window != NULL || project != NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window);
  g_assert_null (project);
  g_assert_cmpuint (n_documents, ==, 0);
  bw_test_window_iterate (50);
  g_assert_cmpuint (n_message_dialogs (), ==, n_dialogs);
}

/* Another file opened while the first still computes gets a window of its own; each window
 * ends with its own file's figures. */
static void
test_second_file_while_computing (void)
{
  g_autofree char *small = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(GFile) large_file = g_file_new_for_path (large_path);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  BwWindow *window = bw_test_window_new (app);
  BwWindow *other = NULL;

  bw_application_open_file (app, large_file, GTK_WINDOW (window));
  g_assert_true (bw_project_get_loading (bw_window_get_project (window)));
  bw_application_open_file (app, small_file, GTK_WINDOW (window));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BW_IS_WINDOW (l->data) && l->data != window)
      other = l->data;
  g_assert_nonnull (other);

  wait_loaded (window);
  wait_loaded (other);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), large_file));
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (other)), small_file));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (other)), ==, 2);
  assert_live_report (window);
  assert_live_report (other);
  bw_test_window_destroy (other);
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(BwDocument) estate = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  large_path = g_build_filename (dir, "estate.bulwark", NULL);
  estate = bw_test_random_estate (bw_application_get_catalog (app), N_NODES, 7);
  g_assert_true (bw_document_save_to_file (estate, large_path, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window-open/progress-then-figures", test_progress_then_figures);
  g_test_add_func ("/window-open/small-without-spinner", test_small_without_spinner);
  g_test_add_func ("/window-open/close-while-computing", test_close_while_computing);
  g_test_add_func ("/window-open/second-file-while-computing", test_second_file_while_computing);
  g_test_add_func ("/window-open/memory-back", test_memory_back);
  status = bw_test_window_run (&app);

  bw_test_remove_tree (dir);
  g_free (large_path);
  return status;
}
