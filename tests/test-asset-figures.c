/* test-asset-figures.c: the Inspector's figures for an asset, under a display, on the sample —
 * the counts against the report, the covering services and their rule against
 * bw_explain_asset_covers, the five weakest tactics against counts made from one explanation
 * per technique; a tactic unfolds to the asset's techniques there, and one opens its page. */
#include "config.h"

#include "bw-application.h"
#include "bw-asset-figures.h"
#include "bw-coverage-view.h"
#include "bw-explain.h"
#include "bw-inspector.h"
#include "bw-window-private.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;

typedef struct
{
  guint  tactic;
  double ratio;
} TacticRatio;

static int
by_ratio (gconstpointer a,
          gconstpointer b)
{
  const TacticRatio *x = a;
  const TacticRatio *y = b;

  if (x->ratio != y->ratio)
    return x->ratio < y->ratio ? -1 : 1;
  return x->tactic < y->tactic ? -1 : x->tactic > y->tactic;
}

/* The asset's tactics from its weakest, counted from one explanation per technique. */
static GArray *
weakest_tactics (BwCatalog  *catalog,
                 BwDocument *document,
                 const char *asset_id)
{
  guint n_tactics = bw_catalog_get_n_tactics (catalog);
  g_autofree guint *applicable = g_new0 (guint, n_tactics);
  g_autofree double *points = g_new0 (double, n_tactics);
  GArray *ratios = g_array_new (FALSE, FALSE, sizeof (TacticRatio));

  for (guint t = 0; t < bw_catalog_get_n_techniques (catalog); t++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, t);
      g_autoptr(BwExplanation) explanation =
          bw_explain (catalog, document, technique->id, asset_id, NULL);
      const BwExplainAsset *asset;

      if (explanation == NULL || bw_explanation_get_n_assets (explanation) == 0)
        continue;
      asset = bw_explanation_get_asset (explanation, 0);
      for (guint c = 0; c < n_tactics; c++)
        if (g_strv_contains ((const char *const *) technique->tactics,
                             bw_catalog_get_tactic (catalog, c)->shortname))
          {
            applicable[c]++;
            points[c] += asset->status == BW_STATUS_COVERED   ? 1
                         : asset->status == BW_STATUS_PARTIAL ? 0.5
                                                              : 0;
          }
    }
  for (guint c = 0; c < n_tactics; c++)
    if (applicable[c] > 0)
      {
        TacticRatio r = { c, points[c] / applicable[c] };

        g_array_append_val (ratios, r);
      }
  g_array_sort (ratios, by_ratio);
  return ratios;
}

static void
test_asset_figures (void)
{
  BwWindow *window = bw_test_window_open_sample (app, 300);
  BwProject *project = bw_window_get_project (window);
  BwCatalog *catalog = bw_project_get_catalog (project);
  BwDocument *document = bw_project_get_document (project);
  BwReport *report = bw_project_get_report (project);
  const BwReportAsset *asset = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) covers = NULL;
  g_autoptr(GArray) weakest = NULL;
  g_autofree char *summary = NULL;
  BwAssetFigures *figures;
  GPtrArray *rows;
  AdwExpanderRow *first;
  g_autoptr(GPtrArray) techniques = NULL;
  guint n_rows = 0;

  /* An asset with gaps and services covering it. */
  for (guint i = 0; i < bw_report_get_n_assets (report) && asset == NULL; i++)
    if (bw_report_get_asset (report, i)->gap > 0 && bw_report_get_asset (report, i)->covered > 0)
      asset = bw_report_get_asset (report, i);
  g_assert_nonnull (asset);
  adw_view_stack_set_visible_child_name (window->side_stack, "inspector");
  bw_inspector_set_target (BW_INSPECTOR (window->inspector), asset->id, 1);
  bw_test_window_iterate (100);
  found = bw_test_find_all (window->inspector, BW_TYPE_ASSET_FIGURES);
  g_assert_cmpuint (found->len, ==, 1);
  figures = found->pdata[0];
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (figures)));

  summary = g_strdup_printf ("%u covered · %u partial · %u gaps of %u techniques", asset->covered,
                             asset->partial, asset->gap, asset->applicable);
  g_assert_cmpstr (bw_asset_figures_get_summary (figures), ==, summary);

  covers = bw_explain_asset_covers (catalog, document, asset->id);
  rows = bw_asset_figures_get_covers (figures);
  g_assert_cmpuint (rows->len, ==, covers->len);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < covers->len; i++)
    {
      const BwExplainCover *cover = &g_array_index (covers, BwExplainCover, i);

      g_assert_cmpstr (g_object_get_data (rows->pdata[i], "service"), ==, cover->service);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (rows->pdata[i], "via")), ==,
                        cover->via);
    }

  weakest = weakest_tactics (catalog, document, asset->id);
  rows = bw_asset_figures_get_tactics (figures);
  g_assert_cmpuint (rows->len, ==, MIN (5, weakest->len));
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_object_get_data (rows->pdata[i], "tactic") ==
                   bw_catalog_get_tactic (catalog,
                                          g_array_index (weakest, TacticRatio, i).tactic));

  /* Unfolding the weakest shows the asset's techniques there; one opens its page. */
  first = rows->pdata[0];
  adw_expander_row_set_expanded (first, TRUE);
  bw_test_window_iterate (50);
  techniques = bw_test_find_all (GTK_WIDGET (first), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < techniques->len; i++)
    if (g_object_get_data (techniques->pdata[i], "technique") != NULL)
      {
        const char *id = g_object_get_data (techniques->pdata[i], "technique");
        g_autoptr(BwExplanation) e = bw_explain (catalog, document, id, asset->id, NULL);

        g_assert_cmpuint (bw_explanation_get_n_assets (e), ==, 1);
        g_assert_true (g_strv_contains (
            (const char *const *) bw_catalog_lookup_technique (catalog, id)->tactics,
            ((const BwTactic *) g_object_get_data (G_OBJECT (first), "tactic"))->shortname));
        if (n_rows++ == 0)
          {
            g_assert_cmpint (bw_explanation_get_asset (e, 0)->status, ==, BW_STATUS_GAP);
            g_signal_emit_by_name (techniques->pdata[i], "activated");
            bw_test_window_iterate (50);
            g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==,
                             "coverage");
            g_assert_cmpstr (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (window->coverage)),
                             ==, id);
          }
      }
  g_assert_cmpuint (n_rows, >, 0);

  /* A service has no figures. */
  bw_inspector_set_target (BW_INSPECTOR (window->inspector), g_array_index (covers,
                                                                           BwExplainCover,
                                                                           0).service, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (figures)));

  bw_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;

  g_test_add_func ("/asset-figures/sample", test_asset_figures);
  return bw_test_window_run (&app);
}
