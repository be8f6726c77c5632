/* test-advisor.c: the Advisor panel on its own, under a display — its figures come from a
 * worker thread and are those of the document as it is when they are shown, the tier rows
 * are the model's tier comparison, and the group dialog keeps what is checked across a search
 * and hands back the chosen ids in catalog order. */
#include "config.h"

#include <adwaita.h>

#include "bw-advisor.h"
#include "bw-recommend.h"
#include "bw-threat-groups-dialog.h"
#include "bw-tiers.h"
#include "bw-test-util.h"
#include "bw-test-window.h"

/* The resource bundle the templates come from, linked in from the app library. */
extern GResource *bw_app_get_resource (void);

typedef struct
{
  BwCatalog  *catalog;
  BwProject  *project;
  BwDocument *document; /* the project's */
  BwHistory  *history;
  GtkWidget  *window;
  BwAdvisor  *advisor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GError) error = NULL;

  f->catalog = bw_catalog_load_default (&error);
  g_assert_no_error (error);
  f->project = bw_project_new (f->catalog);
  g_assert_true (bw_project_load (f->project, file, &error));
  g_assert_no_error (error);
  f->document = bw_project_get_document (f->project);
  f->history = bw_project_get_history (f->project);
  f->window = gtk_window_new ();
  f->advisor = BW_ADVISOR (bw_advisor_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->advisor));
  gtk_window_present (GTK_WINDOW (f->window));
  bw_advisor_set_project (f->advisor, f->project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->project);
  g_clear_object (&f->catalog);
}

/* The visible descendants of `root` of `type`, depth first (the preferences groups hold an
 * empty list of their own, hidden). */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
assert_current_recommendations (Fixture *f)
{
  g_autoptr(GPtrArray) expected = bw_recommend (f->catalog, f->document, 5, NULL, NULL);

  g_assert_cmpuint (bw_advisor_get_n_recommendations (f->advisor), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const BwRecommendation *e = g_ptr_array_index (expected, i);
      const BwRecommendation *r = bw_advisor_get_recommendation (f->advisor, i);

      g_assert_cmpstr (r->stencil, ==, e->stencil);
      g_assert_cmpint (r->action, ==, e->action);
      g_assert_cmpstr (r->from, ==, e->from);
      g_assert_cmpstr (r->target, ==, e->target);
      g_assert_cmpfloat (r->ratio_after, ==, e->ratio_after);
    }
}

/* An edit while the figures are worked out: the ones shown are the edited document's. */
static void
test_figures_follow_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(BwTiers) tiers = NULL;
  g_autofree char *id = NULL;
  guint expected_rows = 1;
  gint64 end;

  bw_advisor_refresh_now (f->advisor);
  assert_current_recommendations (f);

  /* Let the debounce run out, so the worker starts; then edit at once. */
  g_assert_true (bw_history_set_licence (f->history, "E3", NULL));
  end = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  id = bw_history_add_node (f->history, "sec.defender-for-servers", "Late", NULL, 3000, 3000, NULL);
  g_assert_nonnull (id);
  bw_advisor_refresh_now (f->advisor);
  assert_current_recommendations (f);

  /* Lists in template order: profile, recommendations, the licence group's own (holding the
   * tier row), tiers, paths. The tier rows are the tactics E5 covers differently, and the
   * total. */
  collect (GTK_WIDGET (f->advisor), GTK_TYPE_LIST_BOX, lists);
  g_assert_cmpuint (lists->len, ==, 5);
  tiers = bw_tiers_compute (f->catalog, f->document);
  for (guint i = 0; i < tiers->n_tactics; i++)
    expected_rows += bw_tiers_tactic_differs (tiers, i);
  g_assert_cmpuint (n_rows (g_ptr_array_index (lists, 3)), ==, expected_rows);
  g_assert_cmpuint (n_rows (g_ptr_array_index (lists, 1)), ==,
                    MAX (1, bw_advisor_get_n_recommendations (f->advisor)));
  g_assert_cmpstr (bw_document_get_licence (f->document), ==, "E3");
}

/* A connection is listed as one, and applying it draws one edge between nodes already there,
 * as one undo step, raising the ratio (its promised figure counts the steps before it). */
static void
test_apply_connect (Fixture       *f,
                    gconstpointer  data)
{
  guint n_nodes = bw_document_get_n_nodes (f->document);
  guint n_edges = bw_document_get_n_edges (f->document);
  const BwRecommendation *r = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean listed = FALSE;
  double before = bw_recommend_ratio (f->catalog, f->document);
  guint index = 0;

  bw_advisor_refresh_now (f->advisor);
  for (guint i = 0; i < bw_advisor_get_n_recommendations (f->advisor) && r == NULL; i++)
    if (bw_advisor_get_recommendation (f->advisor, i)->action == BW_RECOMMEND_CONNECT)
      r = bw_advisor_get_recommendation (f->advisor, index = i);
  g_assert_nonnull (r);
  collect (GTK_WIDGET (f->advisor), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));
      g_autofree char *expected = g_strdup_printf ("Connect “%s”",
                                                   bw_document_get_label (f->document, r->from));

      listed |= g_strcmp0 (title, expected) == 0;
    }
  g_assert_true (listed);

  g_assert_true (bw_advisor_apply (f->advisor, index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bw_document_get_n_nodes (f->document), ==, n_nodes);
  g_assert_cmpuint (bw_document_get_n_edges (f->document), ==, n_edges + 1);
  g_assert_cmpfloat (bw_recommend_ratio (f->catalog, f->document), >, before);
  g_assert_true (bw_history_undo (f->history));
  g_assert_cmpuint (bw_document_get_n_edges (f->document), ==, n_edges);
  g_assert_false (bw_history_get_can_undo (f->history));
}

static void
apply_cb (BwThreatGroupsDialog  *dialog,
          char                 **ids,
          char                ***out)
{
  *out = g_strdupv (ids);
}

static void
test_group_dialog (Fixture       *f,
                   gconstpointer  data)
{
  const char *chosen[] = { "G0016", NULL };
  BwThreatGroupsDialog *dialog =
      bw_threat_groups_dialog_new (GTK_WINDOW (f->window), f->catalog, chosen);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_auto(GStrv) applied = NULL;
  GtkListBox *list;
  GtkWidget *check;
  const BwGroup *last = bw_catalog_get_group (f->catalog, bw_catalog_get_n_groups (f->catalog) - 1);
  guint shown;

  g_signal_connect (dialog, "apply", G_CALLBACK (apply_cb), &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  collect (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, lists);
  collect (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, entries);
  g_assert_cmpuint (lists->len, ==, 1);
  g_assert_cmpuint (entries->len, ==, 1);
  list = g_ptr_array_index (lists, 0);
  g_assert_cmpuint (n_rows (list), ==, bw_catalog_get_n_groups (f->catalog));
  /* Typing goes to the search first. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == g_ptr_array_index (entries, 0) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         g_ptr_array_index (entries, 0)));

  /* A search shows the matching rows only; one checked there stays checked after it. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), last->id);
  g_signal_emit_by_name (g_ptr_array_index (entries, 0), "search-changed");
  shown = n_rows (list);
  g_assert_cmpuint (shown, >=, 1);
  g_assert_cmpuint (shown, <, bw_catalog_get_n_groups (f->catalog));
  g_assert_cmpstr (
      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
      ==, last->name);
  check = adw_action_row_get_activatable_widget (
      ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "");
  g_signal_emit_by_name (g_ptr_array_index (entries, 0), "search-changed");
  g_assert_cmpuint (n_rows (list), ==, bw_catalog_get_n_groups (f->catalog));

  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  g_assert_nonnull (applied);
  g_assert_cmpuint (g_strv_length (applied), ==, 2);
  g_assert_cmpstr (applied[0], ==, "G0016");
  g_assert_cmpstr (applied[1], ==, last->id);
}

int
main (int    argc,
      char **argv)
{
  if (!bw_test_window_init_display (&argc, &argv))
    return BW_TEST_SKIP;
  adw_init ();
  (void) bw_app_get_resource ();

  g_test_add ("/advisor/figures-follow-edits", Fixture, NULL, fixture_set_up,
              test_figures_follow_edits, fixture_tear_down);
  g_test_add ("/advisor/apply-connect", Fixture, NULL, fixture_set_up, test_apply_connect,
              fixture_tear_down);
  g_test_add ("/advisor/group-dialog", Fixture, NULL, fixture_set_up, test_group_dialog,
              fixture_tear_down);
  return g_test_run ();
}
