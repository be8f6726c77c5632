/* test-selection.c: the canvas's selection without a display — selecting, extending, document
 * order, select all, the focus, and forgetting what the document no longer has. */
#include "config.h"

#include "bw-document-io.h"
#include "bw-history.h"
#include "bw-selection.h"
#include "bw-test-util.h"

static void
count_cb (BwSelection *selection,
          guint       *counter)
{
  (*counter)++;
}

static char *
joined (BwSelection *selection)
{
  g_autoptr(GPtrArray) ids = bw_selection_get_ids (selection);

  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
test_select (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autoptr(BwSelection) selection = bw_selection_new ();
  guint changed = 0;

  g_assert_nonnull (doc);
  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changed);
  bw_selection_set_document (selection, doc);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (bw_selection_get_size (selection), ==, 0);
  g_assert_null (bw_selection_get_focused (selection));

  /* One object, then another instead, then both. */
  bw_selection_select (selection, "n2", FALSE);
  bw_selection_select (selection, "n1", FALSE);
  g_assert_cmpuint (bw_selection_get_size (selection), ==, 1);
  g_assert_true (bw_selection_contains (selection, "n1"));
  bw_selection_select (selection, "n2", TRUE);
  g_assert_cmpstr (bw_selection_get_focused (selection), ==, "n2");
  /* Listed in document order, whatever order they were picked in: zones, nodes, edges. */
  bw_selection_select (selection, "z1", TRUE);
  {
    g_autofree char *ids = joined (selection);

    g_assert_cmpstr (ids, ==, "z1 n1 n2");
  }
  /* Extending with a selected one takes it out. */
  bw_selection_select (selection, "n1", TRUE);
  g_assert_false (bw_selection_contains (selection, "n1"));
  g_assert_cmpuint (changed, ==, 6);

  /* Clearing keeps the focus, so Tab goes on from there. */
  bw_selection_clear (selection);
  g_assert_cmpuint (bw_selection_get_size (selection), ==, 0);
  g_assert_cmpstr (bw_selection_get_focused (selection), ==, "n1");

  /* Everything: zones and nodes, not the edges. */
  bw_selection_select_all (selection);
  g_assert_cmpuint (bw_selection_get_size (selection),
                    ==, bw_document_get_n_zones (doc) + bw_document_get_n_nodes (doc));
  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    g_assert_false (bw_selection_contains (selection, bw_document_get_edge (doc, i)->id));

  /* A new document forgets the selection and the focus. */
  bw_selection_set_document (selection, doc);
  g_assert_cmpuint (bw_selection_get_size (selection), ==, 0);
  g_assert_null (bw_selection_get_focused (selection));
  {
    const char *ids[] = { "n1", "z1", NULL };

    bw_selection_add (selection, ids);
    g_assert_cmpuint (bw_selection_get_size (selection), ==, 2);
  }
}

static void
test_prune (void)
{
  g_autofree char *path = bw_test_source_path ("tests/fixtures/good/small.bulwark");
  g_autoptr(BwDocument) doc = bw_document_load_from_file (path, NULL);
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(BwSelection) selection = bw_selection_new ();
  const char *zone[] = { "z1", NULL };
  guint changed = 0;

  bw_selection_set_document (selection, doc);
  bw_selection_select (selection, "z1", FALSE);
  bw_selection_select (selection, "n1", TRUE);
  g_signal_connect (selection, "changed", G_CALLBACK (count_cb), &changed);

  /* Nothing gone: no change. */
  bw_selection_prune (selection);
  g_assert_cmpuint (changed, ==, 0);

  /* Removing the zone takes its nodes: both leave the selection, with one change. */
  g_assert_true (bw_history_remove (history, zone, NULL));
  bw_selection_prune (selection);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (bw_selection_get_size (selection), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/selection/select", test_select);
  g_test_add_func ("/selection/prune", test_prune);

  return g_test_run ();
}
