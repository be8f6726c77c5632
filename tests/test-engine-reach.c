/* test-engine-reach.c: rule 2's reach(x), memoised per collector since it was quadratic in a
 * chain of collectors, against a plain breadth-first search on random telemetry graphs with
 * cycles among collectors, while edges come and go; and a 100,000-collector chain. */
#include "config.h"

#include "bw-engine.h"
#include "bw-test-util.h"

static const BwStencil *
stencil_of (BwCatalog  *catalog,
            BwDocument *doc,
            const char *id)
{
  const BwNode *node = bw_document_lookup_node (doc, id);

  return node != NULL ? bw_catalog_lookup_stencil (catalog, node->kind) : NULL;
}

/* The SIEMs reached from `start` along telemetry edges, passing on through collectors only. */
static void
oracle_reach (BwCatalog  *catalog,
              BwDocument *doc,
              const char *start,
              GHashTable *siems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_hash_table_add (seen, (gpointer) start);
  g_ptr_array_add (queue, (gpointer) start);
  for (guint head = 0; head < queue->len; head++)
    {
      const char *from = g_ptr_array_index (queue, head);

      for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
        {
          const BwEdge *e = bw_document_get_edge (doc, i);
          const BwStencil *s;

          if (e->kind != BW_EDGE_TELEMETRY || !g_str_equal (e->from, from) ||
              !g_hash_table_add (seen, e->to))
            continue;
          s = stencil_of (catalog, doc, e->to);
          if (s != NULL && s->role == BW_ROLE_SERVICE && s->siem)
            g_hash_table_add (siems, e->to);
          else if (s != NULL && s->role == BW_ROLE_COLLECTOR)
            g_ptr_array_add (queue, e->to);
        }
    }
}

/* Rules 1 (protects edges straight into the asset; no zones here) and 2, by brute force, as
 * ids in document order joined by spaces. */
static char *
oracle_covering (BwCatalog  *catalog,
                 BwDocument *doc,
                 const BwNode *asset)
{
  g_autoptr(GHashTable) covering = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) siems = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) direct = g_ptr_array_new ();
  GHashTableIter iter;
  const char *id;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < bw_document_get_n_edges (doc); i++)
    {
      const BwEdge *e = bw_document_get_edge (doc, i);
      const BwStencil *s = stencil_of (catalog, doc, e->from);

      if (e->kind == BW_EDGE_PROTECTS && g_str_equal (e->to, asset->id) && s != NULL &&
          s->role == BW_ROLE_SERVICE && !s->siem && bw_stencil_admits (s, asset->kind))
        {
          g_hash_table_add (covering, e->from);
          g_ptr_array_add (direct, e->from);
        }
    }
  oracle_reach (catalog, doc, asset->id, siems);
  for (guint i = 0; i < direct->len; i++)
    oracle_reach (catalog, doc, g_ptr_array_index (direct, i), siems);
  g_hash_table_iter_init (&iter, siems);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (bw_stencil_admits (stencil_of (catalog, doc, id), asset->kind))
      g_hash_table_add (covering, (gpointer) id);

  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);

      if (g_hash_table_contains (covering, n->id))
        g_string_append_printf (out, "%s%s", out->len ? " " : "", n->id);
    }
  return g_string_free (out, FALSE);
}

static char *
engine_covering (BwEngine   *engine,
                 const char *asset)
{
  g_autoptr(GPtrArray) ids = bw_engine_get_covering (engine, asset);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", (const char *) g_ptr_array_index (ids, i));
  return g_string_free (out, FALSE);
}

static void
check_all_assets (BwCatalog  *catalog,
                  BwDocument *doc,
                  BwEngine   *engine,
                  guint       seed,
                  guint       step)
{
  g_autoptr(BwReport) full = bw_engine_compute (catalog, doc);
  g_autofree char *live = bw_report_to_json (bw_engine_get_report (engine), catalog, NULL);
  g_autofree char *fresh = bw_report_to_json (full, catalog, NULL);

  g_assert_cmpstr (live, ==, fresh);
  for (guint i = 0; i < bw_document_get_n_nodes (doc); i++)
    {
      const BwNode *n = bw_document_get_node (doc, i);
      const BwStencil *s = bw_catalog_lookup_stencil (catalog, n->kind);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      if (s == NULL || s->role != BW_ROLE_ASSET)
        continue;
      expected = oracle_covering (catalog, doc, n);
      got = engine_covering (engine, n->id);
      if (g_strcmp0 (expected, got) != 0)
        g_error ("seed %u, step %u, asset %s: covered by “%s”, expected “%s”", seed, step, n->id,
                 got, expected);
    }
}

/* A node id; half the time a collector's, so that cycles of collectors are common. */
static char *
pick (BwDocument *doc,
      BwCatalog  *catalog,
      GRand      *rand,
      guint       n_nodes)
{
  gboolean collector = g_rand_boolean (rand);

  for (guint tries = 0; tries < 32; tries++)
    {
      char *id = g_strdup_printf ("n%d", g_rand_int_range (rand, 0, n_nodes));
      const BwStencil *s = stencil_of (catalog, doc, id);

      if (!collector || (s != NULL && s->role == BW_ROLE_COLLECTOR))
        return id;
      g_free (id);
    }
  return g_strdup_printf ("n%d", g_rand_int_range (rand, 0, n_nodes));
}

/* Random graphs, dense in collectors so that cycles and shared tails are common; edges are
 * added and removed one at a time while the engine follows. */
static void
test_random_graphs (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  static const char *const kinds[] = { "win", "lin", "web", "svc", "svc.win", "siem", "col", "col", "col" };
  guint checks = 0;

  for (guint seed = 1; seed <= 60; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BwDocument) doc = bw_document_new ();
      g_autoptr(BwEngine) engine = bw_engine_new (catalog);
      guint n_nodes = g_rand_int_range (rand, 4, 24);
      guint next_edge = 0;

      for (guint i = 0; i < n_nodes; i++)
        {
          g_autofree char *id = g_strdup_printf ("n%u", i);

          g_assert_nonnull (bw_document_add_node (
              doc, id, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], id, NULL, 0, 0,
              NULL, NULL));
        }
      bw_engine_set_document (engine, doc);
      for (guint step = 0; step < 60; step++)
        {
          guint ne = bw_document_get_n_edges (doc);

          if (ne > 0 && g_rand_int_range (rand, 0, 4) == 0)
            {
              g_autofree char *id =
                  g_strdup (bw_document_get_edge (doc, g_rand_int_range (rand, 0, ne))->id);

              g_assert_true (bw_document_remove (doc, id, NULL));
            }
          else
            {
              g_autofree char *id = g_strdup_printf ("e%u", next_edge++);
              g_autofree char *from = pick (doc, catalog, rand, n_nodes);
              g_autofree char *to = pick (doc, catalog, rand, n_nodes);
              BwEdgeKind kind = g_rand_int_range (rand, 0, 5) == 0 ? BW_EDGE_PROTECTS
                                                                   : BW_EDGE_TELEMETRY;

              /* Self loops and the like are refused by the document: nothing to check then. */
              if (bw_document_add_edge (doc, id, kind, from, to, NULL) == NULL)
                continue;
            }
          check_all_assets (catalog, doc, engine, seed, step);
          checks++;
        }
    }
  g_assert_cmpuint (checks, >, 1000);
}

/* A chain of 100,000 collectors: answered without recursion (no stack overflow) and in about
 * the time of the chain's length, every asset along it covered by the SIEM at its end. */
static void
test_long_chain (void)
{
  g_autoptr(BwCatalog) catalog = bw_test_tiny_catalog ();
  g_autoptr(BwDocument) doc = bw_document_new ();
  g_autoptr(BwReport) report = NULL;
  const guint n = 100000;
  guint e = 0;

  g_assert_nonnull (bw_document_add_node (doc, "siem", "siem", "SIEM", NULL, 0, 0, NULL, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *c = g_strdup_printf ("c%u", i);

      g_assert_nonnull (bw_document_add_node (doc, c, "col", c, NULL, 0, 0, NULL, NULL));
    }
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *a = g_strdup_printf ("a%u", i);

      g_assert_nonnull (bw_document_add_node (doc, a, "lin", a, NULL, 0, 0, NULL, NULL));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", e++);
      g_autofree char *from = g_strdup_printf ("c%u", i);
      g_autofree char *to = i + 1 < n ? g_strdup_printf ("c%u", i + 1) : g_strdup ("siem");

      g_assert_nonnull (bw_document_add_edge (doc, id, BW_EDGE_TELEMETRY, from, to, NULL));
    }
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", e++);
      g_autofree char *from = g_strdup_printf ("a%u", i);
      g_autofree char *to = g_strdup_printf ("c%u", i * (n / 10));

      g_assert_nonnull (bw_document_add_edge (doc, id, BW_EDGE_TELEMETRY, from, to, NULL));
    }
  report = bw_engine_compute (catalog, doc);
  for (guint i = 0; i < bw_report_get_n_assets (report); i++)
    g_assert_cmpuint (
        bw_report_get_asset (report, i)->covered + bw_report_get_asset (report, i)->partial, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/reach/random-graphs", test_random_graphs);
  g_test_add_func ("/engine/reach/long-chain", test_long_chain);
  return g_test_run ();
}
