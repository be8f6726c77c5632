/* test-strip.c: the canvas's coverage strip is a control — a click on a tactic cell opens that
 * tactic in the Coverage page, a click on a phase one of its tactics, and a cell's tooltip
 * names it with its figures. */
#include "config.h"

#include "bw-application.h"
#include "bw-coverage-view.h"
#include "bw-engine.h"
#include "bw-layout.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

/* The middle of cell `index` of the strip's tactic (or phase) row, canvas coordinates. */
static void
cell_centre (BwCanvas *canvas,
             gboolean  phase_row,
             guint     index,
             double   *x,
             double   *y)
{
  const BwOverlay *overlay = bw_canvas_get_overlay (canvas);
  BwRect band = bw_layout_get_view_band (gtk_widget_get_width (GTK_WIDGET (canvas)),
                                         gtk_widget_get_height (GTK_WIDGET (canvas)));
  BwLayoutCell cell;

  bw_layout_get_overlay_cell (&band, phase_row, index,
                              phase_row ? overlay->n_phases : overlay->n_tactics, &cell);
  *x = cell.box.x + cell.box.w / 2;
  *y = cell.box.y + cell.box.h / 2;
}

static guint
tactic_index (BwCatalog  *catalog,
              const char *name)
{
  for (guint i = 0; i < bw_catalog_get_n_tactics (catalog); i++)
    if (g_str_equal (bw_catalog_get_tactic (catalog, i)->name, name))
      return i;
  g_assert_not_reached ();
}

static void
remember_id (char      **id,
             const char *emitted)
{
  g_free (*id);
  *id = g_strdup (emitted);
}

/* A click on the "Defense Evasion" cell opens that tactic on the Coverage page. */
static void
test_click_opens_tactic (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwCatalog *catalog = bw_test_window_catalog (window);
  guint index = tactic_index (catalog, "Defense Evasion");
  g_autofree char *emitted = NULL;
  double x, y;

  g_assert_cmpuint (bw_canvas_get_overlay (canvas)->n_tactics, ==,
                    bw_catalog_get_n_tactics (catalog));
  adw_view_stack_set_visible_child_name (window->side_stack, "inspector");
  g_signal_connect_swapped (canvas, "tactic-activated", G_CALLBACK (remember_id), &emitted);

  cell_centre (canvas, FALSE, index, &x, &y);
  g_assert_true (bw_canvas_activate_strip (canvas, x, y));
  bw_test_window_iterate (100);
  g_assert_cmpstr (emitted, ==, bw_catalog_get_tactic (catalog, index)->id);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "coverage");
  g_assert_cmpint (bw_coverage_view_get_tactic (BW_COVERAGE_VIEW (window->coverage)), ==, index);

  /* Above the strip, the diagram: nothing to activate, no tooltip. */
  g_assert_false (bw_canvas_activate_strip (canvas, x, y - 200));
  g_assert_null (bw_canvas_get_strip_text (canvas, x, y - 200));
  g_signal_handlers_disconnect_by_data (canvas, &emitted);
  bw_test_window_destroy (window);
}

/* A click on a phase opens one of that phase's tactics. */
static void
test_click_opens_phase (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwCatalog *catalog = bw_test_window_catalog (window);
  const BwPhase *phase = bw_catalog_get_phase (catalog, 0);
  g_autofree char *emitted = NULL;
  const BwTactic *shown;
  double x, y;
  int tactic;

  g_signal_connect_swapped (canvas, "phase-activated", G_CALLBACK (remember_id), &emitted);
  cell_centre (canvas, TRUE, 0, &x, &y);
  g_assert_true (bw_canvas_activate_strip (canvas, x, y));
  bw_test_window_iterate (100);
  g_assert_cmpstr (emitted, ==, phase->id);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "coverage");
  tactic = bw_coverage_view_get_tactic (BW_COVERAGE_VIEW (window->coverage));
  g_assert_cmpint (tactic, >=, 0);
  shown = bw_catalog_get_tactic (catalog, tactic);
  g_assert_true (g_strv_contains ((const char *const *) phase->tactics, shown->shortname));
  g_signal_handlers_disconnect_by_data (canvas, &emitted);
  bw_test_window_destroy (window);
}

/* A cell's tooltip: the full name, the ratio and the counts. */
static void
test_tooltip_text (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCanvas *canvas = bw_window_get_canvas (window);
  BwCatalog *catalog = bw_test_window_catalog (window);
  BwReport *report = bw_engine_get_report (bw_test_window_engine (window));
  guint index = tactic_index (catalog, "Privilege Escalation");
  const BwReportFigures *f = bw_report_get_tactic (report, index);
  g_autofree char *text = NULL;
  g_autofree char *ratio = g_strdup_printf ("%.0f%%", f->ratio * 100);
  g_autofree char *counts = g_strdup_printf ("%u covered, %u partial, %u gaps of %u", f->covered,
                                             f->partial, f->gap, f->applicable);
  double x, y;

  g_assert_cmpuint (f->applicable, >, 0);
  cell_centre (canvas, FALSE, index, &x, &y);
  text = bw_canvas_get_strip_text (canvas, x, y);
  g_assert_nonnull (text);
  /* The full name, not the strip's short "Priv. Escalation". */
  g_assert_nonnull (strstr (text, "Privilege Escalation"));
  g_assert_nonnull (strstr (text, ratio));
  g_assert_nonnull (strstr (text, counts));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (canvas)));
  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/strip/click-opens-tactic", test_click_opens_tactic);
  g_test_add_func ("/strip/click-opens-phase", test_click_opens_phase);
  g_test_add_func ("/strip/tooltip-text", test_tooltip_text);

  return bw_test_window_run (&app);
}
