/* test-window-import.c: Import draw.io Diagram… under a display — the import opens as a new
 * unsaved project (in the window when it is empty, else in a new one), what was left out is
 * listed in a dialog, and a bad diagram changes nothing. */
#include "config.h"

#include "bw-application.h"
#include "bw-test-util.h"
#include "bw-test-window.h"
#include "bw-window-private.h"

static BwApplication *app;

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("BW_SOURCE_DIR"), "tests", "fixtures", "drawio", name, NULL);
}

/* The dialog named `name` shown over `window`, or NULL. */
static GtkWidget *
dialog_named (BwWindow   *window,
              const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) top = g_list_model_get_item (toplevels, i);

      if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (top)), name) &&
          gtk_window_get_transient_for (top) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (top)))
        return GTK_WIDGET (top);
    }
  return NULL;
}

static GtkWidget *
report_dialog (BwWindow *window)
{
  return dialog_named (window, "drawio-report");
}

static GtkWidget *
find_combo_row (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row's choice for stencil `id`: "Leave out", then the stencils that are not zones. */
static guint
choice_of (BwCatalog  *catalog,
           const char *id)
{
  guint position = 1;

  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (catalog, i);

      if (stencil->role == BW_ROLE_ZONE)
        continue;
      if (g_str_equal (stencil->id, id))
        return position;
      position++;
    }
  g_assert_not_reached ();
}

static void
test_import (void)
{
  BwWindow *window = bw_test_window_new (app);
  g_autofree char *estate = fixture ("estate.drawio");
  g_autofree char *multi = fixture ("multi-page.drawio");
  g_autofree char *bad = fixture ("make-fixtures.py");
  g_autoptr(GError) error = NULL;
  BwProject *project;
  BwWindow *imported;
  BwWindow *second;
  GtkWidget *dialog;

  /* An empty window takes the import. */
  imported = bw_window_import_drawio (window, estate, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (imported == window);
  bw_test_window_iterate (200);
  project = bw_window_get_project (window);
  g_assert_cmpuint (bw_document_get_n_zones (bw_project_get_document (project)), ==, 4);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_project_get_document (project)), ==, 6);
  g_assert_cmpuint (bw_document_get_n_edges (bw_project_get_document (project)), ==, 6);
  g_assert_null (bw_project_get_file (project));
  g_assert_true (bw_project_get_modified (project));
  g_assert_nonnull (bw_project_get_report (project));

  /* What was left out, listed, with the unknown shape offered for mapping by hand. */
  dialog = report_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  {
    GtkWidget *row = find_combo_row (dialog);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "mxgraph.basic.smiley");
    adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                choice_of (bw_project_get_catalog (project), "onprem.linux-server"));
    /* As the button does: the response, then the dialog closes. */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
    bw_test_window_destroy (dialog);
    bw_test_window_iterate (200);
  }
  /* Imported again into the same window, the shape now a node. */
  g_assert_true (bw_window_get_project (window) == project);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_project_get_document (project)), ==, 7);
  g_assert_cmpstr (bw_document_lookup_node (bw_project_get_document (project), "n11")->kind, ==,
                   "onprem.linux-server");
  g_assert_true (bw_project_get_modified (project));
  dialog = report_dialog (window);
  g_assert_nonnull (dialog);
  /* Nothing left to map: no rows. */
  g_assert_null (find_combo_row (dialog));
  bw_test_window_destroy (dialog);

  /* The choice is remembered: the same diagram imported into a new window maps the shape. */
  {
    BwWindow *again = bw_test_window_new (app);

    g_assert_true (bw_window_import_drawio (again, estate, NULL, &error) == again);
    g_assert_no_error (error);
    bw_test_window_iterate (200);
    g_assert_cmpstr (bw_document_lookup_node (bw_test_window_document (again), "n11")->kind, ==,
                     "onprem.linux-server");
    dialog = report_dialog (again);
    g_assert_nonnull (dialog);
    g_assert_null (find_combo_row (dialog));
    bw_test_window_destroy (dialog);
    bw_test_window_destroy (again);
  }

  /* A window with work in it keeps it: the next import opens a new window. */
  second = bw_window_import_drawio (window, multi, "Legacy", &error);
  g_assert_no_error (error);
  g_assert_true (second != window);
  bw_test_window_iterate (200);
  g_assert_cmpuint (
      bw_document_get_n_nodes (bw_test_window_document (second)), ==, 3);
  g_assert_cmpstr (bw_document_get_title (bw_test_window_document (second)),
                   ==, "multi-page — Legacy");
  /* Everything came in: no dialog, a toast. */
  g_assert_null (report_dialog (second));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_project_get_document (project)), ==, 7);

  /* Not a diagram: an error, and the documents stay. */
  g_assert_null (bw_window_import_drawio (second, bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (
      bw_document_get_n_nodes (bw_test_window_document (second)), ==, 3);

  bw_test_window_destroy (GTK_WIDGET (second));
  bw_test_window_destroy (window);
}

/* A diagram of several pages: the window asks which, and imports the one chosen. */
static void
test_asks_page (void)
{
  BwWindow *window = bw_test_window_new (app);
  g_autofree char *multi = fixture ("multi-page.drawio");
  GtkWidget *dialog;

  bw_window_import_drawio_file (window, multi);
  bw_test_window_iterate (100);
  dialog = dialog_named (window, "drawio-pages");
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "1"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "2"), ==, "Legacy");
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "3"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "2");
  bw_test_window_destroy (dialog);
  bw_test_window_iterate (200);
  g_assert_cmpstr (bw_document_get_title (bw_test_window_document (window)),
                   ==, "multi-page — Legacy");
  g_assert_cmpuint (
      bw_document_get_n_nodes (bw_test_window_document (window)), ==, 3);
  bw_test_window_destroy (window);
}

static void
test_report_text (void)
{
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (NULL);
  g_autofree char *estate = fixture ("estate.drawio");
  g_autoptr(BwDrawioReport) report = NULL;
  g_autoptr(BwDocument) doc = bw_drawio_import_file (catalog, estate, NULL, &report, NULL);
  g_autofree char *text = bw_window_import_report_text (report);

  g_assert_nonnull (doc);
  g_assert_cmpstr (text, ==,
                   "Text “Contoso estate”\n"
                   "Shape “Mascot” (mxgraph.basic.smiley): no stencil matches it\n"
                   "Connector e7: a shape it joins was not imported\n"
                   "Connector e8: it is not joined to a shape at both ends\n"
                   "Connector e9: no connection joins these two: a service protects assets and zones, "
                   "telemetry goes to a collector or Sentinel, and flows join assets\n");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("bulwark-import-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/window-import/import", test_import);
  g_test_add_func ("/window-import/asks-page", test_asks_page);
  g_test_add_func ("/window-import/report-text", test_report_text);

  status = bw_test_window_run (&app);
  bw_test_remove_tree (home);
  return status;
}
