/* test-window-azure.c: Import Azure Inventory… in the real window — a new unsaved project, in
 * this window when it is empty and in a new one otherwise — and Arrange as one undo step. */
#include "config.h"

#include "bw-application.h"
#include "bw-document-io.h"
#include "bw-window-private.h"
#include "bw-test-arranged.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static void
test_import_and_arrange (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/azure/graph-query.json");
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) sample_file = g_file_new_for_path (sample);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);
  BwWindow *imported, *other;
  BwProject *project;
  BwDocument *doc;
  BwHistory *history;
  g_autofree char *arranged = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  const BwNode *vm;

  /* An empty window takes the import. */
  imported = bw_window_import_azure (window, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (imported == window);
  bw_test_window_iterate (100);
  project = bw_window_get_project (window);
  doc = bw_project_get_document (project);
  history = bw_project_get_history (project);
  g_assert_cmpuint (bw_document_get_n_zones (doc), ==, 7);
  g_assert_cmpuint (bw_document_get_n_nodes (doc), ==, 12);
  g_assert_null (bw_project_get_file (project));
  g_assert_true (bw_project_get_modified (project));
  g_assert_false (bw_history_get_can_undo (history));
  bw_test_assert_arranged (doc);
  arranged = bw_document_to_data (doc, NULL);

  /* Mess it up, then Arrange: one step, undone in one. */
  vm = bw_document_get_node (doc, 4);
  {
    const char *ids[] = { vm->id, NULL };

    g_assert_true (bw_history_move (history, ids, 333, -77, 0, NULL));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.arrange", NULL));
  after = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (after, ==, arranged);
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Arrange");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  undone = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (undone, !=, arranged);
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Move");

  /* A window holding a project opens the import in a new window. */
  other = bw_window_new (app);
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (bw_window_load_file (other, sample_file, NULL));
  imported = bw_window_import_azure (other, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (imported != other);
  g_assert_cmpuint (
      bw_document_get_n_nodes (bw_test_window_document (imported)), ==, 12);
  bw_test_window_destroy (imported);

  /* Not an inventory: an error, and the window keeps what it holds. */
  {
    g_autofree char *bad = bw_test_source_path ("data/samples/reference-architecture.bulwark");
    guint nodes = bw_document_get_n_nodes (bw_test_window_document (other));

    g_assert_null (bw_window_import_azure (other, bad, FALSE, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (
        bw_document_get_n_nodes (bw_test_window_document (other)), ==,
        nodes);
  }
  bw_test_window_destroy (other);
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;
  g_test_add_func ("/window-azure/import-and-arrange", test_import_and_arrange);
  return bw_test_window_run (&app);
}
