/* test-arrange.c: automatic layout — nothing overlaps, every node inside its zone, every zone
 * inside its parent, services beside what they protect, the same bytes every time, and Arrange
 * as one undo step; on the samples and on generated estates. */
#include "config.h"

#include "bw-arrange.h"
#include "bw-document-io.h"
#include "bw-test-arranged.h"
#include "bw-test-util.h"

static BwDocument *
load_sample (void)
{
  g_autofree char *path = bw_test_source_path ("data/samples/reference-architecture.bulwark");
  g_autoptr(GError) error = NULL;
  BwDocument *doc = bw_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_sample (void)
{
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (NULL);
  g_autoptr(BwDocument) doc = load_sample ();
  g_autoptr(BwDocument) again = load_sample ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  bw_arrange_apply (doc, catalog);
  bw_test_assert_arranged (doc);
  first = bw_document_to_data (doc, NULL);
  bw_arrange_apply (again, catalog);
  second = bw_document_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);
  /* Arranging an arranged document changes nothing. */
  bw_arrange_apply (doc, catalog);
  third = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (first, ==, third);
}

/* An estate of `n_zones` zones nested at random and `n_nodes` nodes scattered among them, the
 * services protecting random assets, all at random positions. */
static BwDocument *
generate (guint32 seed,
          guint   n_zones,
          guint   n_nodes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BwDocument *doc = bw_document_new ();
  static const char *kinds[] = { "azure.vm", "azure.storage", "sec.nsg", "mon.log-analytics",
                                 "azure.sql-database", "sec.defender-for-servers" };

  for (guint i = 0; i < n_zones; i++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", i);
      g_autofree char *parent = i > 0 && g_rand_boolean (rand)
                                  ? g_strdup_printf ("z%u", g_rand_int_range (rand, 0, i)) : NULL;

      g_assert_nonnull (bw_document_add_zone (doc, id, "zone.azure", id, parent,
                                              g_rand_double_range (rand, -500, 500),
                                              g_rand_double_range (rand, -500, 500),
                                              g_rand_double_range (rand, 50, 900),
                                              g_rand_double_range (rand, 50, 900), NULL));
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *zone = n_zones > 0 && g_rand_int_range (rand, 0, 10) > 0
                                ? g_strdup_printf ("z%u", g_rand_int_range (rand, 0, n_zones))
                                : NULL;

      g_assert_nonnull (bw_document_add_node (doc, id, kinds[g_rand_int_range (rand, 0, 6)], id,
                                              zone, g_rand_double_range (rand, -900, 900),
                                              g_rand_double_range (rand, -900, 900), NULL, NULL));
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      const BwNode *t = bw_document_get_node (doc, g_rand_int_range (rand, 0, n_nodes));

      if (g_str_has_prefix (n->kind, "sec.") && g_str_has_prefix (t->kind, "azure."))
        bw_document_add_edge (doc, NULL, BW_EDGE_PROTECTS, n->id, t->id, NULL);
    }
  return doc;
}

static void
test_generated (void)
{
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (NULL);
  static const guint sizes[][2] = { { 0, 0 }, { 0, 7 }, { 1, 0 }, { 5, 40 }, { 30, 200 },
                                    { 80, 600 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint32 seed = 1; seed <= 3; seed++)
      {
        g_autoptr(BwDocument) doc = generate (seed, sizes[s][0], sizes[s][1]);
        g_autoptr(BwDocument) twin = generate (seed, sizes[s][0], sizes[s][1]);
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;

        bw_arrange_apply (doc, catalog);
        bw_test_assert_arranged (doc);
        bw_arrange_apply (twin, catalog);
        a = bw_document_to_data (doc, NULL);
        b = bw_document_to_data (twin, NULL);
        g_assert_cmpstr (a, ==, b);
      }
}

/* A service that protects an asset of its own zone is placed right after it. */
static void
test_service_beside (void)
{
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (NULL);
  g_autoptr(BwDocument) doc = bw_document_new ();
  const BwNode *vm, *nsg;

  bw_document_add_zone (doc, "z1", "zone.azure", "Azure", NULL, 0, 0, 10, 10, NULL);
  bw_document_add_node (doc, "nsg", "sec.nsg", "NSG", "z1", 0, 0, NULL, NULL);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("vm%u", i);

      bw_document_add_node (doc, id, "azure.vm", id, "z1", 0, 0, NULL, NULL);
    }
  bw_document_add_edge (doc, NULL, BW_EDGE_PROTECTS, "nsg", "vm5", NULL);
  bw_arrange_apply (doc, catalog);
  vm = bw_document_lookup_node (doc, "vm5");
  nsg = bw_document_lookup_node (doc, "nsg");
  /* Four columns for nine cards: vm5 is the sixth card (second row), the NSG the seventh. */
  g_assert_cmpfloat (nsg->y, ==, vm->y);
  g_assert_cmpfloat (nsg->x, ==, vm->x + BW_NODE_WIDTH + BW_ARRANGE_GAP);
  bw_test_assert_arranged (doc);
}

static void
test_undo (void)
{
  g_autoptr(BwCatalog) catalog = bw_catalog_load_default (NULL);
  g_autoptr(BwDocument) doc = generate (7, 12, 60);
  g_autoptr(BwHistory) history = bw_history_new (doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bw_document_to_data (doc, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (bw_arrange_history (history, catalog, &error));
  g_assert_no_error (error);
  g_assert_true (bw_history_get_can_undo (history));
  g_assert_cmpstr (bw_history_get_undo_label (history), ==, "Arrange");
  bw_test_assert_arranged (doc);
  after = bw_document_to_data (doc, NULL);

  /* One step: a single undo brings every zone and node back. */
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
  undone = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (bw_history_redo (history));
  redone = bw_document_to_data (doc, NULL);
  g_assert_cmpstr (redone, ==, after);

  /* Arranging again is no step at all. */
  g_assert_true (bw_arrange_history (history, catalog, &error));
  g_assert_true (bw_history_undo (history));
  g_assert_false (bw_history_get_can_undo (history));
}

/* Deep nesting is sized without recursion. */
static void
test_deep (void)
{
  g_autoptr(BwDocument) doc = bw_document_new ();

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("z%u", i);
      g_autofree char *parent = i > 0 ? g_strdup_printf ("z%u", i - 1) : NULL;

      bw_document_add_zone (doc, id, "zone.azure", id, parent, 0, 0, 10, 10, NULL);
    }
  bw_document_add_node (doc, "n", "azure.vm", "n", "z2999", 0, 0, NULL, NULL);
  bw_arrange_apply (doc, NULL);
  g_assert_cmpfloat (bw_document_lookup_zone (doc, "z0")->w, >,
                     bw_document_lookup_zone (doc, "z2999")->w);
  g_assert_cmpfloat (bw_document_lookup_node (doc, "n")->x, ==, 3000 * BW_ARRANGE_PADDING);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arrange/sample", test_sample);
  g_test_add_func ("/arrange/generated", test_generated);
  g_test_add_func ("/arrange/service-beside", test_service_beside);
  g_test_add_func ("/arrange/undo", test_undo);
  g_test_add_func ("/arrange/deep", test_deep);
  return g_test_run ();
}
