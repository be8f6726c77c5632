/* test-pages.c: the coverage matrix and the technique page, under a display, on the sample and
 * the shipped catalog — every technique laid out under each of its tactics, folding, the
 * platform, search and threat profile filters, each cell's label against the report, clicks on
 * cells; the technique page's rows against the explanation, the canvas marks and the advice. */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-application.h"
#include "bw-coverage-view.h"
#include "bw-document-io.h"
#include "bw-explain.h"
#include "bw-matrix-grid.h"
#include "bw-matrix-window.h"
#include "bw-recommend.h"
#include "bw-technique-page.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

static gboolean
lists (const BwTechnique *t,
       const BwTactic    *tactic)
{
  return g_strv_contains ((const char *const *) t->tactics, tactic->shortname);
}

static const char *
expected_label (BwStatus status)
{
  switch (status)
    {
    case BW_STATUS_COVERED:
      return _("Covered");
    case BW_STATUS_PARTIAL:
      return _("Partial");
    case BW_STATUS_GAP:
      return _("Gap");
    case BW_STATUS_NOT_APPLICABLE:
    default:
      return _("n/a");
    }
}

/* Unfolded, each column holds every technique of its tactic once (on `platform` only, when
 * set), and a sub-technique's cell says its own status. */
static void
check_all_laid_out (BwMatrixWindow *matrix,
                    BwCatalog      *catalog,
                    BwReport       *report,
                    const char     *platform)
{
  guint total = 0;

  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    {
      const BwTactic *tactic = bw_catalog_get_tactic (catalog, c);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      guint expected = 0;

      for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
        {
          const BwTechnique *t = bw_catalog_get_technique (catalog, i);

          expected += lists (t, tactic) &&
                      (platform == NULL ||
                       g_strv_contains ((const char *const *) t->platforms, platform));
        }
      g_assert_cmpuint (bw_matrix_window_get_n_cells (matrix, c), ==, expected);
      for (guint p = 0; p < bw_matrix_window_get_n_cells (matrix, c); p++)
        {
          const BwMatrixCell *cell = bw_matrix_window_get_cell (matrix, c, p);
          const BwTechnique *t = bw_catalog_get_technique (catalog, cell->technique);

          g_assert_true (lists (t, tactic));
          g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (cell->technique + 1)));
          if (cell->n_subs == 0)
            g_assert_cmpstr (bw_matrix_window_get_cell_label (matrix, c, p), ==,
                             expected_label (bw_report_get_technique (report, t->index)->status));
        }
      total += expected;
    }
  g_assert_cmpuint (total, >, 0);
}

static const BwTechnique *
first_parent (BwMatrixWindow *matrix,
              BwCatalog      *catalog,
              guint           tactic,
              guint          *position)
{
  for (guint p = 0; p < bw_matrix_window_get_n_cells (matrix, tactic); p++)
    if (bw_matrix_window_get_cell (matrix, tactic, p)->n_subs > 0)
      {
        *position = p;
        return bw_catalog_get_technique (catalog,
                                         bw_matrix_window_get_cell (matrix, tactic, p)->technique);
      }
  g_assert_not_reached ();
}

/* Folded, a column lists its tactic's techniques without a parent in it; a parent's count is
 * its sub-techniques of that tactic, which its click unfolds right under it. */
static void
check_folding (BwMatrixWindow *matrix,
               BwCatalog      *catalog,
               BwReport       *report)
{
  guint position = 0;
  const BwTechnique *parent = first_parent (matrix, catalog, 0, &position);
  const BwTactic *tactic = bw_catalog_get_tactic (catalog, 0);
  guint folded = bw_matrix_window_get_n_cells (matrix, 0);
  guint tops = 0;
  guint subs = 0;

  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *t = bw_catalog_get_technique (catalog, i);

      if (!lists (t, tactic))
        continue;
      /* Without a parent in this column, it stands on its own there. */
      tops += t->parent == NULL || bw_catalog_lookup_technique (catalog, t->parent) == NULL ||
              !lists (bw_catalog_lookup_technique (catalog, t->parent), tactic);
      subs += g_strcmp0 (t->parent, parent->id) == 0;
    }
  g_assert_cmpuint (folded, ==, tops);
  g_assert_cmpuint (bw_matrix_window_get_cell (matrix, 0, position)->n_subs, ==, subs);

  bw_matrix_window_set_expanded (matrix, parent->index, TRUE);
  g_assert_cmpuint (bw_matrix_window_get_n_cells (matrix, 0), ==, folded + subs);
  {
    gboolean any_covered = FALSE;
    gboolean all_covered = TRUE;
    gboolean any_scored = FALSE;
    const char *rolled = bw_matrix_window_get_cell_label (matrix, 0, position);

    for (guint k = 0; k <= subs; k++)
      {
        const BwMatrixCell *cell = bw_matrix_window_get_cell (matrix, 0, position + k);
        BwStatus st = bw_report_get_technique (report, cell->technique)->status;

        g_assert_cmpint (cell->sub, ==, k > 0);
        if (k > 0)
          g_assert_cmpstr (bw_catalog_get_technique (catalog, cell->technique)->parent, ==,
                           parent->id);
        if (st == BW_STATUS_NOT_APPLICABLE)
          continue;
        any_covered |= st == BW_STATUS_COVERED;
        all_covered &= st == BW_STATUS_COVERED;
        any_scored |= st != BW_STATUS_GAP;
      }
    g_assert_cmpstr (rolled, ==,
                     all_covered ? _("Covered") : any_scored ? _("Partial") : _("Gap"));
    (void) any_covered;
  }
  bw_matrix_window_set_expanded (matrix, parent->index, FALSE);
  g_assert_cmpuint (bw_matrix_window_get_n_cells (matrix, 0), ==, folded);
}

static BwMatrixGrid *
grid_of (BwMatrixWindow *matrix)
{
  g_autoptr(GPtrArray) grids = bw_test_find_all (GTK_WIDGET (matrix), BW_TYPE_MATRIX_GRID);

  g_assert_cmpuint (grids->len, ==, 1);
  return grids->pdata[0];
}

/* A release of the pointer where `x`, `y` is in the grid, as its click gesture takes it. */
static void
click (BwMatrixGrid *grid,
       double        x,
       double        y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (grid));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1, x, y);
    }
}

static void
remember_id (BwMatrixWindow *matrix,
             const char     *id,
             char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

/* A click on a cell names its technique; on a parent's fold mark it unfolds it instead. */
static void
check_clicks (BwMatrixWindow *matrix,
              BwCatalog      *catalog)
{
  BwMatrixGrid *grid = grid_of (matrix);
  g_autofree char *clicked = NULL;
  guint position = 0;
  const BwTechnique *parent;
  guint before = bw_matrix_window_get_n_cells (matrix, 0);
  double x, y;

  g_signal_connect (matrix, "technique-activated", G_CALLBACK (remember_id), &clicked);
  bw_matrix_grid_cell_centre (grid, 0, 0, &x, &y);
  click (grid, x, y);
  g_assert_cmpstr (clicked, ==,
                   bw_catalog_get_technique (catalog,
                                             bw_matrix_window_get_cell (matrix, 0, 0)->technique)
                       ->id);
  /* Its page opens beside the matrix. */
  g_assert_cmpstr (bw_matrix_window_get_technique (matrix), ==, clicked);
  g_clear_pointer (&clicked, g_free);

  parent = first_parent (matrix, catalog, 0, &position);
  bw_matrix_grid_cell_centre (grid, 0, position, &x, &y);
  click (grid, x + 80, y);
  g_assert_null (clicked);
  g_assert_cmpuint (bw_matrix_window_get_n_cells (matrix, 0), ==,
                    before + bw_matrix_window_get_cell (matrix, 0, position)->n_subs);
  click (grid, x + 80, y);
  g_assert_cmpuint (bw_matrix_window_get_n_cells (matrix, 0), ==, before);
  g_signal_handlers_disconnect_by_data (matrix, &clicked);
  (void) parent;
}

/* Only rows in and near the view have cells: unfolded, far fewer than the cells laid out. */
static void
check_virtualised (BwMatrixWindow *matrix,
                   BwCatalog      *catalog)
{
  g_autoptr(GPtrArray) grids = bw_test_find_all (GTK_WIDGET (matrix), BW_TYPE_MATRIX_GRID);
  guint drawn;
  guint laid_out = 0;

  g_assert_cmpuint (grids->len, ==, 1);
  drawn = bw_matrix_grid_get_n_drawn (grids->pdata[0]);
  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    laid_out += bw_matrix_window_get_n_cells (matrix, c);
  g_test_message ("%u cells laid out, %u drawn", laid_out, drawn);
  g_assert_cmpuint (drawn, >, 0);
  g_assert_cmpuint (drawn, <, laid_out / 4);
}

/* What a fold costs the CPU: the layout anew and the grid's snapshot of the cells in view
 * (figures, not gates; the renderer's own cost is apart). */
static void
time_fold (BwMatrixWindow *matrix,
           guint           technique)
{
  BwMatrixGrid *grid = grid_of (matrix);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 laid_out;

  bw_matrix_window_set_expanded (matrix, technique, TRUE);
  laid_out = g_get_monotonic_time ();
  GTK_WIDGET_GET_CLASS (grid)->snapshot (GTK_WIDGET (grid), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_test_message ("unfold: layout %.2f ms, snapshot %.2f ms (%u cells drawn)",
                  (double) (laid_out - start) / 1000.0,
                  (double) (g_get_monotonic_time () - laid_out) / 1000.0,
                  bw_matrix_grid_get_n_drawn (grid));
  g_assert_nonnull (node);
  bw_matrix_window_set_expanded (matrix, technique, FALSE);
}

/* Every cell matches `keep`, or folds a sub-technique that does (shown under it when the
 * filter unfolds what it finds, as the search does). */
static void
check_filtered (BwMatrixWindow *matrix,
                BwCatalog      *catalog,
                gboolean      (*keep) (const BwTechnique *, gpointer),
                gpointer        data,
                gboolean        unfolds)
{
  guint n = 0;

  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    for (guint p = 0; p < bw_matrix_window_get_n_cells (matrix, c); p++)
      {
        const BwMatrixCell *cell = bw_matrix_window_get_cell (matrix, c, p);
        const BwTechnique *t = bw_catalog_get_technique (catalog, cell->technique);
        const BwMatrixCell *next = bw_matrix_window_get_cell (matrix, c, p + 1);

        n++;
        if (!keep (t, data))
          {
            g_assert_cmpuint (cell->n_subs, >, 0);
            if (unfolds)
              {
                g_assert_nonnull (next);
                g_assert_true (next->sub);
              }
          }
      }
  g_assert_cmpuint (n, >, 0);
}

static guint
total_cells (BwMatrixWindow *matrix,
             BwCatalog      *catalog)
{
  guint n = 0;

  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    n += bw_matrix_window_get_n_cells (matrix, c);
  return n;
}

static gboolean
matches_phish (const BwTechnique *t,
               gpointer           data)
{
  g_autofree char *name = g_utf8_casefold (t->name, -1);

  return strstr (name, "phish") != NULL;
}

static gboolean
in_profile (const BwTechnique *t,
            gpointer           report)
{
  return bw_report_in_profile (report, t->index);
}

static void
check_search_and_profile (BwWindow       *window,
                          BwMatrixWindow *matrix,
                          BwCatalog      *catalog)
{
  g_autoptr(GPtrArray) entries = bw_test_find_all (GTK_WIDGET (matrix), GTK_TYPE_SEARCH_ENTRY);
  BwProject *project = bw_window_get_project (window);
  const char *groups[] = { bw_catalog_get_group (catalog, 0)->id, NULL };
  guint all = total_cells (matrix, catalog);

  /* The header bar's, before the platform list's own. */
  g_assert_cmpuint (entries->len, >=, 1);
  g_assert_true (gtk_widget_is_ancestor (entries->pdata[0],
                                         gtk_widget_get_first_child (GTK_WIDGET (matrix))));
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Phish");
  /* The entry waits a moment before it says its text changed. */
  for (guint waited = 0; waited < 5000 && total_cells (matrix, catalog) == all; waited += 50)
    bw_test_window_iterate (50);
  check_filtered (matrix, catalog, matches_phish, NULL, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "");
  for (guint waited = 0; waited < 5000 && total_cells (matrix, catalog) != all; waited += 50)
    bw_test_window_iterate (50);

  bw_document_set_threat_groups (bw_project_get_document (project), groups);
  bw_test_window_iterate (200);
  g_assert_true (bw_report_has_profile (bw_project_get_report (project)));
  bw_matrix_window_set_profile_only (matrix, TRUE);
  check_filtered (matrix, catalog, in_profile, bw_project_get_report (project), FALSE);
  bw_matrix_window_set_profile_only (matrix, FALSE);
  g_assert_cmpuint (total_cells (matrix, catalog), ==, all);
}

static void
test_matrix (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwCatalog *catalog = bw_test_window_catalog (window);
  BwReport *report = bw_project_get_report (bw_window_get_project (window));
  BwMatrixWindow *matrix;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-matrix", NULL);
  bw_test_window_iterate (300);
  matrix = BW_MATRIX_WINDOW (bw_window_show_matrix (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (matrix)));

  check_clicks (matrix, catalog);
  time_fold (matrix, bw_matrix_window_get_cell (matrix, 0, 0)->technique);
  check_folding (matrix, catalog, report);
  bw_matrix_window_set_all_expanded (matrix, TRUE);
  check_all_laid_out (matrix, catalog, report, NULL);
  bw_test_window_iterate (200);
  check_virtualised (matrix, catalog);
  time_fold (matrix, bw_matrix_window_get_cell (matrix, 0, 0)->technique);
  bw_matrix_window_set_platform (matrix, "macOS");
  check_all_laid_out (matrix, catalog, report, "macOS");
  bw_matrix_window_set_platform (matrix, NULL);
  check_all_laid_out (matrix, catalog, report, NULL);
  /* All unfolded, a fold mark folds its own parent and leaves the others open. */
  {
    guint position = 0;
    guint unfolded = bw_matrix_window_get_n_cells (matrix, 0);
    double x, y;

    first_parent (matrix, catalog, 0, &position);
    bw_matrix_grid_cell_centre (grid_of (matrix), 0, position, &x, &y);
    click (grid_of (matrix), x + 80, y);
    g_assert_cmpuint (bw_matrix_window_get_n_cells (matrix, 0), ==,
                      unfolded - bw_matrix_window_get_cell (matrix, 0, position)->n_subs);
    bw_matrix_window_set_all_expanded (matrix, TRUE);
  }
  /* Turned off, the toggle folds them all. */
  bw_matrix_window_set_all_expanded (matrix, FALSE);
  for (guint c = 0; c < bw_catalog_get_n_tactics (catalog); c++)
    for (guint p = 0; p < bw_matrix_window_get_n_cells (matrix, c); p++)
      g_assert_false (bw_matrix_window_get_cell (matrix, c, p)->sub);
  check_search_and_profile (window, matrix, catalog);

  bw_test_window_destroy (window);
}

static const BwTechnique *
first_with_status (BwCatalog *catalog,
                   BwReport  *report,
                   BwStatus   status)
{
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    if (bw_report_get_technique (report, t)->status == status)
      return bw_catalog_get_technique (catalog, t);
  g_assert_not_reached ();
}

/* The rows of the page that stand for an asset, in order. */
static GPtrArray *
asset_rows (GtkWidget *page)
{
  g_autoptr(GPtrArray) rows = bw_test_find_all (page, ADW_TYPE_PREFERENCES_ROW);
  GPtrArray *assets = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (rows->pdata[i], "asset") != NULL)
      g_ptr_array_add (assets, rows->pdata[i]);
  return assets;
}

/* The entry rows under an asset's row say service and capability as the explanation does. */
static void
check_entry_rows (GtkWidget            *asset_row,
                  const BwExplainAsset *asset)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 0;

  /* Its rows are made when it is unfolded. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (asset_row), TRUE);
  rows = bw_test_find_all (asset_row, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *entry = g_object_get_data (rows->pdata[i], "entry");
      g_autofree char *expected = NULL;

      if (entry == NULL)
        continue;
      g_assert_cmpuint (n, <, asset->n_rows);
      expected = g_strdup_printf ("%s %s", asset->rows[n].service, asset->rows[n].capability);
      g_assert_cmpstr (entry, ==, expected);
      n++;
    }
  g_assert_cmpuint (n, ==, asset->n_rows);
}

/* The page's rows are the explanation's: every applicable asset in document order, a row per
 * covering entry under it; the canvas marks each asset where it is not covered. */
static guint
check_page_rows (BwWindow   *window,
                 const char *technique_id)
{
  BwProject *project = bw_window_get_project (window);
  BwCatalog *catalog = bw_project_get_catalog (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwExplanation) explanation =
      bw_explain (catalog, bw_project_get_document (project), technique_id, NULL, &error);
  g_autoptr(GPtrArray) pages = bw_test_find_all (window->coverage, BW_TYPE_TECHNIQUE_PAGE);
  g_autoptr(GPtrArray) rows = NULL;
  GHashTable *marked = bw_canvas_get_marked (window->canvas);
  guint n_marked = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (pages->pdata[0]));
  g_assert_cmpstr (bw_technique_page_get_technique (pages->pdata[0]), ==, technique_id);
  rows = asset_rows (pages->pdata[0]);
  g_assert_cmpuint (rows->len, ==, bw_explanation_get_n_assets (explanation));
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_nonnull (marked);
  for (guint i = 0; i < rows->len; i++)
    {
      const BwExplainAsset *asset = bw_explanation_get_asset (explanation, i);
      g_autofree char *title = g_markup_escape_text (asset->label, -1);

      g_assert_cmpstr (g_object_get_data (rows->pdata[i], "asset"), ==, asset->id);
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, title);
      if (asset->n_rows > 0)
        {
          g_assert_true (ADW_IS_EXPANDER_ROW (rows->pdata[i]));
          check_entry_rows (rows->pdata[i], asset);
        }
      g_assert_cmpint (g_hash_table_contains (marked, asset->id), ==,
                       asset->status != BW_STATUS_COVERED);
      n_marked += asset->status == BW_STATUS_PARTIAL && g_hash_table_contains (marked, asset->id);
    }
  g_test_message ("%s: %u assets, %u partial ones marked", technique_id, rows->len, n_marked);
  return n_marked;
}

/* A technique partial on some asset: its page marks that asset too, not only the gaps. */
static const char *
with_partial_asset (BwCatalog  *catalog,
                    BwDocument *document)
{
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const char *id = bw_catalog_get_technique (catalog, t)->id;
      g_autoptr(BwExplanation) explanation = bw_explain (catalog, document, id, NULL, NULL);

      for (guint i = 0; i < bw_explanation_get_n_assets (explanation); i++)
        if (bw_explanation_get_asset (explanation, i)->status == BW_STATUS_PARTIAL)
          return id;
    }
  g_assert_not_reached ();
}

/* The advice names an addition that does raise the assets it says, by the explanation. */
static void
check_advice (BwWindow   *window,
              const char *technique_id)
{
  BwProject *project = bw_window_get_project (window);
  BwCatalog *catalog = bw_project_get_catalog (project);
  BwDocument *document = bw_project_get_document (project);
  guint raised = 0;
  BwScore score = BW_SCORE_NONE;
  g_autoptr(BwRecommendation) rec =
      bw_recommend_for_technique (catalog, document, technique_id, &raised, &score);
  g_autoptr(BwDocument) copy = bw_document_copy (document);
  g_autoptr(BwExplanation) before = bw_explain (catalog, document, technique_id, NULL, NULL);
  g_autoptr(BwExplanation) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  guint n_raised = 0;

  g_assert_nonnull (rec);
  g_assert_cmpuint (raised, >, 0);
  added = bw_recommend_apply (catalog, copy, rec, &error);
  g_assert_no_error (error);
  after = bw_explain (catalog, copy, technique_id, NULL, NULL);
  for (guint i = 0; i < bw_explanation_get_n_assets (before); i++)
    {
      const BwExplainAsset *a = bw_explanation_get_asset (before, i);
      const BwExplainAsset *b = bw_explanation_lookup_asset (after, a->id);

      n_raised += a->best < score && b->best >= score;
    }
  g_assert_cmpuint (n_raised, ==, raised);
}

static void
test_technique_page (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwProject *project = bw_window_get_project (window);
  BwCatalog *catalog = bw_project_get_catalog (project);
  BwReport *report = bw_project_get_report (project);
  const BwTechnique *partial = NULL;
  const BwTechnique *gap = first_with_status (catalog, report, BW_STATUS_GAP);
  g_autoptr(GPtrArray) pages = NULL;

  /* A partial technique that some one addition would raise somewhere. */
  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog) && partial == NULL; t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
      g_autoptr(BwRecommendation) rec = NULL;

      if (bw_report_get_technique (report, t)->status == BW_STATUS_PARTIAL &&
          (rec = bw_recommend_for_technique (catalog, bw_project_get_document (project),
                                             technique->id, NULL, NULL)) != NULL)
        partial = technique;
    }
  g_assert_nonnull (partial);

  /* As the Inspector's technique rows ask. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-technique", "s", partial->id);
  bw_test_window_iterate (200);
  g_assert_cmpstr (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (window->coverage)), ==,
                   partial->id);
  check_page_rows (window, partial->id);
  check_advice (window, partial->id);
  pages = bw_test_find_all (window->coverage, BW_TYPE_TECHNIQUE_PAGE);
  g_assert_nonnull (bw_technique_page_get_advice (pages->pdata[0]));

  bw_window_show_technique (window, gap->id);
  bw_test_window_iterate (100);
  check_page_rows (window, gap->id);
  {
    const char *id = with_partial_asset (catalog, bw_project_get_document (project));

    bw_window_show_technique (window, id);
    bw_test_window_iterate (100);
    g_assert_cmpuint (check_page_rows (window, id), >, 0);
  }

  /* What a heavy page costs (a figure, not a gate). */
  {
    const char *heavy[] = { "T1078", "T1190", "T1566" };

    for (guint i = 0; i < G_N_ELEMENTS (heavy); i++)
      {
        gint64 start = g_get_monotonic_time ();

        bw_window_show_technique (window, heavy[i]);
        g_test_message ("%s page: %.1f ms", heavy[i],
                        (double) (g_get_monotonic_time () - start) / 1000.0);
      }
  }

  /* Back leaves the page and the highlight. */
  bw_coverage_view_show_tactics (BW_COVERAGE_VIEW (window->coverage));
  bw_test_window_iterate (50);
  g_assert_null (bw_canvas_get_marked (window->canvas));

  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/pages/matrix", test_matrix);
  g_test_add_func ("/pages/technique", test_technique_page);
  return bw_test_window_run (&app);
}
