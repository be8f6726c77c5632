/* bw-bench-diagram.c: see bw-bench-diagram.h. */
#include "config.h"

#include "bw-bench-diagram.h"

#define N_NODES BW_BENCH_N_NODES
#define N_EDGES BW_BENCH_N_EDGES

static const char *const asset_kinds[] = { "azure.vm", "onprem.windows-server", "onprem.sql-database",
                                           "m365.exchange", "azure.storage" };
static const char *const service_kinds[] = { "sec.defender-for-servers", "sec.nsg",
                                             "sec.defender-for-endpoint" };

BwDocument *
bw_bench_build_diagram (void)
{
  BwDocument *doc = bw_document_new ();
  GRand *rand = g_rand_new_with_seed (42);
  int cols = 50;

  /* A 50 × 40 grid of nodes inside 10 zones, like a very large estate. */
  for (int z = 0; z < 10; z++)
    {
      g_autofree char *id = g_strdup_printf ("z%d", z + 1);
      g_autofree char *label = g_strdup_printf ("Zone %d", z + 1);

      bw_document_add_zone (doc, id, "zone.azure", label, NULL, (z % 5) * 1600.0 - 16,
                            (z / 5) * 3200.0 - 48, 1568, 3168, NULL);
    }
  for (int i = 0; i < N_NODES; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%d", i + 1);
      g_autofree char *label = g_strdup_printf ("Node %d with a longer label", i + 1);
      int col = i % cols;
      int row = i / cols;
      const char *kind = i % 4 == 0 ? service_kinds[i % G_N_ELEMENTS (service_kinds)]
                                    : asset_kinds[i % G_N_ELEMENTS (asset_kinds)];
      g_autofree char *zone = g_strdup_printf ("z%d", (col / 10) + 1 + (row >= 20 ? 5 : 0));

      bw_document_add_node (doc, id, kind, label, zone, col * 160.0, row * 160.0, NULL, NULL);
    }
  for (int i = 0; i < (g_getenv ("BW_BENCH_NOEDGES") ? 0 : N_EDGES); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%d", i + 1);
      int a = g_rand_int_range (rand, 0, N_NODES);
      int b = (a + g_rand_int_range (rand, 1, 60)) % N_NODES;
      g_autofree char *from = g_strdup_printf ("n%d", a + 1);
      g_autofree char *to = g_strdup_printf ("n%d", b + 1);

      bw_document_add_edge (doc, id, g_getenv ("BW_BENCH_SOLID") ? BW_EDGE_PROTECTS : BW_EDGE_FLOW, from, to, NULL);
    }
  g_rand_free (rand);
  return doc;
}
