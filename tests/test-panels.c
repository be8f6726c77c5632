/* test-panels.c: the side panels on their own, under a display, each following a BwProject —
 * the palette's rows follow its search and keep the family order, the coverage view lists a
 * tactic's techniques gaps first and filters them, the inspector shows a service's capabilities
 * as rows whose switches edit the document through the history, and shows each kind of target
 * on its own page; when the project takes another catalog or document, each panel follows. */
#include "config.h"

#include <string.h>

#include "bw-application.h"
#include "bw-capability-row.h"
#include "bw-coverage-view.h"
#include "bw-engine.h"
#include "bw-inspector.h"
#include "bw-palette.h"
#include "bw-palette-row.h"
#include "bw-tactic-row.h"
#include "bw-technique-row.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

static BwApplication *app;
static BwCatalog *catalog;

/* Every widget of `type` under `root`, depth first. */
/* A project holding the sample, analysed with the shipped catalog. */
static BwProject *
load_sample (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_new (catalog);

  g_assert_true (bw_project_load (project, file, &error));
  g_assert_no_error (error);
  return project;
}

static guint
family_rank (const BwStencil *stencil)
{
  for (guint i = 0; i < bw_catalog_get_n_families (catalog); i++)
    if (g_str_equal (bw_catalog_get_family (catalog, i)->id, stencil->family))
      return i;
  return G_MAXUINT;
}

static void
remember_id (BwPalette  *palette,
             const char *id,
             char      **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_palette (void)
{
  g_autoptr(BwProject) project = bw_project_new (catalog);
  GtkWidget *palette = g_object_ref_sink (bw_palette_new ());
  g_autoptr(GPtrArray) visible = NULL;
  g_autoptr(GPtrArray) rows = bw_test_find_all (palette, BW_TYPE_PALETTE_ROW);
  g_autoptr(GPtrArray) entries = bw_test_find_all (palette, GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *activated = NULL;

  /* Without a project, no catalog and no rows. */
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  bw_palette_set_project (BW_PALETTE (palette), project);
  visible = bw_palette_get_visible (BW_PALETTE (palette));
  rows = bw_test_find_all (palette, BW_TYPE_PALETTE_ROW);

  /* Every stencil, one row each, grouped by family in the catalog's order. */
  g_assert_cmpuint (visible->len, ==, bw_catalog_get_n_stencils (catalog));
  g_assert_cmpuint (rows->len, ==, visible->len);
  for (guint i = 1; i < visible->len; i++)
    g_assert_cmpuint (family_rank (bw_catalog_lookup_stencil (catalog, visible->pdata[i - 1])), <=,
                      family_rank (bw_catalog_lookup_stencil (catalog, visible->pdata[i])));

  /* The search leaves the rows that match, in the same order. */
  bw_palette_set_filter (BW_PALETTE (palette), "SQL");
  g_clear_pointer (&visible, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);
  visible = bw_palette_get_visible (BW_PALETTE (palette));
  rows = bw_test_find_all (palette, BW_TYPE_PALETTE_ROW);
  g_assert_cmpuint (visible->len, >, 0);
  g_assert_cmpuint (visible->len, <, bw_catalog_get_n_stencils (catalog));
  g_assert_cmpuint (rows->len, ==, visible->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const BwStencil *stencil = bw_palette_row_get_stencil (rows->pdata[i]);
      g_autofree char *name = g_utf8_casefold (stencil->name, -1);

      g_assert_cmpstr (stencil->id, ==, visible->pdata[i]);
      g_assert_true (strstr (name, "sql") != NULL || strstr (stencil->id, "sql") != NULL);
    }

  /* Enter in the search places the first match. */
  g_signal_connect (palette, "stencil-activated", G_CALLBACK (remember_id), &activated);
  g_assert_cmpuint (entries->len, ==, 1);
  g_signal_emit_by_name (entries->pdata[0], "activate");
  g_assert_cmpstr (activated, ==, visible->pdata[0]);

  bw_palette_set_filter (BW_PALETTE (palette), NULL);
  g_clear_pointer (&visible, g_ptr_array_unref);
  visible = bw_palette_get_visible (BW_PALETTE (palette));
  g_assert_cmpuint (visible->len, ==, bw_catalog_get_n_stencils (catalog));
  g_object_unref (palette);
}

static int
status_rank (BwStatus status)
{
  return status == BW_STATUS_GAP ? 0 : status == BW_STATUS_PARTIAL ? 1 : 2;
}

static void
test_coverage_view (void)
{
  g_autoptr(BwProject) project = load_sample ();
  BwReport *report = bw_project_get_report (project);
  GtkWidget *view = g_object_ref_sink (bw_coverage_view_new ());
  const BwTactic *tactic = bw_catalog_get_tactic (catalog, 2);
  g_autoptr(GPtrArray) tactics = NULL;
  g_autoptr(GPtrArray) techniques = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint expected = 0;
  int last = 0;

  bw_coverage_view_set_project (BW_COVERAGE_VIEW (view), project);
  tactics = bw_test_find_all (view, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (tactics->len, ==, bw_catalog_get_n_tactics (catalog));
  for (guint i = 0; i < tactics->len; i++)
    g_assert_cmpuint (bw_tactic_row_get_index (tactics->pdata[i]), ==, i);

  /* A tactic's applicable techniques, gaps first, then partial, then covered. */
  bw_coverage_view_show_tactic (BW_COVERAGE_VIEW (view), 2);
  for (guint i = 0; i < bw_catalog_get_n_techniques (catalog); i++)
    {
      const BwTechnique *technique = bw_catalog_get_technique (catalog, i);

      if (g_strv_contains ((const char *const *) technique->tactics, tactic->shortname) &&
          bw_report_get_technique (report, i)->status != BW_STATUS_NOT_APPLICABLE)
        expected++;
    }
  techniques = bw_test_find_all (view, BW_TYPE_TECHNIQUE_ROW);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (techniques->len, ==, expected);
  for (guint i = 0; i < techniques->len; i++)
    {
      const BwTechnique *technique =
          bw_catalog_lookup_technique (catalog, bw_technique_row_get_id (techniques->pdata[i]));
      const BwReportTechnique *figures = bw_report_get_technique (report, technique->index);
      int rank = status_rank (figures->status);
      const char *subtitle = adw_action_row_get_subtitle (techniques->pdata[i]);
      g_autofree char *counts = g_strdup_printf (" — covered on %u of %u assets; best ",
                                                 figures->covered_assets,
                                                 figures->applicable_assets);

      g_assert_cmpint (rank, >=, last);
      last = rank;
      /* The row says what its figures mean: the counts, the best and the weakest asset. */
      g_assert_nonnull (strstr (subtitle, counts));
      g_assert_nonnull (strstr (subtitle, "; weakest: "));
    }

  /* The search filters the list; clearing it brings every technique back. */
  entries = bw_test_find_all (view, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "T1566");
  g_signal_emit_by_name (entries->pdata[0], "search-changed");
  g_clear_pointer (&techniques, g_ptr_array_unref);
  techniques = bw_test_find_all (view, BW_TYPE_TECHNIQUE_ROW);
  g_assert_cmpuint (techniques->len, >, 0);
  g_assert_cmpuint (techniques->len, <, expected);
  for (guint i = 0; i < techniques->len; i++)
    g_assert_true (g_str_has_prefix (bw_technique_row_get_id (techniques->pdata[i]), "T1566"));

  /* Activating a technique picks it; going back to the tactics drops it. */
  g_signal_emit_by_name (gtk_widget_get_parent (techniques->pdata[0]), "row-activated", techniques->pdata[0]);
  g_assert_cmpstr (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (view)), ==,
                   bw_technique_row_get_id (techniques->pdata[0]));
  bw_coverage_view_show_tactics (BW_COVERAGE_VIEW (view));
  g_assert_null (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (view)));
  g_object_unref (view);
}

/* The label under `root` whose text starts with `prefix`, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *prefix)
{
  g_autoptr(GPtrArray) labels = bw_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), prefix))
      return labels->pdata[i];
  return NULL;
}

/* Rule 11: the sample has no unprotected asset and shows no warning; an asset drawn with
 * nothing on it brings the warning, naming it; taken away, the warning goes. */
static void
test_coverage_view_unprotected (void)
{
  g_autoptr(BwProject) project = load_sample ();
  BwDocument *doc = bw_project_get_document (project);
  GtkWidget *view = g_object_ref_sink (bw_coverage_view_new ());
  GtkLabel *label;

  bw_coverage_view_set_project (BW_COVERAGE_VIEW (view), project);
  g_assert_cmpuint (bw_report_get_n_unprotected (bw_project_get_report (project)), ==, 0);
  g_assert_null (find_label (view, "1 unprotected"));

  g_assert_nonnull (bw_document_add_node (doc, "kiosk", "onprem.windows-workstation", "Kiosk",
                                          NULL, 5000, 5000, NULL, NULL));
  g_assert_cmpuint (bw_report_get_n_unprotected (bw_project_get_report (project)), ==, 1);
  label = find_label (view, "1 unprotected asset: Kiosk");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))));

  g_assert_true (bw_document_remove (doc, "kiosk", NULL));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))));
  g_object_unref (view);
}

/* While no technique applies (an empty estate, or services alone), the panel says what would
 * make one apply instead of listing every tactic at zero; the first asset brings the tactics'
 * rows, with their figures, and taking it away brings the words back. */
static void
test_coverage_view_empty (void)
{
  g_autoptr(BwProject) project = bw_project_new (catalog);
  BwDocument *doc = bw_project_get_document (project);
  GtkWidget *view = g_object_ref_sink (bw_coverage_view_new ());
  g_autoptr(GPtrArray) rows = NULL;
  GtkLabel *words;

  bw_coverage_view_set_project (BW_COVERAGE_VIEW (view), project);
  g_assert_cmpuint (bw_report_get_summary (bw_project_get_report (project))->applicable, ==, 0);
  rows = bw_test_find_all (view, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  words = find_label (view, "Nothing to Cover Yet");
  g_assert_nonnull (words);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (words))));

  /* A service alone protects nothing: still nothing applies. */
  g_assert_nonnull (bw_document_add_node (doc, "mde", "sec.defender-for-endpoint",
                                          "Defender for Endpoint", NULL, 400, 100, NULL, NULL));
  g_assert_cmpuint (bw_report_get_summary (bw_project_get_report (project))->applicable, ==, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (words))));

  g_assert_nonnull (bw_document_add_node (doc, "kiosk", "onprem.windows-workstation", "Kiosk",
                                          NULL, 100, 100, NULL, NULL));
  g_assert_cmpuint (bw_report_get_summary (bw_project_get_report (project))->applicable, >, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (words))));
  rows = bw_test_find_all (view, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (rows->len, ==, bw_catalog_get_n_tactics (catalog));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (bw_document_remove (doc, "kiosk", NULL));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (words))));
  rows = bw_test_find_all (view, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (rows->len, ==, 0);
  g_object_unref (view);
}

/* A report after an edit gives the tactics' rows their new figures where they stand: the same
 * rows, in the same order (a row with the keyboard focus keeps it), each showing what a full
 * recompute gives. */
static void
test_coverage_view_rows_kept (void)
{
  g_autoptr(BwProject) project = load_sample ();
  BwDocument *doc = bw_project_get_document (project);
  GtkWidget *view = g_object_ref_sink (bw_coverage_view_new ());
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(BwReport) was = bw_engine_compute (catalog, doc);
  g_autoptr(BwReport) full = NULL;
  guint changed = 0;

  bw_coverage_view_set_project (BW_COVERAGE_VIEW (view), project);
  before = bw_test_find_all (view, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (before->len, ==, bw_catalog_get_n_tactics (catalog));

  /* An unguarded workstation: what guarded the others does not reach it, and the techniques
   * that apply to it count as gaps. */
  g_assert_nonnull (bw_document_add_node (doc, "kiosk", "onprem.windows-workstation", "Kiosk",
                                          NULL, 5000, 5000, NULL, NULL));
  full = bw_engine_compute (catalog, doc);
  after = bw_test_find_all (view, BW_TYPE_TACTIC_ROW);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      const BwReportFigures *f = bw_report_get_tactic (full, i);
      g_autofree char *counts = g_strdup_printf ("%u covered · %u partial · %u gaps · %u applicable",
                                                 f->covered, f->partial, f->gap, f->applicable);

      g_assert_true (after->pdata[i] == before->pdata[i]);
      g_assert_cmpuint (bw_tactic_row_get_index (after->pdata[i]), ==, i);
      g_assert_nonnull (find_label (after->pdata[i], counts));
      changed += f->gap != bw_report_get_tactic (was, i)->gap ||
                 f->covered != bw_report_get_tactic (was, i)->covered;
    }
  g_assert_cmpuint (changed, >, 0);
  g_object_unref (view);
}

/* A service shows what it can protect, why, and what it includes (DESIGN §2): Defender for
 * Servers (n14 in the sample) lists on-premises servers, with Defender for Endpoint inside. */
static void
test_inspector_scope (void)
{
  g_autoptr(BwProject) project = load_sample ();
  GtkWidget *inspector = g_object_ref_sink (bw_inspector_new ());
  const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, "sec.defender-for-servers");
  g_autoptr(GPtrArray) expanders = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AdwExpanderRow *scope = NULL;
  gboolean includes = FALSE;

  bw_inspector_set_project (BW_INSPECTOR (inspector), project);
  bw_inspector_set_target (BW_INSPECTOR (inspector), "n14", 1);
  expanders = bw_test_find_all (inspector, ADW_TYPE_EXPANDER_ROW);
  for (guint i = 0; i < expanders->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (expanders->pdata[i]), "Can protect") == 0)
      scope = expanders->pdata[i];
  g_assert_nonnull (scope);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scope)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (scope), ==, stencil->scope_reason);
  /* One row per asset kind, beside the expander's own header row. */
  rows = bw_test_find_all (GTK_WIDGET (scope), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, g_strv_length (stencil->applies_to) + 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bw_test_find_all (inspector, ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Includes") == 0 &&
        gtk_widget_get_visible (rows->pdata[i]))
      {
        includes = TRUE;
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[i]),
                                  "Defender for Endpoint"));
      }
  g_assert_true (includes);

  /* An asset has no scope. */
  bw_inspector_set_target (BW_INSPECTOR (inspector), "n1", 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (scope)));

  /* A capability row says its Microsoft 365 tier: CTID's tag, or the project's override. */
  {
    static const char *const overrides[] = { "DEF-SATT-E3", "E5", NULL };
    BwDocument *document = bw_project_get_document (project);
    g_autoptr(GPtrArray) capability_rows = NULL;
    guint checked = 0;

    bw_document_set_licence_overrides (document, overrides);
    bw_inspector_set_target (BW_INSPECTOR (inspector), "n25", 1);
    capability_rows = bw_test_find_all (inspector, BW_TYPE_CAPABILITY_ROW);
    for (guint i = 0; i < capability_rows->len; i++)
      {
        const char *id = bw_capability_row_get_capability (capability_rows->pdata[i]);
        const char *subtitle = adw_action_row_get_subtitle (capability_rows->pdata[i]);

        const char *expected = g_str_equal (id, "DEF-SATT-E3")
                                 ? "E5, set by this project (CTID tags E3)"
                               : g_str_equal (id, "DEF-SLNK-E3") ? "E3, as CTID tags it"
                               : g_str_equal (id, "DEF-AIR-E5")  ? "E5, as CTID tags it"
                                                                 : NULL;

        if (expected == NULL)
          continue;
        g_assert_nonnull (strstr (subtitle, expected));
        checked++;
      }
    g_assert_cmpuint (checked, ==, 3);
  }
  g_object_unref (inspector);
}

static const char *
first_node_of_role (BwDocument *document,
                    BwRole      role)
{
  for (guint i = 0; i < bw_document_get_n_nodes (document); i++)
    {
      const BwNode *node = bw_document_get_node (document, i);
      const BwStencil *stencil = bw_catalog_lookup_stencil (catalog, node->kind);

      if (stencil->role == role && (role != BW_ROLE_SERVICE || stencil->capabilities[0] != NULL))
        return node->id;
    }
  g_assert_not_reached ();
}

static void
test_inspector (void)
{
  g_autoptr(BwProject) project = load_sample ();
  BwDocument *document = bw_project_get_document (project);
  BwHistory *history = bw_project_get_history (project);
  GtkWidget *inspector = g_object_ref_sink (bw_inspector_new ());
  const char *service = first_node_of_role (document, BW_ROLE_SERVICE);
  const char *asset = first_node_of_role (document, BW_ROLE_ASSET);
  const BwStencil *stencil =
      bw_catalog_lookup_stencil (catalog, bw_document_lookup_node (document, service)->kind);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) status = NULL;
  const char *capability;

  bw_inspector_set_project (BW_INSPECTOR (inspector), project);
  bw_inspector_set_target (BW_INSPECTOR (inspector), service, 1);
  rows = bw_test_find_all (inspector, BW_TYPE_CAPABILITY_ROW);
  g_assert_cmpuint (rows->len, ==, g_strv_length (stencil->capabilities));
  capability = bw_capability_row_get_capability (rows->pdata[0]);
  g_assert_cmpstr (capability, ==, stencil->capabilities[0]);
  g_assert_true (bw_capability_row_get_active (rows->pdata[0]));

  /* The switch is one history step, and undo shows it on again. */
  g_object_set (rows->pdata[0], "active", FALSE, NULL);
  g_assert_true (bw_history_get_can_undo (history));
  g_assert_false (
      bw_node_get_capability_enabled (bw_document_lookup_node (document, service), capability));
  g_assert_true (bw_history_undo (history));
  g_assert_true (
      bw_node_get_capability_enabled (bw_document_lookup_node (document, service), capability));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bw_test_find_all (inspector, BW_TYPE_CAPABILITY_ROW);
  g_assert_cmpuint (rows->len, ==, g_strv_length (stencil->capabilities));
  g_assert_true (bw_capability_row_get_active (rows->pdata[0]));

  /* An asset has no capability rows; several objects say how many. */
  bw_inspector_set_target (BW_INSPECTOR (inspector), asset, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bw_test_find_all (inspector, BW_TYPE_CAPABILITY_ROW);
  g_assert_cmpuint (rows->len, ==, 0);
  bw_inspector_set_target (BW_INSPECTOR (inspector), NULL, 3);
  status = bw_test_find_all (inspector, ADW_TYPE_STATUS_PAGE);
  g_assert_cmpuint (status->len, ==, 1);
  g_assert_cmpstr (adw_status_page_get_title (status->pdata[0]), ==, "3 objects selected");
  g_object_unref (inspector);
}

static guint
count (GtkWidget *root,
       GType      type)
{
  g_autoptr(GPtrArray) found = bw_test_find_all (root, type);

  return found->len;
}

/* The panels follow the project, not the caller: another catalog gives the palette its stencils
 * and the coverage view its tactics, and drops what was picked; another document drops the
 * inspector's target and the picked technique. */
static void
test_follow_project (void)
{
  g_autoptr(BwProject) project = load_sample ();
  g_autoptr(BwCatalog) tiny = bw_test_tiny_catalog ();
  const char *lines[] = { "n1 win -", "n2 svc -", "e1 protects n2 n1", NULL };
  g_autoptr(BwDocument) small = bw_test_build_document (lines);
  GtkWidget *palette = g_object_ref_sink (bw_palette_new ());
  GtkWidget *view = g_object_ref_sink (bw_coverage_view_new ());
  GtkWidget *inspector = g_object_ref_sink (bw_inspector_new ());
  const char *service = first_node_of_role (bw_project_get_document (project), BW_ROLE_SERVICE);
  g_autoptr(GPtrArray) techniques = NULL;
  g_autoptr(BwProject) bound = NULL;
  g_autoptr(GPtrArray) visible = NULL;

  g_object_set (palette, "project", project, NULL);
  g_object_set (view, "project", project, NULL);
  g_object_set (inspector, "project", project, NULL);
  g_object_get (view, "project", &bound, NULL);
  g_assert_true (bound == project);

  bw_inspector_set_target (BW_INSPECTOR (inspector), service, 1);
  g_assert_cmpuint (count (inspector, BW_TYPE_CAPABILITY_ROW), >, 0);
  bw_coverage_view_show_tactic (BW_COVERAGE_VIEW (view), 2);
  techniques = bw_test_find_all (view, BW_TYPE_TECHNIQUE_ROW);
  g_assert_cmpuint (techniques->len, >, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (techniques->pdata[0]), "row-activated", techniques->pdata[0]);
  g_assert_nonnull (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (view)));
  g_clear_pointer (&techniques, g_ptr_array_unref);

  /* Another catalog. */
  bw_project_set_catalog (project, tiny);
  visible = bw_palette_get_visible (BW_PALETTE (palette));
  g_assert_cmpuint (visible->len, ==, bw_catalog_get_n_stencils (tiny));
  g_assert_cmpuint (count (palette, BW_TYPE_PALETTE_ROW), ==, bw_catalog_get_n_stencils (tiny));
  g_assert_null (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (view)));
  /* None of the sample's kinds is the tiny catalog's: nothing applies, and no tactic is listed
   * at zero until a document of its kinds comes. */
  g_assert_cmpuint (bw_report_get_summary (bw_project_get_report (project))->applicable, ==, 0);
  g_assert_cmpuint (count (view, BW_TYPE_TACTIC_ROW), ==, 0);
  g_assert_cmpuint (count (view, BW_TYPE_TECHNIQUE_ROW), ==, 0);
  g_assert_cmpuint (count (inspector, BW_TYPE_CAPABILITY_ROW), ==, 0);

  /* Another document. */
  bw_project_set_document (project, small, NULL);
  g_assert_cmpuint (count (view, BW_TYPE_TACTIC_ROW), ==, bw_catalog_get_n_tactics (tiny));
  bw_inspector_set_target (BW_INSPECTOR (inspector), "n2", 1);
  g_assert_cmpuint (count (inspector, BW_TYPE_CAPABILITY_ROW), ==, 2);
  for (guint i = 0;
       i < bw_catalog_get_n_tactics (tiny) && (techniques == NULL || techniques->len == 0); i++)
    {
      g_clear_pointer (&techniques, g_ptr_array_unref);
      bw_coverage_view_show_tactic (BW_COVERAGE_VIEW (view), i);
      techniques = bw_test_find_all (view, BW_TYPE_TECHNIQUE_ROW);
    }
  g_assert_cmpuint (techniques->len, >, 0);
  g_signal_emit_by_name (gtk_widget_get_parent (techniques->pdata[0]), "row-activated", techniques->pdata[0]);
  g_assert_nonnull (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (view)));
  {
    g_autoptr(BwDocument) other = bw_test_build_document (lines);

    bw_project_set_document (project, other, NULL);
  }
  g_assert_cmpuint (count (inspector, BW_TYPE_CAPABILITY_ROW), ==, 0);
  g_assert_null (bw_coverage_view_get_technique (BW_COVERAGE_VIEW (view)));
  g_assert_cmpuint (count (view, BW_TYPE_TACTIC_ROW), ==, bw_catalog_get_n_tactics (tiny));

  /* Without a project, nothing is shown. */
  g_object_set (palette, "project", NULL, NULL);
  g_object_set (view, "project", NULL, NULL);
  g_assert_cmpuint (count (palette, BW_TYPE_PALETTE_ROW), ==, 0);
  g_assert_cmpuint (count (view, BW_TYPE_TACTIC_ROW), ==, 0);

  g_object_unref (palette);
  g_object_unref (view);
  g_object_unref (inspector);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The application registers the templates' resources. */
  app = bw_test_window_init (&argc, &argv);
  if (app == NULL)
    return BW_TEST_SKIP;
  catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/panels/palette", test_palette);
  g_test_add_func ("/panels/coverage-view", test_coverage_view);
  g_test_add_func ("/panels/coverage-view/unprotected", test_coverage_view_unprotected);
  g_test_add_func ("/panels/coverage-view/empty", test_coverage_view_empty);
  g_test_add_func ("/panels/coverage-view/rows-kept", test_coverage_view_rows_kept);
  g_test_add_func ("/panels/inspector", test_inspector);
  g_test_add_func ("/panels/inspector-scope", test_inspector_scope);
  g_test_add_func ("/panels/follow-project", test_follow_project);

  status = g_test_run ();
  g_clear_object (&catalog);
  g_clear_object (&app);
  return status;
}
