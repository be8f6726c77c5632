/* test-window.c: the real window under a display — opening files, the canvas state, the title's
 * unsaved-changes mark, refusing a bad file without losing the open document, saving. */
#include "config.h"

#include <glib/gstdio.h>

#include "bw-application.h"
#include "bw-document-io.h"
#include "bw-engine.h"
#include "bw-layout.h"
#include "bw-painter.h"
#include "bw-advisor.h"
#include "bw-capability-row.h"
#include "bw-recommend.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static void
test_open_sample (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);
  BwLayout *layout;
  BwDocument *doc;
  const char *title;

  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (300);

  doc = bw_test_window_document (window);
  layout = bw_canvas_get_layout (bw_window_get_canvas (window));
  g_assert_nonnull (layout);
  g_assert_cmpuint (bw_layout_get_n_nodes (layout), ==, bw_document_get_n_nodes (doc));
  g_assert_cmpuint (bw_layout_get_n_zones (layout), ==, bw_document_get_n_zones (doc));
  g_assert_cmpuint (bw_layout_get_n_edges (layout), ==, bw_document_get_n_edges (doc));
  g_assert_cmpuint (bw_document_get_n_nodes (doc), >, 40);

  /* Every node's stencil is known to the shipped catalog. */
  for (guint i = 0; i < bw_layout_get_n_nodes (layout); i++)
    g_assert_nonnull (bw_layout_get_node (layout, i)->stencil);

  /* The view was fitted: the whole diagram is on screen. */
  {
    BwCanvas *canvas = bw_window_get_canvas (window);
    BwRect bounds = bw_layout_get_bounds (layout);
    double x0, y0, x1, y1;

    bw_canvas_diagram_to_widget (canvas, bounds.x, bounds.y, &x0, &y0);
    bw_canvas_diagram_to_widget (canvas, bounds.x + bounds.w, bounds.y + bounds.h, &x1, &y1);
    g_assert_cmpfloat (x0, >=, 0);
    g_assert_cmpfloat (y0, >=, 0);
    g_assert_cmpfloat (x1, <=, gtk_widget_get_width (GTK_WIDGET (canvas)) + 0.5);
    g_assert_cmpfloat (y1, <=, gtk_widget_get_height (GTK_WIDGET (canvas)) + 0.5);
  }

  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (title, "reference-architecture.bulwark"));

  /* Opened files are offered again under Open Recent, newest first. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (
        G_MENU_MODEL (window->recent_section), 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

    g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->recent_section)), >=, 1);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
    /* And among the desktop's recent files, once the window is idle. */
    for (guint waited = 0;
         waited < 2000 && !gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
         waited += 50)
      bw_test_window_iterate (50);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }
  bw_test_window_destroy (window);
}

static void
test_bad_file_keeps_document (void)
{
  g_autofree char *good = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.bulwark", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);
  BwDocument *before;

  g_assert_true (bw_window_load_file (window, good_file, NULL));
  before = bw_test_window_document (window);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"bulwark\", \"version\": 1, \"zones\": [", -1,
                                      NULL));
  g_assert_false (bw_window_load_file (window, bad_file, &error));
  g_assert_nonnull (error);
  g_assert_true (bw_test_window_document (window) == before);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), good_file));

  g_unlink (bad);
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

static void
test_title_marks_changes_and_save (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = bw_test_read_file (sample, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  BwWindow *window = bw_test_window_new (app);
  g_autofree char *id = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (bw_window_load_file (window, file, &error));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  id = bw_canvas_place_stencil (bw_window_get_canvas (window), "azure.vm", 5000, 5000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  bw_test_window_iterate (50);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  g_assert_true (bw_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  saved = bw_test_read_file (path, NULL);
  g_assert_nonnull (strstr (saved, "\"azure.vm\""));

  /* Undo brings back the saved state's opposite: modified again, and the node gone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (bw_document_lookup_node (bw_test_window_document (window), id));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  g_unlink (path);
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

static void
test_zoom_and_pan (void)
{
  BwWindow *window = bw_test_window_new (app);
  BwCanvas *canvas = bw_window_get_canvas (window);
  double z = bw_canvas_get_zoom (canvas);
  double ox, oy;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (bw_canvas_get_zoom (canvas), >, z);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (bw_canvas_get_zoom (canvas), 1.0, 1e-9);
  /* At the zoom limit the action that would pass it is disabled, as a button for it shows. */
  {
    GtkWidget *zoom_in = gtk_button_new ();

    gtk_actionable_set_action_name (GTK_ACTIONABLE (zoom_in), "win.zoom-in");
    gtk_box_append (window->palette_box, zoom_in);
    bw_test_window_iterate (20);
    g_assert_true (gtk_widget_get_sensitive (zoom_in));
    for (int i = 0; i < 20; i++)
      gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
    bw_test_window_iterate (20);
    g_assert_cmpfloat (bw_canvas_get_zoom (canvas), ==, BW_VIEWPORT_ZOOM_MAX);
    g_assert_false (gtk_widget_get_sensitive (zoom_in));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
    bw_test_window_iterate (20);
    g_assert_true (gtk_widget_get_sensitive (zoom_in));
    gtk_box_remove (window->palette_box, zoom_in);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  bw_canvas_set_offset (canvas, 100, 50);
  bw_canvas_get_offset (canvas, &ox, &oy);
  g_assert_cmpfloat (ox, ==, 100);
  g_assert_cmpfloat (oy, ==, 50);
  bw_test_window_destroy (window);
}

static void
test_export (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  const char *formats[] = { "svg", "png", "pdf", "layer" };
  const char *magic[] = { "<?xml", "\x89PNG", "%PDF", "{" };
  BwWindow *window = bw_test_window_new (app);

  g_assert_true (bw_window_load_file (window, file, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_assert_true (bw_window_export_to (window, formats[i], path, &error));
      g_assert_no_error (error);
      contents = bw_test_read_file (path, NULL);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      g_unlink (path);
    }
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

/* The Export chooser opens in the project's folder, named after the project. */
static void
test_export_chooser_folder (void)
{
  g_autofree char *small = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autofree char *contents = bw_test_read_file (small, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GFile) current = NULL;
  g_autofree char *name = NULL;
  BwWindow *window = bw_test_window_new (app);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_true (bw_window_load_file (window, file, NULL));
  chooser = bw_window_export_chooser_new (window, "pdf");
  bw_test_window_iterate (100);
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (current);
  g_assert_true (g_file_equal (current, folder));
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "estate.pdf");
  g_assert_null (bw_window_export_chooser_new (window, "doc"));
  g_clear_object (&chooser);
  bw_test_window_destroy (window);
  bw_test_remove_tree (dir);
}

/* The window's live report equals a full recompute, and the overlay shows its figures. */
static void
assert_live_figures (BwWindow *window)
{
  BwReport *live = bw_engine_get_report (bw_test_window_engine (window));
  g_autoptr(BwReport) full = bw_engine_compute (bw_test_window_catalog (window),
                                                bw_test_window_document (window));
  g_autofree char *a = bw_report_to_json (live, bw_test_window_catalog (window), NULL);
  g_autofree char *b = bw_report_to_json (full, bw_test_window_catalog (window), NULL);
  const BwOverlay *overlay = bw_canvas_get_overlay (window->canvas);

  bw_test_window_iterate (20);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (overlay->n_tactics, ==, 14);
  g_assert_cmpuint (overlay->n_phases, ==, 7);
  for (guint i = 0; i < overlay->n_tactics; i++)
    {
      const BwReportFigures *f = bw_report_get_tactic (live, i);

      g_assert_cmpfloat (overlay->tactics[i].ratio, ==, f->applicable ? f->ratio : -1);
    }
  for (guint i = 0; i < overlay->n_phases; i++)
    g_assert_cmpint (overlay->phases[i].is_gap, ==, bw_report_get_phase_is_gap (live, i));
}

static const BwReportAsset *
asset_figures (BwWindow   *window,
               const char *id)
{
  BwReport *report = bw_engine_get_report (bw_test_window_engine (window));

  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    if (g_str_equal (bw_report_get_asset (report, i)->id, id))
      return bw_report_get_asset (report, i);
  return NULL;
}

static void
test_edit_flow (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BwWindow *window = bw_test_window_new (app);
  BwCanvas *canvas;
  g_autoptr(GError) error = NULL;
  g_autofree char *storage = NULL;
  g_autofree char *edge = NULL;
  guint covered_in_zone;

  g_assert_true (bw_window_load_file (window, file, &error));
  canvas = bw_window_get_canvas (window);
  assert_live_figures (window);
  g_assert_cmpuint (
      bw_report_get_n_asset_nodes (bw_engine_get_report (bw_test_window_engine (window))), ==, 1);
  covered_in_zone = asset_figures (window, "n1")->covered;
  g_assert_cmpuint (covered_in_zone, >, 0);

  /* Drop a stencil inside the zone: it lands in the zone, and the overlay follows. */
  storage = bw_canvas_place_stencil (canvas, "azure.storage", 300, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bw_document_lookup_node (bw_test_window_document (window), storage)->zone, ==, "z1");
  g_assert_cmpuint (
      bw_report_get_n_asset_nodes (bw_engine_get_report (bw_test_window_engine (window))), ==, 2);
  assert_live_figures (window);

  /* Move the VM out of the zone: it is re-parented and loses the zone's protection. */
  bw_canvas_select (canvas, "n1", FALSE);
  g_assert_true (bw_canvas_move_selection (canvas, 2000, 0, 0, &error));
  g_assert_null (bw_document_lookup_node (bw_test_window_document (window), "n1")->zone);
  g_assert_cmpuint (asset_figures (window, "n1")->covered, ==, 0);
  assert_live_figures (window);

  /* Connect the service to it directly: protects, and the coverage comes back. */
  edge = bw_canvas_connect (canvas, "n2", "n1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bw_document_lookup_edge (bw_test_window_document (window), edge)->kind, ==,
                   BW_EDGE_PROTECTS);
  g_assert_cmpuint (asset_figures (window, "n1")->covered, ==, covered_in_zone);
  assert_live_figures (window);

  /* Two assets are joined by a flow. */
  {
    g_autofree char *flow = bw_canvas_connect (canvas, "n1", storage, &error);

    g_assert_cmpint (bw_document_lookup_edge (bw_test_window_document (window), flow)->kind, ==,
                     BW_EDGE_FLOW);
  }

  /* Delete the service; undo brings it back with its edges; redo removes it again. */
  bw_canvas_select (canvas, "n2", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL);
  g_assert_null (bw_document_lookup_node (bw_test_window_document (window), "n2"));
  g_assert_cmpuint (asset_figures (window, "n1")->covered, ==, 0);
  assert_live_figures (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (bw_document_lookup_node (bw_test_window_document (window), "n2"));
  g_assert_nonnull (bw_document_lookup_edge (bw_test_window_document (window), edge));
  g_assert_cmpuint (asset_figures (window, "n1")->covered, ==, covered_in_zone);
  assert_live_figures (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_null (bw_document_lookup_node (bw_test_window_document (window), "n2"));
  assert_live_figures (window);

  /* Duplicate: a copy of the selection with fresh ids, as one undo step. */
  bw_canvas_select (canvas, "z1", FALSE);
  {
    guint zones = bw_document_get_n_zones (bw_test_window_document (window));
    guint nodes = bw_document_get_n_nodes (bw_test_window_document (window));

    gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.duplicate", NULL);
    g_assert_cmpuint (bw_document_get_n_zones (bw_test_window_document (window)), ==, zones + 1);
    g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==,
                      nodes + 1); /* the storage */
    assert_live_figures (window);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpuint (bw_document_get_n_zones (bw_test_window_document (window)), ==, zones);
    g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, nodes);
  }

  /* A node duplicated on its own lands beside it, in the same zone. */
  bw_canvas_select (canvas, storage, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.duplicate", NULL);
  {
    g_autoptr(GPtrArray) selection = bw_canvas_get_selection (canvas);
    const BwNode *copy;

    g_assert_cmpuint (selection->len, ==, 1);
    copy = bw_document_lookup_node (bw_test_window_document (window),
                                    g_ptr_array_index (selection, 0));
    g_assert_nonnull (copy);
    g_assert_cmpstr (copy->id, !=, storage);
    g_assert_cmpstr (copy->kind, ==, "azure.storage");
    g_assert_cmpstr (copy->zone, ==, "z1");
    g_assert_cmpstr (bw_history_get_undo_label (bw_test_window_history (window)), ==, "Paste");
  }
  bw_test_window_destroy (window);
}

static void
test_threat_layer (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *layer = g_build_filename (dir, "intel.json", NULL);
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);

  g_assert_true (bw_window_load_file (window, file, NULL));
  g_assert_false (bw_report_has_profile (bw_engine_get_report (bw_test_window_engine (window))));
  g_assert_true (g_file_set_contents (layer,
                                      "{\"name\":\"intel\",\"domain\":\"enterprise-attack\","
                                      "\"techniques\":[{\"techniqueID\":\"T1566\",\"score\":1}]}",
                                      -1, NULL));
  g_assert_true (bw_window_import_threat_layer (window, layer, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bw_document_get_threat_techniques (bw_test_window_document (window))[0], ==, "T1566");
  g_assert_true (bw_report_has_profile (bw_engine_get_report (bw_test_window_engine (window))));
  assert_live_figures (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (bw_document_get_threat_techniques (bw_test_window_document (window))[0]);
  g_assert_false (bw_report_has_profile (bw_engine_get_report (bw_test_window_engine (window))));
  g_unlink (layer);
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

/* The Advisor panel: recommendations worked out in the background match the engine's, the
 * first applies as one undoable step, the licence tier and the threat profile change the live
 * figures, and selecting an asset lists where a flow path leads from it. */
static void
test_advisor (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  BwWindow *window = bw_test_window_new (app);
  BwAdvisor *advisor;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(BwDocument) e3 = NULL;
  g_autoptr(BwReport) e3_report = NULL;
  const BwRecommendation *first;
  double before;
  guint nodes;
  const char *groups[] = { "G0016", NULL };

  g_assert_true (bw_window_load_file (window, file, NULL));
  advisor = BW_ADVISOR (window->advisor);
  bw_advisor_refresh_now (advisor);
  expected = bw_recommend (bw_test_window_catalog (window), bw_test_window_document (window), 5,
                           NULL, NULL);
  g_assert_cmpuint (bw_advisor_get_n_recommendations (advisor), ==, expected->len);
  first = bw_advisor_get_recommendation (advisor, 0);
  g_assert_cmpstr (first->stencil, ==,
                   ((BwRecommendation *) g_ptr_array_index (expected, 0))->stencil);
  g_assert_cmpstr (first->target, ==,
                   ((BwRecommendation *) g_ptr_array_index (expected, 0))->target);

  before = bw_report_get_summary (bw_engine_get_report (bw_test_window_engine (window)))->ratio;
  nodes = bw_document_get_n_nodes (bw_test_window_document (window));
  g_assert_true (bw_advisor_apply (advisor, 0, NULL));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, nodes + 1);
  g_assert_cmpfloat (
      bw_report_get_summary (bw_engine_get_report (bw_test_window_engine (window)))->ratio, ==,
      ((BwRecommendation *) g_ptr_array_index (expected, 0))->ratio_after);
  assert_live_figures (window);
  g_assert_cmpstr (bw_history_get_undo_label (bw_test_window_history (window)), ==, "Apply Recommendation");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, nodes);
  g_assert_cmpfloat (
      bw_report_get_summary (bw_engine_get_report (bw_test_window_engine (window)))->ratio, ==,
      before);

  /* Licence tier E3: the live figures are those of the document set to E3. */
  g_assert_true (bw_history_set_licence (bw_test_window_history (window), "E3", NULL));
  e3 = bw_document_copy (bw_test_window_document (window));
  e3_report = bw_engine_compute (bw_test_window_catalog (window), e3);
  g_assert_cmpfloat (
      bw_report_get_summary (bw_engine_get_report (bw_test_window_engine (window)))->ratio, ==,
      bw_report_get_summary (e3_report)->ratio);
  g_assert_cmpfloat (bw_report_get_summary (e3_report)->ratio, <, before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (bw_document_get_licence (bw_test_window_document (window)));

  /* A threat profile: the report carries it, and the panel refreshes without complaint. */
  g_assert_true (bw_history_set_threat_groups (bw_test_window_history (window), groups, NULL));
  g_assert_true (bw_report_has_profile (bw_engine_get_report (bw_test_window_engine (window))));
  bw_advisor_refresh_now (advisor);
  g_assert_cmpuint (bw_advisor_get_n_recommendations (advisor), >, 0);

  /* Attack paths from the public IP: load balancer, VMs, SQL database, and the web app. */
  bw_canvas_select (window->canvas, "n48", FALSE);
  bw_test_window_iterate (50);
  g_assert_cmpuint (bw_advisor_get_n_paths (advisor), ==, 4);
  bw_canvas_clear_selection (window->canvas);
  bw_test_window_iterate (50);
  g_assert_cmpuint (bw_advisor_get_n_paths (advisor), ==, 0);
  bw_test_window_destroy (window);
}

/* The file chooser's path: loading runs on a worker thread while the window keeps drawing. */
static void
test_open_in_background (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/estate.bulwark");
  BwWindow *window = bw_test_window_new (app);
  BwDocument *before = bw_test_window_document (window);
  gint64 deadline;

  bw_window_open_file (window, file);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->progress)));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (bw_test_window_document (window) == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bw_test_window_document (window) != before);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->progress)));
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, 52);

  /* A file that cannot be read leaves the open document alone. */
  before = bw_test_window_document (window);
  bw_window_open_file (window, missing);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (gtk_widget_get_visible (GTK_WIDGET (window->progress)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bw_test_window_document (window) == before);
  bw_test_window_iterate (100);
  bw_test_window_destroy (window);
}

/* A file naming a kind the catalog does not know is refused as the command line refuses it, by
 * both ways of opening, and the open document stays. */
static void
test_unknown_kind_refused (void)
{
  g_autofree char *good = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "toaster.bulwark", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) toplevels = NULL;
  const char *message = "nodes[1].kind: unknown kind “azure.toaster”";
  BwWindow *window = bw_test_window_new (app);
  BwDocument *before;
  AdwMessageDialog *shown = NULL;
  gint64 deadline;

  g_assert_true (bw_window_load_file (window, good_file, NULL));
  before = bw_test_window_document (window);
  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": \"bulwark\", \"version\": 1, \"nodes\": ["
                                      "{\"id\": \"n1\", \"kind\": \"azure.vm\", \"label\": \"VM\", \"x\": 0, \"y\": 0},"
                                      "{\"id\": \"n2\", \"kind\": \"azure.toaster\", \"label\": \"T\", \"x\": 0, \"y\": 0}]}",
                                      -1, NULL));
  g_assert_false (bw_window_load_file (window, bad_file, &error));
  g_assert_error (error, BW_DOCUMENT_ERROR, BW_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_true (bw_test_window_document (window) == before);

  /* In the background, as the file chooser opens it: the error dialog names the place. */
  bw_window_open_file (window, bad_file);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (bw_project_get_loading (bw_window_get_project (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  bw_test_window_iterate (100);
  g_assert_true (bw_test_window_document (window) == before);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), good_file));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_body (l->data), message) == 0)
      shown = l->data;
  g_assert_nonnull (shown);
  g_assert_cmpstr (adw_message_dialog_get_heading (shown), ==, "Could Not Open “toaster.bulwark”");
  gtk_window_destroy (GTK_WINDOW (shown));

  g_unlink (bad);
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

/* A recovery copy opens unsaved, in the name of its original file. */
static void
test_restore (void)
{
  g_autofree char *small = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.bulwark", NULL);
  g_autofree char *original = g_build_filename (dir, "estate.bulwark", NULL);
  g_autofree char *contents = bw_test_read_file (small, NULL);
  BwRecovery recovery = { copy, original, (char *) "", 0 };
  g_autoptr(GError) error = NULL;
  BwWindow *window = bw_test_window_new (app);

  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_assert_true (bw_project_restore (bw_window_get_project (window), &recovery, &error));
  g_assert_no_error (error);
  bw_test_window_iterate (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• estate.bulwark — Bulwark");
  g_assert_cmpuint (bw_layout_get_n_nodes (bw_canvas_get_layout (window->canvas)), ==, 2);
  g_assert_false (bw_project_is_pristine (bw_window_get_project (window)));
  bw_test_window_destroy (window);
  bw_test_remove_tree (dir);
}

/* Recovered work goes into the window that has its file open, even while that window is still
 * reading the file: never a second window on one file. */
static void
test_restore_into_its_window (void)
{
  g_autofree char *small = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.bulwark", NULL);
  g_autofree char *original = g_build_filename (dir, "estate.bulwark", NULL);
  g_autofree char *contents = bw_test_read_file (small, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (original);
  g_autoptr(BwDocument) recovered = bw_document_load_from_file (small, NULL);
  BwRecovery recovery = { copy, original, (char *) "", 0 };
  g_autoptr(GError) error = NULL;
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  BwWindow *window = bw_test_window_new (app);
  BwProject *project = bw_window_get_project (window);
  GtkWindow *restored;

  g_assert_true (g_file_set_contents (original, contents, -1, NULL));
  bw_document_set_title (recovered, "Unsaved work");
  g_assert_true (bw_document_save_to_file (recovered, copy, NULL));

  /* Started with the file: it is being read when the restore comes. */
  bw_window_open_file (window, file);
  restored = bw_application_restore (app, &recovery, &error);
  g_assert_no_error (error);
  g_assert_true (restored == GTK_WINDOW (window));
  while (bw_project_get_loading (project))
    bw_test_window_iterate (10);
  bw_test_window_iterate (50);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows + 1);
  g_assert_cmpstr (bw_document_get_title (bw_project_get_document (project)), ==, "Unsaved work");
  g_assert_true (bw_project_get_modified (project));
  g_assert_true (g_file_equal (bw_project_get_file (project), file));

  /* Loaded already: the same window again. */
  g_assert_true (bw_project_save (project, NULL));
  g_assert_false (bw_project_get_modified (project));
  restored = bw_application_restore (app, &recovery, &error);
  g_assert_no_error (error);
  g_assert_true (restored == GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows + 1);
  bw_test_window_destroy (window);
  bw_test_remove_tree (dir);
}

/* Opening from a window reuses it while it holds nothing of value, else opens a new one. */
static void
test_open_in_which_window (void)
{
  g_autofree char *sample = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  BwWindow *window = bw_test_window_new (app);
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  BwWindow *other = NULL;
  gint64 deadline;

  g_assert_true (bw_project_is_pristine (bw_window_get_project (window)));
  bw_application_open_file (app, file, GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  /* Loading: no longer pristine, so a second file gets a window of its own. */
  g_assert_false (bw_project_is_pristine (bw_window_get_project (window)));
  bw_application_open_file (app, file, GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows + 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BW_IS_WINDOW (l->data) && l->data != window)
      other = l->data;
  g_assert_nonnull (other);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((bw_project_get_loading (bw_window_get_project (window)) ||
          bw_project_get_loading (bw_window_get_project (other))) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (window)), file));
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (other)), file));
  bw_test_window_destroy (other);
  bw_test_window_destroy (window);
}

/* The first widget of `type` under `root` (depth first) whose title is `title` when given. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL ||
       g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_window_saves_as (BwWindow   *window,
                        const char *path,
                        const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (bw_window_save_to (window, file, &error));
  g_assert_no_error (error);
  saved = bw_test_read_file (path, NULL);
  g_assert_cmpstr (saved, ==, expected);
}

/* F1 without a help browser: a dialog says what to install, rather than "Operation not
 * supported". */
static void
test_help_without_yelp (void)
{
  g_autoptr(GAppInfo) handler = g_app_info_get_default_for_uri_scheme ("help");
  BwWindow *window;
  AdwMessageDialog *shown = NULL;
  gint64 deadline;

  if (handler != NULL)
    {
      g_test_skip ("a help browser is installed");
      return;
    }
  window = bw_test_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  bw_test_window_iterate (50);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (shown == NULL && g_get_monotonic_time () < deadline)
    {
      bw_test_window_iterate (20);
      for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
        if (ADW_IS_MESSAGE_DIALOG (l->data) &&
            g_strcmp0 (adw_message_dialog_get_heading (l->data), "Help Is Not Available") == 0)
          shown = l->data;
    }
  g_assert_nonnull (shown);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (shown), "yelp"));
  gtk_window_destroy (GTK_WINDOW (shown));
  bw_test_window_destroy (window);
}

/* Run uninstalled, the About window's icon is found: the application's icon is in the theme. */
static void
test_icon_uninstalled (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APPLICATION_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  path = g_file_get_path (file);
  g_assert_true (g_str_has_suffix (path, APPLICATION_ID ".svg"));
}

/* `icon`, drawn `pixels` pixels square in black by the cairo renderer, as 8-bit alpha. */
static GBytes *
icon_alpha (GtkIconPaintable *icon,
            int               pixels)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };
  const GdkRGBA colors[4] = { black, black, black, black };
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guchar *pixels_data = g_malloc (pixels * pixels * 4);
  guchar *alpha = g_malloc (pixels * pixels);

  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, pixels,
                                            pixels, colors, G_N_ELEMENTS (colors));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels, pixels));
  gsk_renderer_unrealize (renderer);
  gdk_texture_download (texture, pixels_data, pixels * 4);
  for (int i = 0; i < pixels * pixels; i++)
    alpha[i] = pixels_data[4 * i + 3];
  g_free (pixels_data);
  return g_bytes_new_take (alpha, pixels * pixels);
}

/* Every stencil's icon is ours, whatever the desktop's icon theme, and comes, at the sizes the
 * window shows it, from its pre-rendered symbolic PNG (GTK renders an SVG three times over
 * through librsvg; the palette's first screen alone took some 40 ms of CPU at start for it),
 * and that PNG draws the SVG's shape. Larger, the SVG itself is used. */
static void
test_stencil_icons_prerendered (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  BwCatalog *catalog = bw_application_get_catalog (app);
  const char *base = g_application_get_resource_base_path (G_APPLICATION (app));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_checked = 0;
  static const struct
  {
    int size, scale;
    const char *dir;
  } lookups[] = {
    { 16, 1, "/16x16/actions/" }, { 16, 2, "/32x32/actions/" }, { 32, 1, "/32x32/actions/" },
    { 64, 1, "/scalable/actions/" },
  };

  if (!HAVE_SYMBOLIC_PNGS)
    {
      g_test_skip ("built without gtk4-encode-symbolic-svg: the stencil icons are SVG only");
      return;
    }
  g_assert_nonnull (catalog);
  for (guint i = 0; i < bw_catalog_get_n_stencils (catalog); i++)
    {
      const char *icon = bw_catalog_get_stencil (catalog, i)->icon;
      g_autofree char *name = bw_stencil_icon_name (icon);
      g_autofree char *svg_uri =
          g_strdup_printf ("resource://%s/icons/scalable/actions/%s.svg", base, name);
      g_autoptr(GFile) svg_file = g_file_new_for_uri (svg_uri);

      if (!g_hash_table_add (seen, (gpointer) icon))
        continue;
      g_test_message ("icon %s", name);
      {
        g_autoptr(GtkIconPaintable) found =
            gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
        g_autoptr(GFile) file = gtk_icon_paintable_get_file (found);
        g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

        /* Ours, not an icon of the desktop's theme that has the same name (Adwaita has a
         * folder-symbolic, which the palette once showed for "folder"). */
        g_assert_nonnull (uri);
        g_assert_true (g_str_has_prefix (uri, "resource:///"));
      }

      for (guint k = 0; k < G_N_ELEMENTS (lookups); k++)
        {
          g_autoptr(GtkIconPaintable) found =
              gtk_icon_theme_lookup_icon (theme, name, NULL, lookups[k].size, lookups[k].scale,
                                          GTK_TEXT_DIR_NONE, 0);
          g_autoptr(GFile) file = gtk_icon_paintable_get_file (found);
          g_autofree char *uri = g_file_get_uri (file);
          g_autofree char *expected = g_strconcat (base, "/icons", lookups[k].dir, name,
                                                   k < 3 ? ".symbolic.png" : ".svg", NULL);

          g_assert_cmpstr (uri + strlen ("resource://"), ==, expected);
          g_assert_true (gtk_icon_paintable_is_symbolic (found));
        }

      /* The PNG and the SVG draw the same shape: at most a little antialiasing apart. */
      for (int pixels = 16; pixels <= 32; pixels += 16)
        {
          g_autoptr(GtkIconPaintable) svg = gtk_icon_paintable_new_for_file (svg_file, pixels, 1);
          g_autoptr(GtkIconPaintable) png =
              gtk_icon_theme_lookup_icon (theme, name, NULL, pixels, 1, GTK_TEXT_DIR_NONE, 0);
          g_autoptr(GBytes) a = icon_alpha (svg, pixels);
          g_autoptr(GBytes) b = icon_alpha (png, pixels);
          const guchar *pa = g_bytes_get_data (a, NULL), *pb = g_bytes_get_data (b, NULL);
          guint inked = 0;

          for (int p = 0; p < pixels * pixels; p++)
            {
              g_assert_cmpint (ABS ((int) pa[p] - (int) pb[p]), <=, 8);
              inked += pa[p] > 128;
            }
          g_assert_cmpuint (inked, >, (guint) (pixels * pixels / 20));
        }
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 20);
}

/* Appends the text of every label under `root`, one a line. */
static void
collect_labels (GtkWidget *root,
                GString   *texts)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The shortcuts window names keys as people do: no raw key names, no bare symbol for space. */
static void
test_shortcuts_key_names (void)
{
  BwWindow *window = bw_test_window_new (app);
  GtkShortcutsWindow *overlay = bw_window_get_help_overlay (window);
  g_autoptr(GString) texts = g_string_new (NULL);

  g_assert_nonnull (overlay);
  collect_labels (GTK_WIDGET (overlay), texts);
  if (g_getenv ("BW_TEST_SHOW_LABELS") != NULL)
    g_printerr ("%s", texts->str);
  g_assert_null (strstr (texts->str, "KP_"));
  g_assert_null (strstr (texts->str, "␣"));
  g_assert_nonnull (strstr (texts->str, "Delete"));
  g_assert_nonnull (strstr (texts->str, "Space"));
  bw_test_window_destroy (window);
}

/* The main and Export menus are made as they first open, from the window's menu models. */
static void
test_header_menus_on_demand (void)
{
  BwWindow *window = bw_test_window_new (app);
  GtkMenuButton *buttons[] = { window->primary_menu_button, window->export_button };
  GMenuModel *models[] = { window->primary_menu, window->export_menu };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *popover;

      g_assert_null (gtk_menu_button_get_popover (buttons[i]));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (buttons[i])));
      gtk_menu_button_popup (buttons[i]);
      bw_test_window_iterate (100);
      popover = GTK_WIDGET (gtk_menu_button_get_popover (buttons[i]));
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == models[i]);
      g_assert_true (gtk_widget_get_mapped (popover));
      gtk_menu_button_popdown (buttons[i]);
      bw_test_window_iterate (50);
      g_assert_false (gtk_widget_get_mapped (popover));
      /* Opened again, the same popover. */
      gtk_menu_button_popup (buttons[i]);
      bw_test_window_iterate (50);
      g_assert_true (gtk_menu_button_get_popover (buttons[i]) == GTK_POPOVER (popover));
      g_assert_true (gtk_widget_get_mapped (popover));
      gtk_menu_button_popdown (buttons[i]);
      bw_test_window_iterate (50);
    }
  bw_test_window_destroy (window);
}

/* The catalog read on a worker thread while GTK starts (as main () has it) is the one startup
 * would have read; an application that never starts lets its thread finish. */
static void
test_catalog_in_background (void)
{
  g_autoptr(BwApplication) other = bw_application_new ();
  BwApplication *unstarted = bw_application_new ();
  BwCatalog *catalog;

  bw_application_load_catalog_in_background (other);
  g_assert_null (bw_application_get_catalog (other));
  g_assert_true (g_application_register (G_APPLICATION (other), NULL, NULL));
  catalog = bw_application_get_catalog (other);
  g_assert_nonnull (catalog);
  g_assert_null (bw_application_get_catalog_error (other));
  g_assert_cmpuint (bw_catalog_get_n_stencils (catalog), ==,
                    bw_catalog_get_n_stencils (bw_application_get_catalog (app)));
  g_assert_cmpuint (bw_catalog_get_n_techniques (catalog), ==,
                    bw_catalog_get_n_techniques (bw_application_get_catalog (app)));
  g_assert_cmpstr (bw_catalog_get_attack_version (catalog), ==,
                   bw_catalog_get_attack_version (bw_application_get_catalog (app)));

  bw_application_load_catalog_in_background (unstarted);
  g_object_unref (unstarted);
}

/* The shortcuts window is made when first asked for, and Ctrl+? (win.show-help-overlay, as the
 * primary menu names it) shows it all the same. */
static void
test_shortcuts_on_demand (void)
{
  BwWindow *window = bw_test_window_new (app);
  GtkApplicationWindow *app_window = GTK_APPLICATION_WINDOW (window);
  GtkShortcutsWindow *overlay;
  /* GTK 4.8's shortcuts window warns, as it shows, that two of its labels are -3 pixels wide. */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_assert_null (gtk_application_window_get_help_overlay (app_window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  bw_test_window_iterate (100);
  overlay = gtk_application_window_get_help_overlay (app_window);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (bw_window_get_help_overlay (window) == overlay);
  gtk_window_close (GTK_WINDOW (overlay));
  bw_test_window_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  bw_test_window_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  bw_test_window_destroy (window);
  g_log_set_always_fatal (fatal);
}

/* Copies the catalog file `name` to `dir`, every `key` value prefixed with markup-like text. */
static void
copy_catalog_file (const char *dir,
                   const char *name,
                   const char *key)
{
  g_autofree char *relative = g_build_filename ("data", "catalog", name, NULL);
  g_autofree char *source = bw_test_source_path (relative);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = bw_test_read_file (source, NULL);
  g_autofree char *replaced = NULL;
  g_auto(GStrv) parts = NULL;

  if (key != NULL)
    {
      g_autofree char *with = g_strconcat (key, "R&D <i> ATT&CK ", NULL);

      parts = g_strsplit (contents, key, -1);
      replaced = g_strjoinv (with, parts);
    }
  g_assert_true (g_file_set_contents (target, replaced ? replaced : contents, -1, NULL));
}

/* The first label under `root` whose text contains `text`, or NULL. */
static GtkLabel *
find_label_with (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Names with "&" and "<" reach the inspector's rows as plain text: every stencil and every
 * capability of a catalog whose names are all such, shown one by one (a markup error would be a
 * fatal warning); and the About window's description and legal text read in full. */
static void
test_names_are_not_markup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-catalog-XXXXXX", NULL);
  g_autoptr(BwCatalog) shipped = g_object_ref (bw_application_get_catalog (app));
  g_autoptr(BwCatalog) hostile = NULL;
  g_autoptr(GError) error = NULL;
  BwWindow *window;
  BwHistory *history;
  GtkWindow *about;

  copy_catalog_file (dir, "attack.json", NULL);
  copy_catalog_file (dir, "killchain.json", NULL);
  copy_catalog_file (dir, "mappings.json", "\"name\" : \"");
  copy_catalog_file (dir, "stencils.json", "\"name\": \"");
  hostile = bw_catalog_new_from_directory (dir, &error);
  g_assert_no_error (error);
  bw_application_set_catalog (app, hostile);
  window = bw_test_window_new (app);
  history = bw_test_window_history (window);

  for (guint i = 0; i < bw_catalog_get_n_stencils (hostile); i++)
    {
      const BwStencil *stencil = bw_catalog_get_stencil (hostile, i);
      g_autofree char *id = NULL;
      GtkLabel *shown;

      if (stencil->role == BW_ROLE_ZONE)
        id = bw_history_add_zone (history, stencil->id, "Z", NULL, 5000.0 + 400 * i, 0, 300, 200,
                                  &error);
      else
        id = bw_history_add_node (history, stencil->id, "N", NULL, 5000.0 + 400 * i, 0, &error);
      g_assert_no_error (error);
      bw_canvas_select (window->canvas, id, FALSE);
      bw_test_window_iterate (5);
      shown = find_label_with (window->inspector, stencil->name);
      g_assert_nonnull (shown);
      for (guint c = 0; stencil->capabilities != NULL && stencil->capabilities[c] != NULL; c++)
        {
          const BwCapability *capability = bw_catalog_lookup_capability (hostile,
                                                                         stencil->capabilities[c]);

          if (capability != NULL)
            g_assert_nonnull (find_label_with (window->inspector, capability->name));
        }
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  bw_test_window_iterate (100);
  about = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_assert_nonnull (about);
  g_assert_nonnull (find_label_with (GTK_WIDGET (about), "MITRE ATT&CK each tactic covers."));
  gtk_window_destroy (about);

  bw_test_window_destroy (window);
  bw_application_set_catalog (app, shipped);
  bw_test_remove_tree (dir);
}

/* The project's title is set in the header's popover and on the inspector's empty page, as undo
 * steps; a new project then saves it, and the SVG export carries it. */
static void
test_project_title (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "titled.bulwark", NULL);
  g_autofree char *svg = g_build_filename (dir, "titled.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *drawing = NULL;
  BwWindow *window = bw_test_window_new (app);
  BwProject *project = bw_window_get_project (window);
  GtkWidget *row;

  gtk_menu_button_popup (window->title_button);
  bw_test_window_iterate (50);
  gtk_editable_set_text (GTK_EDITABLE (window->title_entry), "Contoso & Partners");
  g_signal_emit_by_name (window->title_entry, "activate");
  bw_test_window_iterate (50);
  g_assert_cmpstr (bw_project_get_title (project), ==, "Contoso & Partners");
  g_assert_true (bw_project_get_modified (project));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "Contoso & Partners");

  /* Nothing selected: the inspector, once shown, shows the title and sets it. */
  adw_view_stack_set_visible_child_name (window->side_stack, "inspector");
  bw_test_window_iterate (50);
  row = find_widget (window->inspector, ADW_TYPE_ENTRY_ROW, "Project Title");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Contoso & Partners");
  gtk_editable_set_text (GTK_EDITABLE (row), "Fabrikam");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (bw_project_get_title (project), ==, "Fabrikam");

  g_assert_true (bw_window_save_to (window, file, NULL));
  saved = bw_test_read_file (path, NULL);
  g_assert_nonnull (strstr (saved, "\"title\": \"Fabrikam\""));
  g_assert_true (bw_window_export_to (window, "svg", svg, NULL));
  drawing = bw_test_read_file (svg, NULL);
  g_assert_nonnull (strstr (drawing, "Fabrikam"));

  /* One undo step each: the inspector follows the undo. */
  g_assert_true (bw_history_undo (bw_project_get_history (project)));
  g_assert_cmpstr (bw_project_get_title (project), ==, "Contoso & Partners");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Contoso & Partners");
  g_assert_true (bw_history_undo (bw_project_get_history (project)));
  g_assert_cmpstr (bw_project_get_title (project), ==, "");
  bw_test_window_destroy (window);
  bw_test_remove_tree (dir);
}

/* Through the inspector's own widgets: switching a capability off or setting a platform override
 * is one undo step, and undo gives back the file's very bytes. */
static void
test_inspector_undo_exact (void)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autofree char *original = bw_test_read_file (sample, NULL);
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "estate.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BwWindow *window = bw_test_window_new (app);
  const char *service = NULL;
  const char *asset = NULL;
  GtkWidget *toggle;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  g_assert_true (bw_window_load_file (window, file, NULL));
  for (guint i = 0; i < bw_document_get_n_nodes (bw_test_window_document (window)); i++)
    {
      const BwNode *node = bw_document_get_node (bw_test_window_document (window), i);
      const BwStencil *stencil =
          bw_catalog_lookup_stencil (bw_test_window_catalog (window), node->kind);

      if (service == NULL && stencil->role == BW_ROLE_SERVICE && stencil->capabilities[0] != NULL)
        service = node->id;
      if (asset == NULL && stencil->role == BW_ROLE_ASSET)
        asset = node->id;
    }

  bw_canvas_select (window->canvas, service, FALSE);
  bw_test_window_iterate (50);
  toggle = find_widget (find_widget (window->inspector, BW_TYPE_CAPABILITY_ROW, NULL),
                       GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  bw_test_window_iterate (50);
  g_assert_true (bw_history_get_modified (bw_test_window_history (window)));
  g_assert_false (bw_node_get_capability_enabled (
      bw_document_lookup_node (bw_test_window_document (window), service),
      bw_catalog_lookup_stencil (
          bw_test_window_catalog (window),
          bw_document_lookup_node (bw_test_window_document (window), service)->kind)
          ->capabilities[0]));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  bw_test_window_iterate (50);
  g_assert_false (bw_history_get_can_undo (bw_test_window_history (window)));
  /* The inspector shows the switch on again, and the file is what it was. */
  toggle = find_widget (find_widget (window->inspector, BW_TYPE_CAPABILITY_ROW, NULL),
                       GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  assert_window_saves_as (window, path, original);

  bw_canvas_select (window->canvas, asset, FALSE);
  bw_test_window_iterate (50);
  /* Platforms are picked from the catalog's, not typed: check one beside the defaults. */
  {
    g_auto(GStrv) known = bw_catalog_dup_platforms (bw_test_window_catalog (window));
    const char *extra = NULL;
    const BwStencil *stencil =
        bw_catalog_lookup_stencil (
            bw_test_window_catalog (window),
            bw_document_lookup_node (bw_test_window_document (window), asset)->kind);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) expected = NULL;
    g_auto(GStrv) platforms = NULL;
    GtkWidget *check;

    for (guint i = 0; extra == NULL && known[i] != NULL; i++)
      if (!g_str_equal (known[i], "PRE") &&
          !g_strv_contains ((const char *const *) stencil->platforms, known[i]))
        extra = known[i];
    g_assert_nonnull (extra);
    g_strv_builder_addv (builder, (const char **) stencil->platforms);
    g_strv_builder_add (builder, extra);
    expected = g_strv_builder_end (builder);
    g_assert_null (find_widget (window->inspector, ADW_TYPE_ENTRY_ROW, "Override"));
    g_assert_null (find_widget (window->inspector, ADW_TYPE_ACTION_ROW, "Windoze"));
    row = find_widget (window->inspector, ADW_TYPE_ACTION_ROW, extra);
    g_assert_nonnull (row);
    check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    bw_test_window_iterate (50);
    platforms =
        bw_node_dup_platforms (bw_document_lookup_node (bw_test_window_document (window), asset));
    g_assert_true (g_strv_equal ((const char *const *) platforms, (const char *const *) expected));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  bw_test_window_iterate (50);
  g_assert_false (bw_history_get_can_undo (bw_test_window_history (window)));
  g_assert_null (
      bw_node_dup_platforms (bw_document_lookup_node (bw_test_window_document (window), asset)));
  assert_window_saves_as (window, path, original);

  g_unlink (path);
  g_rmdir (dir);
  bw_test_window_destroy (window);
}

/* A large estate opens and draws: 100,000 nodes in 100 zones, with edges. */
static void
test_open_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bulwark-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GString *out = g_string_new ("{\"format\":\"bulwark\",\"version\":1,\"zones\":[");
  BwWindow *window;
  BwDocument *before;
  gint64 start;
  gint64 deadline;

  for (guint z = 0; z < 100; z++)
    g_string_append_printf (out, "%s{\"id\":\"z%u\",\"kind\":\"zone.subnet\",\"label\":\"Subnet %u\","
                            "\"x\":%u,\"y\":%u,\"w\":3000,\"h\":3000}", z ? "," : "", z, z,
                            (z % 10) * 3100, (z / 10) * 3100);
  g_string_append (out, "],\"nodes\":[");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (out, "%s{\"id\":\"n%u\",\"kind\":\"onprem.windows-server\",\"label\":\"Server %u\","
                            "\"zone\":\"z%u\",\"x\":%u,\"y\":%u}", i ? "," : "", i, i, i % 100,
                            (i % 100 % 10) * 3100 + (i / 100) % 30 * 100,
                            (i % 100 / 10) * 3100 + (i / 3000) * 90);
  g_string_append (out, "],\"edges\":[");
  for (guint i = 0; i + 1 < 1000; i++)
    g_string_append_printf (out, "%s{\"id\":\"e%u\",\"kind\":\"flow\",\"from\":\"n%u\",\"to\":\"n%u\"}",
                            i ? "," : "", i, i, i + 1);
  g_string_append (out, "]}\n");
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);

  window = bw_test_window_new (app);
  before = bw_test_window_document (window);
  start = g_get_monotonic_time ();
  bw_window_open_file (window, file);
  deadline = start + 90 * G_USEC_PER_SEC;
  while (bw_test_window_document (window) == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("100,000 nodes open in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_true (bw_test_window_document (window) != before);
  g_assert_cmpuint (bw_document_get_n_nodes (bw_test_window_document (window)), ==, 100000);
  /* It draws and stays responsive. */
  bw_test_window_iterate (500);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_test_message ("and drawn after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  bw_test_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  /* As build-aux/run.sh starts it: the icons from the source tree. */
  {
    g_autofree char *icons = bw_test_source_path ("data/icons");

    g_setenv ("BW_ICON_DIR", icons, TRUE);
  }
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/bad-file-keeps-document", test_bad_file_keeps_document);
  g_test_add_func ("/window/unknown-kind-refused", test_unknown_kind_refused);
  g_test_add_func ("/window/open-in-which-window", test_open_in_which_window);
  g_test_add_func ("/window/restore", test_restore);
  g_test_add_func ("/window/restore-into-its-window", test_restore_into_its_window);
  g_test_add_func ("/window/title-marks-changes-and-save", test_title_marks_changes_and_save);
  g_test_add_func ("/window/zoom-and-pan", test_zoom_and_pan);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/export-chooser-folder", test_export_chooser_folder);
  g_test_add_func ("/window/edit-flow", test_edit_flow);
  g_test_add_func ("/window/threat-layer", test_threat_layer);
  g_test_add_func ("/window/open-in-background", test_open_in_background);
  g_test_add_func ("/window/advisor", test_advisor);
  g_test_add_func ("/window/inspector-undo-exact", test_inspector_undo_exact);
  g_test_add_func ("/window/project-title", test_project_title);
  g_test_add_func ("/window/names-are-not-markup", test_names_are_not_markup);
  g_test_add_func ("/window/shortcuts-key-names", test_shortcuts_key_names);
  g_test_add_func ("/window/shortcuts-on-demand", test_shortcuts_on_demand);
  g_test_add_func ("/window/catalog-in-background", test_catalog_in_background);
  g_test_add_func ("/window/header-menus-on-demand", test_header_menus_on_demand);
  g_test_add_func ("/window/help-without-yelp", test_help_without_yelp);
  g_test_add_func ("/window/icon-uninstalled", test_icon_uninstalled);
  g_test_add_func ("/window/stencil-icons-prerendered", test_stencil_icons_prerendered);
  g_test_add_func ("/window/open-large", test_open_large);

  return bw_test_window_run (&app);
}
